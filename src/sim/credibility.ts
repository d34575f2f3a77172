/**
 * The week's measurement for demand (M8): each unit's awareness-weighted trust in the ISPs
 * (staff who met or heard of them count their trust, the others 0, over the unit's size) and the
 * sums behind organization-wide credibility (the mean trust of those who met them).
 */
import { credibility } from '../agents/index.js';
import type { RunState } from './run-state.js';

export interface TrustOfContacted {
  /** trust summed over staff who met the ISPs */
  readonly trustSum: number;
  /** staff who met the ISPs */
  readonly contacted: number;
}

/**
 * Fills `unitCredibility` and returns the sums. Units are contiguous blocks of staff, so each
 * unit's sum runs in a register, in staff order (the same additions as one running total per unit).
 */
export function measureUnits(unitStart: Int32Array, contact: Uint8Array, trust: Float32Array, unitCredibility: Float64Array): TrustOfContacted {
  let trustSum = 0;
  let contacted = 0;
  const units = unitCredibility.length;
  for (let unit = 0; unit < units; unit++) {
    const first = unitStart[unit];
    const last = unitStart[unit + 1];
    let unitTrust = 0;
    for (let i = first; i < last; i++) {
      // Branch-free (who has met or heard of the ISPs is unpredictable): contact is 0 none,
      // 1 heard, 2 direct; adding 0 · trust leaves a sum exactly as it was (trust ≥ 0).
      const met = contact[i];
      const aware = (met | (met >> 1)) & 1;
      const direct = met >> 1;
      const t = trust[i];
      unitTrust += aware * t;
      trustSum += direct * t;
      contacted += direct;
    }
    unitCredibility[unit] = unitTrust / (last - first);
  }
  return { trustSum, contacted };
}

/** Step 9: organization credibility, the applying share, and each unit's awareness-weighted trust in the ISPs. */
export function measure(run: RunState): void {
  const { org, unitCredibility } = run;
  let trustSum = 0;
  let contacted = 0;
  if (run.anyoneEverContacted) {
    ({ trustSum, contacted } = measureUnits(org.unitStart, run.staff.contact, run.staff.trust, unitCredibility));
  } else {
    // Until the first contact nobody has met or heard of the ISPs: trust adds nothing.
    const { unitStart } = org;
    for (let unit = 0; unit < org.units; unit++) unitCredibility[unit] = 0 / (unitStart[unit + 1] - unitStart[unit]);
  }
  run.applyingShare = run.applyingTotal / org.staff;
  run.credibility = credibility(trustSum, contacted);
  run.anyoneMetIsps = contacted > 0;
}
