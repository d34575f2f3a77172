/**
 * One week of the study, in the pathway's order (docs/MODEL.md, "One week, in order"):
 *
 *   endEngagements → requestSupport → startEngagements → ispContacts (trust, affect, safety,
 *   knowledge) → colleagues (exposure, word of mouth) → personalChange (readiness, learning,
 *   adoption, sustainment) → turnover → teamSafetyDrift → measure (credibility) → record month
 *
 * Random draws come from named streams; the adoption and turnover streams take exactly one draw
 * per person per week and the demand stream one per unit per week, whatever the state, so runs
 * that differ in one parameter stay in step until that parameter first matters.
 */
import { Contact, requestRate, safetyDrift, wordOfMouthPull, wordOfMouthWeight } from '../agents/index.js';
import { monthEndWeek, weeklyChance } from './clock.js';
import { contactUnit } from './contacts.js';
import { measure } from './credibility.js';
import type { RunState } from './run-state.js';
import { hire } from './setup.js';
import { adoptOnNetwork, changePeople, colleaguesOnNetwork, exposureFromCounts, tellColleagues } from './staff-week.js';
import { agePush, initiativeShareOf } from './switching.js';

/**
 * Step the run to its end: simulate()'s loop, in a function of its own. When simulate() itself
 * looped over stepWeek, V8 inlined the week into it, sharing one inlining budget with the setup
 * and the result, and a foundation run took ~6 % longer (interleaved comparison).
 */
export function runWeeks(run: RunState): void {
  while (run.week < run.totalWeeks) stepWeek(run);
}

/** Advance the run by one week (nothing once it is done). */
export function stepWeek(run: RunState): void {
  if (run.week >= run.totalWeeks) return;
  run.desk.events.length = 0;
  run.desk.endDue(run.week); // 1. engagements that reached their length end
  requestSupport(run); // 2. units ask as credibility reaches them (M8)
  run.desk.startWaiting(run.week); // 3. waiting units start while co-leads are free
  ispContacts(run); // 4. meetings, coaching, outreach (M2, M3, M5)
  if (run.pathwayOn || run.org.fullyMixed) {
    colleagues(run); // 5. exposure and word of mouth
    personalChange(run); // 6. the pathway, then adoption or discontinuation
  } else {
    dateSwitches(run, adoptOnNetwork(run)); // 5 and 6 in one pass: the reduced model on a network
  }
  turnover(run); // 7. (M9)
  teamSafetyDrift(run); // 8. (M3)
  measure(run); // 9. credibility (M8)
  run.week++;
  recordMonthEnd(run);
}

/** Units ask for support as the ISPs' credibility reaches them (M8). */
function requestSupport(run: RunState): void {
  const { desk, org, unitCredibility, demandDraws } = run;
  const { demand } = run.scenario;
  // One draw per unit, whether or not it may ask (the same draws as next() per unit).
  run.streams.demand.fill(demandDraws, org.units);
  for (let unit = 0; unit < org.units; unit++) {
    const u = demandDraws[unit];
    if (!desk.canRequest(unit)) continue;
    const rate = requestRate(demand.baseRequestRate, demand.credibilityFloor, demand.credibilityGain, unitCredibility[unit], run.applyingShare);
    if (u < weeklyChance(rate)) desk.request(unit, run.week);
  }
}

/** What ISPs do in each engaged unit (M2, M3, M5): src/sim/contacts.ts. */
function ispContacts(run: RunState): void {
  const active = run.desk.active;
  for (let k = 0; k < active.length; k++) {
    const engagement = active[k];
    const push = run.switchRule.push;
    if (push !== null) agePush(push, engagement.unit, run.week - engagement.startWeek);
    if (contactUnit(run.contactRules, run.contactTargets, engagement.unit, run.week - engagement.startWeek, run.week)) {
      run.restingChanged = true;
      run.anyoneMetIsps = true;
      run.anyoneEverContacted = true;
    }
  }
  run.hoursThisMonth += run.desk.hoursThisWeek();
}

/**
 * Exposure to colleagues who apply, and word of mouth from colleagues who worked with ISPs. The
 * fully mixed case stays in this function: as in the engine before the split, the gather is then
 * compiled in a function of its own rather than inlined into the week's loop (docs/PERFORMANCE.md).
 */
