import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { usableThreads } from '../../src/cli/execution.js';
import { checkOutFile, checkOutFolder } from '../../src/cli/out-folder.js';
import { concentric } from './cli.js';

const folder = () => mkdtempSync(join(tmpdir(), 'concentric-out-'));

describe('--out is checked before any run', () => {
  it('refuses an existing file, a device, and a path through a file; makes a missing folder', () => {
    const dir = folder();
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    expect(() => checkOutFolder(file)).toThrow(`--out ${file}: expected a writable folder, got an existing file`);
    expect(() => checkOutFolder('/dev/null')).toThrow('--out /dev/null: expected a writable folder, got a character device');
    expect(() => checkOutFolder(join(file, 'sub'))).toThrow(`--out ${join(file, 'sub')}: expected a writable folder, got a path through an existing file`);
    checkOutFolder(join(dir, 'new', 'deeper'));
    expect(() => checkOutFile('/dev/null')).toThrow('--out /dev/null: expected a file to write, got a character device');
    expect(() => checkOutFile(dir)).toThrow(`--out ${dir}: expected a file to write, got a folder`);
    checkOutFile(join(dir, 'run.json'));
  });

  it('through the binary: compare and run refuse with exit 2 and one line, before any run', () => {
    const dir = folder();
    const file = join(dir, 'taken');
    writeFileSync(file, 'x');
    const compare = concentric(['compare', '--reps', '2', '--lengths', '6', '--out', file, '--threads', '1']);
    expect({ status: compare.status, stderr: compare.stderr, stdout: compare.stdout }).toEqual({
      status: 2,
      stderr: `concentric: --out ${file}: expected a writable folder, got an existing file\n`,
      stdout: '',
    });
    const run = concentric(['run', '--json', '--out', '/dev/null']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: 'concentric: --out /dev/null: expected a file to write, got a character device\n' });
  });
});

describe('--threads', () => {
  it('is capped at the cores, with one warning per process', () => {
    const warnings: string[] = [];
    const warn = (text: string) => warnings.push(text);
    expect(usableThreads(2, 4, warn)).toBe(2);
    expect(usableThreads(999, 4, warn)).toBe(4);
    expect(usableThreads(999, 4, warn)).toBe(4);
    expect(warnings).toEqual(['concentric: --threads 999: this machine has 4 cores; using 4 threads\n']);
  });
});
