/**
 * What a golden case's hash stands for, in the model's words: the key outcomes stored beside each
 * pinned hash in baseline.json, so a failure says which outcome moved and by how much instead of
 * only "hash differs". Plain JS, shared by tests/golden/golden.test.ts and scripts/golden.mjs.
 */

/** The outcomes pinned beside each hash (fields of a RunResult's summary). */
export const KEY_OUTCOMES = ['finalAdoption', 'sustainedCapacity', 'timeTo50'];

/** The key outcomes of a case's text (its first line is the RunResult's JSON). */
export function keyOutcomes(text) {
  const { summary } = JSON.parse(text.slice(0, text.indexOf('\n')));
  return Object.fromEntries(KEY_OUTCOMES.map((name) => [name, summary[name] ?? null]));
}

const show = (value) => (value === null ? 'never' : String(value));

function change(before, after) {
  if (before === null || after === null) return '';
  const delta = after - before;
  const digits = Number.isInteger(before) && Number.isInteger(after) ? 0 : 6;
  return ` (${delta > 0 ? '+' : ''}${Number(delta.toFixed(digits))})`;
}

/**
 * One line: which key outcomes moved between the pinned run and this one, and by how much
 * ("finalAdoption 0.65 → 0.66 (+0.01); timeTo50 29 → 31 (+2)"), or that none did.
 */
export function describeMoves(pinned, now) {
  const moved = KEY_OUTCOMES.filter((name) => pinned[name] !== now[name]).map(
    (name) => `${name} ${show(pinned[name])} → ${show(now[name])}${change(pinned[name], now[name])}`,
  );
  return moved.length > 0
    ? moved.join('; ')
    : `${KEY_OUTCOMES.join(', ')} unchanged: the difference is elsewhere in the run's output`;
}

/** The first JSON path at which two values differ ('' when equal), e.g. `series.applying[12]`. */
export function firstDifference(a, b, path = '') {
  if (Object.is(a, b)) return '';
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return path || '(top level)';
  }
  if (Array.isArray(a)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return '';
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const found = firstDifference(a[key], b[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return '';
}

/** The first differing path of two cases' texts: in the result JSON, else in the lines after it. */
export function firstDifferenceOfTexts(before, after) {
  const split = (text) => [text.slice(0, text.indexOf('\n')), text.slice(text.indexOf('\n') + 1)];
  const [resultBefore, restBefore] = split(before);
  const [resultAfter, restAfter] = split(after);
  const inResult = firstDifference(JSON.parse(resultBefore), JSON.parse(resultAfter));
  if (inResult) return inResult;
  const linesBefore = restBefore.split('\n');
  const linesAfter = restAfter.split('\n');
  const line = linesBefore.findIndex((row, i) => row !== linesAfter[i]);
  return line >= 0 ? `line ${line + 2} of the case's text` : '';
}
