/**
 * The run: `createSimulation(scenario, seed)` builds the organization and returns a stepper that
 * advances one week per `step()`; `simulate()` is a loop over it, so the teaching UI shows exactly
 * what a batch run computes.
 *
 * One week, in order:
 *   endEngagements → requestSupport → startEngagements → ispContacts (trust, affect, safety,
 *   knowledge) → colleagues (exposure, word of mouth) → personalChange (readiness, learning,
 *   adoption, sustainment) → turnover → teamSafetyDrift → credibility → record month
 *
 * Random draws come from named streams; the adoption and turnover streams take exactly one draw
 * per person per week and the demand stream one per unit per week, whatever the state, so runs
 * that differ in one parameter stay in step until that parameter first matters.
 */
import {
  Contact,
  createStaffState,
  credibility,
  freshArrays,
  feasibilityCap,
  pickDisposition,
  placeNewcomer,
  requestRate,
  safetyDrift,
  stageOf,
  type ArrayAllocator,
  type DispositionProfile,
  type Engagement,
  type StaffState,
  type StageThresholds,
} from '../agents/index.js';
import { DISPOSITIONS, type Scenario } from '../scenarios/index.js';
import { monthEndWeek, monthsToWeeks, weeklyChance, weeklyChanceFromAnnual } from './clock.js';
import { ArrayArena } from './arena.js';
import { buildOrganization, rewiredOrganization, ringDistances, type Organization } from './network.js';
import { MonthlyRecorder } from './recorder.js';
import type { RunResult } from './result.js';
import { createStreams, RandomStream, type RandomStreams } from './rng.js';
import { SupportDesk, type SupportEvent } from './engagements.js';
import { measureUnits } from './credibility.js';
import { contactRules, contactUnit, readinessOf, type ContactTargets } from './contacts.js';
import { adoptOnNetwork, changePeople, colleaguesOnNetwork, exposureFromCounts, tellColleagues, type PathwayRates, type WordOfMouth } from './staff-week.js';
import { initiativeShareOf, switchRule } from './switching.js';

/** What the outside world (TUI, tests) may read while a simulation runs. */
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

export interface Simulation {
  readonly view: SimulationView;
  readonly done: boolean;
  step(): void;
  /** Live changes for the teaching demo; they apply from the next step. */
  setEngagementLength(months: number): void;
  setIspCount(count: number): void;
  setUrgency(urgency: number): void;
}

/** Per-week rates and fixed quantities, derived once from the scenario. */
function weeklyRates(s: Scenario) {
  return {
    wordOfMouth: weeklyChance(s.trust.wordOfMouth),
    safetyRelax: weeklyChance(s.safety.relaxation),
    readiness: weeklyChance(s.readiness.rate),
    peerLearning: weeklyChance(s.knowledge.peerLearning),
    forgetting: weeklyChance(s.knowledge.forgetting),
    affectDecay: weeklyChance(s.context.affectDecay),
    turnover: weeklyChanceFromAnnual(s.turnover.annualRate),
  };
}

/**
 * A run, ready to step. `arrays`: where its state lives — fresh arrays unless the caller reuses
 * memory across runs (then it must be done with this simulation before reusing it; see arena.ts).
 */
