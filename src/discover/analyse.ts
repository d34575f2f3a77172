/**
 * Scenario discovery over a finished sweep: build the cases, split them in halves (seeded), find
 * boxes with PRIM on one half, measure them on both, and put everything a report or a reader needs
 * into one plain-JSON DiscoverAnalysis.
 */
import { InputError } from '../scenarios/index.js';
import type { SeedScheme } from '../sweep/types.js';
import {
  boxStats,
  isRestricted,
  membership,
  restrictions,
  wholeBox,
  type Dimension,
  type Level,
  type Limit,
  type Limits,
  type Restriction,
} from './box.js';
import { buildCases, type SweepResults } from './cases.js';
import { splitHalves, subset } from './holdout.js';
import { findBoxes, PRIM_DEFAULTS, type PrimOptions } from './prim.js';
import type { Question } from './question.js';
import { quasiP } from './significance.js';

export interface DiscoverOptions extends PrimOptions {
  readonly boxes: number;
  /** take the first box at this peeling step instead of the best coverage–density balance */
  readonly step?: number;
  /** seeds the train/test split (default: the sweep's master seed) */
  readonly seed?: number;
}

export const DISCOVER_DEFAULTS: DiscoverOptions = { ...PRIM_DEFAULTS, boxes: 1 };

export interface Measured {
  readonly n: number;
  readonly interest: number;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
}

export type FactorRange =
  | { readonly field: string; readonly kind: 'numeric'; readonly low: number; readonly high: number }
  | { readonly field: string; readonly kind: 'categorical'; readonly values: readonly Level[] };

export type BoxRestriction = Restriction & { readonly quasiP: number };

export interface TrajectoryPoint {
  readonly step: number;
  readonly coverage: number;
  readonly density: number;
  readonly mass: number;
  readonly n: number;
  /** number of restricted dimensions */
  readonly dimensions: number;
  readonly restrictions: readonly Restriction[];
}

export interface DiscoveredBox extends Measured {
  readonly restrictions: readonly BoxRestriction[];
  /** the same box on the held-out half */
  readonly test: Measured;
  /** mean outcome (or difference) of the training cases inside and outside the box */
  readonly meanInside: number | null;
  readonly meanOutside: number | null;
  /** the peeling step the box was chosen at, and how many pastes widened it */
  readonly chosenStep: number;
  readonly pastes: number;
  readonly trajectory: readonly TrajectoryPoint[];
}

export interface DiscoverAnalysis {
  readonly question: Question;
  /** a case is a pair of runs (contrast) or a run (where) */
  readonly unit: 'pair' | 'run';
  readonly seeds: SeedScheme;
  readonly cases: {
    readonly total: number;
    readonly interest: number;
    readonly baseRate: number;
    readonly train: number;
    readonly test: number;
    readonly dropped: number;
  };
  /** the factors PRIM may restrict, with their full range over the cases */
  readonly factors: readonly FactorRange[];
  /** swept factors left out: one value over all the cases */
  readonly constant: readonly string[];
  readonly options: { readonly peelAlpha: number; readonly pasteAlpha: number; readonly massMin: number; readonly boxes: number; readonly step: number | null; readonly splitSeed: string };
  readonly boxes: readonly DiscoveredBox[];
}

function measure(inside: Uint8Array, interest: Uint8Array): Measured {
  const { n, interest: hits, coverage, density, mass } = boxStats(inside, interest, 0);
  return { n, interest: hits, coverage, density, mass };
}

/** Limits with every unrestricted side opened to ±∞, so cases beyond the training range still count. */
function opened(limits: Limits, whole: Limits): Limit[] {
  return limits.map((limit, j) => {
    const full = whole[j];
    if (limit.kind !== 'numeric' || full.kind !== 'numeric') return limit;
    return { kind: 'numeric', low: limit.low > full.low ? limit.low : -Infinity, high: limit.high < full.high ? limit.high : Infinity };
  });
}

/** The restricted dimensions; a side left open shows the factor's full range over all cases. */
function shown(dimensions: readonly Dimension[], limits: Limits, whole: Limits, all: Limits): Restriction[] {
  const out: Restriction[] = [];
  for (let j = 0; j < dimensions.length; j++) {
    const limit = limits[j];
    const train = whole[j];
    const full = all[j];
    if (!isRestricted(limit, train)) continue;
    if (limit.kind === 'numeric' && train.kind === 'numeric' && full.kind === 'numeric') {
      out.push({ field: dimensions[j].name, low: limit.low > train.low ? limit.low : full.low, high: limit.high < train.high ? limit.high : full.high });
    } else {
      out.push(...restrictions([dimensions[j]], [limit], [train]));
    }
  }
  return out;
}

function meanWhere(values: Float64Array, inside: Uint8Array, eligible: Uint8Array, want: number): number | null {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!eligible[i] || inside[i] !== want) continue;
    sum += values[i];
    count++;
  }
  return count > 0 ? sum / count : null;
}

