/**
 * A full disk mid-sweep, through the in-process seam (SweepOptions.write): the error names the
 * file and the runs kept, nothing finished is lost, and --resume finishes byte-identical. A full
 * disk during the final sort leaves the log whole (every run, unsorted) and says so.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFailureMessage } from '../../src/cli/execution.js';
import { runSweep } from '../../src/sweep/execute.js';
import { WriteFailure, writeBytes, type WriteBytes } from '../../src/sweep/files.js';
import { createManifest, RUNS_FILE } from '../../src/sweep/manifest.js';
import { compareSweep } from '../../src/sweep/presets.js';

function manifest() {
  const { spec, scenario } = compareSweep({ scenario: 'foundation', overrides: ['months=3', 'organization.staff=40', 'organization.units=4'], lengths: [3, 6], replicates: 4, seed: 3 });
  return createManifest(spec, scenario, null);
}

/** Writes normally until `budget` bytes have gone, then behaves like a full disk (a short write, then ENOSPC). */
function diskOf(budget: number): WriteBytes {
  let left = budget;
  return (fd, bytes) => {
    if (left <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const part = bytes.length <= left ? bytes : bytes.subarray(0, left);
    left -= part.length;
    return writeBytes(fd, part);
  };
}

const folder = () => mkdtempSync(join(tmpdir(), 'concentric-full-'));

describe('a full disk', () => {
  it('mid-sweep: names the file and the runs kept; --resume finishes byte-identical', async () => {
    const whole = folder();
    await runSweep({ dir: whole, manifest: manifest(), threads: 1, batchSize: 2 });
    const expected = readFileSync(join(whole, RUNS_FILE));
    const lines = expected.toString().split('\n');
    const twoBatches = Buffer.byteLength(lines.slice(0, 4).join('\n') + '\n');

    const dir = folder();
    // Room for two batches of two runs and half a line of the third.
    const failure = await runSweep({ dir, manifest: manifest(), threads: 1, batchSize: 2, write: diskOf(twoBatches + 100) }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WriteFailure);
    expect(failure).toMatchObject({ path: join(dir, RUNS_FILE), code: 'ENOSPC', phase: 'runs', kept: 4, total: 8 });
    expect(writeFailureMessage(failure as WriteFailure, 'concentric compare --resume')).toBe(
      `${join(dir, RUNS_FILE)}: disk full (ENOSPC) while writing finished runs; 4 of 8 runs are kept in ${join(dir, RUNS_FILE)}; free space, then finish with: concentric compare --resume`,
    );
    // The kept runs are whole lines on disk (plus the torn start of the next).
    expect(readFileSync(join(dir, RUNS_FILE)).subarray(0, twoBatches).equals(expected.subarray(0, twoBatches))).toBe(true);

    const resumed = await runSweep({ dir, manifest: manifest(), threads: 1, batchSize: 2, resume: true });
    expect(resumed).toMatchObject({ resumed: 4, ran: 4, ok: 8 });
    expect(resumed.repairedBytes).toBe(100);
    expect(readFileSync(join(dir, RUNS_FILE)).equals(expected)).toBe(true);
  });

  it('during the final sort: the log stays whole (every run, unsorted), no temporary file is left, and the message says so', async () => {
    const dir = folder();
    await runSweep({ dir, manifest: manifest(), threads: 1 });
    const sorted = readFileSync(join(dir, RUNS_FILE), 'utf8');
    const lines = sorted.trimEnd().split('\n');
    const shuffled = [...lines.slice(4), ...lines.slice(0, 4)].join('\n') + '\n'; // as workers finish out of order
    writeFileSync(join(dir, RUNS_FILE), shuffled);

    const failure = await runSweep({ dir, manifest: manifest(), threads: 1, resume: true, write: diskOf(0) }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ENOSPC', phase: 'sort', kept: 8 });
    expect(readFileSync(join(dir, RUNS_FILE), 'utf8')).toBe(shuffled);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(writeFailureMessage(failure as WriteFailure, 'concentric compare --resume')).toMatch(
      /disk full \(ENOSPC\) while sorting it by run id \(the sort needs as much free space again as the file\); all 8 runs are kept there, unsorted; free space, then sort it with: concentric compare --resume$/,
    );
    expect(existsSync(join(dir, '.concentric.lock'))).toBe(false); // the lock went with the failure

    await runSweep({ dir, manifest: manifest(), threads: 1, resume: true });
    expect(readFileSync(join(dir, RUNS_FILE), 'utf8')).toBe(sorted);
  });
});
