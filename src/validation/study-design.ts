/**
 * Case `study-design` — the study as its Methods describe it (issue 23; docs/VALIDATION.md, S):
 * limited (6, 12 months) and high (18, 24) engagements inside one foundation, recipients the
 * implementation-team members of engaged units interviewed in months 30–33, each at the furthest
 * stage reached by then (src/sweep/study-design.ts). It reports per stage the limited − high
 * difference, and how often a 13-recipient study would show what the study reported (O), under
 * the default, H1 and H2 and under no true difference (arms shuffled) — so the likelihood ratio O
 * carries is explicit — with the power of Fisher's test at α = 0.05 beside its false-alarm rate.
 * Its checks and predictions were committed before its first run (414f1b8).
 */
import { RECORDED_STAGES, type RunResult } from '../sim/index.js';
import { mean, pairedBootstrap, confidenceInterval, seededUniform, fisherExact, quantileOfSorted } from '../stats/index.js';
import { Arm, APPLYING_STAGE, drawStudy, furthestStage, interviewWeeks, recipientsOf, STUDY_DESIGN, stageShares, studyChances, type StudyChances } from '../sweep/index.js';
import { check, prediction, type CaseOutcome, type Prediction, type Scale, type ValidationCase } from './case.js';
import { format, meanInterval, runAll, scenarioWith, seedList } from './common.js';

/** The commit that registered this case's checks and predictions (docs/VALIDATION.md, S). */
export const REGISTERED = '414f1b8';

export const STUDY_OVERRIDES = ['engagement.lengthAssignment=within', 'engagement.withinLengths=[6,12,18,24]', 'months=36'] as const;

export const EXPLANATIONS = [
  { id: 'default', scenario: 'foundation' },
  { id: 'H1', scenario: 'hypotheses/early-affect' },
  { id: 'H2', scenario: 'hypotheses/capacity' },
] as const;

const SEEDS: Record<Scale, number> = { full: 200, fast: 8 };
const DRAWS: Record<Scale, number> = { full: 200, fast: 40 };

/** Pooled counts of study draws over runs, with per-run rates for an interval. */
interface Pooled {
  readonly comparable: number;
  readonly shows: number;
  readonly allSustaining: number;
  readonly nearlyAll: number;
  readonly detects: number;
  /** per run: shows / comparable (runs with a comparable draw) */
  readonly showRates: readonly number[];
  readonly detectRates: readonly number[];
}

function pool(chances: readonly StudyChances[]): Pooled {
  const sum = (key: keyof StudyChances) => chances.reduce((total, c) => total + c[key], 0);
  const usable = chances.filter((c) => c.comparable > 0);
  return {
    comparable: sum('comparable'),
    shows: sum('shows'),
    allSustaining: sum('allSustaining'),
    nearlyAll: sum('nearlyAll'),
    detects: sum('detects'),
    showRates: usable.map((c) => c.shows / c.comparable),
    detectRates: usable.map((c) => c.detects / c.comparable),
  };
}

export interface StageDifference {
  readonly stage: string;
  readonly limited: number;
  readonly high: number;
  readonly estimate: number;
  readonly low: number;
  readonly high95: number;
  readonly runs: number;
}

export interface ExplanationResult {
  readonly id: string;
  readonly scenario: string;
  readonly runs: number;
  /** runs whose recipients include both arms and give a 13-recipient study */
  readonly feasible: number;
  readonly recipientsPerRun: number;
  readonly limitedPerRun: number;
  readonly stages: readonly StageDifference[];
  readonly observed: Pooled;
  readonly shuffled: Pooled;
  /** all eligible recipients interviewed at mid-window: share of runs where Fisher p < 0.05 */
  readonly censusPower: number;
  readonly censusFalseAlarm: number;
}

const MID_WEEK = Math.round((interviewWeeks(STUDY_DESIGN)[0] + interviewWeeks(STUDY_DESIGN)[1]) / 2);

/** Fisher's p of reaching applying by arm among the given recipients at mid-window. */
function censusP(recipients: ReturnType<typeof recipientsOf>): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (const r of recipients) {
    const applying = furthestStage(r.record, MID_WEEK) >= APPLYING_STAGE;
    if (r.arm === Arm.limited) applying ? a++ : b++;
    else applying ? c++ : d++;
  }
  return fisherExact(a, b, c, d);
}

