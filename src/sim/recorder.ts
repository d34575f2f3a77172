/**
 * Observes the state at month ends into columnar series, and turns the final state into the
 * run summary. One pass over the staff per month; nothing per week.
 */
import { readinessMean, restingStage, scaleScore, Stage, stageOf, STAGES, type StaffState, type StageThresholds } from '../agents/index.js';
import type { DispositionName, Scenario } from '../scenarios/index.js';
import type { ArrayAllocator } from './arena.js';
import { firstReaching, spearman } from './metrics.js';
import type { Organization } from './network.js';
import { RINGS, round6, SERIES, type DispositionOutcome, type LowStakesQuality, type MonthlySeries, type RunResult, type UnitOutcome } from './result.js';
import { DISPOSITION_NAMES } from './staff.js';
import { ENGINE_VERSION } from './version.js';

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
  /** per-unit outcomes of a within-organization run (absent otherwise, so other outputs stay as they were) */
  readonly units?: readonly UnitOutcome[];
  /** 1 for each unit that ever had an engagement */
  readonly unitEverEngaged: Uint8Array;
  /** mean share of first adopters' hazard that came through initiative (null: nobody adopted) */
  readonly initiativeShare: number | null;
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
): void {
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
}

/** Each person's resting stage — their stage were they not applying — into `resting`. */
/**
 * Pattern 5's falsifiable form: skeptics of the same team of an engaged unit (reached by the same
 * engagement, with the same team safety), not on its implementation team (which gets the ISPs'
 * push), compared by the quality of their first low-stakes contact — x = 1 if experienced
 * positively, 0 if not — against whether they adopted, y; only those whose first low-stakes
 * contact came before any adoption (it cannot explain an adoption it followed). Whether a contact
 * is positive is drawn from its relational quality alone, so within a team x differs by chance,
 * not by who was reached or how often. Within-team centred sums, so runs pool: Sxy / Sxx is the
 * difference in adoption between a positive and a negative first low-stakes contact.
 */
function lowStakesQualityOf(staff: StaffState, org: Organization, unitEverEngaged: Uint8Array): LowStakesQuality {
  const onTeam = new Uint8Array(org.staff); // once per run, at its end
  for (let k = 0; k < org.implementationMembers.length; k++) onTeam[org.implementationMembers[k]] = 1;
  const included = (i: number) =>
    staff.disposition[i] === SKEPTICAL && staff.firstLowStakes[i] !== 0 && onTeam[i] === 0 && (staff.adoptedWeek[i] < 0 || staff.lowStakesBeforeAdoption[i] === 1);
  const x = (i: number) => (staff.firstLowStakes[i] === 1 ? 1 : 0);
  const y = (i: number) => (staff.adoptedWeek[i] >= 0 ? 1 : 0);
  let people = 0;
  let sxx = 0;
  let sxy = 0;
  for (let t = 0; t < org.teams; t++) {
    const lo = org.teamStart[t];
    const hi = org.teamStart[t + 1];
    if (hi <= lo || unitEverEngaged[org.unitOf[lo]] === 0) continue;
    let n = 0;
    let sumX = 0;
    let sumY = 0;
    for (let i = lo; i < hi; i++) {
      if (!included(i)) continue;
      n++;
      sumX += x(i);
      sumY += y(i);
    }
    if (n < 2) continue;
    const meanX = sumX / n;
    const meanY = sumY / n;
    for (let i = lo; i < hi; i++) {
      if (!included(i)) continue;
      const dx = x(i) - meanX;
      sxx += dx * dx;
      sxy += dx * (y(i) - meanY);
    }
    people += n;
  }
  return { people, sxx: round6(sxx), sxy: round6(sxy) };
}

const SKEPTICAL = DISPOSITION_NAMES.indexOf('skeptical');

function restingStages(staff: StaffState, n: number, stageThresholds: StageThresholds, resting: Uint8Array): void {
  const { trust, knowledge, contact, acceptability, appropriateness, feasibility } = staff;
  for (let i = 0; i < n; i++) {
    resting[i] = restingStage(contact[i], trust[i], readinessMean(acceptability[i], appropriateness[i], feasibility[i]), knowledge[i], stageThresholds);
  }
}

