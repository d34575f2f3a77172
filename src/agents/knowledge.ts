/**
 * M5 — knowledge of implementation science: grows with coaching and meetings (in proportion to
 * ISP technical skill) and from colleagues who apply it; fades slowly when not applied. The
 * simulation scales every gain by the learner's readiness (mean of A, P, F): the study's pathway
 * runs from acceptability, appropriateness and feasibility to knowledge.
 */
export function knowledgeAfterContact(knowledge: number, gain: number, technicalSkill: number): number {
  return knowledge + gain * technicalSkill * (1 - knowledge);
}

export function knowledgeFromColleagues(knowledge: number, exposure: number, weeklyRate: number): number {
  return knowledge + weeklyRate * exposure * (1 - knowledge);
}

export function knowledgeFading(knowledge: number, weeklyRate: number): number {
  return knowledge - weeklyRate * knowledge;
}