export function createSimulation(scenario: Scenario, seed: number, arrays: ArrayAllocator = freshArrays): Simulation {
  const s = scenario;
  const streams: RandomStreams = createStreams(seed);
  const generated = buildOrganization(s, streams.network, arrays);
  // The null network rewires the ties the run uses, from a stream of its own (every other draw
  // stays as in the run it is compared with); rings are measured on the ties as generated.
  const org = s.organization.nullTies ? rewiredOrganization(generated, new RandomStream(`concentric/${seed >>> 0}/null-ties`), arrays) : generated;
  const staffCount = org.staff;
  const staff = createStaffState(staffCount, arrays);
  const rates = weeklyRates(s);
  const totalWeeks = monthsToWeeks(s.months);

  // Population (M1): dispositions from normalized shares.
  const profiles: DispositionProfile[] = DISPOSITIONS.map((name) => s.dispositions[name]);
  const shareTotal = profiles.reduce((sum, _, d) => sum + s.dispositions[DISPOSITIONS[d]].share, 0) || 1;
  const cumulative: number[] = [];
  let running = 0;
  for (const name of DISPOSITIONS) {
    running += s.dispositions[name].share / shareTotal;
    cumulative.push(running);
  }
  const thresholdsOn = s.adoption.thresholds;
  /** Off: the pathway's states keep their starting values and only adoption runs (docking limit). */
  const pathwayOn = s.adoption.pathway;
  // With the pathway on a network, each person's count of colleagues applying and of colleagues
  // who have met the ISPs is kept as people switch, meet the ISPs and leave (integers, so exactly
  // what a scan would count); the weekly scan then only gathers trust, from `metTrust`.
  const countsKept = pathwayOn && !org.fullyMixed;
  const applyingAround = arrays.int32(countsKept ? staffCount : 0);
  const metAround = arrays.int32(countsKept ? staffCount : 0);
  /** each person's trust if they have met the ISPs, else 0: refreshed before each gather */
  const metTrust = arrays.float64(countsKept ? staffCount : 0);

  /** staff applying now, kept as people switch, join and leave (an integer, so exact) */
  let applyingTotal = 0;
  /**
   * Whether anything but who applies may have changed since the last month-end record: always
   * with the pathway on; with it off only a newcomer or an ISP contact changes a person's state.
   */
  let restingChanged = true;
  function newcomer(i: number, rng: { next(): number }): void {
    restingChanged = true;
    applyingTotal -= staff.applying[i];
    if (countsKept) {
      if (staff.applying[i]) tellColleagues(org.offsets, org.neighbors, applyingAround, i, -1);
      if (staff.contact[i] === Contact.direct) tellColleagues(org.offsets, org.neighbors, metAround, i, -1);
    }
    const disposition = pickDisposition(cumulative, rng.next());
    placeNewcomer(staff, i, disposition, profiles[disposition], rng.next(), s.context.priorPartnershipPenalty);
    if (!thresholdsOn) staff.threshold[i] = 0;
  }
  for (let i = 0; i < staffCount; i++) newcomer(i, streams.population);

  const teamSafety = arrays.float64(org.teams).fill(s.context.learningCulture);
  const teamMetWeek = arrays.int32(org.teams).fill(-1);
  // Scratch for synchronous word of mouth: T += pull − weight·T.
  const trustPull = arrays.float64(staffCount);
  const trustWeight = arrays.float64(staffCount);
  // Scratch: who starts or stops applying this week.
  const switchers = arrays.int32(staffCount);
  const desk = new SupportDesk(
    org,
    staff,
    s.isps.count,
    s.isps.hoursPerWeek,
    s.engagement.hoursPerCoLeadWeek,
    s.engagement.coLeads,
    monthsToWeeks(s.engagement.lengthMonths),
  );
  let lengthMonths = s.engagement.lengthMonths;
  let urgency = s.context.urgency;
  let fCap = feasibilityCap(s.context.absorptiveCapacity, urgency, s.context.urgencyEffect, s.context.leadershipBuyIn);

  // First-engaged units, drawn with the network stream (they are part of the setting).
  const initialUnits: number[] = [];
  const pool = Array.from({ length: org.units }, (_, u) => u);
  for (let k = 0; k < Math.min(s.engagement.initialUnits, org.units); k++) {
    const pick = k + streams.network.below(pool.length - k);
    [pool[k], pool[pick]] = [pool[pick], pool[k]];
    initialUnits.push(pool[k]);
  }
  initialUnits.sort((a, b) => a - b);
  const ring = ringDistances(generated, initialUnits, arrays);

  // Seed adopters (docking cases): applying from week 0.
  // Distinct people: redraw anyone already chosen (identical to plain draws when none repeat).
  for (let k = 0; k < Math.min(s.adoption.seeds, staffCount); k++) {
    let i = streams.population.below(staffCount);
    while (staff.applying[i]) i = streams.population.below(staffCount);
    staff.applying[i] = 1;
    applyingTotal++;
    if (countsKept) tellColleagues(org.offsets, org.neighbors, applyingAround, i, 1);
    staff.adoptedWeek[i] = 0;
    staff.applyingSince[i] = 0;
  }

  const stageThresholds: StageThresholds = {
    trustingAt: s.trust.trustingAt,
    acceptingAt: s.readiness.acceptingAt,
    learningAt: s.knowledge.learningAt,
    sustainedAfterWeeks: monthsToWeeks(s.sustainment.sustainedAfterMonths),
  };

  let week = 0;
  let credibilityNow = 0;
  const unitCredibility = arrays.float64(org.units);
  const demandDraws = arrays.float64(org.units);
  let applyingShare = 0;
  let adoptionEvents = 0;
  /** first adoptions, and the sum of the initiative's share of their hazards */
  let firstAdoptions = 0;
  let initiativeSum = 0;
  /** whether anyone has direct ISP contact (no word of mouth to gather until someone has) */
  let anyoneMetIsps = false;
  /** whether any ISP contact has happened yet (until then nobody has met or heard of the ISPs) */
  let anyoneEverContacted = false;
  /** whether trustPull and trustWeight are all 0 (no word of mouth this week) */
  let wordOfMouthCleared = true;

  function stageOfPerson(i: number): number {
    const weeksApplying = staff.applying[i] ? week - staff.applyingSince[i] : 0;
    return stageOf(staff.contact[i], staff.trust[i], readinessOf(staff, i), staff.knowledge[i], staff.applying[i], weeksApplying, stageThresholds);
  }

  /** Org credibility, applying share, and each unit's awareness-weighted trust in the ISPs. */
  function measure(): void {
    let trustSum = 0;
    let contacted = 0;
    if (anyoneEverContacted) {
      ({ trustSum, contacted } = measureUnits(org.unitStart, staff.contact, staff.trust, unitCredibility));
    } else {
      // Until the first contact nobody has met or heard of the ISPs: trust adds nothing.
      const { unitStart } = org;
      for (let unit = 0; unit < org.units; unit++) unitCredibility[unit] = 0 / (unitStart[unit + 1] - unitStart[unit]);
    }
    applyingShare = applyingTotal / staffCount;
    credibilityNow = credibility(trustSum, contacted);
    anyoneMetIsps = contacted > 0;
  }

  // ── the weekly mechanisms, in order ──────────────────────────────────────────────

  /** Units ask for support as the ISPs' credibility reaches them (M7). */
  function requestSupport(): void {
    // One draw per unit, whether or not it may ask (the same draws as next() per unit).
    streams.demand.fill(demandDraws, org.units);
    for (let unit = 0; unit < org.units; unit++) {
      const u = demandDraws[unit];
      if (!desk.canRequest(unit)) continue;
      const rate = requestRate(
        s.demand.baseRequestRate,
        s.demand.credibilityFloor,
        s.demand.credibilityGain,
        unitCredibility[unit],
        applyingShare,
      );
      if (u < weeklyChance(rate)) desk.request(unit, week);
    }
  }

  // What ISPs do in an engaged unit (M2, M3, M6): src/sim/contacts.ts.
  const rulesOfContact = contactRules(s);
  const contactTargets: ContactTargets = {
    staff,
    org,
    teamSafety,
    teamMetWeek,
    rng: streams.contacts,
    metAround: countsKept ? metAround : null,
  };

  function ispContacts(engagement: Engagement): void {
    if (contactUnit(rulesOfContact, contactTargets, engagement.unit, week - engagement.startWeek, week)) {
      restingChanged = true;
      anyoneMetIsps = true;
      anyoneEverContacted = true;
    }
  }

  /** Exposure to colleagues who apply, and word of mouth from colleagues who worked with ISPs. */
  function colleagues(): void {
    const { offsets } = org;
    const { contact, trust, exposure } = staff;
    const wordOfMouthRate = rates.wordOfMouth;
    if (org.fullyMixed) {
      let heard = 0;
      let heardTrust = 0;
      for (let i = 0; i < staffCount; i++) {
        if (contact[i] === Contact.direct) {
          heard++;
          heardTrust += trust[i];
        }
      }
      const share = applyingTotal / staffCount;
      const heardShare = heard / staffCount;
      const meanTrust = heard > 0 ? heardTrust / heard : 0;
      exposure.fill(share);
      wordOfMouthCleared = false;
      trustPull.fill(wordOfMouthRate * heardShare * meanTrust);
      trustWeight.fill(wordOfMouthRate * heardShare);
      return;
    }
    // A network with the pathway on (the pathway-off network runs adoptOnNetwork instead).
    if (!anyoneMetIsps) {
      // Nobody has worked with the ISPs yet: no word of mouth, only exposure (from the counts).
      exposureFromCounts(offsets, applyingAround, exposure);
      if (!wordOfMouthCleared) {
        trustPull.fill(0);
        trustWeight.fill(0);
        wordOfMouthCleared = true;
      }
      return;
    }
    wordOfMouthCleared = false;
    colleaguesOnNetwork(offsets, org.neighbors, staff, applyingAround, metAround, metTrust, wordOfMouth, wordOfMouthRate);
  }

  const rule = switchRule(s);

  /**
   * Date the week's switches: `switchers[0 .. count)`, whose `applying` the pass has already
   * flipped. After the pass, not from inside it: a loop that calls back into this run gets
   * specialized on the run, and V8 discards that code when the run is gone (each new run then
   * began unoptimized). Nothing here is read by the pass itself.
   */
  function dateSwitches(count: number): void {
    for (let k = 0; k < count; k++) {
      const i = switchers[k];
      const started = staff.applying[i] === 1;
      applyingTotal += started ? 1 : -1;
      if (countsKept) tellColleagues(org.offsets, org.neighbors, applyingAround, i, started ? 1 : -1);
      if (!started) {
        staff.applyingSince[i] = -1;
        continue;
      }
      staff.applyingSince[i] = week + 1;
      if (staff.adoptedWeek[i] < 0) {
        staff.adoptedWeek[i] = week + 1;
        initiativeSum += initiativeShareOf(rule, staff, i, staff.exposure[i], staff.knowledge[i]);
        firstAdoptions++;
        staff.lowStakesBeforeAdoption[i] = staff.lowStakesContacts[i] > 0 ? 1 : 0;
      }
      adoptionEvents++;
    }
  }

  const pathwayRates: PathwayRates = {
    affectDecay: rates.affectDecay,
    readiness: rates.readiness,
    peerLearning: rates.peerLearning,
    forgetting: rates.forgetting,
    acceptabilityTrustWeight: s.readiness.trustWeight,
    tailoring: s.engagement.tailoring,
    tailoringWeight: s.readiness.tailoringWeight,
  };
  const wordOfMouth: WordOfMouth = { trustPull, trustWeight };
  /** the week's adoption draws, one per person (scratch) */
  const adoptionDraws = arrays.float64(staffCount);

  /** The week's personal change: the pathway (M2–M4, M6) when on, then adoption and sustainment. */
  function personalChange(): void {
    const switches = changePeople(staff, org.teamOf, teamSafety, wordOfMouth, pathwayOn, pathwayRates, fCap, streams.adoption, adoptionDraws, rule, switchers);
    dateSwitches(switches);
  }

  function turnover(): void {
    const chance = rates.turnover;
    // The turnover stream serves turnover alone: with no turnover its draws could change nothing.
    if (chance === 0) return;
    const rng = streams.turnover;
    // One draw per person; a newcomer's own draws follow the draw that replaced them.
    for (let i = rng.firstBelow(chance, 0, staffCount); i < staffCount; i = rng.firstBelow(chance, i + 1, staffCount)) {
      newcomer(i, rng);
    }
  }

  function teamSafetyDrift(): void {
    if (!pathwayOn) return;
    for (let t = 0; t < org.teams; t++) teamSafety[t] = safetyDrift(teamSafety[t], s.context.learningCulture, rates.safetyRelax);
  }

  // ── setup and the stepper ────────────────────────────────────────────────────────

  const recorder = new MonthlyRecorder(s, staff, org, ring, teamSafety, stageThresholds, arrays);
  desk.startNow(initialUnits, 0);
  measure();
  let hoursThisMonth = 0;
  let requestsAtMonthStart = desk.requests;
  recorder.record(0, week, { credibility: credibilityNow, ispHours: 0, requests: 0, active: desk.active.length, waiting: desk.waitlist.length });
  restingChanged = pathwayOn;
  let monthsRecorded = 1;

  function step(): void {
    if (week >= totalWeeks) return;
    desk.events.length = 0;
    desk.endDue(week);
    requestSupport();
    desk.startWaiting(week);
    const active = desk.active;
    for (let k = 0; k < active.length; k++) ispContacts(active[k]);
    hoursThisMonth += desk.hoursThisWeek();
    if (pathwayOn || org.fullyMixed) {
      colleagues();
      personalChange();
    } else {
      const switches = adoptOnNetwork(org.offsets, org.neighbors, staff, streams.adoption, adoptionDraws, rule, switchers);
      dateSwitches(switches);
    }
    turnover();
    teamSafetyDrift();
    measure();
    week++;
    if (monthsRecorded <= s.months && week === monthEndWeek(monthsRecorded)) {
      recorder.record(
        monthsRecorded,
        week,
        {
          credibility: credibilityNow,
          ispHours: hoursThisMonth,
          requests: desk.requests - requestsAtMonthStart,
          active: desk.active.length,
          waiting: desk.waitlist.length,
        },
        !restingChanged,
      );
      restingChanged = pathwayOn;
      monthsRecorded++;
      hoursThisMonth = 0;
      requestsAtMonthStart = desk.requests;
    }
  }

  const view: SimulationView = {
    get scenario() {
      return s;
    },
    seed,
    get week() {
      return week;
    },
    get month() {
      return monthsRecorded - 1;
    },
    totalWeeks,
    get done() {
      return week >= totalWeeks;
    },
    organization: org,
    staff,
    ring,
    teamSafety,
    get credibility() {
      return credibilityNow;
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
      return lengthMonths;
    },
    get urgency() {
      return urgency;
    },
    get events() {
      return desk.events;
    },
    colleagueCounts: countsKept ? { applying: applyingAround, met: metAround } : null,
    stageOf: stageOfPerson,
    result: () =>
      recorder.result(seed, {
        adoptionEvents,
        requests: desk.requests,
        engagementsStarted: desk.started,
        unitEverEngaged: desk.everEngaged,
        initiativeShare: firstAdoptions > 0 ? initiativeSum / firstAdoptions : null,
      }),
  };

  return {
    view,
    get done() {
      return week >= totalWeeks;
    },
    step,
    setEngagementLength(months: number) {
      lengthMonths = months;
      desk.lengthWeeks = monthsToWeeks(months);
    },
    setIspCount(count: number) {
      desk.setIspCount(Math.max(0, Math.floor(count)));
    },
    setUrgency(value: number) {
      urgency = Math.min(1, Math.max(0, value));
      fCap = feasibilityCap(s.context.absorptiveCapacity, urgency, s.context.urgencyEffect, s.context.leadershipBuyIn);
    },
  };
}

/**
 * The memory that simulate() reuses from run to run (per thread: each worker has its own module
 * instance). Up to 32 MB — a run of ~100,000 staff; larger runs allocate the rest afresh.
 */
const batchArrays = new ArrayArena(32 * 1024 * 1024);

/** One run from start to end. Pure: same scenario and seed ⇒ the same result. */
export function simulate(scenario: Scenario, seed: number): RunResult {
  // Nothing of the last run is in use: its RunResult holds no array of the arena.
  batchArrays.reset();
  const simulation = createSimulation(scenario, seed, batchArrays);
  while (!simulation.done) simulation.step();
  return simulation.view.result();
}