/** The recipients with each unit's arm shuffled among units. */
function shuffledArms(recipients: ReturnType<typeof recipientsOf>, seed: string): ReturnType<typeof recipientsOf> {
  const uniform = seededUniform(seed);
  const units = [...new Set(recipients.map((r) => r.unit))];
  const arms = units.map((u) => recipients.find((r) => r.unit === u)?.arm ?? Arm.limited);
  for (let k = arms.length - 1; k > 0; k--) {
    const j = Math.floor(uniform() * (k + 1));
    [arms[k], arms[j]] = [arms[j], arms[k]];
  }
  const armOf = new Map(units.map((u, k) => [u, arms[k]]));
  return recipients.map((r) => ({ ...r, arm: armOf.get(r.unit) ?? r.arm }));
}

export function analyseExplanation(id: string, scenario: string, runs: readonly RunResult[], draws: number): ExplanationResult {
  const limitedShares: (number | null)[][] = [];
  const highShares: (number | null)[][] = [];
  const observed: StudyChances[] = [];
  const shuffled: StudyChances[] = [];
  let feasible = 0;
  let recipients = 0;
  let limited = 0;
  let censusDetects = 0;
  let censusAlarms = 0;
  for (const run of runs) {
    const eligible = recipientsOf(run);
    recipients += eligible.length;
    limited += eligible.filter((r) => r.arm === Arm.limited).length;
    const l = stageShares(eligible, Arm.limited, MID_WEEK);
    const h = stageShares(eligible, Arm.high, MID_WEEK);
    if (l && h) {
      limitedShares.push(l);
      highShares.push(h);
      if (drawStudy(eligible, seededUniform(`${run.seed}:feasible`)).length === STUDY_DESIGN.recipients) feasible++;
    }
    observed.push(studyChances(run, seededUniform(`${scenario}:${run.seed}:study`), draws));
    shuffled.push(studyChances(run, seededUniform(`${scenario}:${run.seed}:null`), draws, { permuteArms: true }));
    if (censusP(eligible) < 0.05) censusDetects++;
    if (censusP(shuffledArms(eligible, `${scenario}:${run.seed}:census-null`)) < 0.05) censusAlarms++;
  }
  const stages = RECORDED_STAGES.map((stage, s) => {
    const x = limitedShares.map((row) => row[s] as number);
    const y = highShares.map((row) => row[s] as number);
    const result = pairedBootstrap(x.length >= 2 ? x : [0, 0], y.length >= 2 ? y : [0, 0], { seed: `study-design:${scenario}:${stage}`, resamples: 2000 });
    const ci = confidenceInterval(result, 0.95);
    return { stage, limited: mean(x), high: mean(y), estimate: result.estimate, low: ci.low, high95: ci.high, runs: x.length };
  });
  return {
    id,
    scenario,
    runs: runs.length,
    feasible,
    recipientsPerRun: recipients / runs.length,
    limitedPerRun: limited / runs.length,
    stages,
    observed: pool(observed),
    shuffled: pool(shuffled),
    censusPower: censusDetects / runs.length,
    censusFalseAlarm: censusAlarms / runs.length,
  };
}

const rate = (k: number, n: number) => (n > 0 ? k / n : Number.NaN);
const showRate = (p: Pooled) => rate(p.shows, p.comparable);
const detectRate = (p: Pooled) => rate(p.detects, p.comparable);

/** A percentile interval for P(O | a) / P(O | b), resampling runs of each. */
function ratioInterval(a: readonly number[], b: readonly number[], seed: string): { low: number; high: number } {
  const uniform = seededUniform(seed);
  const ratios: number[] = [];
  const resampledMean = (xs: readonly number[]) => {
    let total = 0;
    for (let k = 0; k < xs.length; k++) total += xs[Math.floor(uniform() * xs.length)];
    return total / xs.length;
  };
  for (let r = 0; r < 2000; r++) ratios.push(resampledMean(a) / resampledMean(b));
  ratios.sort((x, y) => x - y);
  return { low: quantileOfSorted(ratios, 0.025), high: quantileOfSorted(ratios, 0.975) };
}

function ratioText(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : '∞';
}

