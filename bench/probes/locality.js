/**
 * Probe (not part of `npm run bench`): would numbering staff by network locality speed up the
 * colleague visits at 1M? Builds the scaled foundation's organization, renumbers it by reverse
 * Cuthill–McKee (a breadth-first order from a low-degree person, colleagues by ascending degree,
 * reversed) — people one by one, and units as blocks — and compares the numberings: how many ties land near their person (same 4 KB
 * page of a Float32 array: |i − j| < 1024), and the CPU time of a bare push over every tie
 * (as bench/cases/memory.js), interleaved.
 *
 *   node bench/probes/locality.js [N]      (default 1,000,000; needs a build)
 */
import { buildOrganization, RandomStream } from '../../dist/sim/index.js';
import { scaledFoundation } from '../cases/full.js';

const n = Number(process.argv[2] ?? 1_000_000);
const org = buildOrganization(scaledFoundation(n).scenario, new RandomStream('locality'));

/** Reverse Cuthill–McKee over every component: order[k] = the person numbered k. */
function reverseCuthillMcKee(offsets, neighbors) {
  const size = offsets.length - 1;
  const degree = (i) => offsets[i + 1] - offsets[i];
  const byDegree = Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => degree(a) - degree(b) || a - b);
  const placed = new Uint8Array(size);
  const order = new Int32Array(size);
  let head = 0;
  let tail = 0;
  const scratch = [];
  for (const start of byDegree) {
    if (placed[start]) continue;
    placed[start] = 1;
    order[tail++] = start;
    while (head < tail) {
      const i = order[head++];
      scratch.length = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) if (!placed[neighbors[k]]) scratch.push(neighbors[k]);
      scratch.sort((a, b) => degree(a) - degree(b) || a - b);
      for (const j of scratch) {
        placed[j] = 1;
        order[tail++] = j;
      }
    }
  }
  return order.reverse();
}

function renumbered(offsets, neighbors, order) {
  const size = order.length;
  const newId = new Int32Array(size);
  for (let k = 0; k < size; k++) newId[order[k]] = k;
  const newOffsets = new Int32Array(size + 1);
  const newNeighbors = new Int32Array(neighbors.length);
  for (let k = 0; k < size; k++) {
    const i = order[k];
    const from = newOffsets[k];
    let to = from;
    for (let t = offsets[i]; t < offsets[i + 1]; t++) newNeighbors[to++] = newId[neighbors[t]];
    newNeighbors.subarray(from, to).sort();
    newOffsets[k + 1] = to;
  }
  return { offsets: newOffsets, neighbors: newNeighbors };
}

function nearShare({ offsets, neighbors }) {
  let near = 0;
  for (let i = 0; i < offsets.length - 1; i++) for (let k = offsets[i]; k < offsets[i + 1]; k++) if (Math.abs(neighbors[k] - i) < 1024) near++;
  return near / neighbors.length;
}

function push({ offsets, neighbors }, from, to) {
  to.fill(0);
  for (let j = 0; j < from.length; j++) {
    const t = from[j];
    for (let k = offsets[j]; k < offsets[j + 1]; k++) to[neighbors[k]] += t;
  }
}

/**
 * Units renumbered by RCM on the graph of units (u, v tied when any of their people are), each
 * unit's people kept together and in their order: the variant the engine could adopt, since its
 * passes rely on units and teams being contiguous blocks of staff.
 */
function unitOrder(org) {
  const { units, unitStart, unitOf, offsets, neighbors } = org;
  const lists = Array.from({ length: units }, () => new Set());
  for (let i = 0; i < org.staff; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const v = unitOf[neighbors[k]];
      if (v !== unitOf[i]) lists[unitOf[i]].add(v);
    }
  }
  const unitOffsets = new Int32Array(units + 1);
  const flat = [];
  for (let u = 0; u < units; u++) {
    flat.push(...[...lists[u]].sort((a, b) => a - b));
    unitOffsets[u + 1] = flat.length;
  }
  const unitRank = reverseCuthillMcKee(unitOffsets, Int32Array.from(flat));
  const order = new Int32Array(org.staff);
  let k = 0;
  for (const u of unitRank) for (let i = unitStart[u]; i < unitStart[u + 1]; i++) order[k++] = i;
  return order;
}

const t0 = performance.now();
const order = reverseCuthillMcKee(org.offsets, org.neighbors);
const rcm = renumbered(org.offsets, org.neighbors, order);
const t1 = performance.now();
const byUnits = renumbered(org.offsets, org.neighbors, unitOrder(org));
console.log(`N = ${n}: ${org.neighbors.length} tie ends; RCM numbering of people in ${((t1 - t0) / 1000).toFixed(1)} s, of units in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
const numberings = { 'as generated (units, teams contiguous)': org, 'reverse Cuthill–McKee': rcm, 'units by RCM, people kept in their unit': byUnits };
for (const [name, csr] of Object.entries(numberings)) console.log(`  ${name}: ${(100 * nearShare(csr)).toFixed(1)} % of ties within 1,024 places (one 4 KB page of Float32)`);

const from = new Float32Array(n).fill(0.5);
const to = new Float32Array(n);
const cpu = {};
for (let round = 0; round < 6; round++) {
  for (const [name, csr] of Object.entries(numberings)) {
    const c0 = process.cpuUsage();
    push(csr, from, to);
    const used = process.cpuUsage(c0);
    if (round > 0) (cpu[name] ??= []).push((used.user + used.system) / 1000);
  }
}
for (const [name, times] of Object.entries(cpu)) {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`  ${name}: push over every tie, best ${sorted[0].toFixed(1)} ms, median ${sorted[sorted.length >> 1].toFixed(1)} ms CPU (${((org.neighbors.length / sorted[0]) / 1e3).toFixed(0)} M visits/s at best)`);
}
