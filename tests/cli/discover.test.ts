import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDiscover } from '../../src/cli/discover.js';
import { reportFailure } from '../../src/cli/errors.js';
import { createManifest, loadSweepFile, runSweep } from '../../src/sweep/index.js';
import { concentric } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'concentric-cli-discover-'));
const results = join(root, 'results');

describe('concentric discover', () => {
  beforeAll(async () => {
    // A tiny real sweep (in this process: the command under test is discover, not sweep):
    // 2 lengths × 3 ISP counts × 3 replicates of the classroom, 12 months.
    const file = join(root, 'tiny.yaml');
    writeFileSync(file, ['name: tiny', 'scenario: classroom', 'set: { months: 12 }', 'factors:', '  engagement.lengthMonths: [6, 12]', '  isps.count: [2, 3, 4]', 'replicates: 3', 'seed: 3', ''].join('\n'));
    const { spec, scenario } = loadSweepFile(file);
    const outcome = await runSweep({ dir: results, manifest: createManifest(spec, scenario, null), threads: 1 });
    expect(outcome.ok).toBe(18);
  });

  it('writes discover.json, summary.md, index.html and the charts into <results-dir>/discover', () => {
    const result = concentric(['discover', results, '--contrast', 'engagement.lengthMonths=12:6', '--outcome', 'finalAdoption', '--above', '0']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe(''); // no chart warnings
    expect(result.stdout).toMatch(/^engagement\.lengthMonths 12 gives higher finalAdoption than 6 (when|in)/m);
    const out = join(results, 'discover');
    for (const file of ['discover.json', 'summary.md', 'index.html', 'charts/discover-trajectory.svg']) expect(existsSync(join(out, file)), file).toBe(true);
    const json = JSON.parse(readFileSync(join(out, 'discover.json'), 'utf8'));
    expect(json.provenance).toMatchObject({ tool: 'concentric', command: 'discover', masterSeed: 3 });
    expect(json.question).toMatchObject({ kind: 'contrast', field: 'engagement.lengthMonths', value: '12', reference: '6', outcome: 'finalAdoption' });
    expect(json.cases).toMatchObject({ total: 9, train: 5, test: 4 });
    expect(json.boxes[0]).toHaveProperty('test.density');
    expect(json.boxes[0].trajectory[0]).toMatchObject({ step: 0, mass: 1, dimensions: 0 });
    const summary = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('# When does it hold? engagement.lengthMonths 12 gives higher finalAdoption than 6');
    expect(summary).toContain('held-out half');
    // the sweep itself is untouched
    expect(existsSync(join(results, 'summary.md'))).toBe(false);
  });

  it('bad input: one line naming the manifest, exit 2, nothing written', () => {
    const out = join(root, 'bad');
    const result = concentric(['discover', results, '--contrast', 'engagement.lengthMonths=24:12', '--outcome', 'finalAdoption', '--above', '0', '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`concentric: --contrast: engagement.lengthMonths=24: expected one of the values in ${join(results, 'manifest.json')} (6, 12), got 24\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('each kind of bad input: exit 2 and one line naming the flag or the manifest (in process, as main.ts ends)', async () => {
    const manifest = join(results, 'manifest.json');
    const cases: [string[], string][] = [
      [['--contrast', 'engagement.lenghtMonths=12:6', '--outcome', 'finalAdoption', '--above', '0'], 'concentric: --contrast: engagement.lenghtMonths: unknown field (did you mean "engagement.lengthMonths"?)'],
      [['--contrast', 'engagement.lengthMonths=18:6', '--outcome', 'finalAdoption', '--above', '0'], `concentric: --contrast: engagement.lengthMonths=18: expected one of the values in ${manifest} (6, 12), got 18`],
      [['--contrast', 'organization.units=20:6', '--outcome', 'finalAdoption', '--above', '0'], `concentric: ${manifest}: sweep.factors: expected organization.units among the swept factors (engagement.lengthMonths, isps.count), got no such factor`],
      [['--contrast', 'engagement.lengthMonths=12:6', '--outcome', 'adoption', '--above', '0'], 'concentric: --outcome: unknown outcome ('],
      [['--where', 'finalAdoption = 0.6'], 'concentric: --where: expected "<outcome> <op> <number>"'],
      [['--where', 'finalAdoption > 0.6', '--mass-min', '2'], 'concentric: --mass-min: expected a number between 0.001 and 0.9, got "2"'],
    ];
    for (const [args, start] of cases) {
      const program = new Command('concentric').exitOverride();
      registerDiscover(program);
      for (const command of program.commands) command.exitOverride();
      let stderr = '';
      const write = process.stderr.write;
      process.stderr.write = ((text: string) => ((stderr += text), true)) as typeof process.stderr.write;
      let code = 0;
      try {
        await program.parseAsync(['node', 'concentric', 'discover', results, ...args, '--out', join(root, 'never')]);
      } catch (error) {
        code = reportFailure(error);
      } finally {
        process.stderr.write = write;
      }
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.startsWith(start), stderr).toBe(true);
      expect(stderr.split('\n')).toHaveLength(2); // one line
    }
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('--help has an example', () => {
    const program = new Command('concentric');
    registerDiscover(program);
    let help = '';
    const command = program.commands.find((c) => c.name() === 'discover')!;
    command.configureOutput({ writeOut: (text) => (help += text) });
    command.outputHelp();
    expect(help).toContain('Examples:\n  concentric discover results/lengths-isps --contrast engagement.lengthMonths=24:12');
  });
});
