/**
 * The study's qualitative patterns (MODEL-GROUNDING "Validation targets") in the default
 * foundation scenario, each with its knock-out (Revisions 5), at a small scale: the measurements,
 * criteria and knock-outs are those of the validation suite (src/validation/study-patterns.ts),
 * which runs them on 200 seeds. Both directions are checked: the pattern holds with its mechanism
 * and fails with it knocked out — except pattern 5, which is reported as by construction.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KNOWN_BY_CONSTRUCTION } from '../../src/validation/study-patterns.js';

const DIST = new URL('../../dist/', import.meta.url).href;

interface Judged {
  readonly verdicts: { pattern: number; holds: boolean; knockout: { holds: boolean }; byConstruction: boolean }[];
  readonly affectLeads: boolean;
}

/**
 * Every pattern judged, with and without its knock-out, in one plain Node process on the built
 * engine (inside vitest the weekly loop runs ~3× slower; see tests/support/built-engine.ts).
 */
function judgeInBuiltEngine(seeds: number): Judged {
  const program = `
    import { judgePattern, patternContext, PATTERNS } from '${DIST}validation/study-patterns.js';
    import { affectLeads, affectTrustReadiness } from '${DIST}validation/length-hypotheses.js';
    const context = patternContext('fast', ${seeds});
    const verdicts = PATTERNS.map((p) => judgePattern(context, p));
    process.stdout.write(JSON.stringify({ verdicts, affectLeads: affectLeads(affectTrustReadiness(context.runs([]))) }));
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`built engine failed (${child.status}): ${child.stderr}`);
  return JSON.parse(child.stdout) as Judged;
}

describe('study patterns and their knock-outs (foundation, 20 seeds)', () => {
  const judged = judgeInBuiltEngine(20);
  const verdict = (n: number) => judged.verdicts.find((v) => v.pattern === n)!;

  it.each([1, 2, 3, 4])('pattern %i holds with its mechanism and fails with it knocked out', (n) => {
    expect(verdict(n).holds).toBe(true);
    expect(verdict(n).knockout.holds).toBe(false);
    expect(verdict(n).byConstruction).toBe(false);
  });

  it('pattern 5 holds with the low-stakes bonus off too: reported by construction, not validated', () => {
    expect(verdict(5).holds).toBe(true);
    expect(verdict(5).byConstruction).toBe(true);
    expect(KNOWN_BY_CONSTRUCTION).toEqual([5]);
  });

  it('V2: affect reaches half its rise before trust, trust before A/P/F', () => {
    expect(judged.affectLeads).toBe(true);
  });
});
