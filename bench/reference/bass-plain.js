/**
 * Plain struct-of-arrays reference for the reduced model: typed arrays and a CSR network, one
 * pass per tick into a second buffer, then a swap. No framework; what a careful programmer writes.
 */
import { Sfc32 } from '../lib/sfc32.js';
import { adoptionChance, BASS } from './bass.js';
import { erdosRenyi } from './network.js';

export function createPlainBass(n, seed) {
  const rng = new Sfc32(seed);
  const { offsets, neighbors } = erdosRenyi(n, BASS.meanDegree, rng);
  let adopted = new Uint8Array(n);
  let next = new Uint8Array(n);

  function tick() {
    for (let i = 0; i < n; i++) {
      const first = offsets[i];
      const last = offsets[i + 1];
      let count = 0;
      for (let k = first; k < last; k++) count += adopted[neighbors[k]];
      const u = rng.next();
      const degree = last - first;
      const exposure = degree > 0 ? count / degree : 0;
      next[i] = adopted[i] || u < adoptionChance(exposure) ? 1 : 0;
    }
    const previous = adopted;
    adopted = next;
    next = previous;
  }

  return {
    visitsPerTick: neighbors.length,
    reset() {
      adopted.fill(0);
    },
    tick,
    adoptedShare() {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += adopted[i];
      return sum / n;
    },
  };
}
