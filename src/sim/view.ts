/**
 * What the outside world (TUI, tests) may read of a run while it steps: a read-only window on its
 * RunState, with each person's pathway stage and the run so far as a RunResult.
 */
import { stageOf, type Engagement, type StaffState } from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import { readinessOf } from './contacts.js';
import type { SupportEvent } from './engagements.js';
import type { Organization } from './network.js';
import type { RunResult } from './result.js';
import type { RunState } from './run-state.js';

export interface SimulationView {
  readonly scenario: Scenario;
  readonly seed: number;
  /** weeks completed so far */
  readonly week: number;
  /** whole months completed */
  readonly month: number;
  readonly totalWeeks: number;
  readonly done: boolean;
  readonly organization: Organization;
  readonly staff: Readonly<StaffState>;
  /** network distance of each person from the first-engaged units */
  readonly ring: Int32Array;
  readonly teamSafety: Float64Array;
  readonly credibility: number;
  readonly activeEngagements: readonly Engagement[];
  readonly waitlist: readonly number[];
  readonly ispCount: number;
  readonly engagementLengthMonths: number;
  readonly urgency: number;
  /** support events of the last step */
  readonly events: readonly SupportEvent[];
  /**
   * Each person's kept counts of colleagues applying and of colleagues who have met the ISPs (a
   * network with the pathway on; null otherwise): what a scan of their ties would count now.
   */
  readonly colleagueCounts: { readonly applying: Int32Array; readonly met: Int32Array } | null;
  /** pathway stage of person i (see STAGES) */
  stageOf(i: number): number;
  /** the run so far as a RunResult (series up to the last completed month) */
  result(): RunResult;
}

/** Person i's pathway stage now. */
export function stageOfPerson(run: RunState, i: number): number {
  const { staff } = run;
  const weeksApplying = staff.applying[i] ? run.week - staff.applyingSince[i] : 0;
  return stageOf(staff.contact[i], staff.trust[i], readinessOf(staff, i), staff.knowledge[i], staff.applying[i], weeksApplying, run.stageThresholds);
}

/** The run so far as a RunResult. */
export function resultOf(run: RunState): RunResult {
  return run.recorder.result(run.seed, {
    adoptionEvents: run.adoptionEvents,
    requests: run.desk.requests,
    engagementsStarted: run.desk.started,
    units: run.desk.ledger?.outcomes(run.week),
  });
}

export function viewOf(run: RunState): SimulationView {
  const { desk } = run;
  return {
    scenario: run.scenario,
    seed: run.seed,
    get week() {
      return run.week;
    },
    get month() {
      return run.monthsRecorded - 1;
    },
    totalWeeks: run.totalWeeks,
    get done() {
      return run.week >= run.totalWeeks;
    },
    organization: run.org,
    staff: run.staff,
    ring: run.ring,
    teamSafety: run.teamSafety,
    get credibility() {
      return run.credibility;
    },
    get activeEngagements() {
      return desk.active;
    },
    get waitlist() {
      return desk.waitlist;
    },
    get ispCount() {
      return desk.isps.count;
    },
    get engagementLengthMonths() {
      return run.lengthMonths;
    },
    get urgency() {
      return run.urgency;
    },
    get events() {
      return desk.events;
    },
    colleagueCounts: run.countsKept ? { applying: run.applyingAround, met: run.metAround } : null,
    stageOf: (i) => stageOfPerson(run, i),
    result: () => resultOf(run),
  };
}
