/**
 * Runs many simulations in a plain Node process on the built engine (dist/) and returns their
 * RunResults. Inside vitest every call to an imported function goes through the module runner's
 * namespace objects, which stops V8 from inlining the mechanisms: the weekly loop runs ~3× slower
 * there than in Node. Statistical tests that need hundreds of runs use this instead; the
 * global setup builds dist/ first, so these test the current code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../../src/sim/index.js';

const DIST = new URL('../../dist/', import.meta.url).href;

export function runsInBuiltEngine(ref: string, overrides: readonly string[], seeds: readonly number[]): RunResult[] {
  const program = `
    import { loadScenario } from '${DIST}scenarios/index.js';
    import { simulate } from '${DIST}sim/index.js';
    const [ref, overrides, seeds] = JSON.parse(process.argv[1]);
    const { scenario } = loadScenario(ref, { overrides });
    process.stdout.write(JSON.stringify(seeds.map((seed) => simulate(scenario, seed))));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', program, JSON.stringify([ref, overrides, seeds])], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`built engine failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as RunResult[];
}
