/**
 * Stands in for dist/sweep/run-one.js when fail-runs.mjs is loaded: everything is the real
 * module's except `runBatch`, which turns the run ids listed in CONCENTRIC_FAIL_RUN_IDS
 * (comma-separated) into failed records — made by the real `failedRecord`/`encodeRecord`, so the
 * lines are what a run that threw writes — and runs the other ids for real, keeping the
 * batch's lines in `task.ids` order. Read once per thread.
 */
import * as real from 'concentric-test:real-run-one';

export * from 'concentric-test:real-run-one';

const FAIL_IDS = new Set(
  (process.env.CONCENTRIC_FAIL_RUN_IDS ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map(Number),
);

export function runBatch(task) {
  if (!task.ids.some((id) => FAIL_IDS.has(id))) return real.runBatch(task);
  const others = task.ids.filter((id) => !FAIL_IDS.has(id));
  const ran = others.length > 0 ? real.runBatch({ ...task, ids: others }) : { text: '', ids: [], failedIds: [] };
  // One line per id, in the order asked; a JSON line holds no raw newline.
  const ranLines = ran.text.split('\n').slice(0, -1);
  const lineOf = new Map(others.map((id, index) => [id, `${ranLines[index]}\n`]));
  const ranFailed = new Set(ran.failedIds);
  const lines = [];
  const failedIds = [];
  for (const run of real.plannedRuns(task)) {
    if (FAIL_IDS.has(run.id)) {
      lines.push(real.encodeRecord(real.failedRecord(run, new Error(`test hook: CONCENTRIC_FAIL_RUN_IDS includes run ${run.id}`))));
      failedIds.push(run.id);
    } else {
      lines.push(lineOf.get(run.id));
      if (ranFailed.has(run.id)) failedIds.push(run.id);
    }
  }
  return { text: lines.join(''), ids: task.ids, failedIds };
}
