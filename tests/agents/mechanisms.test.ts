import { describe, expect, it } from 'vitest';
import {
  acceptabilitySignal,
  affectAfterContact,
  affectDrift,
  appropriatenessSignal,
  chooseCoLeads,
  coLeadSlots,
  credibility,
  discontinuationHazard,
  feasibilityCap,
  feasibilitySignal,
  knowledgeAfterContact,
  knowledgeFading,
  knowledgeFromColleagues,
  pickDisposition,
  positiveContactChance,
  readinessGate,
  relax,
  requestRate,
  resistantGain,
  safetyAfterMeeting,
  safetyDrift,
  scaleScore,
  scheduledContacts,
  Stage,
  stageOf,
  thresholdReached,
  trustSignal,
  trustTowardContact,
  trustAfterWordOfMouth,
  wordOfMouthPull,
  wordOfMouthWeight,
  unitCredibility,
  Contact,
  gatedHazard,
  ungatedHazard,
  knowledgeGate,
  supportDose,
  Support,
} from '../../src/agents/index.js';

describe('M2 affect and trust', () => {
  it('affect gains saturate: each positive contact closes its gain of the remaining gap', () => {
    expect(affectAfterContact(0.4, true, 0.2, 3)).toBeCloseTo(0.52);
    expect(affectAfterContact(0.9, true, 0.2, 3)).toBeCloseTo(0.92);
  });

  it('affect losses are larger than gains (β = lossRatio · gain)', () => {
    const gain = affectAfterContact(0.5, true, 0.1, 3) - 0.5;
    const loss = 0.5 - affectAfterContact(0.5, false, 0.1, 3);
    expect(loss).toBeCloseTo(3 * gain);
  });

  it('trust integrates affect (affect-based) and ISP competence (cognition-based) toward their weighted signal', () => {
    expect(trustSignal(1, 0.6, 0.5)).toBeCloseTo(0.8);
    expect(trustSignal(0, 0.6, 0.5)).toBeCloseTo(0.3);
    expect(trustTowardContact(0.4, 0.8, 0.25)).toBeCloseTo(0.5);
    // a contact that shows less than the person trusts lowers trust
    expect(trustTowardContact(0.7, 0.3, 0.25)).toBeCloseTo(0.6);
  });

  it('closing 90 % of the gap takes ≈ 10 contacts at α = 0.2 and ≈ 22 at α = 0.1', () => {
    const contactsToClose = (alpha: number) => {
      let trust = 0;
      let n = 0;
      while (trust < 0.9) {
        trust = trustTowardContact(trust, 1, alpha);
        n++;
      }
      return n;
    };
    expect(contactsToClose(0.2)).toBe(11);
    expect(contactsToClose(0.1)).toBe(22);
  });

  it('positive-contact chance rises with relational skill and safety, and is clamped', () => {
    const low = positiveContactChance(0.3, 0.4, 0.2, 0.3, 0.2, 0);
    const skilled = positiveContactChance(0.3, 0.4, 0.9, 0.3, 0.2, 0);
    const safe = positiveContactChance(0.3, 0.4, 0.2, 0.3, 0.9, 0);
    expect(skilled).toBeGreaterThan(low);
    expect(safe).toBeGreaterThan(low);
    expect(positiveContactChance(0.9, 0.9, 1, 0.9, 1, 0.5)).toBe(1);
  });

  it('curious resistance damps only the first contacts of resistant staff', () => {
    expect(resistantGain(0.2, 0.5, true, 0)).toBeCloseTo(0.1);
    expect(resistantGain(0.2, 0.5, true, 3)).toBeCloseTo(0.2);
    expect(resistantGain(0.2, 0.5, false, 0)).toBeCloseTo(0.2);
  });

  it('word of mouth pulls trust toward colleagues in proportion to how many worked with ISPs', () => {
    // weight = rate · share of ties who met the ISPs; pull = weight · their mean trust (0.8)
    const wordOfMouth = (trust: number, heardShare: number, rate: number) =>
      trustAfterWordOfMouth(trust, wordOfMouthPull(rate, heardShare, 0.8), wordOfMouthWeight(rate, heardShare));
    expect(wordOfMouthWeight(0.1, 0.5)).toBeCloseTo(0.05);
    expect(wordOfMouthPull(0.1, 0.5, 0.8)).toBeCloseTo(0.04);
    expect(wordOfMouth(0.3, 0, 0.1)).toBe(0.3);
    expect(wordOfMouth(0.3, 1, 0.1)).toBeCloseTo(0.35);
    expect(wordOfMouth(0.3, 0.5, 0.1)).toBeCloseTo(0.325);
  });
});

