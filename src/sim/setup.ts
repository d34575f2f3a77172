/**
 * A run at week 0: the organization, its staff (M1), the first-engaged units, seed adopters, and
 * month 0 recorded. Draws: the network stream builds the organization and then picks the first
 * units; the population stream draws everyone's disposition and threshold, then the seeds.
 */
import { feasibilityCap, pickDisposition, placeNewcomer, type StaffState, type StageThresholds } from '../agents/index.js';
import type { OrganizationFile, Scenario } from '../scenarios/index.js';
import type { ArrayAllocator } from './arena.js';
import { monthsToWeeks, weeklyChance, weeklyChanceFromAnnual } from './clock.js';
import { contactRules } from './contacts.js';
import { measure } from './credibility.js';
import { SupportDesk } from './engagements.js';
import { chooseFirstUnits } from './first-units.js';
import { unitLedgerFor } from './units.js';
import { buildOrganization, rewiredOrganization, ringDistances, type Organization } from './network.js';
import { placeStartingValues } from './network-from-file.js';
import { MonthlyRecorder } from './recorder.js';
import { createStreams, RandomStream } from './rng.js';
import type { PathwayRates, Population, RunState, WeeklyRates } from './run-state.js';
import { createStaffState, DISPOSITION_NAMES } from './staff.js';
import { tellColleagues } from './staff-week.js';
import { fadingPush, switchRule } from './switching.js';

