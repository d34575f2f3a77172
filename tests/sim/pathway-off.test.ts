/**
 * adoption.pathway=false: the reduced model. Where the pathway cannot change who adopts (gates
 * off, constant dose, no initiative), runs with the pathway off and on must adopt the same people
 * in the same weeks — the one-pass loop of the pathway-off engine against the two passes of the
 * full one — while the pathway's own states stay where they started.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

const BASS_ON_A_NETWORK = ['organization.network=erdos-renyi', 'organization.staff=2000', 'organization.meanDegree=8', 'months=24'];
/** The same staff on another network kind; meanDegree only where that kind reads it (a --set that cannot change the run is refused). */
const onNetwork = (network: string) =>
  ['organization.staff=2000', 'months=24', `organization.network=${network}`, ...(['erdos-renyi', 'small-world'].includes(network) ? ['organization.meanDegree=8'] : [])];

function adoptionOf(pathway: boolean, ...extra: string[]) {
  return simulate(scenario('classic-bass', ...BASS_ON_A_NETWORK, `adoption.pathway=${pathway}`, ...extra), 11);
}

function adoptionOn(network: string, pathway: boolean) {
  return simulate(scenario('classic-bass', ...onNetwork(network), `adoption.pathway=${pathway}`), 11);
}

describe('adoption.pathway=false (the reduced model)', () => {
  it('adopts exactly as the full engine where the pathway cannot matter, on every network kind', () => {
    for (const network of ['erdos-renyi', 'small-world', 'organization', 'full']) {
      const off = adoptionOn(network, false);
      const on = adoptionOn(network, true);
      expect(off.series.adoption, network).toEqual(on.series.adoption);
      expect(off.summary.finalAdoption, network).toBe(on.summary.finalAdoption);
      expect(off.series.adoption.at(-1)!, network).toBeGreaterThan(0.2);
    }
  });

  it('with discontinuation and turnover too (switches both ways, people leaving)', () => {
    const extra = ['sustainment.discontinuation=0.05', 'turnover.annualRate=0.3'];
    const off = adoptionOf(false, ...extra);
    const on = adoptionOf(true, ...extra);
    expect(off.series.adoption).toEqual(on.series.adoption);
    expect(off.series.everAdopted).toEqual(on.series.everAdopted);
  });

  it('keeps trust, affect, readiness and knowledge at their starting values, even with ISPs at work', () => {
    // No turnover: newcomers would bring their own starting values.
    const off = simulate(scenario('foundation', 'adoption.pathway=false', 'turnover.annualRate=0', 'months=12'), 3);
    const on = simulate(scenario('foundation', 'months=12'), 3);
    for (const name of ['trust', 'affect', 'aim', 'knowledge'] as const) {
      expect(new Set(off.series[name]).size, name).toBe(1);
      expect(new Set(on.series[name]).size, name).toBeGreaterThan(1);
    }
    expect(off.summary.engagementsStarted).toBeGreaterThan(0);
  });
});
