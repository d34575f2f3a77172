import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerDiscover } from '../../src/cli/discover.js';
import { createManifest, loadSweepFile, runSweep } from '../../src/sweep/index.js';
import { concentric } from './cli.js';

const root = mkdtempSync(join(tmpdir(), 'concentric-cli-discover-'));
const results = join(root, 'results');

describe('concentric discover', () => {
  beforeAll(async () => {
    // A tiny real sweep (in this process: the command under test is discover, not sweep):
    // 2 lengths × 3 ISP counts × 3 replicates of the classroom, 12 months.
    const file = join(root, 'tiny.yaml');
    writeFileSync(file, ['name: tiny', 'scenario: classroom', 'set: { months: 12 }', 'factors:', '  engagement.lengthMonths: [6, 12]', '  isps.count: [1, 2, 3]', 'replicates: 3', 'seed: 3', ''].join('\n'));
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