describe('affect and M3 safety', () => {
  it('affect follows contacts and drifts to neutral', () => {
    expect(affectAfterContact(0.5, true, 0.2, 3)).toBeCloseTo(0.6);
    expect(affectAfterContact(0.5, false, 0.2, 3)).toBeCloseTo(0.2);
    expect(affectDrift(0.9, 0.5)).toBeCloseTo(0.7);
    expect(affectDrift(0.1, 0.5)).toBeCloseTo(0.3);
  });

  it('facilitated meetings raise safety with relational skill; it relaxes to baseline', () => {
    expect(safetyAfterMeeting(0.4, 0.2, 1)).toBeCloseTo(0.52);
    expect(safetyAfterMeeting(0.4, 0.2, 0.5)).toBeCloseTo(0.46);
    expect(safetyDrift(0.8, 0.4, 0.25)).toBeCloseTo(0.7);
  });
});

describe('M4 acceptability, appropriateness, feasibility', () => {
  it('signals mix their inputs by weight', () => {
    expect(acceptabilitySignal(1, 0, 0.6)).toBeCloseTo(0.6);
    expect(appropriatenessSignal(0.5, 1, 1, 0.4)).toBeCloseTo(0.7);
    expect(appropriatenessSignal(0.5, 0, 1, 0.4)).toBeCloseTo(0.3);
  });

  it('urgency lowers the feasibility cap; leadership buy-in restores part of it', () => {
    const calm = feasibilityCap(0.8, 0, 0.5, 0);
    const urgent = feasibilityCap(0.8, 1, 0.5, 0);
    const urgentButBoughtIn = feasibilityCap(0.8, 1, 0.5, 1);
    expect(calm).toBeCloseTo(0.8);
    expect(urgent).toBeCloseTo(0.4);
    expect(urgentButBoughtIn).toBeCloseTo(0.6);
    expect(feasibilitySignal(1, 1, urgent)).toBeCloseTo(urgent);
  });

  it('relaxation moves part way to the signal; scale scores run 1–5', () => {
    expect(relax(0.2, 0.6, 0.25)).toBeCloseTo(0.3);
    expect(scaleScore(0)).toBe(1);
    expect(scaleScore(1)).toBe(5);
  });
});

describe('M5 knowledge', () => {
  it('grows with coaching in proportion to technical skill, from colleagues, and fades', () => {
    expect(knowledgeAfterContact(0, 0.1, 1)).toBeCloseTo(0.1);
    expect(knowledgeAfterContact(0, 0.1, 0.5)).toBeCloseTo(0.05);
    expect(knowledgeFromColleagues(0.5, 0, 0.2)).toBe(0.5);
    expect(knowledgeFromColleagues(0.5, 1, 0.2)).toBeCloseTo(0.6);
    expect(knowledgeFading(0.5, 0.1)).toBeCloseTo(0.45);
  });
});

/** The hazard as the engine composes it: the bracket, then the gate. */
const adoptionHazard = (p: number, dose: number, initiative: number, knowledge: number, q: number, exposure: number, threshold: number, gate: number) =>
  gatedHazard(ungatedHazard(p, dose, initiative, knowledge, q, exposure, threshold), gate);

describe('M6 adoption', () => {
  it('reduces to the Bass hazard p + q·E when φ = 0, g = 1, dose = 1', () => {
    expect(adoptionHazard(0.03, 1, 0, 0, 0.38, 0.25, 0, 1)).toBeCloseTo(0.03 + 0.38 * 0.25);
  });

  it('counts peers only at or above the threshold', () => {
    expect(adoptionHazard(0.03, 0, 0, 0, 0.38, 0.2, 0.3, 1)).toBe(0);
    expect(adoptionHazard(0.03, 0, 0, 0, 0.38, 0.3, 0.3, 1)).toBeCloseTo(0.114);
  });

  it('adds own initiative from knowledge and scales everything by the gate', () => {
    expect(adoptionHazard(0.03, 1, 5, 0.4, 0, 0, 0, 0.5)).toBeCloseTo(0.5 * 0.03 * 3);
  });

  it('readiness gate is the geometric mean; a zero blocks', () => {
    expect(readinessGate(0.8, 0.8, 0.8)).toBeCloseTo(0.8);
    expect(readinessGate(1, 1, 0)).toBe(0);
  });

  it('knowledge gate rises to 1 at the learning threshold; the dose follows the support level', () => {
    expect(knowledgeGate(0.2, 0.4)).toBeCloseTo(0.5);
    expect(knowledgeGate(0.9, 0.4)).toBe(1);
    expect(supportDose(Support.implementationTeam, 1, 0.3)).toBe(1);
    expect(supportDose(Support.unitMember, 1, 0.3)).toBe(0.3);
    expect(supportDose(Support.none, 1, 0.3)).toBe(0);
  });

  it('linear-threshold rule needs a positive exposure at or above φ', () => {
    expect(thresholdReached(0, 0)).toBe(false);
    expect(thresholdReached(0.18, 0.18)).toBe(true);
    expect(thresholdReached(0.17, 0.18)).toBe(false);
  });
});

