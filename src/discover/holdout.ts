/**
 * The held-out check: cases are split in two halves by a seeded shuffle (never Math.random); PRIM
 * sees one half, the box is then measured on the other. A box that only fitted noise loses its
 * density on the half it never saw.
 */
import seedrandom from 'seedrandom';
import type { Dimension } from './box.js';

export interface Split {
  /** indices of the cases PRIM fits on, ascending */
  readonly train: Int32Array;
  /** indices of the held-out cases, ascending */
  readonly test: Int32Array;
}

/** Half the cases (rounded up) for training, chosen by a Fisher–Yates shuffle seeded by `seed`. */
export function splitHalves(n: number, seed: string): Split {
  const random = seedrandom.alea(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  const half = Math.ceil(n / 2);
  return { train: order.slice(0, half).sort(), test: order.slice(half).sort() };
}

/** The dimensions and interest of a subset of cases (level codes kept, so limits carry over). */
export function subset(dimensions: readonly Dimension[], interest: Uint8Array, indices: Int32Array): { dimensions: Dimension[]; interest: Uint8Array } {
  return {
    dimensions: dimensions.map((dimension) =>
      dimension.kind === 'numeric'
        ? { ...dimension, values: Float64Array.from(indices, (i) => dimension.values[i]) }
        : { ...dimension, codes: Int32Array.from(indices, (i) => dimension.codes[i]) },
    ),
    interest: Uint8Array.from(indices, (i) => interest[i]),
  };
}
