/**
 * src/sweep — many runs, reproducible and resumable.
 *
 *   sweep file / preset ──► SweepSpec + base Scenario ──► Manifest (design points, sweepHash)
 *        ──► runSweep: pending runs in batches ──► runOne (this thread or piscina workers)
 *        ──► runs.jsonl (appended per batch, canonical at the end) ──► merge · aggregate · export
 *
 * The results-directory contract is in types.ts. Imports: src/sim, src/scenarios.
 */
export type * from './types.js';
export { loadSweepFile, MAX_RUNS, type LoadedSweep } from './file.js';
export { compareSweep, robustnessSweeps, ROBUSTNESS_FACTORS, withinOverrides, withinSweep, type CompareOptions, type RobustnessSweep } from './presets.js';
export { createManifest, readManifest, writeManifest, sweepHash, MANIFEST_FILE, RUNS_FILE, TOOL_VERSION } from './manifest.js';
export { designPoints, pointCount, unitSamples, latinHypercube, saltelliSamples, sobolPoints, morrisTrajectories } from './designs/index.js';
export { factorsOf, scaleToFactor, scenarioAt, type Factor } from './factors.js';
export { runSeed, runJob, type RunJob } from './seeds.js';
export { parseShard, formatShard, inShard, shardSize, shardRunIds, type Shard } from './shards.js';
export { runSweep, workerFile, type SweepOptions, type SweepOutcome, type SweepProgress, type SweepStart } from './execute.js';
export { runOne, runBatch, plannedRuns, encodeRecord, type BatchTask, type BatchResult, type PlannedRun } from './run-one.js';
export { readRuns, canonicalize } from './runs-file.js';
export { mergeShards, type MergeOutcome } from './merge.js';
export { Aggregator, aggregateResults, type AggregateOptions, type MetricAggregate, type PointAggregate } from './aggregate.js';
export { SUMMARY_METRICS, HEADLINE_METRICS, isSummaryMetric, type SummaryMetric } from './metrics.js';
export { exportCsv, exportParquet } from './export.js';
export { WriteFailure, writeFileAtomic, type WriteBytes } from './files.js';
export { lockResults, LOCK_DIR, LOCK_HOLDER, type ResultsLock, type LockHolder } from './lock.js';
export { checkRunFits, checkSweepFits, describeFootprint, largestScenarios, runFootprint, expectedTies, manifestBytes, machineMemory, memoryLimits, memoryLimitWords, type RunFootprint } from './limits.js';
export { APPLYING_STAGE, SUSTAINING_STAGE, Arm, STUDY_DESIGN, armOf, drawStudy, furthestStage, hasTeams, interviewWeeks, recipientsOf, stageShares, studyChances, studyObservation, type Interview, type Recipient, type StudyChances, type StudyDesign, type StudyObservation } from './study-design.js';
export { runWaveBatch, WavePool, type WaveTarget, type WaveTask } from './waves.js';
