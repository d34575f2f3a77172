/**
 * src/sweep/staffing — "how many ISPs do we need?": the sweep (plan.ts: headcount × optional
 * length, hours, co-leads, first units; common random numbers; runs cut at the target month),
 * its answer (analyse.ts: probability of reaching the target per team, the smallest team that
 * does, the waitlist and ISP hours it leaves) and the answer in words (words.ts).
 * Imports: src/sweep, src/scenarios.
 */
export { planStaffing, SETTING_FIELDS, ISPS_FIELD, type StaffingOptions, type StaffingPlan } from './plan.js';
export { analyseStaffing, answerFor, monthReaching, STAFFING_Z, type StaffingAnalysis, type SettingAnswer, type TeamOutcome, type Proportion, type MonotonicityBreak } from './analyse.js';
export { answerWords, breakWords, settingWords, teamRows, TEAM_HEADER, staffingMethodWords, percent } from './words.js';
export { headToHead, headToHeadGroups, headToHeadWords, type HeadToHead, type HeadToHeadGroup, type RuleRuns } from './head-to-head.js';
export { FIRST_RULE_FIELD } from './plan.js';
