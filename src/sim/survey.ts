/**
 * Simulated survey instruments (MODEL-GROUNDING, Revisions 7): what a survey of staff would
 * return at chosen month ends, read from a run's state without changing it.
 *
 *   AIM, IAM, FIM (Weiner et al. 2017): 4 items each, 1–5, from acceptability, appropriateness
 *   and feasibility; Edmondson's psychological safety: 7 items, 1–7, items 1, 3 and 5
 *   reverse-worded (recorded as marked, 8 − agreement), from the person's team safety; and one
 *   yes/no item, "I apply implementation science in my work" (0/1), from `applying`.
 *
 *   response = round(clamp(low + span·construct + person effect + item noise, low, high))
 *
 * The person effect (one per person and instrument, kept across waves: a stable response style)
 * and the item noise come from the run's `survey` stream, which nothing else reads: adding a
 * survey never changes a run. Draws are fixed per person — four person effects at the start,
 * then per wave one inclusion draw and two per item whether or not the person answers — so two
 * runs that differ in a parameter get the same survey noise (common random numbers).
 *
 * A "person" is a staff position: with turnover, a newcomer answers in the place (and with the
 * person effect) of the one they replaced.
 */
import { scaleScore } from '../agents/index.js';
import type { Scenario } from '../scenarios/index.js';
import { ArrayArena } from './arena.js';
import { RandomStream, standardNormal as normal } from './rng.js';
import { createSimulation, type RunInputs } from './simulation.js';

