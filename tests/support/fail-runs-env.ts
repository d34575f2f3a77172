/**
 * The environment that makes the built CLI fail the given run ids (tests/support/fail-runs.mjs):
 * NODE_OPTIONS loads the seam — in the process, its worker threads and any process or Slurm job
 * it starts with this environment — and CONCENTRIC_FAIL_RUN_IDS lists the ids.
 *
 * `--no-experimental-require-module`: piscina loads the worker file with require() first, and
 * since Node 20.19 require() of an ES module succeeds — without the module.register() hooks, so
 * the workers would run the real run-one.js. With require(esm) off, piscina falls back to
 * import(), which the hooks see. It changes how the failing-run tests load modules, nothing else.
 */
/** A file URL: no spaces, so NODE_OPTIONS needs no quoting. */
const SEAM = new URL('./fail-runs.mjs', import.meta.url).href;

export function failRunsEnv(ids: readonly number[], base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const options = [base.NODE_OPTIONS, '--no-experimental-require-module', `--import=${SEAM}`].filter((part) => part !== undefined && part !== '').join(' ');
  return { NODE_OPTIONS: options, CONCENTRIC_FAIL_RUN_IDS: ids.join(',') };
}
