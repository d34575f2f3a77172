/**
 * Where the engine computes a rule of src/agents inline (faster, or for a whole pass at once), it
 * must give exactly the numbers the rule gives. Each test draws many random states from a seeded
 * stream, runs the engine's pass and a plain loop over the agents functions, and compares them
 * bit for bit (toEqual on numbers is Object.is: +0 and −0 differ).
 */
import { describe, expect, it } from 'vitest';
import { Contact, credibility, unitCredibility, wordOfMouthPull, wordOfMouthWeight } from '../../src/agents/index.js';
import { measure } from '../../src/sim/credibility.js';
import { RandomStream } from '../../src/sim/rng.js';
import type { RunState } from '../../src/sim/run-state.js';
import { colleaguesOnNetwork } from '../../src/sim/staff-week.js';

const DRAWS = 300;

/** A contact level: none, heard or direct, each often enough that every case comes up. */
function drawContact(rng: RandomStream): number {
  const u = rng.next();
  return u < 0.4 ? Contact.none : u < 0.6 ? Contact.heard : Contact.direct;
}

/** Trust in [0, 1), sometimes exactly 0 or 1 (the bounds the engine's sums rely on). */
function drawTrust(rng: RandomStream): number {
  const u = rng.next();
  return u < 0.05 ? 0 : u < 0.1 ? 1 : rng.next();
}

describe('word of mouth (M2): the network gather gives what wordOfMouthWeight and wordOfMouthPull give', () => {
  it('over random networks, contacts and trust', () => {
    const rng = new RandomStream('tests/rule-equality/word-of-mouth');
    for (let draw = 0; draw < DRAWS; draw++) {
      const staff = 1 + rng.below(60);
      // Ties as the engine's CSR holds them: symmetric, each list ascending, no repeats, no
      // self-ties (the gather pushes from those who met the ISPs and relies on all four).
      const lists: Set<number>[] = Array.from({ length: staff }, () => new Set<number>());
      for (let i = 0; i < staff; i++) {
        const degree = rng.below(9); // isolated people too
        for (let k = 0; k < degree; k++) {
          const j = rng.below(staff);
          if (j === i) continue;
          lists[i].add(j);
          lists[j].add(i);
        }
      }
      const offsets = new Int32Array(staff + 1);
      const ties: number[] = [];
      for (let i = 0; i < staff; i++) {
        ties.push(...[...lists[i]].sort((a, b) => a - b));
        offsets[i + 1] = ties.length;
      }
      const neighbors = Int32Array.from(ties);
      const contact = Uint8Array.from({ length: staff }, () => drawContact(rng));
      const trust = Float64Array.from({ length: staff }, () => drawTrust(rng));
      const weeklyRate = rng.next();
      // The kept count of colleagues who met the ISPs, as the engine keeps it.
      const metAround = new Int32Array(staff);
      for (let i = 0; i < staff; i++) {
        for (let k = offsets[i]; k < offsets[i + 1]; k++) if (contact[neighbors[k]] === Contact.direct) metAround[i]++;
      }
      const wordOfMouth = { trustPull: new Float64Array(staff).fill(NaN), trustWeight: new Float64Array(staff).fill(NaN) };
      const run = {
        org: { offsets, neighbors, staff },
        staff: { contact, trust, exposure: new Float64Array(staff) },
        applyingAround: new Int32Array(staff),
        metAround,
        metTrust: new Float64Array(staff),
        wordOfMouth,
        rates: { wordOfMouth: weeklyRate },
      } as unknown as RunState;
      colleaguesOnNetwork(run);

      const pull: number[] = [];
      const weight: number[] = [];
      for (let i = 0; i < staff; i++) {
        const colleagues = Array.from(neighbors.subarray(offsets[i], offsets[i + 1]));
        const met = colleagues.filter((j) => contact[j] === Contact.direct);
        const heardShare = colleagues.length > 0 ? met.length / colleagues.length : 0;
        let trustSum = 0;
        for (const j of met) trustSum += trust[j];
        weight.push(wordOfMouthWeight(weeklyRate, heardShare));
        pull.push(met.length > 0 ? wordOfMouthPull(weeklyRate, heardShare, trustSum / met.length) : 0);
      }
      expect(Array.from(wordOfMouth.trustWeight)).toEqual(weight);
      expect(Array.from(wordOfMouth.trustPull)).toEqual(pull);
    }
  });
});

describe('credibility (M8): the measuring pass gives what unitCredibility and credibility give', () => {
  it('over random units, contacts and trust, before and after anyone has been contacted', () => {
    const rng = new RandomStream('tests/rule-equality/credibility');
    for (let draw = 0; draw < DRAWS; draw++) {
      const units = 1 + rng.below(12);
      const unitStart = new Int32Array(units + 1);
      for (let unit = 0; unit < units; unit++) unitStart[unit + 1] = unitStart[unit] + 1 + rng.below(10);
      const staff = unitStart[units];
      const nobodyYet = rng.next() < 0.1;
      const contact = Uint8Array.from({ length: staff }, () => (nobodyYet ? Contact.none : drawContact(rng)));
      const trust = Float64Array.from({ length: staff }, () => drawTrust(rng));
      const applyingTotal = rng.below(staff + 1);
      const run = {
        org: { unitStart, units, staff },
        staff: { contact, trust },
        unitCredibility: new Float64Array(units).fill(NaN),
        anyoneEverContacted: !nobodyYet,
        applyingTotal,
        applyingShare: NaN,
        credibility: NaN,
        anyoneMetIsps: false,
      } as unknown as RunState;
      measure(run);

      const expected = Array.from({ length: units }, (_, unit) => unitCredibility(contact, trust, unitStart[unit], unitStart[unit + 1]));
      let trustSum = 0;
      let contacted = 0;
      for (let i = 0; i < staff; i++) {
        if (contact[i] !== Contact.direct) continue;
        trustSum += trust[i];
        contacted++;
      }
      expect(Array.from(run.unitCredibility)).toEqual(expected);
      expect(run.credibility).toBe(credibility(trustSum, contacted));
      expect(run.anyoneMetIsps).toBe(contacted > 0);
      expect(run.applyingShare).toBe(applyingTotal / staff);
    }
  });
});
