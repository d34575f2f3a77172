/**
 * Case 6 — the study's five qualitative patterns (Metz et al. 2024; MODEL-GROUNDING "Validation
 * targets" and Revisions 5, 6) in the default foundation scenario over many seeds, each with the
 * mechanism meant to produce it and a knock-out under which it must fail (PATTERNS):
 *   1. order of change: trust → A/P/F → knowledge → application → sustained capacity
 *      (the report's one definition, src/report/patterns.ts);
 *   2. final adoption does not differ materially between limited and high engagements
 *      (an equivalence test: TOST within ±5 pp, as the report does);
 *   3. adoption outside ring 0 follows ties: ρ(ring, adoption week) beats the degree-preserving
 *      null network;
 *   4. requests for ISPs rise with their credibility;
 *   5. skeptics convert mainly after low-stakes contacts; some disinterested staff never adopt
 *      (holds under its knock-out: reported by construction).
 * The measurements are shared with tests/sim/patterns.test.ts; validation/summary.json gets the
 * verdicts.
 */
import type { RunResult } from '../sim/index.js';
import { LENGTH_FIELD } from '../scenarios/index.js';
import { halfRiseMonth, meanPathway, orderHolds, pathwayHalfRises as sharedHalfRises, PATHWAY_STEPS } from '../report/patterns.js';
import { isLimited, pattern2Verdict, pattern3Holds, RING_LABELS, ringsAgainstNull, type RingAgainstNull } from '../report/patterns.js';
import { equivalenceTest, pairedBootstrap, quantileOfSorted, seededUniform, type Equivalence } from '../stats/index.js';
import { check, type CaseOutcome, type Check, type Scale, type ValidationCase } from './case.js';
import { intervalsChart, withBand, type IntervalRow } from './charts.js';
import { format, mean, meanInterval, runAll, scenarioWith, seedList } from './common.js';

/** Pattern 1's half-rise, by the one definition the report uses (src/report/patterns.ts). */
export function halfRise(series: readonly number[]): number | null {
  return halfRiseMonth(series);
}

export { PATHWAY_STEPS };

/** Half-rise months of the five pathway steps in one run (null: the step never rose). */
export function pathwayHalfRises(run: RunResult): (number | null)[] {
  return sharedHalfRises(run.series);
}

export interface OrderOfChange {
  /** half-rise month of each step on the runs' mean curves (the report's measurement) */
  readonly meanHalfRises: (number | null)[];
  /** share of runs whose own steps rise in order */
  readonly orderedShare: number;
  /** the pattern: in order on the mean curves, and in ≥ PATTERN_CRITERIA.orderedShare of runs */
  readonly holds: boolean;
}

export function orderOfChange(runs: readonly RunResult[]): OrderOfChange {
  const meanHalfRises = sharedHalfRises(meanPathway(runs));
  const orderedShare = runs.filter((r) => orderHolds(sharedHalfRises(r.series))).length / runs.length;
  return { meanHalfRises, orderedShare, holds: orderHolds(meanHalfRises) && orderedShare >= PATTERN_CRITERIA.orderedShare };
}

export interface RingOrder {
  readonly meanRho: number;
  readonly positiveShare: number;
  /** mean first month at which 25 % of ring 0 / 1 / 2 apply (never = series length) */
  readonly quarterMonths: [number, number, number];
}

export function ringOrder(runs: readonly RunResult[]): RingOrder {
  const rho = runs.map((r) => r.summary.ringCorrelation ?? 0);
  const quarter = (series: readonly number[]) => {
    const month = series.findIndex((v) => v >= 0.25);
    return month < 0 ? series.length : month;
  };
  return {
    meanRho: mean(rho),
    positiveShare: rho.filter((v) => v > 0).length / runs.length,
    quarterMonths: [mean(runs.map((r) => quarter(r.series.ring0))), mean(runs.map((r) => quarter(r.series.ring1))), mean(runs.map((r) => quarter(r.series.ring2)))],
  };
}

export interface DemandLevel {
  readonly skill: number;
  readonly credibility: number;
  readonly demand: number;
  readonly requests: number;
}

