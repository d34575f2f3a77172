/**
 * Sobol' low-discrepancy points (Joe–Kuo direction numbers, 32-bit, Gray-code order) and the
 * Saltelli sampling scheme built on them.
 *
 * Saltelli layout (as SALib, first-order and total indices): base samples A and B are the first
 * and last k columns of a 2k-dimensional Sobol' sequence; for each base sample j the design holds
 * k + 2 consecutive points
 *   j·(k+2) + 0      : A_j
 *   j·(k+2) + 1 + i  : A_j with column i taken from B_j   (AB_i, i = 0..k−1)
 *   j·(k+2) + k + 1  : B_j
 * so Jansen/Saltelli estimators read outputs by that index arithmetic.
 */
import { RandomStream } from '../../sim/index.js';
import { JOE_KUO } from './sobol-directions.js';

const BITS = 32;
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

function directions(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const [s, a, m] = JOE_KUO[dimension - 1];
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let value = (v[i - s] ^ (v[i - s] >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) value = (value ^ v[i - k]) >>> 0;
    v[i] = value;
  }
  return v;
}

/**
 * The first `n` points of the `dimensions`-dimensional Sobol' sequence, starting at the origin.
 * `shift` (one 32-bit word per dimension) applies a random digital shift: the points keep their
 * net structure but depend on the seed.
 */
export function sobolPoints(n: number, dimensions: number, shift?: Uint32Array): number[][] {
  if (dimensions > SOBOL_MAX_DIMENSIONS) {
    throw new RangeError(`Sobol' points need at most ${SOBOL_MAX_DIMENSIONS} dimensions, got ${dimensions}`);
  }
  const v = Array.from({ length: dimensions }, (_, d) => directions(d));
  const x = new Uint32Array(dimensions);
  const points: number[][] = [];
  for (let index = 0; index < n; index++) {
    if (index > 0) {
      // Gray code: flip the direction of the lowest zero bit of index − 1.
      let c = 1;
      let value = index - 1;
      while (value & 1) {
        value >>>= 1;
        c++;
      }
      for (let d = 0; d < dimensions; d++) x[d] = (x[d] ^ v[d][c]) >>> 0;
    }
    points.push(Array.from(x, (word, d) => ((shift ? word ^ shift[d] : word) >>> 0) / 2 ** BITS));
  }
  return points;
}

/** The Saltelli design over k factors from n base samples: n·(k+2) rows in the unit cube. */
export function saltelliSamples(n: number, k: number, seed: number): number[][] {
  const stream = new RandomStream(`concentric/design/sobol/${seed >>> 0}`);
  const shift = Uint32Array.from({ length: 2 * k }, () => stream.nextUint32());
  const base = sobolPoints(n, 2 * k, shift);
  const rows: number[][] = [];
  for (const sample of base) {
    const a = sample.slice(0, k);
    const b = sample.slice(k);
    rows.push(a);
    for (let i = 0; i < k; i++) rows.push(a.map((value, column) => (column === i ? b[i] : value)));
    rows.push(b);
  }
  return rows;
}
