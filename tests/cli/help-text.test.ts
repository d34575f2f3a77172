import { describe, expect, it } from 'vitest';
import { wrapHelpText } from '../../src/cli/help-text.js';
import { commandModules } from '../../src/cli/commands.js';
import { concentric } from './cli.js';

const width = (line: string): number => [...line].length;

describe('wrapHelpText', () => {
  it('joins the source lines of a paragraph and wraps at word boundaries', () => {
    const text = 'staff as glyphs on rings around the first-engaged\nunits, coloured by stage.';
    expect(wrapHelpText(text, 40)).toBe('staff as glyphs on rings around the\nfirst-engaged units, coloured by stage.');
  });

  it('keeps paragraphs and list items; an item wraps under itself', () => {
    const text = 'Intro line\none.\n\n  --where x: each run is a case\n    of interest when it holds.\n  --other: b\nAfter.';
    expect(wrapHelpText(text, 40)).toBe(
      'Intro line one.\n\n  --where x: each run is a case of\n    interest when it holds.\n  --other: b\nAfter.',
    );
  });

  it('never breaks inside a word, even when a word is longer than the width', () => {
    const long = 'x'.repeat(50);
    expect(wrapHelpText(`a ${long} b`, 40)).toBe(`a\n${long}\nb`);
  });
});

describe('--help descriptions', () => {
  const commands = commandModules.flatMap((module) => module.names);
  it.each(commands)('%s: lines fit 80 columns and each line is as full as its next word allows', (command) => {
    const out = concentric([command, '--help']);
    expect(out.status).toBe(0);
    const description = out.stdout.split('\n\n')[1] ?? '';
    const lines = description.split('\n');
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(80);
    for (let i = 0; i + 1 < lines.length; i++) {
      const next = lines[i + 1]!;
      // A following line at the same margin continues the sentence: its first word did not fit.
      if (next.startsWith(' ') || lines[i]!.startsWith(' ')) continue;
      const firstWord = next.split(' ')[0]!;
      expect(width(lines[i]!) + 1 + width(firstWord), `${lines[i]} | ${firstWord}`).toBeGreaterThan(80);
    }
  });
});
