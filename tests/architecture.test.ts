/**
 * The layering of docs/ARCHITECTURE.md, checked on every import in src/ (static and dynamic).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

const ALLOWED: Record<string, readonly string[]> = {
  agents: [],
  scenarios: [],
  stats: [],
  sim: ['agents', 'scenarios'],
  sweep: ['sim', 'scenarios', 'stats'],
  discover: ['sweep', 'scenarios'],
  report: ['sweep', 'scenarios', 'sim', 'discover', 'stats'],
  tui: ['sim', 'scenarios'],
  validation: ['sim', 'scenarios', 'report', 'sweep', 'stats'],
  cli: ['tui', 'report', 'sweep', 'scenarios', 'sim', 'discover'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(SRC, path).split(sep)[0];
}

describe('architecture', () => {
  const edges: { from: string; to: string; file: string }[] = [];
  for (const file of files(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = resolve(dirname(file), match[1]);
      if (!target.startsWith(SRC)) continue;
      const from = layerOf(file);
      const to = layerOf(target);
      if (from !== to) edges.push({ from, to, file: relative(SRC, file) });
    }
  }

  it('finds the layers it checks', () => {
    expect(new Set(edges.map((e) => e.from))).toEqual(new Set(['sim', 'sweep', 'discover', 'report', 'tui', 'validation', 'cli']));
  });

  it('every import points down the layering, and nothing imports src/cli', () => {
    const violations = edges.filter((e) => !(ALLOWED[e.from] ?? []).includes(e.to)).map((e) => `${e.file} → ${e.to}`);
    expect(violations).toEqual([]);
  });
});
