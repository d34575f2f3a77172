/**
 * The report model: everything the specs, summary and HTML need, computed once in the aggregate
 * phase (analysis.ts) from a results directory. Plain data; numbers in native units (shares 0–1).
 */
import type { RingAgainstNull } from './patterns.js';
import type { Scenario } from '../scenarios/index.js';
import type { FactorValue, FinishedRun, Manifest } from '../sweep/types.js';
import type { Interval, Verdict } from '../stats/index.js';
import type { OutcomeKey } from './outcomes.js';
import type { RobustnessRow } from './robustness.js';
import type { StructuralSection } from './hypotheses.js';
import type { WithinAnalysis } from './within.js';

/** Limited engagements: ≤ LIMITED_MAX_MONTHS (defined with the patterns, in patterns.ts). */
export { LIMITED_MAX_MONTHS } from './patterns.js';

export interface ReportOptions {
  /** output directory (default: the results directory) */
  readonly out?: string;
  /** also write a PNG per chart */
  readonly png?: boolean;
  /** equivalence margin in percentage points (default 5) */
  readonly margin?: number;
  /** reference engagement length in months (default 12 if present, else the shortest) */
  readonly reference?: number;
  /** bootstrap resamples per comparison (default 4000) */
  readonly resamples?: number;
  /** the build time stamped in provenance (default now) */
  readonly now?: Date;
}

export type ComparisonVerdict = Verdict | 'not-assessed';

export interface Comparison {
  readonly outcome: OutcomeKey;
  readonly length: number;
  readonly reference: number;
  readonly paired: boolean;
  /** pairs (paired) or runs of this length (unpaired) */
  readonly n: number;
  readonly nReference: number;
  readonly meanLength: number;
  readonly meanReference: number;
  /** mean difference length − reference, native units */
  readonly estimate: number;
  readonly ci95: Interval;
  readonly ci90: Interval;
  readonly margin: number;
  /** TOST p (larger one-sided p) */
  readonly p: number;
  readonly verdict: ComparisonVerdict;
  readonly beyondMargin: boolean;
  readonly replicatesNeeded: number | null;
  /** Hedges' g */
  readonly effectSize: number | null;
  /** share of runs censored (time to 50 % only) */
  readonly censoredLength: number;
  readonly censoredReference: number;
  /** the verdict in words, e.g. "equivalent within ±5 pp" */
  readonly words: string;
}

export interface LengthGroup {
  readonly length: number;
  readonly runs: readonly FinishedRun[];
}

/** One row of a band: mean and 95 % CI of a monthly series for one length. */
export interface BandRow {
  readonly length: number;
  readonly series: string;
  readonly month: number;
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** When each pathway series reaches half of its own rise (fractional month), per length. */
export interface HalfRise {
  readonly length: number;
  readonly series: string;
  readonly month: number | null;
}

export type PatternStatus = 'holds' | 'does-not-hold' | 'undetermined' | 'not-assessed';

export interface Pattern {
  readonly status: PatternStatus;
  readonly sentence: string;
}

export interface Headline {
  /** one sentence: the verdict on final adoption across lengths */
  readonly sentence: string;
  /** the study's pattern 2: limited vs high engagements do not differ materially in final adoption */
  readonly pattern2: Pattern;
  /** the study's pattern 1: trust → A/P/F → knowledge → application → sustained, by half-rise */
  readonly pattern1: Pattern;
  /** which question the design answers: the study's (within one organization) or the policy one */
  readonly design: string;
}

export interface Provenance {
  readonly tool: string;
  readonly version: string;
  readonly reportVersion: string;
  readonly scenarioName: string;
  readonly scenario: Scenario;
  readonly sweepKind: string;
  readonly sweepName: string;
  readonly base: string;
  readonly overrides: readonly string[];
  readonly design: string;
  readonly factors: Readonly<Record<string, readonly FactorValue[]>>;
  readonly points: number;
  readonly replicates: number;
  readonly masterSeed: number;
  readonly seeds: 'common' | 'independent';
  /** compare --posterior: each replicate's parameters were drawn from this calibration */
  readonly parameterDraws?: { readonly source: string; readonly fields: readonly string[] };
  readonly runs: number;
  readonly failed: number;
  readonly sweepHash: string;
  readonly resultsCreatedAt: string;
  readonly reportCreatedAt: string;
  readonly resultsDir: string;
}

export interface ReportModel {
  readonly manifest: Manifest;
  readonly provenance: Provenance;
  readonly months: number;
  /** the margin as a fraction (0.05 = 5 pp) */
  readonly marginFraction: number;
  /** bootstrap resamples per comparison */
  readonly resamples: number;
  /** engagement length varied in this design with ≥ 2 runs at ≥ 2 lengths */
  readonly comparesLengths: boolean;
  readonly lengths: readonly number[];
  readonly reference: number;
  readonly groups: readonly LengthGroup[];
  readonly paired: boolean;
  readonly comparisons: readonly Comparison[];
  readonly headline: Headline;
  readonly bands: readonly BandRow[];
  readonly halfRises: readonly HalfRise[];
  /**
   * Pattern 3: the reference length's ring statistics against the same replicates on the
   * degree-preserving null network (null when the directory has no null-rings.json).
   */
  readonly rings: { readonly length: number; readonly statistics: readonly RingAgainstNull[]; readonly sentence: string } | null;
  /** factors other than the engagement length, with their distinct values (sweeps) */
  readonly otherFactors: readonly { readonly name: string; readonly values: readonly FactorValue[] }[];
  readonly runs: readonly FinishedRun[];
  readonly notes: readonly string[];
  /** runs of the within-organization design (units assigned lengths): the recipients' comparison; else null */
  readonly within: WithinAnalysis | null;
  /** "Does it hold?": final adoption across ISP headcount, units and horizon (empty when not run) */
  readonly robustness: readonly RobustnessRow[];
  /** "Under each explanation" (compare --hypotheses): absent or null without explanation runs */
  readonly structural?: StructuralSection | null;
}
