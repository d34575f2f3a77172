/**
 * Latin hypercube: n samples over k factors; each factor's range is cut into n equal strata and
 * every stratum is used exactly once, at a random position inside it.
 */
import { RandomStream } from '../../sim/index.js';

export function latinHypercube(n: number, k: number, seed: number): number[][] {
  const stream = new RandomStream(`concentric/design/lhs/${seed >>> 0}`);
  const rows = Array.from({ length: n }, () => new Array<number>(k).fill(0));
  for (let factor = 0; factor < k; factor++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = stream.below(i + 1);
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let sample = 0; sample < n; sample++) rows[sample][factor] = (strata[sample] + stream.next()) / n;
  }
  return rows;
}
