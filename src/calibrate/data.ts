/**
 * Survey data files, both ways: the long item-level file (`person,unit,month,instrument,item,
 * response`) and the waves file (`month,measure,mean,sd,n`). `readSurveyData` accepts either
 * (told apart by the header) and returns wave means; every problem is an InputError naming
 * `file:line`, the column, what was expected and what was given.
 */
import { InputError, PLAIN_DECIMAL, readInputFile } from '../scenarios/index.js';
import {
  INSTRUMENT_SPECS,
  INSTRUMENTS,
  isInstrument,
  SURVEY_ITEMS,
  waveMeasures,
  type Instrument,
  type SurveyResult,
  type WaveMeasure,
} from '../sim/index.js';

export const LONG_COLUMNS = ['person', 'unit', 'month', 'instrument', 'item', 'response'] as const;
export const WAVE_COLUMNS = ['month', 'measure', 'mean', 'sd', 'n'] as const;

/** The item-level file: one row per respondent, wave and item, responses as marked. */
export function surveyCsv(result: SurveyResult): string {
  const lines: string[] = [LONG_COLUMNS.join(',')];
  for (const wave of result.waves) {
    for (let r = 0; r < wave.people.length; r++) {
      for (const instrument of INSTRUMENTS) {
        const spec = INSTRUMENT_SPECS[instrument];
        for (let item = 0; item < spec.items; item++) {
          lines.push(`${wave.people[r]},${wave.units[r]},${wave.month},${instrument},${item + 1},${wave.responses[r * SURVEY_ITEMS + spec.offset + item]}`);
        }
      }
    }
  }
  return lines.join('\n') + '\n';
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function wavesCsv(rows: readonly WaveMeasure[]): string {
  const cell = (value: number) => (Number.isNaN(value) ? '' : String(round6(value)));
  return [WAVE_COLUMNS.join(','), ...rows.map((row) => `${row.month},${row.measure},${cell(row.mean)},${cell(row.sd)},${row.n}`)].join('\n') + '\n';
}

/** The simulated survey as wave means; a wave nobody answered (a tiny --sample) has no mean and is left out. */
export function surveyWaves(result: SurveyResult): WaveMeasure[] {
  return result.waves.flatMap((wave) => waveMeasures(wave)).filter((row) => row.n > 0);
}

export interface SurveyData {
  readonly file: string;
  readonly format: 'long' | 'waves';
  /** wave means, sorted by month then measure (INSTRUMENTS order) */
  readonly waves: readonly WaveMeasure[];
}

interface Table {
  readonly header: readonly string[];
  /** the header's 1-based line number (blank lines before it are skipped) */
  readonly headerLine: number;
  /** data rows with their 1-based line numbers */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** Item-level responses of a large organization over many waves stay far below this. */
export const MAX_DATA_BYTES = 256 * 1024 * 1024;

function readTable(file: string): Table {
  // The one bounded reader: a named pipe or /dev/zero is refused before a byte is read.
  const text = readInputFile(file, `--data ${file}`, MAX_DATA_BYTES);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  if (headerAt < 0) throw new InputError(`${file}:1: empty file: expected a header "${LONG_COLUMNS.join(',')}" or "${WAVE_COLUMNS.join(',')}"`);
  const header = lines[headerAt].split(',').map((cell) => cell.trim());
  const rows = [];
  for (let k = headerAt + 1; k < lines.length; k++) {
    if (lines[k].trim() === '') continue;
    const cells = lines[k].split(',').map((cell) => cell.trim());
    // A cell beyond the header's would be data read as nothing: say so rather than drop it.
    if (cells.length > header.length) {
      throw new InputError(`${file}:${k + 1}: expected ${header.length} cells as in the header, got ${cells.length}: ${JSON.stringify(lines[k].trim())}`);
    }
    rows.push({ line: k + 1, cells });
  }
  return { header, headerLine: headerAt + 1, rows };
}

function columnsOf(file: string, table: Table, wanted: readonly string[], line: number): number[] {
  const missing = wanted.filter((name) => !table.header.includes(name));
  if (missing.length > 0) {
    throw new InputError(`${file}:${line}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: expected a header with ${wanted.join(',')}, got "${table.header.join(',')}"`);
  }
  return wanted.map((name) => table.header.indexOf(name));
}

function wholeNumber(file: string, line: number, column: string, text: string, min: number, max: number, what: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max) {
    throw new InputError(`${file}:${line}: ${column}: expected ${what}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A plain decimal number ("3.1", "-0.5", "1e-3"); Number() alone would also take "0x2" and " ". */
/** The one number grammar (src/scenarios/numbers.ts). */
export const DECIMAL = PLAIN_DECIMAL;

function realNumber(file: string, line: number, column: string, text: string, min: number, max: number, what: string): number {
  const value = Number(text);
  if (!DECIMAL.test(text) || !Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`${file}:${line}: ${column}: expected ${what}, got ${JSON.stringify(text)}`);
  }
  return value;
}

function measureRange(measure: Instrument): string {
  const spec = INSTRUMENT_SPECS[measure];
  return measure === 'applying' ? 'a share 0–1' : `a scale mean ${spec.low}–${spec.high}`;
}

/** Either file, as wave means; `horizon` = the scenario's months (no wave may lie beyond it). */
export function readSurveyData(file: string, horizon: number): SurveyData {
  const table = readTable(file);
  const { headerLine } = table;
  const format = table.header.includes('response') || table.header.includes('instrument') ? 'long' : table.header.includes('measure') ? 'waves' : null;
  if (format === null) {
    throw new InputError(`${file}:${headerLine}: unknown columns: expected a header "${LONG_COLUMNS.join(',')}" (item-level) or "${WAVE_COLUMNS.join(',')}" (waves), got "${table.header.join(',')}"`);
  }
  const monthWords = `a whole month 0–${horizon} (the scenario's horizon)`;
  const knownMeasures = INSTRUMENTS.join(', ');
  const seen = new Map<string, number>();
  const waves: WaveMeasure[] = [];
  if (format === 'waves') {
    const [month, measure, mean, sd, n] = columnsOf(file, table, WAVE_COLUMNS, headerLine);
    for (const { line, cells } of table.rows) {
      const m = wholeNumber(file, line, 'month', cells[month] ?? '', 0, horizon, monthWords);
      const name = cells[measure] ?? '';
      if (!isInstrument(name)) throw new InputError(`${file}:${line}: measure: expected one of ${knownMeasures}, got ${JSON.stringify(name)}`);
      const spec = INSTRUMENT_SPECS[name];
      const value = realNumber(file, line, 'mean', cells[mean] ?? '', spec.low, spec.high, measureRange(name));
      const spread = (cells[sd] ?? '') === '' ? NaN : realNumber(file, line, 'sd', cells[sd], 0, spec.high - spec.low, `a standard deviation 0–${spec.high - spec.low} or nothing`);
      const count = wholeNumber(file, line, 'n', cells[n] ?? '', 1, 10_000_000, 'a number of respondents ≥ 1');
      const key = `${m}/${name}`;
      if (seen.has(key)) throw new InputError(`${file}:${line}: month ${m}, ${name}: expected one row per month and measure, got a second (first on line ${seen.get(key)})`);
      seen.set(key, line);
      waves.push({ month: m, measure: name, mean: value, sd: spread, n: count });
    }
  } else {
    const [person, , month, instrument, item, response] = columnsOf(file, table, LONG_COLUMNS, headerLine);
    // (month, instrument) → person → summed item scores and items answered
    const scores = new Map<string, Map<string, { sum: number; items: number }>>();
    const answered = new Map<string, number>(); // person, month, instrument, item → line
    for (const { line, cells } of table.rows) {
      const m = wholeNumber(file, line, 'month', cells[month] ?? '', 0, horizon, monthWords);
      const name = cells[instrument] ?? '';
      if (!isInstrument(name)) throw new InputError(`${file}:${line}: instrument: expected one of ${knownMeasures}, got ${JSON.stringify(name)}`);
      const spec = INSTRUMENT_SPECS[name];
      const k = wholeNumber(file, line, 'item', cells[item] ?? '', 1, spec.items, `an item number 1–${spec.items} of ${name}`);
      const value = wholeNumber(file, line, 'response', cells[response] ?? '', spec.low, spec.high, `a whole response ${spec.low}–${spec.high} on ${name}`);
      const who = cells[person] ?? '';
      if (who === '') throw new InputError(`${file}:${line}: person: expected an identifier, got nothing`);
      const answer = JSON.stringify([who, m, name, k]);
      const first = answered.get(answer);
      if (first !== undefined) throw new InputError(`${file}:${line}: person ${who}, month ${m}, ${name} item ${k}: expected one response, got a second (first on line ${first})`);
      answered.set(answer, line);
      const key = `${m}/${name}`;
      let people = scores.get(key);
      if (!people) scores.set(key, (people = new Map()));
      const entry = people.get(who) ?? { sum: 0, items: 0 };
      entry.sum += spec.reversed.includes(k) ? spec.low + spec.high - value : value;
      entry.items++;
      people.set(who, entry);
    }
    for (const [key, people] of scores) {
      const [m, name] = key.split('/') as [string, Instrument];
      let sum = 0;
      let sq = 0;
      for (const { sum: total, items } of people.values()) {
        const score = total / items;
        sum += score;
        sq += score * score;
      }
      const n = people.size;
      const mean = sum / n;
      waves.push({ month: Number(m), measure: name, mean, sd: n > 1 ? Math.sqrt(Math.max(0, (sq - n * mean * mean) / (n - 1))) : NaN, n });
    }
  }
  if (waves.length === 0) throw new InputError(`${file}:${table.rows.length + 1}: no data rows: expected at least one wave under the header`);
  waves.sort((a, b) => a.month - b.month || INSTRUMENTS.indexOf(a.measure) - INSTRUMENTS.indexOf(b.measure));
  return { file, format, waves };
}
