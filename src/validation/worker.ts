/**
 * Worker-thread entry: run one case at one scale and post its outcome (plain JSON) back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Scale } from './case.js';
import { caseById } from './index.js';

const { id, scale } = workerData as { id: string; scale: Scale };
const started = performance.now();
try {
  const validationCase = caseById(id);
  if (!validationCase) throw new Error(`unknown case ${id}`);
  const outcome = await validationCase.run(scale);
  parentPort!.postMessage({ ok: true, outcome, seconds: (performance.now() - started) / 1000 });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error), seconds: (performance.now() - started) / 1000 });
}
