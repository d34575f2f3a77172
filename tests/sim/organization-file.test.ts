/**
 * Runs on a real organization (CS-Aarhus, examples/cs-aarhus): rings on its network, determinism,
 * "where first?", attributes the file gives, and a tiny compare through the sweep and report.
 */
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganization, loadScenario, setOrganizationNotes, type Scenario } from '../../src/scenarios/index.js';
import { createSimulation, simulate } from '../../src/sim/index.js';
import { tiesLeavingUnits } from '../../src/sim/first-units.js';
import { runSweep } from '../../src/sweep/execute.js';
import { createManifest } from '../../src/sweep/manifest.js';
import { compareSweep } from '../../src/sweep/presets.js';
import { analyseDirectory } from '../../src/report/index.js';

const AARHUS = 'examples/cs-aarhus/cs-aarhus.yaml';
beforeAll(() => setOrganizationNotes(() => undefined));

function aarhus(...overrides: string[]): Scenario {
  return loadScenario(AARHUS, { overrides: ['months=12', ...overrides] }).scenario;
}

/** The run's inputs as every entry point hands them: the scenario's loaded organization. */
const loaded = (scenario: Scenario) => ({ organization: ensureOrganization(scenario) });

/** Breadth-first distances on the organization's ties from the members of `units`. */
function distances(offsets: Int32Array, neighbors: Int32Array, unitOf: Int32Array, units: readonly number[]): number[] {
  const distance = Array.from(unitOf, (u) => (units.includes(u) ? 0 : -1));
  const queue = distance.flatMap((d, i) => (d === 0 ? [i] : []));
  for (let head = 0; head < queue.length; head++) {
    const i = queue[head];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = neighbors[k];
      if (distance[j] < 0) {
        distance[j] = distance[i] + 1;
        queue.push(j);
      }
    }
  }
  const farthest = Math.max(...distance);
  return distance.map((d) => (d < 0 ? farthest + 1 : d));
}

describe('a run on CS-Aarhus', () => {
  it('rings are distances on the real network from the first-engaged units', () => {
    const simulation = createSimulation(aarhus(), 3, loaded(aarhus()));
    const { organization: org, ring } = simulation.view;
    expect(org.staff).toBe(61);
    expect(org.file?.facts.ties).toBe(194);
    const first = [...new Set(Array.from(org.unitOf).filter((_, i) => ring[i] === 0))];
    expect(first).toHaveLength(1);
    expect(Array.from(ring)).toEqual(distances(org.offsets, org.neighbors, org.unitOf, first));
    expect(Math.max(...ring)).toBeGreaterThanOrEqual(3);
  });

  it('same files + seed ⇒ byte-identical; another seed differs', () => {
    const a = JSON.stringify(simulate(aarhus(), 11, loaded(aarhus())));
    expect(JSON.stringify(simulate(aarhus(), 11, loaded(aarhus())))).toBe(a);
    expect(JSON.stringify(simulate(aarhus(), 12, loaded(aarhus())))).not.toBe(a);
  });

  it('the run takes its organization from the caller: none, or one from other files, is an error', () => {
    expect(() => simulate(aarhus(), 11)).toThrow(/organization\.network: file: the loaded organization was not handed to the run/);
    const dir = mkdtempSync(join(tmpdir(), 'concentric-org-'));
    writeFileSync(join(dir, 'people.csv'), 'id\na\nb\nc\n');
    writeFileSync(join(dir, 'ties.csv'), 'from,to\na,b\nb,c\n');
    writeFileSync(join(dir, 'org.yaml'), 'extends: classroom\norganization: { network: file, people: people.csv, ties: ties.csv }\n');
    const other = loadScenario(join(dir, 'org.yaml')).scenario;
    expect(() => createSimulation(aarhus(), 11, loaded(other))).toThrow(/handed to the run was loaded from other files/);
  });

  it('where first: largest, most-connected and names pick those units', () => {
    const ringZeroUnits = (scenario: Scenario) => {
      const { organization: org, ring } = createSimulation(scenario, 1, loaded(scenario)).view;
      return { org, units: [...new Set(Array.from(org.unitOf).filter((_, i) => ring[i] === 0))].sort((a, b) => a - b) };
    };
    const largest = ringZeroUnits(aarhus('engagement.firstUnits=largest'));
    const sizes = Array.from({ length: largest.org.units }, (_, u) => largest.org.unitStart[u + 1] - largest.org.unitStart[u]);
    expect(sizes[largest.units[0]]).toBe(Math.max(...sizes));
    const connected = ringZeroUnits(aarhus('engagement.firstUnits=most-connected', 'engagement.initialUnits=2'));
    const leaving = Array.from(tiesLeavingUnits(connected.org));
    const top2 = leaving.map((ties, u) => ({ ties, u })).sort((x, y) => y.ties - x.ties || x.u - y.u).slice(0, 2).map((x) => x.u).sort();
    expect(connected.units).toEqual(top2);
    const named = ringZeroUnits(aarhus('engagement.firstUnits=[community 2, unconnected]'));
    expect(named.units.map((u) => named.org.file?.unitNames[u])).toEqual(['community 2', 'unconnected']);
    expect(() => aarhus('engagement.firstUnits=[Radiology]')).toThrow(/engagement\.firstUnits: expected names of units in the organization \(community 1, .*\), got "Radiology"/);
  });

  it('dispositions, trust and readiness the file gives are the starting state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concentric-org-'));
    writeFileSync(join(dir, 'people.csv'), 'id,disposition,trust,readiness\na,interested,0.9,0.8\nb,disinterested,,\nc,,0.1,\n');
    writeFileSync(join(dir, 'ties.csv'), 'from,to\na,b\nb,c\n');
    writeFileSync(join(dir, 'org.yaml'), 'extends: classroom\norganization: { network: file, people: people.csv, ties: ties.csv }\n');
    const scenario = loadScenario(join(dir, 'org.yaml')).scenario;
    const { staff, organization } = createSimulation(scenario, 5, loaded(scenario)).view;
    const at = (id: string) => organization.file!.ids.indexOf(id);
    expect(staff.disposition[at('a')]).toBe(0);
    expect(staff.disposition[at('b')]).toBe(2);
    // State is single precision (engine 3): the given value, rounded to the nearest float32.
    expect(staff.trust[at('a')]).toBe(Math.fround(0.9));
    expect(staff.acceptability[at('a')]).toBe(Math.fround(0.8));
    expect(staff.trust[at('c')]).toBe(Math.fround(0.1));
  });
});

