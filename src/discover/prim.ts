/**
 * PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), as used for scenario
 * discovery (Lempert, Bryant & Bankes 2008; Bryant & Lempert 2010) and in the EMA Workbench's
 * prim module, whose choices we follow where the papers leave room:
 *
 *   peel   — from the box holding every case, try cutting each dimension: the lowest or highest
 *            α-quantile of a numeric one (the whole tie group at the cut, the new limit half way to
 *            the next value, so grids peel a value at a time), or one level of a categorical one.
 *            Take the cut that raises the share of cases of interest most per case removed (the
 *            Workbench's "lenient1" objective; ties go to a dimension already restricted). Stop when
 *            no cut raises it or the box would hold less than the minimum mass. Each box on the way
 *            is a step of the peeling trajectory.
 *   choose — the step with the best balance of coverage and density (their harmonic mean), or the
 *            step the user names.
 *   paste  — widen the chosen box again, a slice of α of the cases just outside one limit at a
 *            time, while that raises the density (Friedman & Fisher's pasting, applied here to the
 *            box we report rather than to the end of peeling).
 *   cover  — for a further box, drop the cases in the boxes found so far and start again.
 *
 * Pure: typed arrays in, limits and statistics out; no randomness (ties break by dimension order).
 */
import {
  boxStats,
  inLimit,
  isRestricted,
  membership,
  restrictedCount,
  wholeBox,
  type BoxStats,
  type Dimension,
  type Limit,
  type Limits,
} from './box.js';

export interface PrimOptions {
  /** share of the box's cases removed by one peel */
  readonly peelAlpha: number;
  /** share of the cases just outside a limit added by one paste */
  readonly pasteAlpha: number;
  /** smallest box, as a share of all cases */
  readonly massMin: number;
}

export const PRIM_DEFAULTS: PrimOptions = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05 };

export interface TrajectoryStep extends BoxStats {
  /** 0 = the whole box, then one step per peel */
  readonly step: number;
  readonly limits: Limits;
}

export interface FoundBox {
  readonly trajectory: readonly TrajectoryStep[];
  /** the trajectory step the box was chosen at (before pasting) */
  readonly chosen: number;
  /** how many pastes widened it */
  readonly pastes: number;
  readonly limits: Limits;
  readonly stats: BoxStats;
}

interface Candidate {
  readonly dimension: number;
  readonly limit: Limit;
  readonly n: number;
  readonly interest: number;
  readonly objective: number;
}

/** Gain in the share of cases of interest per case moved (Workbench "lenient1"). */
function objective(nOld: number, hOld: number, nNew: number, hNew: number): number {
  if (nNew === 0 || nNew === nOld) return 0;
  return (hNew / nNew - hOld / nOld) / Math.abs(nOld - nNew);
}

/** Better = higher objective; on a tie, a dimension already restricted (fewer restrictions). */
function better(a: Candidate, b: Candidate | undefined, limits: Limits, whole: Limits): boolean {
  if (b === undefined) return true;
  if (a.objective !== b.objective) return a.objective > b.objective;
  const aNew = isRestricted(limits[a.dimension], whole[a.dimension]) ? 0 : 1;
  const bNew = isRestricted(limits[b.dimension], whole[b.dimension]) ? 0 : 1;
  return aNew < bNew;
}

/** Case indices of a numeric dimension sorted by value (then by index, for determinism). */
function sortedOrders(dimensions: readonly Dimension[]): (Int32Array | null)[] {
  return dimensions.map((dimension) => {
    if (dimension.kind !== 'numeric') return null;
    const order = Int32Array.from({ length: dimension.values.length }, (_, i) => i);
    const values = dimension.values;
    order.sort((a, b) => values[a] - values[b] || a - b);
    return order;
  });
}

/**
 * Peel from the whole box over the eligible cases (all when `eligible` is absent); returns every
 * step, the first being the whole box.
 */
export function peel(
  dimensions: readonly Dimension[],
  interest: Uint8Array,
  options: PrimOptions = PRIM_DEFAULTS,
  eligible?: Uint8Array,
): TrajectoryStep[] {
  const total = interest.length;
  const whole = wholeBox(dimensions);
  const orders = sortedOrders(dimensions);
  const limits: Limit[] = [...whole];
  const inside = membership(dimensions, limits, total, eligible);
  const trajectory: TrajectoryStep[] = [];
  const record = () =>
    trajectory.push({ step: trajectory.length, limits: [...limits], ...boxStats(inside, interest, restrictedCount(limits, whole)) });
  record();
  let { n, interest: hits } = trajectory[0];
  const minimum = options.massMin * total;

  for (;;) {
    let best: Candidate | undefined;
    for (let j = 0; j < dimensions.length; j++) {
      for (const candidate of peels(dimensions[j], j, limits[j], orders[j], inside, interest, n, hits, options.peelAlpha)) {
        if (better(candidate, best, limits, whole)) best = candidate;
      }
    }
    if (!best || best.objective <= 0 || best.n < minimum || best.n >= n) break;
    limits[best.dimension] = best.limit;
    const dimension = dimensions[best.dimension];
    for (let i = 0; i < total; i++) if (inside[i] && !inLimit(dimension, best.limit, i)) inside[i] = 0;
    n = best.n;
    hits = best.interest;
    record();
  }
  return trajectory;
}