export function demandLevel(skill: number, runs: readonly RunResult[]): DemandLevel {
  return {
    skill,
    credibility: mean(runs.map((r) => r.summary.finalCredibility)),
    demand: mean(runs.map((r) => mean(r.series.demand))),
    requests: mean(runs.map((r) => r.summary.requests)),
  };
}

/** Credibility, demand and requests all rise from one level to the next. */
export function demandRises(levels: readonly DemandLevel[]): boolean {
  return levels.every(
    (level, k) => k === 0 || (level.credibility > levels[k - 1].credibility && level.demand > levels[k - 1].demand && level.requests > levels[k - 1].requests),
  );
}

export interface Conversion {
  /** share of skeptics' adoptions that followed a low-stakes contact */
  readonly afterLowStakes: number;
  /** adoption rate of skeptics with / without a low-stakes contact */
  readonly rateWith: number;
  readonly rateWithout: number;
  /** share of disinterested staff who never adopted (pooled) */
  readonly neverShare: number;
  /** runs in which at least one disinterested person never adopted */
  readonly runsWithNonAdopter: number;
}

export function conversion(runs: readonly RunResult[]): Conversion {
  const total = (pick: (r: RunResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0);
  const sk = (r: RunResult) => r.summary.dispositions.skeptical;
  const dis = (r: RunResult) => r.summary.dispositions.disinterested;
  return {
    afterLowStakes: total((r) => sk(r).adoptedAfterLowStakes) / total((r) => sk(r).adopted),
    rateWith: total((r) => sk(r).adoptedWithLowStakes) / total((r) => sk(r).withLowStakes),
    rateWithout: total((r) => sk(r).adopted - sk(r).adoptedWithLowStakes) / total((r) => sk(r).staff - sk(r).withLowStakes),
    neverShare: 1 - total((r) => dis(r).adopted) / total((r) => dis(r).staff),
    runsWithNonAdopter: runs.filter((r) => dis(r).adopted < dis(r).staff).length,
  };
}

/**
 * Pattern 5 in a form that can fail (issue 23): skeptics of the same team of an engaged unit (not
 * on its implementation team) by the quality of their first low-stakes contact (positive or not,
 * before any adoption) against whether they adopted (summary.lowStakesQuality, within-team sums).
 * The slope Sxy/Sxx pools the runs: the adoption difference between a positive and a negative
 * first low-stakes contact; its 95 % interval resamples runs. Reach is the same for both sides of the
 * comparison, so it no longer measures who was reached.
 */
export interface QualityComparison {
  readonly people: number;
  readonly slope: number;
  readonly low: number;
  readonly high: number;
  /** the interval lies above 0: a positive first low-stakes contact, more adoption, within the same teams */
  readonly holds: boolean;
}

export function qualityComparison(runs: readonly RunResult[], seed = 'pattern5-quality'): QualityComparison {
  const q = runs.map((r) => r.summary.lowStakesQuality);
  const slopeOf = (pick: (k: number) => number) => {
    let sxy = 0;
    let sxx = 0;
    for (let k = 0; k < q.length; k++) {
      const j = pick(k);
      sxy += q[j].sxy;
      sxx += q[j].sxx;
    }
    return sxx > 0 ? sxy / sxx : Number.NaN;
  };
  const slope = slopeOf((k) => k);
  const uniform = seededUniform(seed);
  const resampled: number[] = [];
  for (let b = 0; b < 2000; b++) resampled.push(slopeOf(() => Math.floor(uniform() * q.length)));
  const finite = resampled.filter(Number.isFinite).sort((a, b) => a - b);
  const low = finite.length > 0 ? quantileOfSorted(finite, 0.025) : Number.NaN;
  const high = finite.length > 0 ? quantileOfSorted(finite, 0.975) : Number.NaN;
  return { people: q.reduce((sum, x) => sum + x.people, 0), slope, low, high, holds: low > 0 };
}

/**
 * The mechanism's own part: the slope with it minus the slope knocked out, on the same seeds
 * (runs resampled in pairs). What the within-team comparison cannot remove — e.g. a first contact
 * made early, while team safety was still low, is more often negative and leaves longer to adopt —
 * is in both slopes and cancels here.
 */
export function qualityEffect(withMechanism: readonly RunResult[], knockedOut: readonly RunResult[], seed = 'pattern5-quality-paired'): { estimate: number; low: number; high: number } {
  const a = withMechanism.map((r) => r.summary.lowStakesQuality);
  const b = knockedOut.map((r) => r.summary.lowStakesQuality);
  const difference = (pick: (k: number) => number) => {
    let axy = 0;
    let axx = 0;
    let bxy = 0;
    let bxx = 0;
    for (let k = 0; k < a.length; k++) {
      const j = pick(k);
      axy += a[j].sxy;
      axx += a[j].sxx;
      bxy += b[j].sxy;
      bxx += b[j].sxx;
    }
    return axx > 0 && bxx > 0 ? axy / axx - bxy / bxx : Number.NaN;
  };
  const uniform = seededUniform(seed);
  const resampled: number[] = [];
  for (let r = 0; r < 2000; r++) resampled.push(difference(() => Math.floor(uniform() * a.length)));
  const finite = resampled.filter(Number.isFinite).sort((x, y) => x - y);
  return {
    estimate: difference((k) => k),
    low: finite.length > 0 ? quantileOfSorted(finite, 0.025) : Number.NaN,
    high: finite.length > 0 ? quantileOfSorted(finite, 0.975) : Number.NaN,
  };
}

/** Its knock-out: a contact's quality no longer moves affect, nor affect trust (M2). */
export const QUALITY_KNOCKOUT = { 'affect.gain': 0, 'trust.affectWeight': 0 } as const;

/** The thresholds each pattern is judged by (the same in npm test and npm run validate). */
export const PATTERN_CRITERIA = {
  orderedShare: 0.8,
  meanRho: 0.1,
  rhoPositiveShare: 0.9,
  afterLowStakes: 0.6,
  lowStakesRateRatio: 2,
  neverShare: 0.2,
  equivalenceMargin: 0.05,
} as const;

export interface LengthComparison {
  readonly limited: number;
  readonly high: number;
  readonly meanLimited: number;
  readonly meanHigh: number;
  readonly test: Equivalence;
}

/** Paired (common seeds) TOST on final adoption, high − limited, margin in share units. */
export function compareLengths(limited: readonly RunResult[], high: readonly RunResult[], lengths: [number, number], margin: number): LengthComparison {
  const x = high.map((r) => r.summary.finalAdoption);
  const y = limited.map((r) => r.summary.finalAdoption);
  const result = pairedBootstrap(x, y, { seed: `validation:pattern2:${lengths[0]}:${lengths[1]}`, resamples: 4000 });
  return { limited: lengths[0], high: lengths[1], meanLimited: mean(y), meanHigh: mean(x), test: equivalenceTest(result, margin) };
}

function lengthFindings(comparisons: readonly LengthComparison[], pp: (v: number) => string): string {
  return comparisons
    .map((k) => `${k.high} vs ${k.limited}: ${pp(k.test.estimate)}, 90 % CI ${format.interval(k.test.ci90.low, k.test.ci90.high, pp)} → ${k.test.verdict}`)
    .join('; ');
}

interface PatternsConfig {
  readonly replicates: number;
  readonly skills: readonly number[];
  readonly limited: number;
  readonly high: readonly number[];
}

const CONFIG: Record<Scale, PatternsConfig> = {
  full: { replicates: 200, skills: [0.3, 0.6, 0.9], limited: 12, high: [18, 24] },
  fast: { replicates: 40, skills: [0.3, 0.9], limited: 12, high: [24] },
};

/** A knock-out: the `--set` overrides that switch a pattern's mechanism off. */
export type KnockoutSet = Readonly<Record<string, number | boolean>>;

export interface PatternDefinition {
  readonly pattern: 1 | 2 | 3 | 4 | 5;
  readonly name: string;
  /** the mechanism meant to produce the pattern */
  readonly mechanism: string;
  readonly knockout: KnockoutSet;
}

/**
 * Each study pattern, the mechanism meant to produce it, and the knock-out under which its check
 * must fail (Grimm et al. 2005; MODEL-GROUNDING Revisions 5). A pattern that still holds under its
 * knock-out is reported `byConstruction`, never as validated.
 */
export const PATTERNS: readonly PatternDefinition[] = [
  {
    pattern: 1,
    name: 'order of change',
    mechanism: 'the pathway gates: application is scaled by readiness (geometric mean of A, P, F) and by knowledge, which follow trust with lags',
    knockout: { 'adoption.readinessGate': false, 'adoption.knowledgeGate': false },
  },
  {
    pattern: 2,
    name: 'limited and high engagements do not differ materially',
    mechanism:
      'capacity rationing (H2) with capacity that outlasts support: a longer engagement holds two ISP co-leads longer, so fewer units are reached, and what people learned keeps pushing them after support ends (initiative), so added months add little',
    knockout: { 'isps.count': 20, 'adoption.initiative': 0 },
  },
  {
    pattern: 3,
    name: 'adoption spreads in widening circles through colleagues',
    mechanism: 'spread along ties: the peer term of adoption (q), word of mouth about the ISPs, learning from colleagues who apply',
    knockout: { 'adoption.q': 0, 'trust.wordOfMouth': 0, 'knowledge.peerLearning': 0 },
  },
  {
    pattern: 4,
    name: 'requests for ISPs rise with their credibility',
    mechanism: 'the request rate rises with ISP credibility (M8: λ = λ₀ + credibility·(floor + gain·share applying))',
    knockout: { 'demand.credibilityFloor': 0, 'demand.credibilityGain': 0 },
  },
  {
    pattern: 5,
    name: 'skeptics convert mainly after low-stakes contacts; some disinterested never adopt',
    mechanism: 'low-stakes contacts are more often experienced positively (trust.lowStakesBonus), which raises affect and trust',
    knockout: { 'trust.lowStakesBonus': 0 },
  },
];

/** `path=value` strings of a knock-out, for scenarioWith / --set. */
export function knockoutOverrides(set: KnockoutSet): string[] {
  return Object.entries(set).map(([path, value]) => `${path}=${String(value)}`);
}

export interface PatternVerdict {
  readonly pattern: number;
  readonly holds: boolean;
  readonly knockout: { readonly set: KnockoutSet; readonly holds: boolean };
  /** the pattern holds with its mechanism knocked out: it follows from how the rules are written */
  readonly byConstruction: boolean;
}

/** One pattern measured under some overrides: whether it holds and what was measured. */
interface Measured {
  readonly holds: boolean;
  readonly measured: string;
}

export interface Context {
  readonly c: PatternsConfig;
  readonly scale: Scale;
  readonly seeds: readonly number[];
  /** runs of foundation with these overrides (cached: patterns share them) */
  runs(overrides: readonly string[]): RunResult[];
}

const months = (v: number | null) => (v === null ? 'never' : v.toFixed(1));
const pp = (v: number) => format.points(v);

function measureOrder(x: Context, base: readonly string[]): Measured & { order: OrderOfChange } {
  const order = orderOfChange(x.runs(base));
  return { order, holds: order.holds, measured: `${order.meanHalfRises.map(months).join(' → ')} months (mean curves); ordered in ${format.percent(order.orderedShare)} of runs` };
}

function measureLengths(x: Context, base: readonly string[]): Measured & { comparisons: LengthComparison[] } {
  const { c } = x;
  // the report's line between limited and high (isLimited): every pair must cross it
  if (!isLimited(c.limited) || c.high.some(isLimited)) throw new Error(`pattern 2: ${c.limited} vs ${c.high.join(', ')} months do not cross the limited/high line`);
  const limitedRuns = x.runs([...base, `${LENGTH_FIELD}=${c.limited}`]);
  const comparisons = c.high.map((length) => compareLengths(limitedRuns, x.runs([...base, `${LENGTH_FIELD}=${length}`]), [c.limited, length], PATTERN_CRITERIA.equivalenceMargin));
  // The report's verdict (src/report/patterns.ts pattern2Verdict). At the fast (smoke) scale 40
  // seeds cannot show equivalence for a difference of ~3–4 pp; there the rule is 'point-estimate'
  // (no point estimate beyond the margin). `holds` is the verdict 'holds': 'undetermined' counts as
  // not holding here, since a knock-out check needs a yes/no.
  const holds = pattern2Verdict(comparisons.map((k) => k.test), x.scale === 'full' ? 'equivalence' : 'point-estimate') === 'holds';
  return { comparisons, holds, measured: lengthFindings(comparisons, pp) };
}

function measureRings(x: Context, base: readonly string[]): Measured & { rings: RingOrder; againstNull: RingAgainstNull[] } {
  const runs = x.runs(base);
  const rings = ringOrder(runs);
  const againstNull = ringsAgainstNull(
    runs.map((r) => r.summary),
    x.runs([...base, 'organization.nullTies=true']).map((r) => r.summary),
    base.join(','),
  );
  const words = againstNull
    .map((r) =>
      Number.isNaN(r.difference)
        ? `${RING_LABELS[r.statistic]}: ${r.reading}, ${r.n} runs`
        : `${RING_LABELS[r.statistic]} ${r.model.toFixed(3)} vs null ${r.null.toFixed(3)} (${format.number(r.difference)}, 95 % CI ${format.interval(r.ci95.low, r.ci95.high, (v) => format.number(v))}, ${r.n} runs): ${r.reading}`,
    )
    .join('; ');
  return { rings, againstNull, holds: pattern3Holds(againstNull), measured: words };
}

function measureDemand(x: Context, base: readonly string[]): Measured & { levels: DemandLevel[] } {
  const levels = x.c.skills.map((skill) => demandLevel(skill, x.runs([...base, `isps.relationalSkill=${skill}`])));
  return {
    levels,
    holds: demandRises(levels),
    measured: levels.map((l) => `skill ${l.skill}: credibility ${l.credibility.toFixed(3)}, demand ${l.demand.toFixed(2)}, requests ${l.requests.toFixed(1)}`).join('; '),
  };
}

function measureConversion(x: Context, base: readonly string[]): Measured & { conv: Conversion } {
  const runs = x.runs(base);
  const conv = conversion(runs);
  const C = PATTERN_CRITERIA;
  return {
    conv,
    holds: conv.afterLowStakes > C.afterLowStakes && conv.rateWith > C.lowStakesRateRatio * conv.rateWithout && conv.neverShare > C.neverShare && conv.runsWithNonAdopter === runs.length,
    measured: `${format.percent(conv.afterLowStakes)} after low-stakes; rate ${format.percent(conv.rateWith)} vs ${format.percent(conv.rateWithout)} (${(conv.rateWith / conv.rateWithout).toFixed(1)}×); ${format.percent(conv.neverShare)} of disinterested never adopt; ${conv.runsWithNonAdopter}/${runs.length} runs`,
  };
}

export const MEASURES: Record<number, (x: Context, base: readonly string[]) => Measured> = {
  1: measureOrder,
  2: measureLengths,
  3: measureRings,
  4: measureDemand,
  5: measureConversion,
};

/** How a context gets runs of foundation with overrides (tests pass the built engine's). */
export type PatternRunner = (overrides: readonly string[], seeds: readonly number[]) => RunResult[];

const inProcess: PatternRunner = (overrides, seeds) => runAll(scenarioWith('foundation', ...overrides), seeds);

/** A run cache over one seed list: runs of foundation keyed by their overrides. */
export function patternContext(scale: Scale, replicates?: number, runner: PatternRunner = inProcess): Context {
  const c = CONFIG[scale];
  const seeds = seedList(replicates ?? c.replicates, 1);
  const cache = new Map<string, RunResult[]>();
  return {
    c,
    scale,
    seeds,
    runs(overrides) {
      const key = [...overrides].sort().join('|');
      let runs = cache.get(key);
      if (!runs) {
        runs = runner(overrides, seeds);
        cache.set(key, runs);
      }
      return runs;
    },
  };
}

/** Pattern n with and without its knock-out. */
export function judgePattern(x: Context, definition: PatternDefinition): PatternVerdict & { measured: string; knockoutMeasured: string } {
  const measure = MEASURES[definition.pattern];
  const withMechanism = measure(x, []);
  const without = measure(x, knockoutOverrides(definition.knockout));
  return {
    pattern: definition.pattern,
    holds: withMechanism.holds,
    knockout: { set: definition.knockout, holds: without.holds },
    byConstruction: without.holds,
    measured: withMechanism.measured,
    knockoutMeasured: without.measured,
  };
}

function run(scale: Scale): CaseOutcome {
  const x = patternContext(scale);
  const { c } = x;
  const C = PATTERN_CRITERIA;
  const order = measureOrder(x, []);
  const lengths = measureLengths(x, []);
  const rings = measureRings(x, []);
  const verdicts = PATTERNS.map((definition) => ({ definition, verdict: judgePattern(x, definition) }));
  const quality = qualityComparison(x.runs([]));
  const qualityKnockedOut = qualityComparison(x.runs(knockoutOverrides(QUALITY_KNOCKOUT)));
  const qualityOwn = qualityEffect(x.runs([]), x.runs(knockoutOverrides(QUALITY_KNOCKOUT)));
  const slopeText = (v: QualityComparison) =>
    `${format.points(v.slope)} ${format.interval(v.low, v.high, (value) => format.points(value))} (${Math.round(v.people / x.seeds.length)} skeptics per run compared)`;
  const criteria: Record<number, [string, string]> = {
    1: [`half-rise months (src/report/patterns.ts) increase along ${PATHWAY_STEPS.join(' → ')} on the mean curves, and in ≥ ${C.orderedShare * 100} % of runs`, 'strictly increasing; share ≥ 0.8'],
    2:
      scale === 'full'
        ? [`TOST, paired by seed: the 90 % CI of (high − limited) inside ±${C.equivalenceMargin * 100} pp`, `verdict "equivalent" for ${c.high.map((h) => `${h} vs ${c.limited}`).join(' and ')} months`]
        : [`paired by seed: |high − limited| < ${C.equivalenceMargin * 100} pp (smoke scale; equivalence needs the full scale)`, `for ${c.high.map((h) => `${h} vs ${c.limited}`).join(' and ')} months`],
    3: ['ρ(ring, adoption week) outside ring 0 beats the degree-preserving null network (organization.nullTies), paired by seed', '95 % CI of (model − null) above 0'],
    4: [`raising ISP relational skill ${c.skills.join(' → ')} raises credibility, mean demand and requests`, 'each strictly increasing'],
    5: [`≥ ${C.afterLowStakes * 100} % of skeptic adoptions follow a low-stakes contact; rate with one > ${C.lowStakesRateRatio}× without; > ${C.neverShare * 100} % of disinterested never adopt, some in every run`, 'all four hold'],
  };
  const checks: Check[] = verdicts.flatMap(({ definition, verdict }) => [
    check(`${definition.pattern}. ${definition.name}`, criteria[definition.pattern][0], criteria[definition.pattern][1], verdict.measured, verdict.holds),
    // A pattern that holds without its mechanism is reported as by construction: shown, not counted as validated.
    check(
      `${definition.pattern}. knock-out: ${knockoutOverrides(definition.knockout).join(', ')}`,
      `the pattern fails without its mechanism (${definition.mechanism})`,
      verdict.byConstruction ? 'by construction: holds even without its mechanism — not validated' : 'the same criterion, failing',
      verdict.knockoutMeasured,
      !verdict.byConstruction || KNOWN_BY_CONSTRUCTION.includes(definition.pattern),
    ),
  ]);
  const halfRows: IntervalRow[] = PATHWAY_STEPS.map((step, k) => {
    const ci = meanInterval(x.runs([]).map((r) => pathwayHalfRises(r)[k] ?? r.series.month.length));
    return { x: step, y: ci.mean, low: ci.low, high: ci.high, series: 'half-rise month' };
  });
  const lengthRows: IntervalRow[] = lengths.comparisons.map((k) => ({ x: `${k.high} months`, y: k.test.estimate * 100, low: k.test.ci90.low * 100, high: k.test.ci90.high * 100, series: `high − ${k.limited} months (90 % CI)` }));
  return {
    checks,
    patterns: [
      ...verdicts.map(({ verdict }) => ({ pattern: verdict.pattern, holds: verdict.holds, knockout: verdict.knockout, byConstruction: verdict.byConstruction })),
      // pattern 5 in its falsifiable form (reported beside the reach-based form, not a check: docs/VALIDATION.md)
      { pattern: 5, form: 'same teams, by the quality of the first low-stakes contact', holds: quality.holds, knockout: { set: QUALITY_KNOCKOUT, holds: qualityKnockedOut.holds }, byConstruction: quality.holds && qualityKnockedOut.holds },
    ],
    tables: [
      {
        caption: `Patterns and knock-outs (foundation, ${c.replicates} seeds each; a pattern that holds under its knock-out is by construction)`,
        columns: ['pattern', 'mechanism', 'holds', 'knock-out (--set)', 'holds knocked out', 'reading'],
        rows: verdicts.map(({ definition, verdict }) => [
          `${definition.pattern}. ${definition.name}`,
          definition.mechanism,
          verdict.holds ? 'yes' : 'no',
          knockoutOverrides(definition.knockout).join(' '),
          verdict.knockout.holds ? 'yes' : 'no',
          !verdict.holds ? 'does not hold' : verdict.byConstruction ? 'by construction' : 'holds, and fails without its mechanism',
        ]),
      },
      {
        caption: `Pattern 5 in a form that can fail: skeptics of the same team of an engaged unit (not on its implementation team), adoption by the quality of their first low-stakes contact (before any adoption) — positive minus negative, within teams (${c.replicates} seeds, 95 % interval resampling runs)`,
        columns: ['', 'difference in adoption', 'holds (interval above 0)'],
        rows: [
          ['with the mechanism (foundation)', slopeText(quality), quality.holds ? 'yes' : 'no'],
          [`knocked out (${knockoutOverrides(QUALITY_KNOCKOUT).join(' ')})`, slopeText(qualityKnockedOut), qualityKnockedOut.holds ? 'yes' : 'no'],
          ['the mechanism’s own part: with − knocked out, same seeds', `${format.points(qualityOwn.estimate)} ${format.interval(qualityOwn.low, qualityOwn.high, (value) => format.points(value))}`, qualityOwn.low > 0 ? 'yes' : 'no'],
        ],
      },
      {
        caption: `Pattern 3: ring statistics against the degree-preserving null network (${c.replicates} paired seeds)`,
        columns: ['statistic', 'runs', 'model', 'null', 'model − null', '95 % CI', 'reading'],
        rows: rings.againstNull.map((r) =>
          Number.isNaN(r.difference)
            ? [RING_LABELS[r.statistic], String(r.n), '–', '–', '–', '–', r.reading]
            : [RING_LABELS[r.statistic], String(r.n), r.model.toFixed(3), r.null.toFixed(3), format.number(r.difference), format.interval(r.ci95.low, r.ci95.high, (v) => format.number(v)), r.reading],
        ),
      },
      {
        caption: `Pattern 2: final adoption by engagement length (foundation, ${c.replicates} paired seeds, margin ±${C.equivalenceMargin * 100} pp)`,
        columns: ['comparison', 'limited', 'high', 'difference', '90 % CI', '95 % CI', 'TOST p', 'verdict'],
        rows: lengths.comparisons.map((k) => [
          `${k.high} vs ${k.limited} months`,
          format.percent(k.meanLimited),
          format.percent(k.meanHigh),
          pp(k.test.estimate),
          format.interval(k.test.ci90.low, k.test.ci90.high, pp),
          format.interval(k.test.ci95.low, k.test.ci95.high, pp),
          k.test.p.toFixed(4),
          k.test.verdict,
        ]),
      },
      {
        caption: `Pattern 1: half-rise month of each pathway step on the mean curves (${c.replicates} runs)`,
        columns: [...PATHWAY_STEPS],
        rows: [order.order.meanHalfRises.map(months)],
      },
    ],
    charts: [
      {
        id: 'patterns-order',
        title: 'Pattern 1: order of change',
        caption: `Mean over runs of each run's half-rise month per pathway step (95 % intervals; a step that never rose counts as the horizon), foundation, ${c.replicates} runs.`,
        spec: intervalsChart({ title: 'Order of change', subtitle: `foundation, ${c.replicates} runs`, points: halfRows, xTitle: 'Pathway step', yTitle: 'Half-rise month', categories: PATHWAY_STEPS }),
      },
      {
        id: 'patterns-lengths',
        title: 'Pattern 2: engagement length and final adoption',
        caption: `Difference in final adoption (pp), high engagement minus ${c.limited} months, with 90 % intervals; equivalence holds when the interval sits inside ±${C.equivalenceMargin * 100} pp.`,
        spec: marginChart(lengthRows, C.equivalenceMargin * 100),
      },
    ],
    notes: [
      'Pattern 1 uses the one definition of a half-rise and of the order that the compare report uses (src/report/patterns.ts): from the month-0 level to the maximum, on mean curves.',
      'Pattern 2 uses the report’s statistics (src/stats: paired bootstrap-t and TOST), the same test `concentric compare` applies.',
      'Pattern 3 was redesigned (MODEL-GROUNDING Revisions 6): ρ over all adopters mostly measures the ISP rollout order, so the pattern is judged outside ring 0 against a null network with the same units and degrees and rewired ties; rings are measured on the ties as generated in both.',
      `Patterns known to be by construction (reported, not validated): ${KNOWN_BY_CONSTRUCTION.length ? KNOWN_BY_CONSTRUCTION.join(', ') : 'none'}. A knock-out check fails only when a pattern not listed there turns out to hold without its mechanism.`,
    ],
  };
}

/**
 * Patterns whose knock-out was found (npm run validate) to leave them holding: by construction.
 * Listed so the suite reports them without failing; a new one fails the suite until it is
 * redesigned or listed here with docs/VALIDATION.md saying why.
 */
export const KNOWN_BY_CONSTRUCTION: readonly number[] = [
  // Pattern 5 holds with trust.lowStakesBonus = 0 (and with every peer channel off): outreach is
  // the only ISP contact most staff ever get, so "adopted after a low-stakes contact" measures
  // who was reached, not what low-stakes contacts do (docs/VALIDATION.md).
  5,
];

function marginChart(rows: readonly IntervalRow[], margin: number) {
  const categories = rows.map((r) => String(r.x));
  const spec = intervalsChart({ title: 'Final adoption: high − limited', subtitle: `band = ±${margin} pp equivalence margin`, points: rows, xTitle: 'High engagement length', yTitle: 'Difference (pp)', yDomain: [-2 * margin, 2 * margin], categories });
  return withBand(spec, -margin, margin, 0.12);
}

export const studyPatternsCase: ValidationCase = {
  id: 'study-patterns',
  title: 'The study’s five qualitative patterns',
  source: 'Metz AJ, Jensen TM, Afkinich JL, Disbennett ME, Farley AB (2024) Front. Health Serv. 4:1323807',
  establishes:
    'Calibration, not validation: the default foundation scenario shows each study pattern with its mechanism, and (for patterns 1–4) loses it when that mechanism is knocked out — the pathway’s order, no material difference between limited and high engagements, spread through colleagues beyond the rollout, credibility driving demand. Pattern 5 (low-stakes contacts) holds under its knock-out and is reported as by construction.',
  limits:
    'Qualitative only, and the default parameters were chosen with these patterns in mind: reproducing them shows the mechanisms can produce them, not that they are the only explanation or that magnitudes are right.',
  design:
    'foundation (200 staff), 200 seeds (1–200), each pattern with and without its knock-out on the same seeds; pattern 2 pairs 12- with 18- and 24-month engagements; pattern 3 reruns the seeds on the null network (organization.nullTies); pattern 4 varies ISP relational skill 0.3 / 0.6 / 0.9.',
  run,
};