/** One case as the charts draw it: its half, whether the top box holds it, its outcome and factor values. */
export interface CasePoint {
  readonly half: 'train' | 'test';
  readonly inside: boolean;
  readonly interest: boolean;
  /** the outcome, or the contrast's difference */
  readonly outcome: number;
  readonly values: Readonly<Record<string, Level>>;
}

export interface Discovery {
  readonly analysis: DiscoverAnalysis;
  /** every case, for the charts (not written to discover.json) */
  readonly points: readonly CasePoint[];
}

export function discover(results: SweepResults, question: Question, options: DiscoverOptions = DISCOVER_DEFAULTS): Discovery {
  const cases = buildCases(results, question);
  const total = cases.interest.length;
  const splitSeed = `${options.seed ?? results.manifest.sweep.seed}:discover`;
  const split = splitHalves(total, splitSeed);
  const train = subset(cases.dimensions, cases.interest, split.train);
  const test = subset(cases.dimensions, cases.interest, split.test);
  const trainOutcome = Float64Array.from(split.train, (i) => cases.outcome[i]);
  const all = wholeBox(cases.dimensions);
  const trainWhole = wholeBox(train.dimensions);

  const found = findBoxes(train.dimensions, train.interest, { ...options, boxes: options.boxes, step: options.step });
  const last = found[0].trajectory.length - 1;
  if (options.step !== undefined && options.step > last) {
    throw new InputError(`--step: expected a step of box 1's peeling trajectory (0–${last}), got ${options.step}`);
  }
  const trainLeft = new Uint8Array(train.interest.length).fill(1);
  const testLeft = new Uint8Array(test.interest.length).fill(1);
  const boxes: DiscoveredBox[] = found.map((box) => {
    const open = opened(box.limits, trainWhole);
    const inTrain = membership(train.dimensions, open, train.interest.length, trainLeft);
    const inTest = membership(test.dimensions, open, test.interest.length, testLeft);
    const p = quasiP(train.dimensions, train.interest, box.limits, trainLeft);
    const restricted = shown(train.dimensions, box.limits, trainWhole, all);
    const withP = restricted.map((restriction) => ({ ...restriction, quasiP: p[train.dimensions.findIndex((d) => d.name === restriction.field)] ?? 1 }));
    const result: DiscoveredBox = {
      ...measure(inTrain, train.interest),
      restrictions: withP,
      test: measure(inTest, test.interest),
      meanInside: meanWhere(trainOutcome, inTrain, trainLeft, 1),
      meanOutside: meanWhere(trainOutcome, inTrain, trainLeft, 0),
      chosenStep: box.chosen,
      pastes: box.pastes,
      trajectory: box.trajectory.map((step) => ({
        step: step.step,
        coverage: step.coverage,
        density: step.density,
        mass: step.mass,
        n: step.n,
        dimensions: step.dimensions,
        restrictions: shown(train.dimensions, step.limits, trainWhole, all),
      })),
    };
    for (let i = 0; i < inTrain.length; i++) if (inTrain[i]) trainLeft[i] = 0;
    for (let i = 0; i < inTest.length; i++) if (inTest[i]) testLeft[i] = 0;
    return result;
  });

  let interest = 0;
  for (const flag of cases.interest) interest += flag;
  const top = found[0] ? opened(found[0].limits, trainWhole) : all;
  const topInside = membership(cases.dimensions, top, total);
  const testSet = new Set(split.test);
  const points: CasePoint[] = Array.from({ length: total }, (_, i) => ({
    half: testSet.has(i) ? 'test' : 'train',
    inside: topInside[i] === 1,
    interest: cases.interest[i] === 1,
    outcome: cases.outcome[i],
    values: Object.fromEntries(cases.dimensions.map((d) => [d.name, d.kind === 'numeric' ? d.values[i] : d.levels[d.codes[i]]])),
  }));
  const analysis: DiscoverAnalysis = {
    question,
    unit: question.kind === 'contrast' ? 'pair' : 'run',
    seeds: results.manifest.sweep.seeds,
    cases: { total, interest, baseRate: total > 0 ? interest / total : 0, train: split.train.length, test: split.test.length, dropped: cases.dropped },
    factors: cases.dimensions.map((dimension, j): FactorRange => {
      const limit = all[j];
      return dimension.kind === 'categorical' || limit.kind === 'categorical'
        ? { field: dimension.name, kind: 'categorical', values: dimension.kind === 'categorical' ? dimension.levels : [] }
        : { field: dimension.name, kind: 'numeric', low: limit.low, high: limit.high };
    }),
    constant: cases.constant,
    options: { peelAlpha: options.peelAlpha, pasteAlpha: options.pasteAlpha, massMin: options.massMin, boxes: options.boxes, step: options.step ?? null, splitSeed },
    boxes,
  };
  return { analysis, points };
}

