/** The report's "Explore these settings" link carries the comparison: preset, overrides, lengths, seed. */
import { describe, expect, it } from 'vitest';
import { explorerLink } from '../../src/report/explorer-link.js';
import type { ReportModel } from '../../src/report/model.js';
import { decodeState } from '../../src/scenarios/index.js';
import { ENGINE_VERSION } from '../../src/sim/index.js';

describe('explorerLink', () => {
  const model = (lengths: number[], overrides: string[], base = 'foundation') =>
    ({ lengths, reference: 12, provenance: { base, overrides, masterSeed: 5, replicates: 30 } }) as unknown as ReportModel;

  it('puts the reference as policy A, the first other length as B, the --set overrides as shared', () => {
    const link = explorerLink(model([6, 12, 18], ['isps.count=3', 'engagement.firstUnits=largest', 'engagement.lengthMonths=9']))!;
    expect(link.command).toBe('concentric explore foundation --out explore.html');
    const decoded = decodeState(link.href.slice('explore.html'.length));
    expect(decoded).toEqual({
      engine: ENGINE_VERSION,
      state: { preset: 'foundation', seed: 5, runs: 30, shared: { 'isps.count': 3, 'engagement.firstUnits': 'largest' }, a: { 'engagement.lengthMonths': 12 }, b: { 'engagement.lengthMonths': 6 } },
    });
  });

  it('names a file base by its file name, and has nothing to link with one length', () => {
    expect(decodeState(explorerLink(model([6, 12], [], 'orgs/my-org.yaml'))!.href.slice(12))).toMatchObject({ state: { preset: 'my-org' } });
    expect(explorerLink(model([12], []))).toBeNull();
  });
});