function colleagues(run: RunState): void {
  const { staff, org, wordOfMouth } = run;
  if (org.fullyMixed) {
    // Everyone's colleagues are everyone.
    const { contact, trust, exposure } = staff;
    const staffCount = org.staff;
    const wordOfMouthRate = run.rates.wordOfMouth;
    let heard = 0;
    let heardTrust = 0;
    for (let i = 0; i < staffCount; i++) {
      if (contact[i] === Contact.direct) {
        heard++;
        heardTrust += trust[i];
      }
    }
    const share = run.applyingTotal / staffCount;
    const heardShare = heard / staffCount;
    const meanTrust = heard > 0 ? heardTrust / heard : 0;
    exposure.fill(share);
    run.wordOfMouthCleared = false;
    wordOfMouth.trustPull.fill(wordOfMouthPull(wordOfMouthRate, heardShare, meanTrust));
    wordOfMouth.trustWeight.fill(wordOfMouthWeight(wordOfMouthRate, heardShare));
    return;
  }
  // A network with the pathway on (the pathway-off network runs adoptOnNetwork instead).
  if (!run.anyoneMetIsps) {
    // Nobody has worked with the ISPs yet: no word of mouth, only exposure (from the counts).
    exposureFromCounts(org.offsets, run.applyingAround, staff.exposure);
    if (!run.wordOfMouthCleared) {
      wordOfMouth.trustPull.fill(0);
      wordOfMouth.trustWeight.fill(0);
      run.wordOfMouthCleared = true;
    }
    return;
  }
  run.wordOfMouthCleared = false;
  colleaguesOnNetwork(run);
}

/** The week's personal change: the pathway (M2–M4, M5) when on, then adoption (M6) and sustainment (M7). */
function personalChange(run: RunState): void {
  dateSwitches(run, changePeople(run));
}

/**
 * Date the week's switches: `switchers[0 .. count)`, whose `applying` the pass has already
 * flipped. After the pass, not from inside it: a loop that calls back into the run gets
 * specialized on the run, and V8 discards that code when the run is gone (each new run then
 * began unoptimized). Nothing here is read by the pass itself.
 */
function dateSwitches(run: RunState, count: number): void {
  const { staff, switchers, org, week } = run;
  for (let k = 0; k < count; k++) {
    const i = switchers[k];
    const started = staff.applying[i] === 1;
    run.applyingTotal += started ? 1 : -1;
    if (run.countsKept) tellColleagues(org.offsets, org.neighbors, run.applyingAround, i, started ? 1 : -1);
    if (!started) {
      staff.applyingSince[i] = -1;
      continue;
    }
    staff.applyingSince[i] = week + 1;
    if (staff.adoptedWeek[i] < 0) {
      staff.adoptedWeek[i] = week + 1;
      run.initiativeSum += initiativeShareOf(run.switchRule, staff, i, staff.exposure[i], staff.knowledge[i]);
      run.firstAdoptions++;
      staff.lowStakesBeforeAdoption[i] = staff.lowStakesContacts[i] > 0 ? 1 : 0;
    }
    run.adoptionEvents++;
  }
}

/** Staff leave and naive newcomers take their places (M9). */
function turnover(run: RunState): void {
  const chance = run.rates.turnover;
  // The turnover stream serves turnover alone: with no turnover its draws could change nothing.
  if (chance === 0) return;
  const rng = run.streams.turnover;
  const staffCount = run.org.staff;
  // One draw per person; a newcomer's own draws follow the draw that replaced them.
  for (let i = rng.firstBelow(chance, 0, staffCount); i < staffCount; i = rng.firstBelow(chance, i + 1, staffCount)) {
    leave(run, i);
    hire(run.staff, i, run.population, rng);
  }
}

/** Person i leaves: the counts kept of them go with them. */
function leave(run: RunState, i: number): void {
  const { staff, org } = run;
  run.restingChanged = true;
  run.desk.ledger?.left(i, run.week);
  run.applyingTotal -= staff.applying[i];
  if (run.countsKept) {
    if (staff.applying[i]) tellColleagues(org.offsets, org.neighbors, run.applyingAround, i, -1);
    if (staff.contact[i] === Contact.direct) tellColleagues(org.offsets, org.neighbors, run.metAround, i, -1);
  }
}

/** Team safety relaxes toward the culture's baseline (M3). */
function teamSafetyDrift(run: RunState): void {
  if (!run.pathwayOn) return;
  const { teamSafety } = run;
  const { learningCulture } = run.scenario.context;
  const rate = run.rates.safetyRelax;
  for (let t = 0; t < run.org.teams; t++) teamSafety[t] = safetyDrift(teamSafety[t], learningCulture, rate);
}

/** At a month's end, observe it (the recorder's pass reads only who applies when nothing else changed). */
function recordMonthEnd(run: RunState): void {
  if (run.monthsRecorded > run.scenario.months || run.week !== monthEndWeek(run.monthsRecorded)) return;
  const { desk } = run;
  run.recorder.record(
    run.monthsRecorded,
    run.week,
    {
      credibility: run.credibility,
      ispHours: run.hoursThisMonth,
      requests: desk.requests - run.requestsAtMonthStart,
      active: desk.active.length,
      waiting: desk.waitlist.length,
    },
    !run.restingChanged,
  );
  run.restingChanged = run.pathwayOn;
  run.monthsRecorded++;
  run.hoursThisMonth = 0;
  run.requestsAtMonthStart = desk.requests;
}
