/**
 * A PRIM box over cases: one limit per dimension — [low, high] for a numeric factor, a set of
 * allowed levels for a categorical one — and the statistics that describe it (coverage, density,
 * mass). Pure functions of typed arrays.
 */

/** A factor's values over the cases: numbers, or level codes into `levels`. */
export type Dimension =
  | { readonly name: string; readonly kind: 'numeric'; readonly values: Float64Array }
  | { readonly name: string; readonly kind: 'categorical'; readonly levels: readonly Level[]; readonly codes: Int32Array };

export type Level = number | string | boolean;

export type Limit =
  | { readonly kind: 'numeric'; readonly low: number; readonly high: number }
  | { readonly kind: 'categorical'; readonly allowed: readonly number[] };

/** One limit per dimension, in the dimensions' order. */
export type Limits = readonly Limit[];

/** A restricted dimension in words a reader (and discover.json) uses. */
export type Restriction =
  | { readonly field: string; readonly low: number; readonly high: number }
  | { readonly field: string; readonly values: readonly Level[] };

export interface BoxStats {
  /** cases in the box */
  readonly n: number;
  /** cases of interest in the box */
  readonly interest: number;
  /** share of all cases of interest that fall in the box */
  readonly coverage: number;
  /** share of the box's cases that are of interest */
  readonly density: number;
  /** share of all cases that fall in the box */
  readonly mass: number;
  /** number of restricted dimensions */
  readonly dimensions: number;
}

/** The box that holds everything: each numeric dimension's full range, every level allowed. */
export function wholeBox(dimensions: readonly Dimension[]): Limit[] {
  return dimensions.map((dimension) => {
    if (dimension.kind === 'categorical') return { kind: 'categorical', allowed: dimension.levels.map((_, code) => code) };
    let low = Infinity;
    let high = -Infinity;
    for (const value of dimension.values) {
      if (value < low) low = value;
      if (value > high) high = value;
    }
    return { kind: 'numeric', low, high };
  });
}

export function inLimit(dimension: Dimension, limit: Limit, i: number): boolean {
  if (dimension.kind === 'numeric' && limit.kind === 'numeric') {
    const x = dimension.values[i];
    return x >= limit.low && x <= limit.high;
  }
  if (dimension.kind === 'categorical' && limit.kind === 'categorical') return limit.allowed.includes(dimension.codes[i]);
  throw new Error(`limit of kind ${limit.kind} on ${dimension.kind} dimension ${dimension.name}`);
}

/** Which cases lie in the box (1) among the eligible ones (all when `eligible` is absent). */
export function membership(dimensions: readonly Dimension[], limits: Limits, n: number, eligible?: Uint8Array): Uint8Array {
  const inside = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (eligible && eligible[i] === 0) continue;
    let ok = 1;
    for (let j = 0; j < dimensions.length && ok; j++) if (!inLimit(dimensions[j], limits[j], i)) ok = 0;
    inside[i] = ok;
  }
  return inside;
}

/** Is this limit narrower than the whole box's? */
export function isRestricted(limit: Limit, whole: Limit): boolean {
  if (limit.kind === 'numeric' && whole.kind === 'numeric') return limit.low > whole.low || limit.high < whole.high;
  if (limit.kind === 'categorical' && whole.kind === 'categorical') return limit.allowed.length < whole.allowed.length;
  return false;
}

export function restrictedCount(limits: Limits, whole: Limits): number {
  let count = 0;
  for (let j = 0; j < limits.length; j++) if (isRestricted(limits[j], whole[j])) count++;
  return count;
}

/** The restricted dimensions as field restrictions (levels in their original order). */
export function restrictions(dimensions: readonly Dimension[], limits: Limits, whole: Limits): Restriction[] {
  const out: Restriction[] = [];
  for (let j = 0; j < dimensions.length; j++) {
    const dimension = dimensions[j];
    const limit = limits[j];
    if (!isRestricted(limit, whole[j])) continue;
    if (limit.kind === 'numeric') out.push({ field: dimension.name, low: limit.low, high: limit.high });
    else if (dimension.kind === 'categorical') {
      out.push({ field: dimension.name, values: [...limit.allowed].sort((a, b) => a - b).map((code) => dimension.levels[code]) });
    }
  }
  return out;
}

/** Coverage, density and mass of the cases marked in `inside`, against all `n` cases. */
export function boxStats(inside: Uint8Array, interest: Uint8Array, dimensions: number): BoxStats {
  let n = 0;
  let hits = 0;
  let total = 0;
  for (let i = 0; i < inside.length; i++) {
    total += interest[i];
    if (inside[i]) {
      n++;
      hits += interest[i];
    }
  }
  return {
    n,
    interest: hits,
    coverage: total > 0 ? hits / total : 0,
    density: n > 0 ? hits / n : 0,
    mass: inside.length > 0 ? n / inside.length : 0,
    dimensions,
  };
}
