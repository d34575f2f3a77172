/**
 * Observes the state at month ends into columnar series, and turns the final state into the
 * run summary. One pass over the staff per month; nothing per week.
 */
import { readinessMean, scaleScore, stageOf, STAGES, type StaffState, type StageThresholds } from '../agents/index.js';
import { DISPOSITIONS, type Scenario } from '../scenarios/index.js';
import { firstReaching, spearman } from './metrics.js';
import type { Organization } from './network.js';
import { RINGS, round6, SERIES, type DispositionOutcome, type MonthlySeries, type RunResult } from './result.js';

export interface DeskReadings {
  readonly credibility: number;
  readonly ispHours: number;
  readonly requests: number;
  readonly active: number;
  readonly waiting: number;
}

export interface RunCounters {
  readonly adoptionEvents: number;
  readonly requests: number;
  readonly engagementsStarted: number;
}

/**
 * One pass over the staff at a month end: sums of trust, affect, A, P, F, knowledge, applying and
 * ever adopted (into `sums`, in that order), stage counts and applying per ring. A function of its
 * own: as part of record() the loop ran ~2× slower (V8 optimizes a small function's loop better).
 */
function tally(
  staff: StaffState,
  n: number,
  ring: Int32Array,
  week: number,
  stageThresholds: StageThresholds,
  stageCounts: Int32Array,
  ringApplying: Int32Array,
  sums: Float64Array,
): Float64Array {
  const { trust: trustOf, affect: affectOf, knowledge: knowledgeOf, applying: applyingOf, contact } = staff;
  const { acceptability: acceptabilityOf, appropriateness: appropriatenessOf, feasibility: feasibilityOf } = staff;
  const { adoptedWeek, applyingSince } = staff;
  const lastRing = RINGS.length - 1;
  stageCounts.fill(0);
  ringApplying.fill(0);
  let trust = 0;
  let affect = 0;
  let acceptability = 0;
  let appropriateness = 0;
  let feasibility = 0;
  let knowledge = 0;
  let applying = 0;
  let everAdopted = 0;
  for (let i = 0; i < n; i++) {
    const a = acceptabilityOf[i];
    const p = appropriatenessOf[i];
    const f = feasibilityOf[i];
    const t = trustOf[i];
    const k = knowledgeOf[i];
    const on = applyingOf[i];
    // Read whether or not they apply (stageOf ignores it for those who do not): no branch, and
    // no code path that a run's first months never take (which cost V8 a deoptimization).
    const weeksApplying = week - applyingSince[i];
    stageCounts[stageOf(contact[i], t, readinessMean(a, p, f), k, on, weeksApplying, stageThresholds)]++;
    trust += t;
    affect += affectOf[i];
    acceptability += a;
    appropriateness += p;
    feasibility += f;
    knowledge += k;
    applying += on;
    // Branch-free (who has adopted is unpredictable mid-run): adoptedWeek is −1 until then.
    everAdopted += ~adoptedWeek[i] >>> 31;
    ringApplying[Math.min(ring[i], lastRing)] += on;
  }
  sums[0] = trust;
  sums[1] = affect;
  sums[2] = acceptability;
  sums[3] = appropriateness;
  sums[4] = feasibility;
  sums[5] = knowledge;
  sums[6] = applying;
  sums[7] = everAdopted;
  return sums;
}

export class MonthlyRecorder {
  private readonly series: MonthlySeries;
  private readonly ringSize: Float64Array;
  // Integer counters (a float increment is a slower loop-carried chain).
  private readonly stageCounts = new Int32Array(STAGES.length);
  private readonly ringApplying = new Int32Array(RINGS.length);
  private readonly sums = new Float64Array(8);

  constructor(
    private readonly scenario: Scenario,
    private readonly staff: StaffState,
    private readonly org: Organization,
    private readonly ring: Int32Array,
    private readonly teamSafety: Float64Array,
    private readonly stageThresholds: StageThresholds,
  ) {
    this.series = Object.fromEntries(SERIES.map((name) => [name, [] as number[]])) as MonthlySeries;
    this.ringSize = new Float64Array(RINGS.length);
    for (let i = 0; i < org.staff; i++) this.ringSize[Math.min(ring[i], RINGS.length - 1)]++;
  }

