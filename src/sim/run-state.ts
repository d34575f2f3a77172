/**
 * RunState: everything one run holds, in one typed object — the setting fixed at setup (setup.ts),
 * the scratch the weekly passes write, and the few numbers that change week by week (week.ts).
 * One object of one shape for every run, so the module-level passes that take it stay
 * monomorphic; nothing of a run lives in a closure (a loop that calls a run's closure is
 * specialized on that run and its code thrown away with it, docs/PERFORMANCE.md).
 */
import type { DispositionProfile, StaffState, StageThresholds } from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import type { ContactRules, ContactTargets } from './contacts.js';
import type { SupportDesk } from './engagements.js';
import type { Organization } from './network.js';
import type { MonthlyRecorder } from './recorder.js';
import type { RandomStreams } from './rng.js';
import type { SwitchRule } from './switching.js';

/** Per-week rates, derived once from the scenario's monthly and annual ones. */
export interface WeeklyRates {
  readonly wordOfMouth: number;
  readonly safetyRelax: number;
  readonly readiness: number;
  readonly peerLearning: number;
  readonly forgetting: number;
  readonly affectDecay: number;
  readonly turnover: number;
}

/** Weekly rates and weights of the pathway, read once from the scenario. */
export interface PathwayRates {
  readonly affectDecay: number;
  readonly readiness: number;
  readonly peerLearning: number;
  readonly forgetting: number;
  readonly acceptabilityTrustWeight: number;
  readonly tailoring: number;
  readonly tailoringWeight: number;
}

/** This week's word of mouth for each person (synchronous: computed from last week's trust). */
export interface WordOfMouth {
  readonly trustPull: Float32Array;
  readonly trustWeight: Float32Array;
}

/** Who newcomers are (M1): disposition profiles and their cumulative, normalized shares. */
export interface Population {
  readonly profiles: readonly DispositionProfile[];
  readonly cumulativeShares: readonly number[];
  /** off ⇒ every threshold is 0 */
  readonly thresholds: boolean;
  readonly priorPartnershipPenalty: number;
}

export interface RunState {
  // ── the setting, fixed for the run ──
  readonly scenario: Scenario;
  readonly seed: number;
  readonly streams: RandomStreams;
  readonly org: Organization;
  readonly staff: StaffState;
  readonly population: Population;
  readonly totalWeeks: number;
  readonly rates: WeeklyRates;
  readonly pathwayRates: PathwayRates;
  readonly switchRule: SwitchRule;
  readonly contactRules: ContactRules;
  readonly contactTargets: ContactTargets;
  readonly stageThresholds: StageThresholds;
  /** Off: the pathway's states keep their starting values and only adoption runs (docking limit). */
  readonly pathwayOn: boolean;
  /**
   * With the pathway on a network, each person's count of colleagues applying and of colleagues
   * who have met the ISPs is kept as people switch, meet the ISPs and leave (integers, so exactly
   * what a scan would count); the weekly gather then only sums trust, into `metTrust`.
   */
  readonly countsKept: boolean;
  readonly applyingAround: Int32Array;
  readonly metAround: Int32Array;
  /** scratch: each person's sum of the trust of colleagues who have met the ISPs, refilled by each gather */
  readonly metTrust: Float32Array;
  /** network distance of each person from the first-engaged units */
  readonly ring: Int32Array;
  readonly teamSafety: Float64Array;
  /** the week each team last met (one safety gain per team per week) */
  readonly teamMetWeek: Int32Array;
  readonly unitCredibility: Float64Array;
  readonly desk: SupportDesk;
  readonly recorder: MonthlyRecorder;

  // ── scratch, rewritten each week ──
  readonly wordOfMouth: WordOfMouth;
  /** who starts or stops applying this week */
  readonly switchers: Int32Array;
  /** the week's adoption draws, one per person */
  readonly adoptionDraws: Float64Array;
  /** the week's demand draws, one per unit */
  readonly demandDraws: Float64Array;

  // ── what changes as the run goes ──
  /** weeks completed */
  week: number;
  /** month-end records made (month 0 included) */
  monthsRecorded: number;
  /** staff applying now, kept as people switch, join and leave (an integer, so exact) */
  applyingTotal: number;
  applyingShare: number;
  /** organization-wide credibility of the ISPs as last measured */
  credibility: number;
  adoptionEvents: number;
  /** first adoptions, and the sum of the initiative's share of their hazards (summary.initiativeShare) */
  firstAdoptions: number;
  initiativeSum: number;
  hoursThisMonth: number;
  requestsAtMonthStart: number;
  /** live settings (the teaching demo changes them) */
  lengthMonths: number;
  urgency: number;
  feasibilityCap: number;
  /** whether anyone has direct ISP contact (no word of mouth to gather until someone has) */
  anyoneMetIsps: boolean;
  /** whether any ISP contact has happened yet (until then nobody has met or heard of the ISPs) */
  anyoneEverContacted: boolean;
  /** whether trustPull and trustWeight are all 0 (no word of mouth this week) */
  wordOfMouthCleared: boolean;
  /**
   * Whether anything but who applies may have changed since the last month-end record: always
   * with the pathway on; with it off only a newcomer or an ISP contact changes a person's state.
   */
  restingChanged: boolean;
}
