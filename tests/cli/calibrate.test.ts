/** The survey and calibrate commands as a user meets them: a CSV out, α on stderr, bad data refused with exit 2. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric, ROOT } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concentric-cli-calibrate-'));

describe('survey and calibrate commands', () => {
  it('survey --waves writes wave means and reports Cronbach\'s α on stderr', () => {
    const out = concentric(['survey', 'classroom', '--months', '0,6', '--waves', '--seed', '3']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('month,measure,mean,sd,n');
    expect(out.stdout).toMatch(/^6,applying,[\d.]+,[\d.]+,\d+$/m);
    expect(out.stderr).toMatch(/Cronbach's α.*\n.*α aim/);
  });

  it('calibrate refuses a bad data file with file:line and exit 2, before any simulation', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'month,measure,mean,sd,n\n0,aim,3.1,0.7,100\n60,fim,2.9,0.7,100\n');
    const out = concentric(['calibrate', 'foundation', '--data', bad, '--params', 'isps.relationalSkill', '--out', join(dir, 'cal')]);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe(`concentric: ${bad}:3: month: expected a whole month 0–36 (the scenario's horizon), got "60"\n`);
  });

  it('calibrate --models runs a model choice end to end, and refuses a scenario beside --models or one model', () => {
    const waves = join(dir, 'models-waves.csv');
    expect(concentric(['survey', 'classroom', '--waves', '--months', '0,6', '--set', 'months=6', '--seed', '2', '--out', waves]).status).toBe(0);
    const out = concentric(['calibrate', '--models', 'classroom,hypotheses/capacity', '--set', 'months=6', '--params', 'engagement.pushDecay', '--data', waves, '--particles', '20', '--generations', '2', '--threads', '1', '--quiet', '--out', join(dir, 'choice')]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^classroom: posterior [\d.]+ \(prior 0\.33\)|^hypotheses\/capacity: posterior/m);
    expect(readFileSync(join(dir, 'choice', 'models.csv'), 'utf8').split('\n')[0]).toBe('model,scenario,prior,posterior,bayes_factor_vs_best,particles');
    const both = concentric(['calibrate', 'classroom', '--models', 'classroom,foundation', '--data', waves, '--out', join(dir, 'both')]);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('concentric: --models: expected either a scenario argument or --models, got both (classroom and classroom,foundation)\n');
    const one = concentric(['calibrate', '--models', 'classroom', '--data', waves, '--out', join(dir, 'one')]);
    expect(one.status).toBe(2);
    expect(one.stderr).toBe('concentric: --models: expected two or more comma-separated scenarios, got "classroom"\n');
  });

  it('compare --posterior draws each replicate\'s parameters, in the main runs and in the "Does it hold?" grid alike', () => {
    const cal = join(dir, 'posterior');
    mkdirSync(cal);
    writeFileSync(join(cal, 'posterior.csv'), 'isps.relationalSkill,weight\n0.45,0.5\n0.95,0.5\n');
    const out = join(dir, 'compared');
    const run = concentric(['compare', 'classroom', '--posterior', cal, '--lengths', '6,12', '--reps', '4', '--robustness-reps', '3', '--threads', '1', '--quiet', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const skill = (file: string) => new Map(readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { replicate: number; params: Record<string, number> }).map((r) => [r.replicate, r.params['isps.relationalSkill']]));
    const main = skill(join(out, 'runs.jsonl'));
    expect([...main.values()].every((v) => v === 0.45 || v === 0.95)).toBe(true);
    const grids = readdirSync(join(out, 'robustness'));
    expect(grids.length).toBeGreaterThan(0);
    for (const grid of grids) {
      for (const [replicate, value] of skill(join(out, 'robustness', grid, 'runs.jsonl'))) expect(value).toBe(main.get(replicate));
    }
  });

  it('calibrates an organization read from files on worker threads (each thread loads the files)', () => {
    const waves = join(dir, 'aarhus-waves.csv');
    const scenario = join(ROOT, 'examples/cs-aarhus/cs-aarhus.yaml');
    expect(concentric(['survey', scenario, '--waves', '--months', '0,6,12', '--seed', '3', '--out', waves]).status).toBe(0);
    const out = concentric(['calibrate', scenario, '--data', waves, '--params', 'context.urgency', '--particles', '40', '--generations', '2', '--threads', '2', '--quiet', '--out', join(dir, 'aarhus-cal')]);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^context\.urgency [\d.]+ \(90 % CI [\d.]+–[\d.]+\), (narrowed from 0\.00–1\.00|not identified: no narrower than its prior 0\.00–1\.00's own 90 % interval; .*)$/m);
    expect(readFileSync(join(dir, 'aarhus-cal', 'posterior.csv'), 'utf8').trim().split('\n')).toHaveLength(41);
  });

  it('survey and calibrate refuse an --out they cannot write, in one line with exit 2, before any simulation', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder\n');
    const survey = concentric(['survey', 'classroom', '--waves', '--out', join(blocker, 'waves.csv')]);
    expect(survey.status).toBe(2);
    expect(survey.stderr).toBe(`concentric: --out ${join(blocker, 'waves.csv')}: its folder ${blocker}: expected a writable folder, got an existing file\n`);
    const waves = join(dir, 'ok-waves.csv');
    writeFileSync(waves, 'month,measure,mean,sd,n\n0,aim,3.1,0.7,20\n');
    const calibrate = concentric(['calibrate', 'classroom', '--data', waves, '--params', 'context.urgency', '--out', join(blocker, 'cal')]);
    expect(calibrate.status).toBe(2);
    expect(calibrate.stderr).toBe(`concentric: --out ${join(blocker, 'cal')}: expected a writable folder, got a path through an existing file\n`);
  });

  it('a whole-number field: posterior.csv holds whole numbers that compare --posterior can run; notes a posterior from another scenario', () => {
    const waves = join(dir, 'units-waves.csv');
    expect(concentric(['survey', 'classroom', '--waves', '--months', '0,6', '--set', 'months=6', '--seed', '2', '--out', waves]).status).toBe(0);
    const cal = join(dir, 'units-cal');
    const calibrated = concentric(['calibrate', 'classroom', '--set', 'months=6', '--data', waves, '--params', 'organization.units', '--prior', 'organization.units=4:8', '--particles', '20', '--generations', '2', '--threads', '1', '--quiet', '--out', cal]);
    expect(calibrated.status, calibrated.stderr).toBe(0);
    const values = readFileSync(join(cal, 'posterior.csv'), 'utf8').trim().split('\n').slice(1).map((line) => Number(line.split(',')[0]));
    expect(values.every((v) => Number.isInteger(v) && v >= 4 && v <= 8)).toBe(true);
    // Resuming with another distance names what changed.
    const resumed = concentric(['calibrate', 'classroom', '--set', 'months=6', '--data', waves, '--params', 'organization.units', '--prior', 'organization.units=4:8', '--particles', '20', '--generations', '3', '--distance', 'adaptive', '--resume', '--out', cal]);
    expect(resumed.status).toBe(2);
    expect(resumed.stderr).toMatch(/--resume: .*calibration\.json: expected the same settings as the calibration there, got a different --distance \(regression → adaptive\)\n$/);
    const compared = concentric(['compare', 'foundation', '--set', 'months=6', '--posterior', cal, '--lengths', '6,12', '--reps', '2', '--no-report', '--threads', '1', '--quiet', '--out', join(dir, 'units-compare')]);
    expect(compared.status, compared.stderr).toBe(0);
    expect(compared.stderr).toContain(`concentric: note: --posterior ${cal} was calibrated on scenario "classroom"; this compare runs "foundation"`);
  });

  it('survey --sample 0 is refused: a survey nobody answers', () => {
    const out = concentric(['survey', 'classroom', '--sample', '0', '--waves']);
    expect(out.status).toBe(2);
    expect(out.stderr).toBe('concentric: --sample: expected a share above 0 and at most 1, got "0"\n');
  });
});

describe('a calibration is never lost or stale', () => {
  it('--threads 1: a second calibrate on the same --out is refused while the first runs; Ctrl-C stops the first with exit 130, its last finished generation in posterior.csv and calibration.json alike', async () => {
    const { spawn } = await import('node:child_process');
    const { createHash } = await import('node:crypto');
    const { BIN } = await import('./cli.js');
    const waves = join(dir, 'lifecycle-waves.csv');
    expect(concentric(['survey', 'classroom', '--waves', '--months', '0,6', '--seed', '3', '--out', waves]).status).toBe(0);
    const out = join(dir, 'lifecycle');
    const args = ['calibrate', 'classroom', '--data', waves, '--params', 'context.urgency', '--particles', '60', '--generations', '50', '--threads', '1', '--out', out];
    const first = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stderr = '';
    const done = new Promise<number | null>((resolve) => first.on('close', resolve));
    await new Promise<void>((resolve) => {
      first.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/generation 1 done/.test(stderr)) resolve();
      });
    });
    const second = concentric(args);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/^concentric: .*lifecycle: expected a results folder no other sweep is writing, got one locked by pid \d+/);
    first.kill('SIGINT');
    expect(await done).toBe(130);
    expect(stderr).toMatch(/SIGINT: stopping/);
    const record = JSON.parse(readFileSync(join(out, 'calibration.json'), 'utf8')) as { status: string; generations: unknown[]; posteriorFile: { generation: number; sha256: string } };
    expect(record.status).toBe('stopped');
    expect(record.posteriorFile.generation).toBe(record.generations.length - 1);
    expect(createHash('sha256').update(readFileSync(join(out, 'posterior.csv'))).digest('hex')).toBe(record.posteriorFile.sha256);
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toMatch(/^# Calibration of classroom/);
  }, 120_000);
});
