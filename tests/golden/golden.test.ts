/**
 * Outputs pinned: the SHA-256 of each pinned golden case (tests/golden/cases.mjs) must equal
 * tests/golden/baseline.json. A change that alters results — even a deterministic one — fails
 * here, and says which key outcome moved and by how much (stored beside each hash). A deliberate
 * results change bumps the engine version and runs `node scripts/golden.mjs update` in its own
 * commit that says why.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ensureOrganization, loadScenario } from '../../src/scenarios/index.js';
import { createSimulation, simulate } from '../../src/sim/index.js';
// @ts-expect-error plain JS shared with scripts/golden.mjs (no declaration file)
import { goldenCases } from './cases.mjs';
// @ts-expect-error plain JS shared with scripts/golden.mjs (no declaration file)
import { KEY_OUTCOMES, describeMoves, firstDifferenceOfTexts, keyOutcomes } from './outcomes.mjs';

interface GoldenCase {
  name: string;
  pinned: boolean;
  run: () => string;
}

type Outcomes = Record<string, number | null>;
interface Pin extends Outcomes {
  sha256: string;
}

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Record<string, Pin>;
const cases = (goldenCases({ loadScenario, simulate, createSimulation, ensureOrganization }) as GoldenCase[]).filter((c) => c.pinned);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const moves = describeMoves as (pinned: Outcomes, now: Outcomes) => string;
const outcomesOf = keyOutcomes as (text: string) => Outcomes;

describe('golden outputs (pinned)', () => {
  it('pins every case the baseline names, and nothing else', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(baseline).sort());
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const text = c.run();
    const pin = baseline[name]!;
    expect(sha(text), `${name}: ${moves(pin, outcomesOf(text))}`).toBe(pin.sha256);
    // The outcomes stored beside the hash are the run's (a stale baseline would explain wrongly).
    expect(outcomesOf(text)).toEqual(Object.fromEntries((KEY_OUTCOMES as string[]).map((key) => [key, pin[key]])));
    // large-system (100k staff) takes ~25 s alone but over two minutes on a loaded host: a
    // correctness check, not a timing one, so it gets room.
  }, 300_000);

  it('`concentric run --json` prints exactly the pinned output', () => {
    const main = new URL('../../dist/cli/main.js', import.meta.url).pathname;
    const text = execFileSync(process.execPath, [main, 'run', 'foundation', '--seed', '1', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(sha(text)).toBe(baseline['seed=1 ']!.sha256);
  });
});

describe('a golden failure explains itself', () => {
  const run = (seed: number, overrides: string[] = []) =>
    JSON.stringify(simulate(loadScenario('foundation', { overrides }).scenario, seed)) + '\n';

  it('names each key outcome that moved, with before → after and the change', () => {
    const pinned = { finalAdoption: 0.65, sustainedCapacity: 0.2, timeTo50: 29 };
    expect(moves(pinned, { finalAdoption: 0.655, sustainedCapacity: 0.2, timeTo50: 31 })).toBe(
      'finalAdoption 0.65 → 0.655 (+0.005); timeTo50 29 → 31 (+2)',
    );
    expect(moves(pinned, { ...pinned, timeTo50: null })).toBe('timeTo50 29 → never');
    expect(moves(pinned, pinned)).toMatch(/unchanged: the difference is elsewhere/);
  });

  it('on two real runs that differ, names what moved and the first differing field', () => {
    const before = run(1);
    const after = run(1, ['engagement.lengthMonths=6']);
    expect(moves(outcomesOf(before), outcomesOf(after))).toMatch(/→/);
    // the runs agree until the shorter engagements end, then a monthly series parts
    expect(firstDifferenceOfTexts(before, after)).toMatch(/^series\.\w+\[\d+\]$/);
    expect(firstDifferenceOfTexts(before, before)).toBe('');
  });
});
