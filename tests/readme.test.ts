/**
 * The README's examples cannot rot: its code blocks are parsed, the YAML files it shows
 * (`# name.yaml` on their first line) are written to a scratch folder, and every
 * `npx concentric …` line is run there in order, at small sizes (fewer replicates, particles,
 * trajectories; no robustness grid). Only the demo is skipped: it needs an interactive terminal.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric, ROOT } from './cli/cli.js';

interface Block {
  readonly info: string;
  readonly lines: readonly string[];
  readonly startLine: number;
}

/** Fenced code blocks; throws when a fence is opened inside a block or never closed. */
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: { info: string; lines: string[]; startLine: number } | undefined;
  markdown.split('\n').forEach((line, index) => {
    const fence = /^```(.*)$/.exec(line);
    if (!fence) {
      open?.lines.push(line);
      return;
    }
    const info = fence[1]!.trim();
    if (open === undefined) open = { info, lines: [], startLine: index + 1 };
    else if (info === '') {
      blocks.push(open);
      open = undefined;
    } else {
      throw new Error(`README.md:${index + 1}: a fence opens (\`\`\`${info}) inside the block opened at line ${open.startLine}`);
    }
  });
  if (open !== undefined) throw new Error(`README.md:${open.startLine}: the block opened here never closes`);
  return blocks;
}

/** Split a shell line into words: double and single quotes, and a trailing `# comment`. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (const char of line) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) {
      break;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** `--name value` set to `value` (replaced when present, appended when not). */
function withOption(args: readonly string[], name: string, value: string): string[] {
  const at = args.indexOf(name);
  if (at < 0) return [...args, name, value];
  const out = [...args];
  out[at + 1] = value;
  return out;
}

/** The same command at a size a test can afford; the outputs' shape stays the README's. */
const SMALL: Record<string, (args: string[]) => string[]> = {
  compare: (args) => [...withOption(args, '--reps', '3'), '--no-robustness'],
  sensitivity: (args) => [...withOption(withOption(withOption(args, '--n', '2'), '--reps', '1'), '--resamples', '50'), '--no-difference'],
  staffing: (args) => withOption(args, '--reps', '3'),
  calibrate: (args) => withOption(withOption(args, '--particles', '60'), '--generations', '2'),
  // --serve would serve until stopped; writing the page is what the line shows.
  explore: (args) => withOption(args.filter((arg) => arg !== '--serve'), '--runs', '4'),
};

const SKIP: Record<string, string> = { demo: 'needs an interactive terminal (tests/tui covers it)' };

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README.md', () => {
  it('closes every code fence it opens', () => {
    expect(() => codeBlocks(readme)).not.toThrow();
    expect(() => codeBlocks('```sh\nnpx concentric run\n**Bold.**\n```sh\n')).toThrow(/inside the block opened at line 1/);
  });

  it('links each document once in its Documentation list', () => {
    const section = readme.split('## Documentation')[1]!.split('\n## ')[0]!;
    const links = [...section.matchAll(/\]\((docs\/[^)]+)\)/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(5);
    expect(new Set(links).size).toBe(links.length);
  });

  it('names every folder of src/ in its Layout', () => {
    const layout = readme.split('## Layout')[1]!.split('\n## ')[0]!;
    // every folder there is, so a new one cannot be left out
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(folders).toContain('validation');
    for (const folder of folders) {
      expect(layout, folder).toMatch(new RegExp(`^src/${folder}/`, 'm'));
    }
  });
});

describe('README.md examples run', () => {
  const blocks = codeBlocks(readme);
  const scratch = mkdtempSync(join(tmpdir(), 'concentric-readme-'));
  for (const block of blocks) {
    const name = /^# (\S+\.ya?ml)\b/.exec(block.lines[0] ?? '')?.[1];
    if (block.info === 'yaml' && name !== undefined) {
      // The README's sweep is sized for a reader; two replicates make the same folder shapes.
      writeFileSync(join(scratch, name), block.lines.join('\n').replace(/^replicates: \d+/m, 'replicates: 2'));
    }
  }
  const commands = blocks
    .filter((block) => block.info === 'sh')
    .flatMap((block) => block.lines.filter((line) => line.startsWith('npx concentric ')));

  it('has examples to run', () => expect(commands.length).toBeGreaterThan(20));

  for (const line of commands) {
    const [command, ...rest] = shellWords(line).slice(2);
    const skip = SKIP[command!];
    it.skipIf(skip !== undefined)(line, { timeout: 180_000 }, () => {
      const args = (SMALL[command!] ?? ((a: string[]) => a))(rest);
      const result = concentric([command!, ...args], { cwd: scratch });
      expect(result.status, `${command} ${args.join(' ')}\n${result.stderr}`).toBe(0);
    });
  }
});
