/**
 * "Where first?": the units engaged at week 0. `random` draws them with the network stream (the
 * study's setting); `largest` and `most-connected` rank units by size or by ties leaving the unit
 * (ties broken by unit order); a list names them (1, 2, … for generated units, or the names a
 * file gives or Louvain found). The random draws are taken whatever the rule, so the network
 * stream — and so everything after it — is the same for every rule.
 */
import type { Scenario } from '../scenarios/index.js';
import type { Organization } from './network.js';
import type { RandomStream } from './rng.js';

/** Unit names: the file's (or found communities'), else 1, 2, … */
export function unitNames(org: Organization): readonly string[] {
  return org.file ? org.file.unitNames : Array.from({ length: org.units }, (_, u) => String(u + 1));
}

/** Ties from members of each unit to people in other units. */
export function tiesLeavingUnits(org: Organization): Int32Array {
  const leaving = new Int32Array(org.units);
  for (let i = 0; i < org.staff; i++) {
    for (let k = org.offsets[i]; k < org.offsets[i + 1]; k++) if (org.unitOf[org.neighbors[k]] !== org.unitOf[i]) leaving[org.unitOf[i]]++;
  }
  return leaving;
}

function topUnits(score: (unit: number) => number, units: number, count: number): number[] {
  const order = Array.from({ length: units }, (_, u) => u);
  order.sort((a, b) => score(b) - score(a) || a - b);
  return order.slice(0, count);
}

export function chooseFirstUnits(org: Organization, engagement: Scenario['engagement'], rng: RandomStream): number[] {
  const count = Math.min(engagement.initialUnits, org.units);
  const drawn: number[] = [];
  const pool = Array.from({ length: org.units }, (_, u) => u);
  for (let k = 0; k < count; k++) {
    const pick = k + rng.below(pool.length - k);
    [pool[k], pool[pick]] = [pool[pick], pool[k]];
    drawn.push(pool[k]);
  }
  const rule = engagement.firstUnits;
  let chosen: number[];
  if (rule === 'random') chosen = drawn;
  else if (rule === 'largest') chosen = topUnits((u) => org.unitStart[u + 1] - org.unitStart[u], org.units, count);
  else if (rule === 'most-connected') {
    const leaving = tiesLeavingUnits(org);
    chosen = topUnits((u) => leaving[u], org.units, count);
  } else {
    const names = unitNames(org);
    chosen = [...new Set(rule)].map((name) => {
      const unit = names.indexOf(name);
      // Names are checked when the scenario is loaded (checkFirstUnits); this guards sweeps.
      if (unit < 0) throw new Error(`engagement.firstUnits: expected names of units in the organization, got ${JSON.stringify(name)}`);
      return unit;
    });
  }
  return chosen.sort((a, b) => a - b);
}
