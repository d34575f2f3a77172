/**
 * Probe (not part of `npm run bench`): what a scan of everyone's ties costs by how much state it
 * gathers from colleagues, on the scaled foundation network. Backs docs/PERFORMANCE.md's claim that
 * at a million staff the weekly colleague scan is bound by fetching colleagues' state from all over
 * memory, not by arithmetic or sequential bandwidth.
 *
 *   node bench/probes/tie-scan.js [N]      (default 1,000,000; needs a build)
 * Prints the best and median CPU time of each variant, interleaved over several rounds.
 */
import { buildOrganization, RandomStream } from '../../dist/sim/index.js';
import { scaledFoundation } from '../cases/full.js';

const n = Number(process.argv[2] ?? 1_000_000);
const org = buildOrganization(scaledFoundation(n).scenario, new RandomStream('tie-scan'));
const { offsets, neighbors } = org;
const rng = new RandomStream('state');
const applying = new Uint8Array(n);
const contact = new Uint8Array(n);
const trust = new Float64Array(n);
for (let i = 0; i < n; i++) {
  applying[i] = rng.next() < 0.3 ? 1 : 0;
  contact[i] = rng.below(3);
  trust[i] = rng.next();
}
const exposure = new Float64Array(n);
const weight = new Float64Array(n);
const pull = new Float64Array(n);
const heardOf = new Int32Array(n);
const metTrust = new Float64Array(n);
const tieTrust = new Float64Array(neighbors.length);

const VARIANTS = {
  'ties only, no gather': () => {
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) a += neighbors[k] & 1;
      exposure[i] = a;
    }
  },
  'gather 1 byte array (applying)': () => {
    for (let i = 0; i < n; i++) {
      let a = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) a += applying[neighbors[k]];
      exposure[i] = a;
    }
  },
  'gather 2 byte arrays (applying, contact)': () => {
    for (let i = 0; i < n; i++) {
      let a = 0;
      let h = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        const j = neighbors[k];
        a += applying[j];
        h += contact[j] >> 1;
      }
      exposure[i] = a;
      heardOf[i] = h;
    }
  },
  'flat gather of trust into a per-tie array, then per-person sums': () => {
    const e = neighbors.length;
    for (let k = 0; k < e; k++) tieTrust[k] = trust[neighbors[k]];
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) t += tieTrust[k];
      pull[i] = t;
    }
  },
  'gather 1 float64 array (trust)': () => {
    for (let i = 0; i < n; i++) {
      let t = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) t += trust[neighbors[k]];
      pull[i] = t;
    }
  },
  'engine, one pass (3 arrays per visit)': () => {
    for (let i = 0; i < n; i++) {
      const first = offsets[i];
      const last = offsets[i + 1];
      let a = 0;
      let h = 0;
      let t = 0;
      for (let k = first; k < last; k++) {
        const j = neighbors[k];
        a += applying[j];
        const met = contact[j] >> 1;
        h += met;
        t += met * trust[j];
      }
      const d = last - first;
      exposure[i] = d > 0 ? a / d : 0;
      const w = 0.07 * (d > 0 ? h / d : 0);
      weight[i] = w;
      pull[i] = h > 0 ? w * (t / h) : 0;
    }
  },
  'engine, two passes (counts, then trust)': () => {
    for (let i = 0; i < n; i++) {
      const first = offsets[i];
      const last = offsets[i + 1];
      let a = 0;
      let h = 0;
      for (let k = first; k < last; k++) {
        const j = neighbors[k];
        a += applying[j];
        h += contact[j] >> 1;
      }
      const d = last - first;
      exposure[i] = d > 0 ? a / d : 0;
      weight[i] = 0.07 * (d > 0 ? h / d : 0);
      heardOf[i] = h;
    }
    for (let j = 0; j < n; j++) metTrust[j] = (contact[j] >> 1) * trust[j];
    for (let i = 0; i < n; i++) {
      const h = heardOf[i];
      if (h === 0) {
        pull[i] = 0;
        continue;
      }
      let t = 0;
      for (let k = offsets[i]; k < offsets[i + 1]; k++) t += metTrust[neighbors[k]];
      pull[i] = weight[i] * (t / h);
    }
  },
};

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const times = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, []]));
for (let round = 0; round < 10; round++) {
  for (const [name, scan] of Object.entries(VARIANTS)) {
    const t0 = cpuMs();
    scan();
    if (round >= 2) times[name].push(cpuMs() - t0);
  }
}
console.log(`tie scan, N = ${n.toLocaleString('en-US')}, ${neighbors.length.toLocaleString('en-US')} tie visits per scan (CPU ms per scan)`);
for (const [name, list] of Object.entries(times)) {
  const sorted = list.sort((a, b) => a - b);
  const best = sorted[0];
  console.log(`${name.padEnd(42)} best ${best.toFixed(1).padStart(7)}  median ${sorted[sorted.length >> 1].toFixed(1).padStart(7)}  ${((neighbors.length / best) / 1e3).toFixed(0).padStart(5)} M visits/s`);
}
