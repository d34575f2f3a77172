/**
 * Case `length-hypotheses` — two rival explanations of the study's pattern 2 ("results did not
 * differ by length"), told apart by ISP capacity (MODEL-GROUNDING Revisions 3):
 *   H1 early interactions — scenarios/hypotheses/early-affect.yaml;
 *   H2 capacity rationing — scenarios/hypotheses/capacity.yaml.
 * Each runs 24- against 12-month engagements at 2, 5, 10 and 20 ISPs, paired by seed; the case
 * says which keeps "no material difference" across capacity. Its predictions (V1, V2) were written
 * into docs/VALIDATION.md and committed before this case existed (7d9deff); they are reported as
 * predictions (supported or refuted), not checks: V1 was refuted, and stays so.
 */

/** The commit that registered V1 and V2 (docs/VALIDATION.md, Part III). */
export const REGISTERED = '7d9deff';
import type { RunResult } from '../sim/index.js';
import { LENGTH_FIELD } from '../scenarios/index.js';
import { prediction, type CaseOutcome, type Prediction, type Scale, type ValidationCase } from './case.js';
import { format, runAll, scenarioWith, seedList } from './common.js';
import { compareLengths, PATTERN_CRITERIA, type LengthComparison } from './study-patterns.js';
import { halfRiseMonth, meanCurve, meanPathway, readinessCurve } from '../report/patterns.js';

/** V2: half-rise months of affect, trust and the mean of A/P/F on the mean curves of runs. */
export function affectTrustReadiness(runs: readonly RunResult[]): [number | null, number | null, number | null] {
  const pathway = meanPathway(runs);
  return [halfRiseMonth(meanCurve(runs.map((r) => r.series.affect))), halfRiseMonth(pathway.trust), halfRiseMonth(readinessCurve(pathway))];
}

/** affect strictly before trust, trust strictly before A/P/F */
export function affectLeads(halves: readonly (number | null)[]): boolean {
  return halves.every((v, k) => v !== null && (k === 0 || v > (halves[k - 1] as number)));
}

export const HYPOTHESES = [
  { id: 'H1', name: 'early interactions', scenario: 'hypotheses/early-affect' },
  { id: 'H2', name: 'capacity rationing', scenario: 'hypotheses/capacity' },
] as const;

export const ISP_COUNTS = [2, 5, 10, 20] as const;
const LENGTHS: [number, number] = [12, 24];
const REPLICATES: Record<Scale, number> = { full: 100, fast: 10 };

export interface CapacityRow {
  readonly isps: number;
  readonly comparison: LengthComparison;
  /** a difference whose 95 % interval lies wholly beyond the margin (the report's "material") */
  readonly material: boolean;
}

export interface HypothesisResult {
  readonly id: string;
  readonly scenario: string;
  readonly rows: readonly CapacityRow[];
  /** no material difference at every ISP count */
  readonly keepsAcrossCapacity: boolean;
  /** difference at 20 ISPs minus at 2 ISPs */
  readonly change: number;
}

/** 24 − 12 months across ISP counts for one scenario (plus any overrides). */
export function acrossCapacity(ref: string, seeds: readonly number[], overrides: readonly string[] = []): CapacityRow[] {
  const margin = PATTERN_CRITERIA.equivalenceMargin;
  return ISP_COUNTS.map((isps) => {
    const at = (length: number): RunResult[] => runAll(scenarioWith(ref, ...overrides, `isps.count=${isps}`, `${LENGTH_FIELD}=${length}`), seeds);
    const comparison = compareLengths(at(LENGTHS[0]), at(LENGTHS[1]), LENGTHS, margin);
    return { isps, comparison, material: comparison.test.beyondMargin };
  });
}

function summarise(id: string, scenario: string, rows: readonly CapacityRow[]): HypothesisResult {
  const first = rows[0].comparison.test.estimate;
  const last = rows[rows.length - 1].comparison.test.estimate;
  return { id, scenario, rows, keepsAcrossCapacity: rows.every((r) => !r.material), change: last - first };
}

