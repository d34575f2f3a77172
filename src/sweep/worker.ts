/**
 * The worker-thread entry (piscina loads the compiled dist/sweep/worker.js): one batch of runs
 * per task, through the same runBatch as the in-process path.
 */
import { runBatch, type BatchResult, type BatchTask } from './run-one.js';

export default function work(task: BatchTask): BatchResult {
  return runBatch(task);
}
