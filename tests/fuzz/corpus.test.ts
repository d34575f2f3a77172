/**
 * Every bad file of the corpus (tests/fuzz/corpus.ts) gets exit 2 and one located line: in-process
 * through the same functions the CLI calls (`validate`'s validateScenarioFile; `sweep`'s
 * loadSweepFile + checkSweepPlan), with a time and memory bound per case; and the cases that could
 * hang or exhaust memory if a guard broke (pipes, /dev/zero, alias bombs, huge designs) through the
 * binary too, under a timeout and a heap cap.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSweepPlan } from '../../src/cli/execution.js';
import { validateScenarioFile } from '../../src/cli/library.js';
import { isInputError } from '../../src/scenarios/index.js';
import { loadSweepFile } from '../../src/sweep/index.js';
import { BIN } from '../cli/cli.js';
import { CASES, entryOf, writeCorpus, type FuzzCase } from './corpus.js';

const CASE_MS = 2_000;
/** Generous: on a shared, loaded machine a start of the binary has taken 4 s; a hang takes for ever. */
const SPAWN_MS = 45_000;

let root: string;
let skipped: Set<string>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'concentric-fuzz-'));
  skipped = writeCorpus(root);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What the CLI would do with the case, short of printing: exit code and message. */
function inProcess(fuzz: FuzzCase): { code: number; message: string } {
  const path = join(root, fuzz.name, entryOf(fuzz));
  try {
    if (fuzz.kind === 'scenario') validateScenarioFile(path);
    else {
      const { spec, scenario } = loadSweepFile(path);
      checkSweepPlan(spec, scenario, 2);
    }
    return { code: 0, message: '' };
  } catch (error) {
    if (isInputError(error)) return { code: 2, message: error.message };
    return { code: 1, message: `internal error: ${error instanceof Error ? error.stack : String(error)}` };
  }
}

describe('fuzz corpus', () => {
  it('holds at least 60 bad scenario and sweep files', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(CASES.filter((c) => c.kind === 'sweep').length).toBeGreaterThanOrEqual(20);
  });

  it('every case: exit 2, one located line, no internal error or stack, within time and memory', () => {
    const rssBefore = process.memoryUsage().rss;
    const failures: string[] = [];
    for (const fuzz of CASES) {
      if (skipped.has(fuzz.name)) continue;
      const started = performance.now();
      const { code, message } = inProcess(fuzz);
      const ms = performance.now() - started;
      const problems = [
        code !== (fuzz.code ?? 2) && `exit ${code}`,
        message.includes('\n') && 'more than one line',
        /internal error|\n\s+at /.test(message) && 'internal error or stack',
        !fuzz.message.test(message) && `message does not match ${fuzz.message}`,
        ms > CASE_MS && `took ${ms.toFixed(0)} ms`,
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`${fuzz.name}: ${problems.join(', ')}: ${JSON.stringify(message.slice(0, 300))}`);
    }
    expect(failures).toEqual([]);
    // Nothing was read or built whole: no case grew the process by more than a few file buffers.
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(300 * 1024 * 1024);
  });

  it('the cases that could hang or blow up memory also fail cleanly through the binary', async () => {
    const risky = CASES.filter((c) => c.spawn && !skipped.has(c.name));
    expect(risky.length).toBeGreaterThanOrEqual(6);
    const results = await Promise.all(
      risky.map(
        (fuzz) =>
          new Promise<{ fuzz: FuzzCase; code: number | null; stderr: string; stdout: string }>((resolve) => {
            const folder = join(root, fuzz.name);
            const args = fuzz.kind === 'scenario' ? ['validate', join(folder, entryOf(fuzz))] : ['sweep', join(folder, entryOf(fuzz)), '--out', join(folder, 'out'), '--threads', '1'];
            // A small heap: a guard that broke would crash (exit ≠ 2) instead of passing slowly.
            const child = spawn(process.execPath, ['--max-old-space-size=256', BIN, ...args], { cwd: folder, timeout: SPAWN_MS, stdio: ['ignore', 'pipe', 'pipe'] });
            let stderr = '';
            let stdout = '';
            child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
            child.on('close', (code) => resolve({ fuzz, code, stderr, stdout }));
          }),
      ),
    );
    for (const { fuzz, code, stderr, stdout } of results) {
      expect({ name: fuzz.name, code, stdout }).toEqual({ name: fuzz.name, code: 2, stdout: '' });
      expect(stderr).toMatch(/^concentric: [^\n]+\n$/);
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
      expect(stderr.slice('concentric: '.length, -1)).toMatch(fuzz.message);
    }
  }, 120_000);
});
