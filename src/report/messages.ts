/**
 * Every user-facing word of the report, by reason to change:
 *   format.ts         how numbers, intervals, margins and months are written
 *   verdict-words.ts  the verdicts, headline and patterns in the research register
 *   plain-words.ts    the same verdicts in plain language (no TOST, g or field paths)
 *   captions.ts       chart titles, captions and series names
 *   methods.ts        title, question, design, section introductions and methods
 * This file re-exports them and keeps `message`: the loading and option errors, and the sentence
 * functions the analysis calls by name.
 */
import { designText, policyDesign, withinDesign } from './methods.js';
import {
  headline,
  headlineNoLengths,
  holdsWhere,
  mostlyCensored,
  pattern1,
  pattern1NotAssessed,
  pattern2DoesNotHold,
  pattern2Holds,
  pattern2NotAssessed,
  pattern2NotCompared,
  pattern2Undetermined,
  pattern3,
  reliableSmall,
  tooFewRuns,
  wholeOrganization,
  withinHeadline,
} from './verdict-words.js';
import { trimNumber } from './format.js';

export * from './format.js';
export * from './verdict-words.js';
export * from './captions.js';
export * from './methods.js';
export * from './plain-words.js';

export const message = {
  noFinishedRuns: (path: string) => `${path}: no finished runs to report on`,
  shardOnly: (index: number, count: number) =>
    `This directory is shard ${index + 1} of ${count}: the report covers only its runs — merge the shards (\`concentric merge\`) for the whole sweep.`,
  missingRuns: (have: number, expected: number) => `Only ${have} of ${expected} runs are present: the sweep did not finish.`,
  failedRuns: (count: number) => `${count} run${count === 1 ? '' : 's'} failed and ${count === 1 ? 'is' : 'are'} left out.`,
  unknownReference: (requested: number, lengths: readonly number[]) =>
    `--reference: expected one of the engagement lengths in the results (${lengths.map(trimNumber).join(', ')}), got ${requested}`,
  badMargin: (margin: number) => `--margin: expected percentage points between 0 and 100 (exclusive), got ${margin}`,
  pairingFellBack: () => 'Some comparisons could not be paired by replicate (missing or mismatched seeds) and were made unpaired.',
  tooFewRuns,
  mostlyCensored,
  designText,
  headline,
  headlineNoLengths,
  pattern1,
  pattern1NotAssessed,
  pattern3,
  pattern3NotAssessed: () =>
    'Pattern 3 (rings through colleagues) is not assessed: these results have no runs on the null network (concentric compare writes them as null-rings.json).',
  pattern2Holds,
  pattern2DoesNotHold,
  pattern2Undetermined,
  pattern2NotAssessed,
  pattern2NotCompared,
  policyDesign,
  withinDesign,
  wholeOrganization,
  withinHeadline,
  reliableSmall,
  holdsWhere,
  chromiumMissing: (path: string) =>
    `Chromium not found at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH — the browser test cannot run without it.`,
};
