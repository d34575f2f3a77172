/**
 * The week's passes over the staff, as module-level functions over the run's state (V8 compiles
 * these loops markedly better than closures; each reads what it needs into locals first):
 *   colleaguesOnNetwork — step 5: exposure and word of mouth from colleagues;
 *   changePeople        — step 6: the pathway (M2–M4, M5) when on, then adoption (M6) or
 *                         discontinuation (M7); returns who switched, for the caller to date;
 *   gatherWordOfMouth   — its word-of-mouth gather;
 *   adoptOnNetwork      — steps 5 and 6 in one pass, for the pathway off on a network;
 *   tellColleagues      — a kept count changes for each colleague of one person.
 */
import {
  acceptabilitySignal,
  affectDrift,
  appropriatenessSignal,
  Contact,
  feasibilitySignal,
  knowledgeFading,
  knowledgeFromColleagues,
  readinessMean,
  relax,
  trustAfterWordOfMouth,
  wordOfMouthPull,
  wordOfMouthWeight,
} from '../agents/index.js';
import type { RunState } from './run-state.js';
import { metIsps } from './staff.js';
import { mayStop, starts, stops } from './switching.js';

/**
 * Step 6 for everyone, in staff order. Flips `applying` of those who start or stop and lists them
 * in `switchers`; returns how many.
 */
export function changePeople(run: RunState): number {
  const { staff, teamSafety, wordOfMouth, pathwayOn, pathwayRates: rates, feasibilityCap, switchRule: rule, switchers } = run;
  const { teamOf } = run.org;
  const adoptionRng = run.streams.adoption;
  const draws = run.adoptionDraws;
  const { trust, affect, acceptability, appropriateness, feasibility, knowledge: knowledgeOf, exposure: exposureOf } = staff;
  const { applying, ownProject, contact } = staff;
  const { trustPull, trustWeight } = wordOfMouth;
  const { affectDecay, readiness: readinessRate, peerLearning, forgetting, acceptabilityTrustWeight, tailoring, tailoringWeight } = rates;
  const n = applying.length;
  // Checked here, not only inside stops(): V8 inlines only calls it has seen made, and a pass
  // compiled before anyone applied was seen (--trace-turbo-inlining) to call stops() out of line.
  const discontinues = mayStop(rule);
  // One draw per person, in staff order: the same draws as next() inside the loop.
  adoptionRng.fill(draws, n);
  let switches = 0;
  for (let i = 0; i < n; i++) {
    const u = draws[i];
    const exposure = exposureOf[i];
    const isApplying = applying[i];
    let knowledge = knowledgeOf[i];
    if (pathwayOn) {
      // Word of mouth (M2), applied synchronously.
      let trustNow = trust[i];
      if (trustWeight[i] > 0) {
        trustNow = trustAfterWordOfMouth(trustNow, trustPull[i], trustWeight[i]);
        trust[i] = trustNow;
        if (contact[i] === Contact.none) contact[i] = Contact.heard;
      }
      const affectNow = affectDrift(affect[i], affectDecay);
      affect[i] = affectNow;
      // Readiness (M4) moves only once a person has met or heard of the ISPs: without any
      // exposure there is nothing to judge implementation science by, so A, P, F keep their
      // baseline (before, P relaxed toward a trust-weighted signal below it and fell unexposed).
      let a = acceptability[i];
      let pr = appropriateness[i];
      let f = feasibility[i];
      if (contact[i] !== Contact.none) {
        a = relax(a, acceptabilitySignal(trustNow, affectNow, acceptabilityTrustWeight), readinessRate);
        pr = relax(pr, appropriatenessSignal(trustNow, ownProject[i], tailoring, tailoringWeight), readinessRate);
        f = relax(f, feasibilitySignal(knowledge, teamSafety[teamOf[i]], feasibilityCap), readinessRate);
        acceptability[i] = a;
        appropriateness[i] = pr;
        feasibility[i] = f;
      }
      // Knowledge (M5), learned in proportion to readiness (mean of A, P, F).
      knowledge = knowledgeFromColleagues(knowledge, exposure, peerLearning * readinessMean(a, pr, f));
      if (!isApplying) knowledge = knowledgeFading(knowledge, forgetting);
      knowledgeOf[i] = knowledge;
    }
    if (isApplying ? discontinues && stops(rule, staff, i, u, exposure) : starts(rule, staff, i, u, exposure, knowledge)) {
      applying[i] = isApplying ^ 1;
      switchers[switches++] = i;
    }
  }
  return switches;
}