describe('M7 sustainment and M8 demand', () => {
  it('discontinuation is lower during support, with applying colleagues and with buy-in', () => {
    const alone = discontinuationHazard(0.05, false, 0.2, 0, 0.5, 0, 0.5);
    expect(alone).toBeCloseTo(0.05);
    expect(discontinuationHazard(0.05, true, 0.2, 0, 0.5, 0, 0.5)).toBeCloseTo(0.01);
    expect(discontinuationHazard(0.05, false, 0.2, 1, 0.5, 0, 0.5)).toBeCloseTo(0.025);
    expect(discontinuationHazard(0.05, false, 0.2, 0, 0.5, 1, 0.5)).toBeCloseTo(0.025);
  });

  it('request rate rises with credibility and visible success', () => {
    expect(requestRate(0.01, 0.4, 0.6, 0, 0.5)).toBeCloseTo(0.01);
    expect(requestRate(0.01, 0.4, 0.6, 1, 0)).toBeCloseTo(0.41);
    expect(requestRate(0.01, 0.4, 0.6, 1, 1)).toBeCloseTo(1.01);
    expect(credibility(0, 0)).toBe(0);
    expect(credibility(3, 4)).toBeCloseTo(0.75);
  });

  it("a unit's credibility averages the trust of members who met or heard of the ISPs, the others counting 0", () => {
    const contact = [Contact.direct, Contact.heard, Contact.none, Contact.direct, Contact.none];
    const trust = [0.8, 0.4, 0.9, 0.6, 0.2];
    expect(unitCredibility(contact, trust, 0, 3)).toBeCloseTo((0.8 + 0.4) / 3);
    expect(unitCredibility(contact, trust, 3, 5)).toBeCloseTo(0.6 / 2);
    expect(unitCredibility(contact, trust, 2, 3)).toBe(0);
  });
});

describe('M1 population, ISP team, engagement schedule, stages', () => {
  it('picks dispositions from cumulative shares', () => {
    const cumulative = [0.16, 0.84, 1];
    expect(pickDisposition(cumulative, 0.1)).toBe(0);
    expect(pickDisposition(cumulative, 0.5)).toBe(1);
    expect(pickDisposition(cumulative, 0.99)).toBe(2);
  });

  it('books co-leads with the most free slots and refuses when too few are free', () => {
    expect(coLeadSlots(4, 1.25)).toBe(3);
    expect(coLeadSlots(0.3, 0.1)).toBe(3); // 0.3 / 0.1 = 2.9999999999999996: the tolerance keeps the third slot
    expect(chooseCoLeads([0, 0, 0], 3, 2)).toEqual([0, 1]);
    expect(chooseCoLeads([1, 1, 0], 3, 2)).toEqual([2, 0]);
    expect(chooseCoLeads([2, 0, 1, 0], 3, 3)).toEqual([1, 3, 2]);
    expect(chooseCoLeads([1, 1], 1, 2)).toBeNull();
    expect(chooseCoLeads([1, 0, 3], 1, 2)).toBeNull();
    expect(chooseCoLeads([1, 0, 3], 2, 2)).toEqual([1, 0]);
  });

  it('schedules monthly meetings and biweekly coaching', () => {
    expect(scheduledContacts(0, 4, 2)).toEqual({ meeting: true, coaching: true });
    expect(scheduledContacts(2, 4, 2)).toEqual({ meeting: false, coaching: true });
    expect(scheduledContacts(3, 4, 2)).toEqual({ meeting: false, coaching: false });
  });

  it('places a person in the furthest stage that holds', () => {
    const t = { trustingAt: 0.6, acceptingAt: 0.6, learningAt: 0.4, sustainedAfterWeeks: 52 };
    expect(stageOf(0, 0.3, 0.3, 0, 0, 0, t)).toBe(Stage.unaware);
    expect(stageOf(2, 0.3, 0.3, 0, 0, 0, t)).toBe(Stage.contacted);
    expect(stageOf(2, 0.7, 0.3, 0, 0, 0, t)).toBe(Stage.trusting);
    expect(stageOf(2, 0.7, 0.7, 0, 0, 0, t)).toBe(Stage.accepting);
    expect(stageOf(2, 0.7, 0.7, 0.5, 0, 0, t)).toBe(Stage.learning);
    expect(stageOf(2, 0.7, 0.7, 0.5, 1, 10, t)).toBe(Stage.applying);
    expect(stageOf(2, 0.7, 0.7, 0.5, 1, 52, t)).toBe(Stage.sustaining);
  });
});
