/**
 * src/sweep/cluster — running a sweep beyond one machine: which shard a batch task is (from
 * Slurm's or Kubernetes' environment) and the Slurm job scripts that run one shard per array task
 * and merge them. Pure functions of their inputs; src/cli reads the environment and writes files.
 * Imports: src/scenarios (InputError), src/sweep (Shard).
 */
export {
  shardFromEnvironment,
  SHARD_COUNT_VARIABLE,
  SLURM_TASK_VARIABLE,
  KUBERNETES_INDEX_VARIABLE,
  type Environment,
  type EnvironmentShard,
} from './environment.js';
export {
  slurmScripts,
  arrayScript,
  mergeScript,
  submitScript,
  submitInstructions,
  shardFolder,
  slurmFolder,
  parseSlurmTime,
  slurmNameOption,
  checkBatchPath,
  nodeSupported,
  shellQuote,
  NODE_RANGE,
  DEFAULT_MAX_ARRAY_SIZE,
  SLURM_FOLDER,
  SHARDS_FOLDER,
  ARRAY_SCRIPT,
  MERGE_SCRIPT,
  SUBMIT_SCRIPT,
  PLAN_FILE,
  LOGS_FOLDER,
  type SlurmJob,
  type SlurmScripts,
} from './slurm.js';
