/** `concentric demo` from the outside: it needs a terminal, and says what to use instead. */
import { describe, expect, it } from 'vitest';
import { concentric } from '../cli/cli.js';

describe('concentric demo without a terminal', () => {
  it('exits 2 with one line pointing to `concentric run`', () => {
    const out = concentric(['demo', 'classroom', '--seed', '3']);
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'concentric: demo: stdout is not a terminal; the demo is interactive — for a batch run use `concentric run classroom --seed 3`\n',
    );
  });

  it('checks its input first: --compare needs two lengths, the scenario must exist', () => {
    for (const [args, message] of [
      [['demo', '--compare', '6'], /--compare: expected two different engagement lengths in months \(e\.g\. 6,18\), got "6"/],
      [['demo', 'clasroom'], /unknown built-in scenario "clasroom" \(did you mean "classroom"\?\)/],
    ] as const) {
      const out = concentric(args);
      expect(out.status, args.join(' ')).toBe(2);
      expect(out.stderr.trim().split('\n'), out.stderr).toHaveLength(1);
      expect(out.stderr).toMatch(message);
    }
  });

  it('--help explains the keys with examples', () => {
    const out = concentric(['demo', '--help']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('concentric demo classroom --compare 6,18');
    expect(out.stdout).toContain('space pause/resume');
  });
});
