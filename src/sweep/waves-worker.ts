/** The worker-thread entry for survey-wave batches (calibration): the same runWaveBatch as in-process. */
import { runWaveBatch, type WaveTask } from './waves.js';

export default function work(task: WaveTask): Float64Array {
  return runWaveBatch(task);
}