/** The candidate peels of one dimension: both ends of a numeric one, each present level of a categorical one. */
function peels(
  dimension: Dimension,
  j: number,
  limit: Limit,
  order: Int32Array | null,
  inside: Uint8Array,
  interest: Uint8Array,
  n: number,
  hits: number,
  alpha: number,
): Candidate[] {
  if (dimension.kind === 'categorical' && limit.kind === 'categorical') {
    const count = new Float64Array(dimension.levels.length);
    const found = new Float64Array(dimension.levels.length);
    for (let i = 0; i < inside.length; i++) {
      if (!inside[i]) continue;
      count[dimension.codes[i]]++;
      found[dimension.codes[i]] += interest[i];
    }
    const present = limit.allowed.filter((code) => count[code] > 0);
    if (present.length < 2) return [];
    return present.map((code) => {
      const nNew = n - count[code];
      const hNew = hits - found[code];
      return { dimension: j, limit: { kind: 'categorical', allowed: limit.allowed.filter((c) => c !== code) }, n: nNew, interest: hNew, objective: objective(n, hits, nNew, hNew) };
    });
  }
  if (dimension.kind !== 'numeric' || limit.kind !== 'numeric' || order === null) return [];
  const out: Candidate[] = [];
  const cut = Math.floor((n - 1) * alpha);
  for (const upward of [true, false]) {
    // Walk the box's cases from one end: remove everything up to and including the value at
    // position `cut`; the new limit lies half way to the next value kept.
    let seen = 0;
    let removed = 0;
    let removedHits = 0;
    let boundary = NaN;
    let next = NaN;
    for (let k = 0; k < order.length; k++) {
      const i = order[upward ? k : order.length - 1 - k];
      if (!inside[i]) continue;
      const x = dimension.values[i];
      if (seen === cut) boundary = x;
      if (seen > cut && x !== boundary) {
        next = x;
        break;
      }
      removed++;
      removedHits += interest[i];
      seen++;
    }
    if (Number.isNaN(next)) continue; // one value left: nothing to cut
    const edge = (boundary + next) / 2;
    const nNew = n - removed;
    const hNew = hits - removedHits;
    out.push({
      dimension: j,
      limit: upward ? { kind: 'numeric', low: edge, high: limit.high } : { kind: 'numeric', low: limit.low, high: edge },
      n: nNew,
      interest: hNew,
      objective: objective(n, hits, nNew, hNew),
    });
  }
  return out;
}

/** The step with the best harmonic mean of coverage and density (the earliest on a tie). */
export function chooseStep(trajectory: readonly TrajectoryStep[]): number {
  let best = 0;
  let bestScore = -1;
  for (const step of trajectory) {
    const sum = step.coverage + step.density;
    const score = sum > 0 ? (2 * step.coverage * step.density) / sum : 0;
    if (score > bestScore + 1e-12) {
      best = step.step;
      bestScore = score;
    }
  }
  return best;
}

/** Widen a box while adding the cases just outside one of its limits raises its density. */
export function paste(
  dimensions: readonly Dimension[],
  interest: Uint8Array,
  start: Limits,
  options: PrimOptions = PRIM_DEFAULTS,
  eligible?: Uint8Array,
): { limits: Limit[]; pastes: number } {
  const total = interest.length;
  const whole = wholeBox(dimensions);
  const limits: Limit[] = [...start];
  const inside = membership(dimensions, limits, total, eligible);
  let n = 0;
  let hits = 0;
  for (let i = 0; i < total; i++) {
    n += inside[i];
    hits += inside[i] & interest[i];
  }
  let pastes = 0;
  // outsideOnly[i] = the one dimension whose limit case i misses, or −1 (inside, ineligible or several)
  const outsideOnly = new Int32Array(total);
  for (;;) {
    for (let i = 0; i < total; i++) {
      outsideOnly[i] = -1;
      if (inside[i] || (eligible && !eligible[i])) continue;
      let missed = -1;
      for (let j = 0; j < dimensions.length; j++) {
        if (inLimit(dimensions[j], limits[j], i)) continue;
        if (missed >= 0) {
          missed = -2;
          break;
        }
        missed = j;
      }
      outsideOnly[i] = missed >= 0 ? missed : -1;
    }
    let best: Candidate | undefined;
    for (let j = 0; j < dimensions.length; j++) {
      if (!isRestricted(limits[j], whole[j])) continue;
      for (const candidate of pastesOf(dimensions[j], j, limits[j], whole[j], outsideOnly, interest, n, hits, options.pasteAlpha)) {
        if (better(candidate, best, limits, whole)) best = candidate;
      }
    }
    if (!best || best.objective <= 0) break;
    limits[best.dimension] = best.limit;
    const dimension = dimensions[best.dimension];
    for (let i = 0; i < total; i++) if (outsideOnly[i] === best.dimension && inLimit(dimension, best.limit, i)) inside[i] = 1;
    n = best.n;
    hits = best.interest;
    pastes++;
  }
  return { limits, pastes };
}

