/**
 * Outputs pinned: the SHA-256 of each pinned golden case (tests/golden/cases.mjs) must equal
 * tests/golden/baseline.json. A change that alters results — even a deterministic one — fails
 * here. A deliberate results change bumps the engine version and runs
 * `node scripts/golden.mjs update` in its own commit that says why.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureOrganization, loadScenario } from '../../src/scenarios/index.js';
import { createSimulation, simulate } from '../../src/sim/index.js';
// @ts-expect-error plain JS shared with scripts/golden.mjs (no declaration file)
import { goldenCases } from './cases.mjs';

interface GoldenCase {
  name: string;
  pinned: boolean;
  run: () => string;
}

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Record<string, string>;
const cases = (goldenCases({ loadScenario, simulate, createSimulation, ensureOrganization }) as GoldenCase[]).filter((c) => c.pinned);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('golden outputs (pinned)', () => {
  it('pins every case the baseline names, and nothing else', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(baseline).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(sha(c.run())).toBe(baseline[c.name]);
  });

  it('`concentric run --json` prints exactly the pinned output', () => {
    const main = new URL('../../dist/cli/main.js', import.meta.url).pathname;
    const text = execFileSync(process.execPath, [main, 'run', 'foundation', '--seed', '1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(sha(text)).toBe(baseline['seed=1 ']);
  });
});