function run(scale: Scale): CaseOutcome {
  const seeds = seedList(REPLICATES[scale], 1);
  const margin = PATTERN_CRITERIA.equivalenceMargin;
  const results = HYPOTHESES.map((h) => summarise(h.id, h.scenario, acrossCapacity(h.scenario, seeds)));
  const foundation = summarise('default', 'foundation', acrossCapacity('foundation', seeds));
  const [h1, h2] = results;
  const pp = (v: number) => format.points(v);
  const describe = (r: HypothesisResult) => r.rows.map((row) => `${row.isps} ISPs ${pp(row.comparison.test.estimate)}${row.material ? ' (material)' : ''}`).join(', ');
  const orders = [...HYPOTHESES.map((h) => h.scenario), 'foundation'].map((ref) => ({ ref, halves: affectTrustReadiness(runAll(scenarioWith(ref), seeds)) }));
  const monthText = (v: number | null) => (v === null ? 'never' : v.toFixed(1));
  const keepers = [...results, foundation].filter((r) => r.keepsAcrossCapacity).map((r) => `${r.id} (${r.scenario})`);
  const predictions: Prediction[] = [
    prediction(
      'V1 (H1)',
      `H1 keeps no material difference at every ISP count: 24 − 12 months inside ±${margin * 100} pp (no 95 % interval wholly beyond it) at ${ISP_COUNTS.join(', ')} ISPs, and changing by < ${margin * 100} pp from 2 to 20 ISPs`,
      REGISTERED,
      h1.keepsAcrossCapacity && Math.abs(h1.change) < margin,
      `${describe(h1)}; change ${pp(h1.change)}`,
    ),
    prediction(
      'V1 (H2)',
      'H2: longer loses while capacity binds and wins once it does not: 24 − 12 months negative at 2 ISPs, positive at 20 ISPs, and a larger change from 2 to 20 ISPs than under H1',
      REGISTERED,
      h2.rows[0].comparison.test.estimate < 0 && h2.rows[h2.rows.length - 1].comparison.test.estimate > 0 && h2.change > h1.change,
      `${describe(h2)}; change ${pp(h2.change)} (H1 ${pp(h1.change)})`,
    ),
    prediction(
      'V2',
      'Affect rises before trust, trust before A/P/F: half-rise month (src/report/patterns.ts) of mean affect < trust < mean of A/P/F, in foundation and both hypothesis scenarios',
      REGISTERED,
      orders.every((o) => affectLeads(o.halves)),
      orders.map((o) => `${o.ref}: ${o.halves.map(monthText).join(' → ')}`).join('; '),
    ),
  ];
  return {
    checks: [],
    predictions,
    tables: [
      {
        caption: `Final adoption, 24 − 12 months, by ISP count (${seeds.length} paired seeds each; "material" = 95 % interval wholly beyond ±${margin * 100} pp)`,
        columns: ['scenario', ...ISP_COUNTS.map((n) => `${n} ISPs`), 'keeps "no material difference"'],
        rows: [...results, foundation].map((r) => [
          `${r.id} (${r.scenario})`,
          ...r.rows.map((row) => `${pp(row.comparison.test.estimate)} ${format.interval(row.comparison.test.ci95.low, row.comparison.test.ci95.high, pp)}${row.material ? ' material' : ''}`),
          r.keepsAcrossCapacity ? 'yes, at every capacity' : `only at ${r.rows.filter((row) => !row.material).map((row) => row.isps).join(', ') || 'no'} ISPs`,
        ]),
      },
    ],
    charts: [],
    notes: [
      `Which keeps "no material difference" across capacity: ${keepers.length > 0 ? keepers.join(', ') : 'neither hypothesis (nor the default)'}.`,
      `At the study's own capacity (5 ISPs, 12 units): H1 ${pp(h1.rows[1].comparison.test.estimate)}${h1.rows[1].material ? ' (material)' : ''}, H2 ${pp(h2.rows[1].comparison.test.estimate)}${h2.rows[1].material ? ' (material)' : ''}, default ${pp(foundation.rows[1].comparison.test.estimate)}${foundation.rows[1].material ? ' (material)' : ''}.`,
      'This is the whole-organization policy question (every engagement of one length); the study compared recipients within one organization (MODEL-GROUNDING Revisions 4).',
    ],
  };
}

export const lengthHypothesesCase: ValidationCase = {
  id: 'length-hypotheses',
  title: 'Why length did not matter: early interactions (H1) or capacity rationing (H2)',
  source: 'Metz et al. 2024 (length did not matter; the authors’ reading: early interactions); MODEL-GROUNDING Revisions 3',
  establishes: 'Which of two documented explanations of pattern 2 keeps "no material difference" between 12- and 24-month engagements as ISP capacity grows — a target that set no default, with its prediction stated before the run.',
  limits: 'Two hand-written parameter sets, not fitted; a whole-organization policy comparison, not the study’s within-organization one.',
  design: `hypotheses/early-affect and hypotheses/capacity (both extend foundation), and foundation itself; 12 vs 24 months at ${ISP_COUNTS.join(', ')} ISPs; 100 paired seeds (1–100) per point.`,
  run,
};