/** Each person's exposure — the share of their colleagues applying — from the kept counts. */
export function exposureFromCounts(offsets: Int32Array, applyingAround: Int32Array, exposure: Float32Array): void {
  for (let i = 0; i < exposure.length; i++) {
    const degree = offsets[i + 1] - offsets[i];
    exposure[i] = degree > 0 ? applyingAround[i] / degree : 0;
  }
}

/**
 * Word of mouth for everyone from the colleagues who have met the ISPs. Each person reads only
 * last week's state (synchronous update). Pushed from those who met rather than gathered by
 * everyone who heard: each who met adds their trust to each colleague's sum (`heardTrust`,
 * scratch), in staff order. A person's colleagues are listed ascending, so every sum receives the
 * same terms in the same order as a gather over their ties would (those who had not met added an
 * exact 0 there): the same sums, bit for bit, for 27–60 % of the gather's visits at 1M staff (the
 * share who met grows from ~18 % to ~56 % over the scaled foundation's three years), and these
 * visits are the week's cache misses. A function with these loops alone (V8 compiles it apart).
 */
export function gatherWordOfMouth(run: RunState): void {
  const { offsets, neighbors } = run.org;
  const { contact, trust } = run.staff;
  const { metAround } = run;
  const heardTrust = run.metTrust;
  const { trustPull, trustWeight } = run.wordOfMouth;
  const weeklyRate = run.rates.wordOfMouth;
  const n = run.org.staff;
  heardTrust.fill(0);
  for (let j = 0; j < n; j++) {
    if (metIsps(contact[j]) === 0) continue;
    const t = trust[j];
    const last = offsets[j + 1];
    for (let k = offsets[j]; k < last; k++) heardTrust[neighbors[k]] += t;
  }
  for (let i = 0; i < n; i++) {
    const heard = metAround[i];
    const degree = offsets[i + 1] - offsets[i];
    // M2's word of mouth as weight r·h and pull r·h·m (trustAfterWordOfMouth applies them), from
    // last week's trust of colleagues.
    const heardShare = degree > 0 ? heard / degree : 0;
    trustWeight[i] = wordOfMouthWeight(weeklyRate, heardShare);
    trustPull[i] = heard === 0 ? 0 : wordOfMouthPull(weeklyRate, heardShare, heardTrust[i] / heard);
  }
}

/**
 * Step 5 on a network with the pathway on: exposure from the kept counts of colleagues applying,
 * and word of mouth from the colleagues who have met the ISPs (gatherWordOfMouth).
 */
export function colleaguesOnNetwork(run: RunState): void {
  exposureFromCounts(run.org.offsets, run.applyingAround, run.staff.exposure);
  gatherWordOfMouth(run);
}

/**
 * Steps 5 and 6 in one pass for the pathway off on a network: each person counts colleagues
 * applying, then draws. Switches are applied after the pass, so everyone reads last week's
 * colleagues, exactly as the two passes do. Returns how many switched; they are
 * `switchers[0 .. count)`, in staff order, for the caller to date (no callback in this loop: V8
 * specialized the loop on the one run's callback and threw the code away with that run).
 */
export function adoptOnNetwork(run: RunState): number {
  const { offsets, neighbors } = run.org;
  const { staff, switchRule: rule, switchers } = run;
  const adoptionRng = run.streams.adoption;
  const draws = run.adoptionDraws;
  const { applying, exposure: exposureOf, knowledge: knowledgeOf } = staff;
  // Knowledge matters to adoption only through initiative and the gate (0 · K = 0 otherwise).
  const readsKnowledge = rule.initiative !== 0 || rule.knowledgeGate;
  const n = applying.length;
  const discontinues = mayStop(rule);
  adoptionRng.fill(draws, n);
  let switches = 0;
  for (let i = 0; i < n; i++) {
    const first = offsets[i];
    const last = offsets[i + 1];
    let applyingCount = 0;
    for (let k = first; k < last; k++) applyingCount += applying[neighbors[k]];
    const degree = last - first;
    const exposure = degree > 0 ? applyingCount / degree : 0;
    exposureOf[i] = exposure;
    const u = draws[i];
    const isApplying = applying[i];
    if (isApplying ? discontinues && stops(rule, staff, i, u, exposure) : starts(rule, staff, i, u, exposure, readsKnowledge ? knowledgeOf[i] : 0)) {
      switchers[switches++] = i;
    }
  }
  for (let k = 0; k < switches; k++) applying[switchers[k]] ^= 1;
  return switches;
}

/** Add `change` to the count of each of person i's colleagues (a kept count: i switched, met the ISPs, or left). */
export function tellColleagues(offsets: Int32Array, neighbors: Int32Array, counts: Int32Array, i: number, change: number): void {
  for (let k = offsets[i]; k < offsets[i + 1]; k++) counts[neighbors[k]] += change;
}
