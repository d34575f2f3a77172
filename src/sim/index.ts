/**
 * src/sim — time, network, the run. `createSimulation` (a stepper) and `simulate` (the same
 * weeks, run to the horizon), seeded random streams, the organization generator, RunResult.
 * Imports: src/agents (mechanisms) and src/scenarios (types).
 */
export { createSimulation, simulate, type RunInputs, type Simulation, type SimulationOptions, type SimulationView } from './simulation.js';
export { ENGINE_VERSION } from './version.js';
export { ArrayArena, freshArrays, type ArrayAllocator } from './arena.js';
export { createStaffState } from './staff.js';
export { SERIES, RINGS, type RunResult, type RunSummary, type MonthlySeries, type SeriesName, type DispositionOutcome, type UnitOutcome, type UnitSnapshot, type UnitFollowUp, type TeamMemberRecord, RECORDED_STAGES } from './result.js';
export { assignLengths } from './units.js';
export { createStreams, hashSeed, RandomStream, standardNormal, STREAMS, type StreamName } from './rng.js';
export { buildOrganization, rewiredOrganization, ringDistances, Role, type Organization } from './network.js';
export { WEEKS_PER_MONTH, MONTHS_PER_WEEK, monthsToWeeks, monthEndWeek, weeklyChance } from './clock.js';
export { spearman, averageRanks, firstReaching } from './metrics.js';
export type { SupportEvent } from './engagements.js';
// Stage names and the 1–5 scale, re-exported for src/tui (which may import only sim and scenarios);
// the team's co-lead capacity for the staffing analysis and validation (only src/sim imports
// src/agents, so the rule is taken from here rather than restated).
export { STAGES, scaleScore, teamCapacity, ispsToCoLead, type StageName } from '../agents/index.js';
export {
  simulateSurvey,
  waveMeasures,
  cronbachAlpha,
  respondentScore,
  surveyStream,
  isInstrument,
  INSTRUMENTS,
  INSTRUMENT_SPECS,
  ITEMS as SURVEY_ITEMS,
  SURVEY_NOISE,
  type Instrument,
  type InstrumentSpec,
  type SurveyDesign,
  type SurveyNoise,
  type SurveyResult,
  type SurveyWave,
  type WaveMeasure,
} from './survey.js';