export const INSTRUMENTS = ['aim', 'iam', 'fim', 'psychSafety', 'applying'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

export interface InstrumentSpec {
  readonly items: number;
  readonly low: number;
  readonly high: number;
  /** 1-based items worded in reverse (scored as low + high − response) */
  readonly reversed: readonly number[];
  /** first column of this instrument in a respondent's row of responses */
  readonly offset: number;
}

export const INSTRUMENT_SPECS: Readonly<Record<Instrument, InstrumentSpec>> = {
  aim: { items: 4, low: 1, high: 5, reversed: [], offset: 0 },
  iam: { items: 4, low: 1, high: 5, reversed: [], offset: 4 },
  fim: { items: 4, low: 1, high: 5, reversed: [], offset: 8 },
  psychSafety: { items: 7, low: 1, high: 7, reversed: [1, 3, 5], offset: 12 },
  applying: { items: 1, low: 0, high: 1, reversed: [], offset: 19 },
};

/** Items per respondent (all instruments). */
export const ITEMS = 20;
/** Items with noise (all but the yes/no applying item). */
const NOISY_ITEMS = 19;

export function isInstrument(name: string): name is Instrument {
  return (INSTRUMENTS as readonly string[]).includes(name);
}

/**
 * How responses scatter around the construct, in scale points. Chosen so Cronbach's α of the
 * simulated AIM, IAM and FIM, averaged over waves, falls in the published 0.85–0.91 (Weiner et
 * al. 2017, Implement. Sci. 12:108) on the foundation scenario (20 seeds × 5 waves, everyone
 * answering: AIM 0.878, IAM 0.898, FIM 0.858, the three 0.878; single waves range about ±0.04;
 * tests/sim/survey.test.ts);
 * psychological safety's so α ≈ 0.85 (Edmondson 1999, Admin. Sci. Q. 44:350: α = 0.82).
 * Assumptions, with ranges: person effect 0.4–0.8, item noise 0.3–0.6 (1–5 scales).
 */
export interface SurveyNoise {
  /** SD of a person's stable offset on AIM/IAM/FIM (1–5 points) */
  readonly personEffect: number;
  /** SD of each item response around the person's level (1–5 points) */
  readonly itemNoise: number;
  /** the same for psychological safety (1–7 points) */
  readonly safetyPersonEffect: number;
  readonly safetyItemNoise: number;
}

export const SURVEY_NOISE: SurveyNoise = { personEffect: 0.62, itemNoise: 0.44, safetyPersonEffect: 0.8, safetyItemNoise: 1.1 };

export interface SurveyDesign {
  /** month ends at which staff are surveyed, ascending, each within the scenario's months */
  readonly months: readonly number[];
  /** chance that each person answers a wave (response rate), per wave or one for all */
  readonly sample: number | readonly number[];
  readonly noise?: SurveyNoise;
}

export interface SurveyWave {
  readonly month: number;
  /** staff position of each respondent, ascending */
  readonly people: Int32Array;
  readonly units: Int32Array;
  /** respondents × ITEMS responses as marked (reverse-worded items not yet recoded) */
  readonly responses: Uint8Array;
}

export interface SurveyResult {
  readonly seed: number;
  readonly staff: number;
  readonly waves: readonly SurveyWave[];
}

/** The run's survey stream: the named stream `survey` of createStreams, made on its own. */
export function surveyStream(seed: number): RandomStream {
  return new RandomStream(`concentric/${seed >>> 0}/survey`);
}

function response(level: number, low: number, high: number): number {
  return Math.round(Math.min(high, Math.max(low, level)));
}

/** Memory reused by survey runs in this thread (as simulate() does for its runs). */
const surveyArrays = new ArrayArena(32 * 1024 * 1024);

/**
 * Run the scenario to the last survey month (not beyond: nothing later is read) and survey
 * staff at each month end. Pure: same scenario, seed and design ⇒ the same responses.
 */
export function simulateSurvey(scenario: Scenario, seed: number, design: SurveyDesign, inputs: RunInputs = {}): SurveyResult {
  const noise = design.noise ?? SURVEY_NOISE;
  for (let k = 0; k < design.months.length; k++) {
    const month = design.months[k];
    if (!Number.isInteger(month) || month < 0 || month > scenario.months || (k > 0 && month <= design.months[k - 1])) {
      throw new RangeError(`survey months must be ascending whole months within 0..${scenario.months}, got ${design.months.join(',')}`);
    }
  }
  surveyArrays.reset();
  const simulation = createSimulation(scenario, seed, { arrays: surveyArrays, organization: inputs.organization });
  const { view } = simulation;
  const staffCount = view.organization.staff;
  const { unitOf, teamOf } = view.organization;
  const rng = surveyStream(seed);

  // Person effects: aim, iam, fim, psychSafety per position.
  const personDraws = new Float64Array(8 * staffCount);
  rng.fill(personDraws, personDraws.length);
  const effects = new Float64Array(4 * staffCount);
  for (let p = 0; p < 4 * staffCount; p++) {
    const sd = p % 4 === 3 ? noise.safetyPersonEffect : noise.personEffect;
    effects[p] = sd * normal(personDraws[2 * p], personDraws[2 * p + 1]);
  }

  const perPerson = 1 + 2 * NOISY_ITEMS;
  const draws = new Float64Array(perPerson * staffCount);
  const waves: SurveyWave[] = [];
  for (let k = 0; k < design.months.length; k++) {
    const month = design.months[k];
    while (view.month < month) simulation.step();
    const share = typeof design.sample === 'number' ? design.sample : design.sample[k];
    rng.fill(draws, draws.length);
    const staff = view.staff;
    const constructs = [staff.acceptability, staff.appropriateness, staff.feasibility];
    let count = 0;
    for (let i = 0; i < staffCount; i++) if (draws[i * perPerson] < share) count++;
    const people = new Int32Array(count);
    const units = new Int32Array(count);
    const responses = new Uint8Array(count * ITEMS);
    let r = 0;
    for (let i = 0; i < staffCount; i++) {
      const base = i * perPerson;
      if (draws[base] >= share) continue;
      people[r] = i;
      units[r] = unitOf[i];
      const row = r * ITEMS;
      for (let c = 0; c < 3; c++) {
        const level = scaleScore(constructs[c][i]) + effects[4 * i + c];
        for (let item = 0; item < 4; item++) {
          const d = base + 1 + 2 * (4 * c + item);
          responses[row + 4 * c + item] = response(level + noise.itemNoise * normal(draws[d], draws[d + 1]), 1, 5);
        }
      }
      const safetyLevel = 1 + 6 * view.teamSafety[teamOf[i]] + effects[4 * i + 3];
      for (let item = 0; item < 7; item++) {
        const d = base + 1 + 2 * (12 + item);
        const agreement = response(safetyLevel + noise.safetyItemNoise * normal(draws[d], draws[d + 1]), 1, 7);
        // Items 1, 3 and 5 are worded in reverse: a person who feels safe disagrees with them.
        responses[row + 12 + item] = item % 2 === 0 && item < 5 ? 8 - agreement : agreement;
      }
      responses[row + 19] = staff.applying[i];
      r++;
    }
    waves.push({ month, people, units, responses });
  }
  return { seed, staff: staffCount, waves };
}

/** A respondent's score on an instrument: the mean of its items, reverse-worded ones recoded. */
export function respondentScore(responses: Uint8Array, respondent: number, instrument: Instrument): number {
  const spec = INSTRUMENT_SPECS[instrument];
  const row = respondent * ITEMS + spec.offset;
  let sum = 0;
  for (let item = 0; item < spec.items; item++) {
    const value = responses[row + item];
    sum += spec.reversed.includes(item + 1) ? spec.low + spec.high - value : value;
  }
  return sum / spec.items;
}

/**
 * Cronbach's α of an instrument in one wave: k/(k−1)·(1 − Σ item variances / variance of the
 * total), reverse-worded items recoded; NaN with fewer than two respondents or no variance.
 */
export function cronbachAlpha(wave: SurveyWave, instrument: Instrument): number {
  const spec = INSTRUMENT_SPECS[instrument];
  const n = wave.people.length;
  const k = spec.items;
  if (n < 2 || k < 2) return NaN;
  const itemSum = new Float64Array(k);
  const itemSq = new Float64Array(k);
  let totalSum = 0;
  let totalSq = 0;
  for (let r = 0; r < n; r++) {
    let total = 0;
    for (let item = 0; item < k; item++) {
      const raw = wave.responses[r * ITEMS + spec.offset + item];
      const value = spec.reversed.includes(item + 1) ? spec.low + spec.high - raw : raw;
      itemSum[item] += value;
      itemSq[item] += value * value;
      total += value;
    }
    totalSum += total;
    totalSq += total * total;
  }
  let itemVariance = 0;
  for (let item = 0; item < k; item++) itemVariance += (itemSq[item] - (itemSum[item] * itemSum[item]) / n) / (n - 1);
  const totalVariance = (totalSq - (totalSum * totalSum) / n) / (n - 1);
  return totalVariance > 0 ? (k / (k - 1)) * (1 - itemVariance / totalVariance) : NaN;
}

/** One wave's aggregate on one measure (the `--waves` row): scale-score mean, SD (n − 1), n. */
export interface WaveMeasure {
  readonly month: number;
  readonly measure: Instrument;
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

/** A wave's aggregates: AIM, IAM, FIM and psychological safety as scale scores, applying as a share. */
export function waveMeasures(wave: SurveyWave): WaveMeasure[] {
  const n = wave.people.length;
  return INSTRUMENTS.map((measure) => {
    let sum = 0;
    let sq = 0;
    for (let r = 0; r < n; r++) {
      const score = respondentScore(wave.responses, r, measure);
      sum += score;
      sq += score * score;
    }
    const mean = n > 0 ? sum / n : NaN;
    const sd = n > 1 ? Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1))) : NaN;
    return { month: wave.month, measure, mean, sd, n };
  });
}