describe('sweeps on a real organization', () => {
  it('a tiny compare runs, reports, and a changed file changes the sweep hash', async () => {
    const plan = () => compareSweep({ scenario: AARHUS, overrides: ['months=6'], lengths: [3, 6], replicates: 3, seed: 1 });
    const { spec, scenario } = plan();
    const dir = mkdtempSync(join(tmpdir(), 'concentric-org-sweep-'));
    const manifest = createManifest(spec, scenario, null);
    expect(manifest.scenario.organization.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const outcome = await runSweep({ dir, manifest, threads: 1, batchSize: 2 });
    expect(outcome).toMatchObject({ total: 6, ok: 6, failed: 0 });
    const model = await analyseDirectory(dir, { resamples: 200, reference: 6 });
    expect(model.provenance.scenarioName).toBe('cs-aarhus');
    expect(model.comparisons.length).toBeGreaterThan(0);
    expect(createManifest(plan().spec, plan().scenario, null).sweepHash).toBe(manifest.sweepHash);

    // The same scenario over a copy whose ties differ by one row: another hash, so resume/merge refuse it.
    const copy = mkdtempSync(join(tmpdir(), 'concentric-org-copy-'));
    cpSync('examples/cs-aarhus', copy, { recursive: true });
    const changed = compareSweep({ scenario: join(copy, 'cs-aarhus.yaml'), overrides: ['months=6'], lengths: [3, 6], replicates: 2, seed: 1 });
    const same = createManifest(changed.spec, changed.scenario, null);
    writeFileSync(join(copy, 'ties.csv'), 'U102,U139,work\n', { flag: 'a' });
    const edited = compareSweep({ scenario: join(copy, 'cs-aarhus.yaml'), overrides: ['months=6'], lengths: [3, 6], replicates: 2, seed: 1 });
    expect(edited.scenario.organization.inputHash).not.toBe(same.scenario.organization.inputHash);
    expect(createManifest(edited.spec, edited.scenario, null).sweepHash).not.toBe(same.sweepHash);
  });
});