/**
 * stageOf from a precomputed resting stage, without branching on whether the person applies (in
 * a pass over everyone that is unpredictable, and a mispredicted branch cost more than the rest
 * of the month-end pass). Needs whole numbers of weeks.
 */
export function stageFromResting(resting: number, applying: number, weeksApplying: number, sustainedAfterWeeks: number): number {
  // 1 when weeksApplying ≥ sustainedAfterWeeks (the sign bit of sustainedAfterWeeks − 1 − weeksApplying).
  const sustaining = (sustainedAfterWeeks - 1 - weeksApplying) >>> 31;
  return resting + applying * (Stage.applying + sustaining - resting);
}

/**
 * Stage and ring counts of tallyApplying are kept in four lanes (person i counts in lane i mod 4)
 * and summed after the pass: with one counter each increment waits for the last one's store
 * (most people share a stage), a chain through memory that set the pace of the pass.
 */
const LANES = 4;
const LANE_MASK = LANES - 1;
/** ≥ STAGES.length (7) */
const STAGE_STRIDE = 8;
const RING_STRIDE = RINGS.length;

/** Sum the lanes of `lanes` (LANES × stride) into `counts` (at most stride long). */
function foldLanes(lanes: Int32Array, stride: number, counts: Int32Array): void {
  for (let k = 0; k < counts.length; k++) {
    let count = 0;
    for (let lane = 0; lane < LANES; lane++) count += lanes[lane * stride + k];
    counts[k] = count;
  }
}

/**
 * The month-end pass when nothing but who applies has changed since the last full pass (the
 * pathway off, no contact, no newcomer): trust … knowledge and so everyone's resting stage are as
 * that pass found them, so it reads only applying, its weeks, adoption and rings — 14 bytes a
 * person instead of 62 — and counts exactly what tally() would. Writes sums[6] and sums[7].
 */
function tallyApplying(
  staff: StaffState,
  n: number,
  ring: Int32Array,
  week: number,
  sustainedAfterWeeks: number,
  resting: Uint8Array,
  stageLanes: Int32Array,
  ringLanes: Int32Array,
  sums: Float64Array,
): void {
  const { applying: applyingOf, adoptedWeek, applyingSince } = staff;
  const lastRing = RINGS.length - 1;
  stageLanes.fill(0);
  ringLanes.fill(0);
  let applying = 0;
  let everAdopted = 0;
  for (let i = 0; i < n; i++) {
    const on = applyingOf[i];
    const lane = i & LANE_MASK;
    stageLanes[lane * STAGE_STRIDE + stageFromResting(resting[i], on, week - applyingSince[i], sustainedAfterWeeks)]++;
    applying += on;
    everAdopted += ~adoptedWeek[i] >>> 31;
    ringLanes[lane * RING_STRIDE + Math.min(ring[i], lastRing)] += on;
  }
  sums[6] = applying;
  sums[7] = everAdopted;
}

