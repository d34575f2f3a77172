/**
 * Test-only failure injection, loaded with `--import` (tests put it in NODE_OPTIONS through
 * `failRunsEnv` in fail-runs-env.ts): run ids listed in CONCENTRIC_FAIL_RUN_IDS come back as
 * failed records instead of running, so tests exercise failed-run handling through the real
 * binary — in the CLI's own thread, in piscina workers (they run this again: workers inherit the
 * options the process started with) and in Slurm jobs (NODE_OPTIONS is in their environment).
 * Production code knows nothing of it: the hooks below swap the module that dist/sweep imports
 * as `./run-one.js` for fail-runs-wrapper.mjs.
 */
import { register } from 'node:module';

// Hooks registered this way do not see require(); piscina require()s the worker file when it can.
if (process.features.require_module === true) {
  throw new Error('tests/support/fail-runs.mjs needs --no-experimental-require-module (failRunsEnv adds it): piscina would require() the worker past the hooks');
}

register('./fail-runs-hooks.mjs', import.meta.url);
