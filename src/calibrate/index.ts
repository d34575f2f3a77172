/**
 * src/calibrate — confronting the model with survey data: ABC-SMC (abc.ts, pure and generic over
 * a simulate callback), the data files (data.ts), parameters and priors (params.ts), the
 * posterior and its predictive check (posterior.ts), and a calibration run in a directory with
 * resume (run.ts). An analysis of many runs, beside src/sweep (whose worker pool runs the
 * simulations). Imports: src/sweep, src/sim, src/scenarios.
 */
export { abcSmc, AbcStoppedError, ABC_DEFAULTS, candidateSeed, type AbcOptions, type AbcProblem, type AbcProgress, type AbcOutcome, type Generation } from './abc.js';
export { distance, distanceWeights, fitDistance, measureOf, DISTANCE_KINDS, type DistanceKind, type DistanceSpec } from './distance.js';
export { readSurveyData, surveyCsv, wavesCsv, surveyWaves, LONG_COLUMNS, WAVE_COLUMNS, type SurveyData } from './data.js';
export { checkPriors, parameterPriors, type ParameterPrior } from './params.js';
export { marginals, marginalWords, notIdentified, priorIntervalShare, missWords, predictiveBands, predictiveFails, plain, type Marginal, type PredictiveBand } from './posterior.js';
export { calibrate, waveTarget, CALIBRATION_FILE, POSTERIOR_FILE, PREDICTIVE_DRAWS, type CalibrationInput, type CalibrationOutcome, type CalibrationRecord, type GenerationRecord } from './run.js';
export { weightedQuantile, effectiveSampleSize } from './weighted.js';
export { abcModelChoice, bayesFactor, bayesFactorWords, populationOf, MODEL_CHOICE_DEFAULTS, type CandidateModel, type ModelChoiceOptions, type ModelChoiceProblem, type ModelChoiceOutcome, type ModelGeneration, type ModelChoiceProgress } from './models.js';
export { posteriorDraws, posteriorOrigin, readPosterior, type PosteriorDraws } from './draws.js';
export { chooseModel, modelChoiceWords, MODELS_FILE, MODEL_POSTERIOR_FILE, MODEL_PREDICTIVE_DRAWS, type ModelChoiceInput, type ModelChoiceRecord, type ModelChoiceRunOutcome, type ModelSummary, type ModelGenerationRecord } from './model-choice-run.js';
