import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalize, createRunIndex, indexRuns, readRuns, STATUS_FAILED, STATUS_OK } from '../../src/sweep/runs-file.js';

const line = (id: number, status = 'ok', extra = '') =>
  `{"id":${id},"point":0,"replicate":${id},"seed":${id * 7},"status":"${status}","params":{}${extra}}\n`;

describe('runs.jsonl', () => {
  it('canonicalize sorts by id, keeps the last line of an id, and cuts a torn last line', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'concentric-runs-')), 'runs.jsonl');
    writeFileSync(path, line(3) + line(0) + line(2, 'failed', ',"error":"x"') + line(1) + line(2, 'ok', ',"summary":{}'));
    appendFileSync(path, '{"id":4,"point":0,"repl');
    const index = canonicalize(path, 5);
    expect(readFileSync(path, 'utf8')).toBe(line(0) + line(1) + line(2, 'ok', ',"summary":{}') + line(3));
    expect(Array.from(index.status)).toEqual([STATUS_OK, STATUS_OK, STATUS_OK, STATUS_OK, 0]);
    expect(index.canonical).toBe(true);
    const text = readFileSync(path);
    for (const id of [0, 1, 2, 3]) {
      expect(text.subarray(index.offset[id], index.offset[id] + index.length[id]).toString()).toMatch(new RegExp(`^\\{"id":${id},.*\\n$`));
    }
  });

  it('leaves a canonical file untouched and indexes failures', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'concentric-runs-')), 'runs.jsonl');
    const text = line(0) + line(1, 'failed', ',"error":"boom"');
    writeFileSync(path, text);
    const index = createRunIndex(2);
    expect(indexRuns(path, index)).toBe(0);
    expect(index.canonical).toBe(true);
    expect(index.status[1]).toBe(STATUS_FAILED);
    canonicalize(path, 2);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('refuses a line that is not a run of this sweep', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'concentric-runs-')), 'runs.jsonl');
    writeFileSync(path, line(0) + line(9));
    expect(() => indexRuns(path, createRunIndex(3))).toThrow(/runs\.jsonl:2: expected a run record of this sweep, got run id 9/);
    writeFileSync(path, 'hello\n');
    expect(() => indexRuns(path, createRunIndex(3))).toThrow(/runs\.jsonl:1: expected a run record/);
  });

  it('readRuns skips a torn last line but refuses a damaged line in the middle (export and report alike)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'concentric-runs-')), 'runs.jsonl');
    const read = async () => {
      const ids: number[] = [];
      for await (const record of readRuns(path)) ids.push(record.id);
      return ids;
    };
    writeFileSync(path, line(0) + line(1) + '{"id":2,"point":0,"repl');
    expect(await read()).toEqual([0, 1]);
    writeFileSync(path, line(0) + '{"id":1,"point":0,"repl\n' + line(2));
    await expect(read()).rejects.toThrow(`${path}:2: expected a whole run record (JSON) on every line but the last, got a damaged line "{\\"id\\":1,\\"point\\":0,\\"repl"`);
  });
});

