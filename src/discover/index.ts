/**
 * src/discover — scenario discovery: under which conditions (ranges of the swept factors) does an
 * outcome, or the difference between two values of a factor, hold?
 *
 *   results (manifest + runs) ──► cases.ts: one case per run or per pair of runs, of interest or not
 *        ──► holdout.ts: seeded halves ──► prim.ts: peel → choose → paste (→ cover) on one half
 *        ──► analyse.ts: the boxes measured on both halves, quasi-p-values ──► words.ts
 *
 * Imports: src/sweep (the results contract and the list of outcomes), src/scenarios (fields,
 * InputError). Charts live in src/report/charts/discover.ts; the command in src/cli/discover.ts.
 */
export { discover, DISCOVER_DEFAULTS, type CasePoint, type Discovery, type DiscoverAnalysis, type DiscoverOptions, type DiscoveredBox, type FactorRange, type Measured, type TrajectoryPoint, type BoxRestriction } from './analyse.js';
export { buildCases, type Cases, type SweepResults } from './cases.js';
export { findBoxes, peel, paste, chooseStep, PRIM_DEFAULTS, type PrimOptions, type FoundBox, type TrajectoryStep } from './prim.js';
export { boxStats, membership, wholeBox, restrictions, type Dimension, type Level, type Limit, type Limits, type Restriction, type BoxStats } from './box.js';
export { splitHalves, subset, type Split } from './holdout.js';
export { quasiP, binomialUpperTail } from './significance.js';
export { questionFrom, parseContrast, parseWhere, parseOutcome, holds, type Question, type QuestionFlags, type Threshold, type Comparison } from './question.js';
export { answerWords, boxWords, caseWords, methodWords, restrictionWords, weakWords, percent, shortNumber } from './words.js';