function run(scale: Scale): CaseOutcome {
  const seeds = seedList(SEEDS[scale], 1);
  const results = EXPLANATIONS.map((e) => analyseExplanation(e.id, e.scenario, runAll(scenarioWith(e.scenario, ...STUDY_OVERRIDES), seeds), DRAWS[scale]));
  const byId = (id: string) => results.find((r) => r.id === id) as ExplanationResult;
  const [base, h1, h2] = [byId('default'), byId('H1'), byId('H2')];
  const pct = (v: number) => format.percent(v);
  const pp = (v: number) => format.points(v);
  const stage = (r: ExplanationResult, name: string) => r.stages.find((s) => s.stage === name) as StageDifference;

  const checks = results.map((r) =>
    check(
      `The design is feasible (${r.id})`,
      'in ≥ 95 % of runs the recipients include both arms and a study draws 13 of them',
      'a property of the design (registered before the run, docs/VALIDATION.md S)',
      `${r.feasible} of ${r.runs} runs (${r.recipientsPerRun.toFixed(1)} recipients per run, ${r.limitedPerRun.toFixed(1)} limited)`,
      r.feasible >= 0.95 * r.runs,
    ),
  );

  const early = results.flatMap((r) => ['contacted', 'trusting'].map((name) => ({ r, s: stage(r, name) })));
  const applying = (r: ExplanationResult) => stage(r, 'applying');
  const s1 =
    early.every(({ s }) => Math.abs(s.estimate) < 0.05) && applying(h2).estimate < 0 && applying(h2).high95 < 0 && Math.abs(applying(h1).estimate) < Math.abs(applying(h2).estimate);
  const s2Gaps = results.map((r) => ({ r, gap: showRate(r.shuffled) - showRate(r.observed) }));
  const lr12 = showRate(h1.observed) / showRate(h2.observed);
  const lr12Interval = ratioInterval(h1.observed.showRates, h2.observed.showRates, 'study-design:lr');
  const predictions: Prediction[] = [
    prediction(
      'S1',
      'contacted and trusting: |limited − high| < 5 pp in every scenario; applying: limited − high < 0 under H2 with its 95 % interval excluding 0, and |limited − high| smaller under H1 than under H2',
      REGISTERED,
      s1,
      `${early.map(({ r, s }) => `${r.id} ${s.stage} ${pp(s.estimate)}`).join(', ')}; applying: ${results.map((r) => `${r.id} ${pp(applying(r).estimate)} ${format.interval(applying(r).low, applying(r).high95, pp)}`).join(', ')}`,
    ),
    prediction(
      'S2',
      'P(O) with the arms shuffled lies within ±0.03 of P(O), in each scenario (O is about how far recipients got, not about length)',
      REGISTERED,
      s2Gaps.every(({ gap }) => Math.abs(gap) <= 0.03),
      s2Gaps.map(({ r, gap }) => `${r.id} ${showRate(r.observed).toFixed(3)} vs shuffled ${showRate(r.shuffled).toFixed(3)} (${gap >= 0 ? '+' : '−'}${Math.abs(gap).toFixed(3)})`).join('; '),
    ),
    prediction(
      'S3',
      'P(O | H1) > P(O | H2), and the likelihood ratio P(O | H1) / P(O | H2) lies between 1 and 10',
      REGISTERED,
      showRate(h1.observed) > showRate(h2.observed) && lr12 > 1 && lr12 <= 10,
      `P(O | H1) ${showRate(h1.observed).toFixed(3)}, P(O | H2) ${showRate(h2.observed).toFixed(3)}, ratio ${ratioText(lr12)} [${ratioText(lr12Interval.low)}, ${ratioText(lr12Interval.high)}] (runs resampled)`,
    ),
    prediction(
      'S4',
      "power of Fisher's test (applying by arm, α = 0.05) below 0.20 in every scenario, false-alarm rate under no true difference at most 0.10 in every scenario",
      REGISTERED,
      results.every((r) => detectRate(r.observed) < 0.2 && detectRate(r.shuffled) <= 0.1),
      results.map((r) => `${r.id} power ${detectRate(r.observed).toFixed(3)}, false alarm ${detectRate(r.shuffled).toFixed(3)}`).join('; '),
    ),
  ];

  const interval = (rates: readonly number[]) => {
    const m = meanInterval(rates as number[]);
    return `[${Math.max(0, m.low).toFixed(3)}, ${Math.min(1, m.high).toFixed(3)}]`;
  };
  const lr = (a: ExplanationResult, b: ExplanationResult) => ratioText(showRate(a.observed) / showRate(b.observed));
  return {
    checks,
    predictions,
    tables: [
      {
        caption: `Share of recipients who had reached each stage by mid-window (month ~31.5): limited (6, 12 months) − high (18, 24), paired within run, 95 % bootstrap-t interval over ${seeds.length} runs`,
        columns: ['stage', ...results.map((r) => `${r.id} (${r.scenario})`)],
        rows: RECORDED_STAGES.map((name) => [name, ...results.map((r) => {
          const s = stage(r, name);
          return `${pct(s.limited)} − ${pct(s.high)} = ${pp(s.estimate)} ${format.interval(s.low, s.high95, pp)}`;
        })]),
      },
      {
        caption: `How often a 13-recipient study (2 per unit, arms alternating, interviewed in months 30–33) shows the study's observation O (all 13 had reached applying), ${DRAWS[scale]} studies per run × ${seeds.length} runs; "no true difference" = the same runs with arms shuffled among units; 95 % interval over runs`,
        columns: ['scenario', 'P(O)', 'P(O | no true difference)', 'P(all 13 sustaining)', 'P(≤ 2 short, test n.s.)', 'power, α = 0.05', 'false alarm, no true difference', 'census power (all recipients)', 'census false alarm'],
        rows: results.map((r) => [
          `${r.id} (${r.scenario})`,
          `${showRate(r.observed).toFixed(3)} ${interval(r.observed.showRates)}`,
          `${showRate(r.shuffled).toFixed(3)} ${interval(r.shuffled.showRates)}`,
          rate(r.observed.allSustaining, r.observed.comparable).toFixed(3),
          rate(r.observed.nearlyAll, r.observed.comparable).toFixed(3),
          `${detectRate(r.observed).toFixed(3)} ${interval(r.observed.detectRates)}`,
          `${detectRate(r.shuffled).toFixed(3)} ${interval(r.shuffled.detectRates)}`,
          r.censusPower.toFixed(3),
          r.censusFalseAlarm.toFixed(3),
        ]),
      },
      {
        caption: 'The likelihood ratio the observation O carries: P(O | row) / P(O | column)',
        columns: ['', ...results.map((r) => r.id)],
        rows: results.map((a) => [a.id, ...results.map((b) => lr(a, b))]),
      },
    ],
    charts: [],
    notes: [
      `Recipients per run: ${results.map((r) => `${r.id} ${r.recipientsPerRun.toFixed(1)} (${r.limitedPerRun.toFixed(1)} limited)`).join(', ')}.`,
      `Bayes factor of O, H1 against H2: ${ratioText(lr12)} [${ratioText(lr12Interval.low)}, ${ratioText(lr12Interval.high)}]; default against H2: ${lr(base, h2)}; H1 against default: ${lr(h1, base)}.`,
      'O depends on how far recipients got, not on which arm they were in: with the arms shuffled it is about as likely, so it carries (almost) no information about a length effect — only about the level reached.',
      "Fisher's test counts people, but two recipients of one unit share their unit's course: its false-alarm rate under no true difference is measured here, not assumed to be α.",
    ],
  };
}

export const studyDesignCase: ValidationCase = {
  id: 'study-design',
  title: "The study's own design: 13 recipients inside one foundation",
  source: 'Metz et al. 2024, Methods (13 recipients, ≥ 2 per engaged unit, limited 6–12 / high 12+ months, one foundation, interviews Nov 2020 – Feb 2021); MODEL-GROUNDING Revisions 7',
  establishes: 'What a 13-recipient study inside one foundation would see under each explanation (default, H1, H2) and under no true difference: the per-stage differences by length, the chance of the study’s observation, and the power of a test — predictions committed before the run.',
  limits: 'The interview window and the recipients’ eligibility are assumptions; the study was qualitative, so "reached applying" stands in for "described the pathway through application".',
  design: `foundation, hypotheses/early-affect, hypotheses/capacity with ${STUDY_OVERRIDES.join(' ')}; 200 seeds (1–200) each; 200 study draws per run; recipients at months 30–33.`,
  run,
};