function pastesOf(
  dimension: Dimension,
  j: number,
  limit: Limit,
  whole: Limit,
  outsideOnly: Int32Array,
  interest: Uint8Array,
  n: number,
  hits: number,
  alpha: number,
): Candidate[] {
  if (dimension.kind === 'categorical' && limit.kind === 'categorical' && whole.kind === 'categorical') {
    const out: Candidate[] = [];
    for (const code of whole.allowed) {
      if (limit.allowed.includes(code)) continue;
      let added = 0;
      let addedHits = 0;
      for (let i = 0; i < outsideOnly.length; i++) {
        if (outsideOnly[i] !== j || dimension.codes[i] !== code) continue;
        added++;
        addedHits += interest[i];
      }
      if (added === 0) continue;
      out.push({ dimension: j, limit: { kind: 'categorical', allowed: [...limit.allowed, code] }, n: n + added, interest: hits + addedHits, objective: objective(n, hits, n + added, hits + addedHits) });
    }
    return out;
  }
  if (dimension.kind !== 'numeric' || limit.kind !== 'numeric' || whole.kind !== 'numeric') return [];
  const out: Candidate[] = [];
  for (const below of [true, false]) {
    // The slab just outside this limit (inside every other one), nearest values first.
    const slab: number[] = [];
    for (let i = 0; i < outsideOnly.length; i++) {
      if (outsideOnly[i] !== j) continue;
      const x = dimension.values[i];
      if (below ? x < limit.low : x > limit.high) slab.push(i);
    }
    if (slab.length === 0) continue;
    const values = dimension.values;
    slab.sort((a, b) => (below ? values[b] - values[a] : values[a] - values[b]) || a - b);
    const boundary = values[slab[Math.floor((slab.length - 1) * alpha)]];
    let added = 0;
    let addedHits = 0;
    let next = NaN;
    for (const i of slab) {
      const x = values[i];
      if (below ? x < boundary : x > boundary) {
        next = x;
        break;
      }
      added++;
      addedHits += interest[i];
    }
    // Half way to the next value left out, or the whole range when nothing is left out.
    const edge = Number.isNaN(next) ? (below ? whole.low : whole.high) : (boundary + next) / 2;
    out.push({
      dimension: j,
      limit: below ? { kind: 'numeric', low: Math.min(edge, boundary), high: limit.high } : { kind: 'numeric', low: limit.low, high: Math.max(edge, boundary) },
      n: n + added,
      interest: hits + addedHits,
      objective: objective(n, hits, n + added, hits + addedHits),
    });
  }
  return out;
}

export interface FindOptions extends PrimOptions {
  /** how many boxes to find (covering); 1 by default */
  readonly boxes?: number;
  /** take the first box at this trajectory step instead of the best coverage–density balance */
  readonly step?: number;
}

/**
 * Find up to `boxes` boxes: peel, choose, paste; then drop the cases in the box and repeat. Stops
 * early when no case of interest is left or peeling finds no restriction.
 */
export function findBoxes(dimensions: readonly Dimension[], interest: Uint8Array, options: FindOptions = PRIM_DEFAULTS): FoundBox[] {
  const total = interest.length;
  const whole = wholeBox(dimensions);
  const remaining = new Uint8Array(total).fill(1);
  const found: FoundBox[] = [];
  const wanted = options.boxes ?? 1;
  while (found.length < wanted) {
    let left = 0;
    for (let i = 0; i < total; i++) left += remaining[i] & interest[i];
    if (left === 0 && found.length > 0) break;
    const trajectory = peel(dimensions, interest, options, remaining);
    if (trajectory.length === 1 && found.length > 0) break;
    const wantedStep = found.length === 0 ? options.step : undefined;
    const chosen = wantedStep !== undefined ? Math.min(wantedStep, trajectory.length - 1) : chooseStep(trajectory);
    const pasted = paste(dimensions, interest, trajectory[chosen].limits, options, remaining);
    const inside = membership(dimensions, pasted.limits, total, remaining);
    found.push({ trajectory, chosen, pastes: pasted.pastes, limits: pasted.limits, stats: boxStats(inside, interest, restrictedCount(pasted.limits, whole)) });
    for (let i = 0; i < total; i++) if (inside[i]) remaining[i] = 0;
  }
  return found;
}