export class MonthlyRecorder {
  private readonly series: MonthlySeries;
  private readonly ringSize: Float64Array;
  // Integer counters (a float increment is a slower loop-carried chain).
  private readonly stageCounts = new Int32Array(STAGES.length);
  private readonly ringApplying = new Int32Array(RINGS.length);
  /** sums of tally(); 0–5 (trust … knowledge) as the last full pass found them */
  private readonly sums = new Float64Array(8);
  /** for runs whose pathway is off: resting stages and lane counters, made when first needed */
  private restingState: { readonly resting: Uint8Array; readonly stageLanes: Int32Array; readonly ringLanes: Int32Array } | null = null;
  /** whether `restingState.resting` holds the present resting stages */
  private restingKnown = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly staff: StaffState,
    private readonly org: Organization,
    private readonly ring: Int32Array,
    private readonly teamSafety: Float64Array,
    private readonly stageThresholds: StageThresholds,
    private readonly arrays: ArrayAllocator,
  ) {
    this.series = Object.fromEntries(SERIES.map((name) => [name, [] as number[]])) as MonthlySeries;
    this.ringSize = new Float64Array(RINGS.length);
    for (let i = 0; i < org.staff; i++) this.ringSize[Math.min(ring[i], RINGS.length - 1)]++;
  }

  /**
   * Observe month `month`, which ends when `week` weeks are complete. `onlyApplyingChanged`: the
   * caller vouches that since the last record nothing but who applies (and since when, and who
   * ever adopted) has changed — no trust, affect, A/P/F, knowledge or contact (the pathway off,
   * with no ISP contact and no newcomer) — so the pass reads only those.
   */
  record(month: number, week: number, desk: DeskReadings, onlyApplyingChanged = false): void {
    const { org, stageCounts, ringApplying } = this;
    const n = org.staff;
    const sums = this.sums;
    if (onlyApplyingChanged) {
      // Nothing else has changed since the last record, so neither since the last full pass
      // (every record either is one or vouches the same): its sums 0–5 still hold.
      const state = (this.restingState ??= {
        resting: this.arrays.uint8(n),
        stageLanes: new Int32Array(LANES * STAGE_STRIDE),
        ringLanes: new Int32Array(LANES * RING_STRIDE),
      });
      if (!this.restingKnown) restingStages(this.staff, n, this.stageThresholds, state.resting);
      this.restingKnown = true;
      tallyApplying(this.staff, n, this.ring, week, this.stageThresholds.sustainedAfterWeeks, state.resting, state.stageLanes, state.ringLanes, sums);
      foldLanes(state.stageLanes, STAGE_STRIDE, stageCounts);
      foldLanes(state.ringLanes, RING_STRIDE, ringApplying);
    } else {
      tally(this.staff, n, this.ring, week, this.stageThresholds, stageCounts, ringApplying, sums);
      this.restingKnown = false;
    }
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
    // The same pairs outside ring 0, and among staff whose unit was never engaged: spread
    // through colleagues apart from the rollout (MODEL-GROUNDING Revisions 6).
    const beyondRings: number[] = [];
    const beyondWeeks: number[] = [];
    const unengagedRings: number[] = [];
    const unengagedWeeks: number[] = [];
    const outcome = DISPOSITION_NAMES.map(() => ({ staff: 0, adopted: 0, adoptedAfterLowStakes: 0, withLowStakes: 0, adoptedWithLowStakes: 0 }));
    for (let i = 0; i < org.staff; i++) {
      const d = outcome[staff.disposition[i]];
      d.staff++;
      const adopted = staff.adoptedWeek[i] >= 0;
      if (adopted) {
        d.adopted++;
        d.adoptedAfterLowStakes += staff.lowStakesBeforeAdoption[i];
        adopterRings.push(ring[i]);
        adopterWeeks.push(staff.adoptedWeek[i]);
        if (ring[i] > 0) {
          beyondRings.push(ring[i]);
          beyondWeeks.push(staff.adoptedWeek[i]);
        }
        if (counters.unitEverEngaged[org.unitOf[i]] === 0) {
          unengagedRings.push(ring[i]);
          unengagedWeeks.push(staff.adoptedWeek[i]);
        }
      }
      if (staff.lowStakesContacts[i] > 0) {
        d.withLowStakes++;
        if (adopted) d.adoptedWithLowStakes++;
      }
    }
    const correlation = spearman(adopterRings, adopterWeeks);
    const rounded = (rho: number | null) => (rho === null ? null : round6(rho));
    const totalHours = out.ispHours.reduce((sum, hours) => sum + hours, 0);
    const dispositions = Object.fromEntries(DISPOSITION_NAMES.map((name, d) => [name, outcome[d] as DispositionOutcome])) as Record<DispositionName, DispositionOutcome>;
    return {
      engineVersion: ENGINE_VERSION,
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
        ringCorrelation: rounded(correlation),
        ringCorrelationBeyond0: rounded(spearman(beyondRings, beyondWeeks)),
        ringCorrelationUnengaged: rounded(spearman(unengagedRings, unengagedWeeks)),
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
        lowStakesQuality: lowStakesQualityOf(staff, org, counters.unitEverEngaged),
        initiativeShare: rounded(counters.initiativeShare),
      },
      ...(counters.units ? { units: counters.units } : {}),
    };
  }
}
