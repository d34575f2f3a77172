/**
 * Probe (not part of `npm run bench`): what the colleague gather — half of a 1M-staff week — would
 * gain from both cores. The engine's gather (gatherWordOfMouth, src/sim/staff-week.ts) over
 * state in SharedArrayBuffers, done by this thread alone, then split in two halves of
 * the staff with a worker thread taking one; each person's sum is made in the same order either
 * way, so the outputs must be byte-identical (checked). Backs docs/PERFORMANCE.md's estimate for
 * a two-core run.
 *
 *   node bench/probes/two-core-gather.js [N] [weeks]      (needs a build; default 1,000,000 and 20)
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { gatherWordOfMouth } from '../../dist/sim/staff-week.js';

/** The engine's gather for people lo .. hi. */
function gather(lo, hi, offsets, neighbors, metAround, metTrust, trustPull, trustWeight, weeklyRate) {
  gatherWordOfMouth(lo, hi, offsets, neighbors, metAround, metTrust, { trustPull, trustWeight }, weeklyRate);
}

const RATE = 0.05;

function views(buffers) {
  return {
    offsets: new Int32Array(buffers.offsets),
    neighbors: new Int32Array(buffers.neighbors),
    metAround: new Int32Array(buffers.metAround),
    metTrust: new Float64Array(buffers.metTrust),
    trustPull: new Float64Array(buffers.trustPull),
    trustWeight: new Float64Array(buffers.trustWeight),
    control: new Int32Array(buffers.control),
  };
}

if (!isMainThread) {
  // control[0]: generation asked for; control[1]: generation done; control[2], [3]: the range.
  const v = views(workerData);
  let generation = 0;
  parentPort.postMessage('ready');
  for (;;) {
    Atomics.wait(v.control, 0, generation);
    generation = Atomics.load(v.control, 0);
    if (generation < 0) break;
    gather(v.control[2], v.control[3], v.offsets, v.neighbors, v.metAround, v.metTrust, v.trustPull, v.trustWeight, RATE);
    Atomics.store(v.control, 1, generation);
    Atomics.notify(v.control, 1);
  }
} else {
  const { buildOrganization, RandomStream } = await import('../../dist/sim/index.js');
  const { scaledFoundation } = await import('../cases/full.js');
  const n = Number(process.argv[2] ?? 1_000_000);
  const weeks = Number(process.argv[3] ?? 20);
  const org = buildOrganization(scaledFoundation(n).scenario, new RandomStream('two-core'));
  const shared = (Type, length) => new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));
  const offsets = shared(Int32Array, org.offsets.length);
  offsets.set(org.offsets);
  const neighbors = shared(Int32Array, org.neighbors.length);
  neighbors.set(org.neighbors);
  // A state as a mid-run week has it: a third of the staff have met the ISPs.
  const rng = new RandomStream('state');
  const met = new Uint8Array(n);
  const metTrust = shared(Float64Array, n);
  for (let j = 0; j < n; j++) {
    met[j] = rng.next() < 1 / 3 ? 1 : 0;
    metTrust[j] = met[j] * rng.next();
  }
  const metAround = shared(Int32Array, n);
  for (let i = 0; i < n; i++) for (let k = offsets[i]; k < offsets[i + 1]; k++) metAround[i] += met[neighbors[k]];
  const trustPull = shared(Float64Array, n);
  const trustWeight = shared(Float64Array, n);
  const control = shared(Int32Array, 4);
  const buffers = Object.fromEntries(
    Object.entries({ offsets, neighbors, metAround, metTrust, trustPull, trustWeight, control }).map(([name, array]) => [name, array.buffer]),
  );
  const worker = new Worker(fileURLToPath(import.meta.url), { workerData: buffers });
  await new Promise((resolve) => worker.once('message', resolve));

  const alone = () => gather(0, n, offsets, neighbors, metAround, metTrust, trustPull, trustWeight, RATE);
  let generation = 0;
  const split = () => {
    // Halves by ties, not people: equal work. The worker takes the second half.
    const half = offsets.findIndex((offset) => offset >= neighbors.length / 2);
    control[2] = half;
    control[3] = n;
    generation++;
    Atomics.store(control, 0, generation);
    Atomics.notify(control, 0);
    gather(0, half, offsets, neighbors, metAround, metTrust, trustPull, trustWeight, RATE);
    while (Atomics.load(control, 1) !== generation) Atomics.wait(control, 1, Atomics.load(control, 1));
  };
  const time = (step) => {
    const ms = [];
    for (let week = 0; week < weeks; week++) {
      const start = performance.now();
      step();
      ms.push(performance.now() - start);
    }
    return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
  };
  const bytes = () => Buffer.concat([Buffer.from(trustPull.buffer), Buffer.from(trustWeight.buffer)]);
  alone();
  const reference = bytes();
  split();
  const identical = reference.equals(bytes());
  for (let round = 0; round < 3; round++) {
    const one = time(alone);
    const two = time(split);
    console.log(`N = ${n.toLocaleString('en')}: gather on one thread ${one.toFixed(1)} ms, on two ${two.toFixed(1)} ms (medians of ${weeks} weeks): ${(one / two).toFixed(2)}×`);
  }
  console.log(`outputs byte-identical one thread vs two: ${identical}`);
  control[0] = -1;
  Atomics.notify(control, 0);
  await worker.terminate();
}
