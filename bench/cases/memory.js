/**
 * The memory probe, child side: how fast this machine moves memory, so the bench can say how far
 * case (b)'s colleague gather at 1M staff is from the machine's limit (docs/PERFORMANCE.md, "The
 * bound").
 *
 *   sequential — one pass summing a 128 MB Float64Array: the read bandwidth a streaming pass gets;
 *   gather     — the engine's tie lists at N = 1M (the scaled foundation's organization, built as
 *                case (b) builds it): every tie's colleague read from a Float32Array of 1M, as the
 *                word-of-mouth push does (each who met adds to each colleague) but for everyone and
 *                with nothing else in the loop: the fastest the week's random visits can go here;
 *   latency    — a dependent chain of random reads over 64 MB (each read's address from the last):
 *                one cache and TLB miss at a time, the floor under any visit that misses.
 * Each rep times all three; the driver takes medians.
 */
import { buildOrganization, RandomStream } from '../../dist/sim/index.js';
import { timed } from '../lib/measure.js';
import { scaledFoundation } from './full.js';

const SEQUENTIAL_BYTES = 128 * 2 ** 20;
const CHAIN_ENTRIES = 16 * 2 ** 20; // Int32 × 16M = 64 MB
const CHAIN_STEPS = 4_000_000;

let sequential;
let org;
let colleague;
let sums;
let chain;

export function setup(p) {
  sequential = new Float64Array(SEQUENTIAL_BYTES / 8).fill(1);
  org = buildOrganization(scaledFoundation(p.n).scenario, new RandomStream('bench/memory'));
  colleague = new Float32Array(org.staff).fill(0.5);
  sums = new Float32Array(org.staff);
  // One random cycle through all entries (Sattolo's shuffle), so the chain never short-cuts.
  const rng = new RandomStream('bench/memory/chain');
  chain = new Int32Array(CHAIN_ENTRIES);
  for (let k = 0; k < CHAIN_ENTRIES; k++) chain[k] = k;
  for (let k = CHAIN_ENTRIES - 1; k > 0; k--) {
    const j = rng.below(k);
    const t = chain[k];
    chain[k] = chain[j];
    chain[j] = t;
  }
  rep(-1); // warm-up: compile the three loops
  return { ties: org.neighbors.length, staff: org.staff };
}

function sumAll(values) {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += values[k];
  return total;
}

function pushAll(offsets, neighbors, from, to) {
  to.fill(0);
  const n = from.length;
  for (let j = 0; j < n; j++) {
    const t = from[j];
    const last = offsets[j + 1];
    for (let k = offsets[j]; k < last; k++) to[neighbors[k]] += t;
  }
}

function follow(next, steps) {
  let at = 0;
  for (let s = 0; s < steps; s++) at = next[at];
  return at;
}

export function rep() {
  const read = timed(() => sumAll(sequential));
  const gather = timed(() => pushAll(org.offsets, org.neighbors, colleague, sums));
  const latency = timed(() => follow(chain, CHAIN_STEPS));
  return {
    sequentialGBps: SEQUENTIAL_BYTES / 1e9 / (read.wallMs / 1000),
    gatherVisitsPerSecond: org.neighbors.length / (gather.wallMs / 1000),
    latencyNs: (latency.wallMs * 1e6) / CHAIN_STEPS,
  };
}
