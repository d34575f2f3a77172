import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenarios/index.js';
import { loadSweepFile } from '../../src/sweep/file.js';
import { checkRunFits, checkSweepFits, expectedTies, largestScenarios, manifestBytes } from '../../src/sweep/limits.js';
import { createManifest } from '../../src/sweep/manifest.js';
import { buildOrganization, RandomStream } from '../../src/sim/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GB = 1024 ** 3;
const scenario = (...overrides: string[]) => loadScenario('foundation', { overrides }).scenario;

describe('resource limits', () => {
  it('estimates ties close to what the network builder makes', () => {
    for (const overrides of [[], ['organization.network=erdos-renyi', 'organization.meanDegree=12'], ['organization.network=small-world'], ['organization.staff=3000', 'organization.units=40']]) {
      const s = scenario(...overrides);
      const org = buildOrganization(s, new RandomStream('7'));
      const made = org.neighbors.length / 2; // after duplicates are dropped: a little below the estimate
      expect(expectedTies(s) / made, overrides.join(' ')).toBeGreaterThan(0.95);
      expect(expectedTies(s) / made, overrides.join(' ')).toBeLessThan(1.25);
    }
  });

  it('refuses a run beyond the 32-bit network index or the memory, with the estimate', () => {
    const huge = scenario('organization.network=erdos-renyi', 'organization.staff=5000000', 'organization.meanDegree=1000');
    expect(() => checkRunFits(huge, 'big.yaml')).toThrow(/^big\.yaml: organization: expected a network of at most 1\.1 billion ties .*got an estimated 2\.5 billion \(5,000,000 staff, erdos-renyi network\)$/);
    const large = scenario('organization.network=lattice', 'organization.staff=1000000', 'organization.meanDegree=100');
    checkRunFits(large, 'ok.yaml', { memory: 64 * GB });
    expect(() => checkRunFits(large, 'small-machine.yaml', { memory: 2 * GB })).toThrow(
      /^small-machine\.yaml: expected a scenario that fits in this machine's memory \(1\.6 GB usable of 2\.0 GB\), got an estimated 1\.7 GB: 1,000,000 staff, 50\.0 million ties$/,
    );
    expect(() => checkRunFits(scenario(), 'threads', { threads: 64, memory: 2 * GB })).toThrow(/\(64 runs at once, .* each\).*try fewer --threads$/);
  });

  it('estimates the manifest from the design without building it (within 15 %) and refuses a design too large', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concentric-limits-'));
    const file = join(dir, 'w.yaml');
    writeFileSync(file, 'replicates: 1\nfactors:\n  engagement.lengthMonths: {from: 0, to: 60, step: 0.5}\n  isps.hoursPerWeek: {from: 0, to: 10, step: 0.5}\n  adoption.rule: [hazard, threshold]\n');
    const { spec, scenario: base } = loadSweepFile(file);
    const actual = JSON.stringify(createManifest(spec, base, null), null, 2).length;
    expect(manifestBytes(spec) / actual).toBeGreaterThan(0.85);
    expect(manifestBytes(spec) / actual).toBeLessThan(1.15);
    checkSweepFits(spec, [base], 'w.yaml', { threads: 2, memory: 16 * GB });
    expect(() => checkSweepFits(spec, [base], 'w.yaml', { threads: 2, memory: 0.005 * GB })).toThrow(/^w\.yaml: expected a design whose manifest fits .* got 5,082 design points/);
  });

  it('checks the largest network a sweep factor asks for', () => {
    const base = scenario();
    const spec = { factors: { 'organization.staff': [200, 4_000_000], 'organization.network': ['organization', 'erdos-renyi'] } } as never;
    const variants = largestScenarios(spec, base);
    expect(variants.map((s) => s.organization.staff)).toEqual([200, 4_000_000, 200]);
    expect(variants[2].organization.network).toBe('erdos-renyi');
  });
});