  /** Observe month `month`, which ends when `week` weeks are complete. */
  record(month: number, week: number, desk: DeskReadings): void {
    const { org, stageCounts, ringApplying } = this;
    const n = org.staff;
    const sums = tally(this.staff, n, this.ring, week, this.stageThresholds, stageCounts, ringApplying, this.sums);
    const [trust, affect, acceptability, appropriateness, feasibility, knowledge, applying, everAdopted] = sums;
    let safety = 0;
    for (let t = 0; t < org.teams; t++) safety += this.teamSafety[t];
    const out = this.series;
    out.month.push(month);
    STAGES.forEach((name, stage) => out[name].push(stageCounts[stage]));
    out.trust.push(round6(trust / n));
    out.affect.push(round6(affect / n));
    out.safety.push(round6(safety / org.teams));
    out.aim.push(round6(scaleScore(acceptability / n)));
    out.iam.push(round6(scaleScore(appropriateness / n)));
    out.fim.push(round6(scaleScore(feasibility / n)));
    out.knowledge.push(round6(knowledge / n));
    out.adoption.push(round6(applying / n));
    out.everAdopted.push(round6(everAdopted / n));
    out.sustained.push(round6(stageCounts[STAGES.indexOf('sustaining')] / n));
    RINGS.forEach((name, r) => out[name].push(this.ringSize[r] > 0 ? round6(ringApplying[r] / this.ringSize[r]) : 0));
    out.credibility.push(round6(desk.credibility));
    out.ispHours.push(round6(desk.ispHours));
    out.requests.push(desk.requests);
    out.active.push(desk.active);
    out.waiting.push(desk.waiting);
    out.demand.push(desk.active + desk.waiting);
  }

  result(seed: number, counters: RunCounters): RunResult {
    const { staff, org, ring, scenario } = this;
    const out = this.series;
    const last = out.month.length - 1;
    const adopterRings: number[] = [];
    const adopterWeeks: number[] = [];
    const outcome = DISPOSITIONS.map(() => ({ staff: 0, adopted: 0, adoptedAfterLowStakes: 0, withLowStakes: 0, adoptedWithLowStakes: 0 }));
    for (let i = 0; i < org.staff; i++) {
      const d = outcome[staff.disposition[i]];
      d.staff++;
      const adopted = staff.adoptedWeek[i] >= 0;
      if (adopted) {
        d.adopted++;
        d.adoptedAfterLowStakes += staff.lowStakesBeforeAdoption[i];
        adopterRings.push(ring[i]);
        adopterWeeks.push(staff.adoptedWeek[i]);
      }
      if (staff.lowStakesContacts[i] > 0) {
        d.withLowStakes++;
        if (adopted) d.adoptedWithLowStakes++;
      }
    }
    const correlation = spearman(adopterRings, adopterWeeks);
    const totalHours = out.ispHours.reduce((sum, hours) => sum + hours, 0);
    const dispositions = Object.fromEntries(DISPOSITIONS.map((name, d) => [name, outcome[d] as DispositionOutcome])) as Record<
      (typeof DISPOSITIONS)[number],
      DispositionOutcome
    >;
    return {
      scenario: scenario.name,
      seed,
      months: last,
      staff: org.staff,
      series: Object.fromEntries(SERIES.map((name) => [name, out[name].slice()])) as MonthlySeries,
      summary: {
        finalAdoption: out.adoption[last],
        everAdopted: out.everAdopted[last],
        sustainedCapacity: out.sustained[last],
        timeTo25: firstReaching(out.adoption, 0.25),
        timeTo50: firstReaching(out.adoption, 0.5),
        timeTo75: firstReaching(out.adoption, 0.75),
        ringCorrelation: correlation === null ? null : round6(correlation),
        finalAim: out.aim[last],
        finalIam: out.iam[last],
        finalFim: out.fim[last],
        finalTrust: out.trust[last],
        finalCredibility: out.credibility[last],
        ispHours: round6(totalHours),
        ispHoursPerAdopter: counters.adoptionEvents > 0 ? round6(totalHours / counters.adoptionEvents) : null,
        requests: counters.requests,
        engagementsStarted: counters.engagementsStarted,
        peakWaiting: Math.max(...out.waiting),
        dispositions,
      },
    };
  }
}