function weeklyRates(s: Scenario): WeeklyRates {
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

function pathwayRatesOf(s: Scenario, rates: WeeklyRates): PathwayRates {
  return {
    affectDecay: rates.affectDecay,
    readiness: rates.readiness,
    peerLearning: rates.peerLearning,
    forgetting: rates.forgetting,
    acceptabilityTrustWeight: s.readiness.trustWeight,
    tailoring: s.engagement.tailoring,
    tailoringWeight: s.readiness.tailoringWeight,
  };
}

function stageThresholdsOf(s: Scenario): StageThresholds {
  return {
    trustingAt: s.trust.trustingAt,
    acceptingAt: s.readiness.acceptingAt,
    learningAt: s.knowledge.learningAt,
    sustainedAfterWeeks: monthsToWeeks(s.sustainment.sustainedAfterMonths),
  };
}

/** Dispositions (M1) from the scenario's shares, normalized. */
function populationOf(s: Scenario): Population {
  const profiles = DISPOSITION_NAMES.map((name) => s.dispositions[name]);
  const shareTotal = profiles.reduce((sum, _, d) => sum + s.dispositions[DISPOSITION_NAMES[d]].share, 0) || 1;
  const cumulativeShares: number[] = [];
  let running = 0;
  for (const name of DISPOSITION_NAMES) {
    running += s.dispositions[name].share / shareTotal;
    cumulativeShares.push(running);
  }
  return { profiles, cumulativeShares, thresholds: s.adoption.thresholds, priorPartnershipPenalty: s.context.priorPartnershipPenalty };
}

/**
 * Person i becomes a newcomer (M1, M9): a disposition drawn from the shares, then its starting
 * state. `given`: the disposition an organization's file gives (starting staff only), else -1;
 * the draw is taken either way, so the population stream stays in step.
 */
export function hire(staff: StaffState, i: number, population: Population, rng: RandomStream, given = -1): void {
  const drawn = pickDisposition(population.cumulativeShares, rng.next());
  const disposition = given >= 0 ? given : drawn;
  placeNewcomer(staff, i, disposition, population.profiles[disposition], rng.next(), population.priorPartnershipPenalty);
  if (!population.thresholds) staff.threshold[i] = 0;
}

/**
 * Seed adopters (docking cases): applying from week 0. Distinct people: redraw anyone already
 * chosen (identical to plain draws when none repeat).
 */
function seedAdopters(run: RunState, count: number): void {
  const { staff, org } = run;
  const rng = run.streams.population;
  for (let k = 0; k < Math.min(count, org.staff); k++) {
    let i = rng.below(org.staff);
    while (staff.applying[i]) i = rng.below(org.staff);
    staff.applying[i] = 1;
    run.applyingTotal++;
    if (run.countsKept) tellColleagues(org.offsets, org.neighbors, run.applyingAround, i, 1);
    staff.adoptedWeek[i] = 0;
    staff.applyingSince[i] = 0;
  }
}

/**
 * Staff already applying at month 0 (MODEL-GROUNDING Revisions 10): each person with chance
 * `share`, from a stream of its own (every other draw stays as in a run without them). Someone
 * applying has learned and accepted the practice, so their knowledge and A, P, F are raised to
 * the stage thresholds if below them; nothing else about them changes.
 */
function baselineAdopters(run: RunState, share: number): void {
  if (share === 0) return;
  const { staff, org, stageThresholds } = run;
  const rng = new RandomStream(`concentric/${run.seed >>> 0}/baseline`);
  for (let i = 0; i < org.staff; i++) {
    if (rng.next() >= share || staff.applying[i]) continue;
    staff.applying[i] = 1;
    run.applyingTotal++;
    if (run.countsKept) tellColleagues(org.offsets, org.neighbors, run.applyingAround, i, 1);
    staff.adoptedWeek[i] = 0;
    staff.applyingSince[i] = 0;
    staff.knowledge[i] = Math.max(staff.knowledge[i], stageThresholds.learningAt);
    staff.acceptability[i] = Math.max(staff.acceptability[i], stageThresholds.acceptingAt);
    staff.appropriateness[i] = Math.max(staff.appropriateness[i], stageThresholds.acceptingAt);
    staff.feasibility[i] = Math.max(staff.feasibility[i], stageThresholds.acceptingAt);
  }
}

/** The staff at week 0 (M1): everyone hired in staff order, then a file's starting values. */
function staffOf(org: Organization, population: Population, rng: RandomStream, arrays: ArrayAllocator): StaffState {
  const staff = createStaffState(org.staff, arrays);
  const file = org.file;
  for (let i = 0; i < org.staff; i++) hire(staff, i, population, rng, file ? file.disposition[i] : -1);
  if (file) placeStartingValues(staff, file);
  return staff;
}

/**
 * The kept counts, team state and weekly scratch of a run, taken from `arrays` in this order
 * (right after the staff's arrays; a reused arena lays out every run alike).
 */
function runArrays(org: Organization, countsKept: boolean, learningCulture: number, arrays: ArrayAllocator) {
  const staffCount = org.staff;
  return {
    applyingAround: arrays.int32(countsKept ? staffCount : 0),
    metAround: arrays.int32(countsKept ? staffCount : 0),
    metTrust: arrays.float32(countsKept ? staffCount : 0),
    teamSafety: arrays.float64(org.teams).fill(learningCulture),
    teamMetWeek: arrays.int32(org.teams).fill(-1),
    // Scratch for synchronous word of mouth: T += pull − weight·T.
    wordOfMouth: { trustPull: arrays.float32(staffCount), trustWeight: arrays.float32(staffCount) },
    switchers: arrays.int32(staffCount),
  };
}

/**
 * A run, set up and recorded at month 0. `arrays`: where its state lives (fresh arrays, or
 * memory reused across runs; see arena.ts). The arrays are taken in a fixed order.
 */
export function setUp(scenario: Scenario, seed: number, arrays: ArrayAllocator, organization?: OrganizationFile): RunState {
  const s = scenario;
  const streams = createStreams(seed);
  const generated = buildOrganization(s, streams.network, arrays, organization);
  // The null network rewires the ties the run uses, from a stream of its own (every other draw
  // stays as in the run it is compared with); rings are measured on the ties as generated.
  const org = s.organization.nullTies ? rewiredOrganization(generated, new RandomStream(`concentric/${seed >>> 0}/null-ties`), arrays) : generated;
  const staffCount = org.staff;
  const population = populationOf(s);
  const staff = staffOf(org, population, streams.population, arrays);
  const countsKept = s.adoption.pathway && !org.fullyMixed;
  const { applyingAround, metAround, metTrust, teamSafety, teamMetWeek, wordOfMouth, switchers } = runArrays(org, countsKept, s.context.learningCulture, arrays);
  const { isps, engagement } = s;
  const desk = new SupportDesk(org, staff, isps.count, isps.hoursPerWeek, engagement.hoursPerCoLeadWeek, engagement.coLeads, monthsToWeeks(engagement.lengthMonths));
  const stageThresholds = stageThresholdsOf(s);
  desk.ledger = unitLedgerFor(s, seed, org, staff, stageThresholds);
  // First-engaged units, with the network stream (they are part of the setting): first-units.ts.
  // Chosen and ringed on the ties as generated, so a null-network run keeps its rollout.
  const initialUnits = chooseFirstUnits(generated, engagement, streams.network);
  const ring = ringDistances(generated, initialUnits, arrays);
  const unitCredibility = arrays.float64(org.units);
  const demandDraws = arrays.float64(org.units);
  const rates = weeklyRates(s);
  const adoptionDraws = arrays.float64(staffCount);
  const recorder = new MonthlyRecorder(s, staff, org, ring, teamSafety, stageThresholds, arrays);

  const run: RunState = {
    scenario: s,
    seed,
    streams,
    org,
    staff,
    population,
    totalWeeks: monthsToWeeks(s.months),
    rates,
    pathwayRates: pathwayRatesOf(s, rates),
    switchRule: switchRule(s, fadingPush(s, org.unitOf, org.units)),
    contactRules: contactRules(s),
    contactTargets: { staff, org, teamSafety, teamMetWeek, rng: streams.contacts, metAround: countsKept ? metAround : null },
    stageThresholds,
    pathwayOn: s.adoption.pathway,
    countsKept,
    applyingAround,
    metAround,
    metTrust,
    ring,
    teamSafety,
    teamMetWeek,
    unitCredibility,
    desk,
    recorder,
    wordOfMouth,
    switchers,
    adoptionDraws,
    demandDraws,
    week: 0,
    monthsRecorded: 0,
    applyingTotal: 0,
    applyingShare: 0,
    credibility: 0,
    adoptionEvents: 0,
    firstAdoptions: 0,
    initiativeSum: 0,
    hoursThisMonth: 0,
    requestsAtMonthStart: 0,
    lengthMonths: s.engagement.lengthMonths,
    urgency: s.context.urgency,
    feasibilityCap: feasibilityCap(s.context.absorptiveCapacity, s.context.urgency, s.context.urgencyEffect, s.context.leadershipBuyIn),
    anyoneMetIsps: false,
    anyoneEverContacted: false,
    wordOfMouthCleared: true,
    restingChanged: true,
  };
  seedAdopters(run, s.adoption.seeds);
  baselineAdopters(run, s.adoption.baselineApplying);
  begin(run, initialUnits);
  return run;
}

/** Week 0: the first units engaged, credibility measured, month 0 recorded. */
function begin(run: RunState, initialUnits: readonly number[]): void {
  const { desk } = run;
  desk.startNow(initialUnits, 0);
  measure(run);
  run.requestsAtMonthStart = desk.requests;
  run.recorder.record(0, 0, { credibility: run.credibility, ispHours: 0, requests: 0, active: desk.active.length, waiting: desk.waitlist.length });
  run.restingChanged = run.pathwayOn;
  run.monthsRecorded = 1;
}
