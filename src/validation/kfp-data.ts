/**
 * The Korean family-planning study (Park, Chung, Han & Lee 1974; Rogers & Kincaid 1981; the
 * netdiffuseR `kfamily` data) as the product reads it: the three CSV files of
 * examples/korean-family-planning parsed and checked, the seeded split of the 25 villages into
 * training and held-out villages, one village's people/ties files (`organization.network: file`,
 * one village = one organization), and each village's adoption curve as per-unit waves (the
 * `survey --waves` shape with a unit column: unit,month,measure,mean,sd,n; measure `applying`).
 *
 * Pure: texts in, values out (the case reads the files). Year k of the programme (k = 1 … 10, the
 * data's `toa`) is read as "adopted during year k", so the cumulative share at month 12·k
 * counts the adopters of years 1 … k; an empty year is "not adopted by the 1973 survey".
 */
import { RandomStream } from '../sim/index.js';

export const KFP_YEARS = 10;
export const MONTHS_PER_YEAR = 12;

export interface KfpWoman {
  readonly id: string;
  readonly village: string;
  /** year of adoption 1 … KFP_YEARS, or null: not adopted by the survey */
  readonly year: number | null;
}

export interface KfpTie {
  readonly from: string;
  readonly to: string;
  readonly relation: string;
}

export interface KfpData {
  readonly women: readonly KfpWoman[];
  /** village names, sorted */
  readonly villages: readonly string[];
  readonly ties: readonly KfpTie[];
}

export interface KfpTexts {
  readonly people: { readonly text: string; readonly label: string };
  readonly ties: { readonly text: string; readonly label: string };
  readonly adoption: { readonly text: string; readonly label: string };
}

export class KfpDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KfpDataError';
  }
}

/** Rows of a plain CSV (no quoting: these files have none), checked against the expected header. */
function rows(file: { text: string; label: string }, columns: readonly string[]): { line: number; cells: string[] }[] {
  const lines = file.text.replace(/\r\n?/g, '\n').split('\n');
  const header = (lines[0] ?? '').split(',').map((c) => c.trim().toLowerCase());
  if (columns.some((c, k) => header[k] !== c)) {
    throw new KfpDataError(`${file.label}:1: expected the columns ${columns.join(',')}, got ${JSON.stringify(lines[0] ?? '')}`);
  }
  const out: { line: number; cells: string[] }[] = [];
  lines.slice(1).forEach((text, k) => {
    if (text.trim() === '') return;
    const cells = text.split(',').map((c) => c.trim());
    if (cells.length !== columns.length) throw new KfpDataError(`${file.label}:${k + 2}: expected ${columns.length} cells, got ${cells.length}`);
    out.push({ line: k + 2, cells });
  });
  return out;
}

/** Parse and cross-check the three files: every adoption and tie names a woman of people.csv. */
export function parseKfp(texts: KfpTexts): KfpData {
  const villageOf = new Map<string, string>();
  const order: string[] = [];
  for (const { line, cells } of rows(texts.people, ['id', 'unit'])) {
    const [id, unit] = cells;
    if (id === '' || unit === '') throw new KfpDataError(`${texts.people.label}:${line}: expected an id and a unit, got ${JSON.stringify(cells.join(','))}`);
    if (villageOf.has(id)) throw new KfpDataError(`${texts.people.label}:${line}: id: expected each id once, got ${id} again`);
    villageOf.set(id, unit);
    order.push(id);
  }
  const yearOf = new Map<string, number | null>();
  for (const { line, cells } of rows(texts.adoption, ['id', 'year'])) {
    const [id, year] = cells;
    if (!villageOf.has(id)) throw new KfpDataError(`${texts.adoption.label}:${line}: id: expected an id of people.csv, got ${JSON.stringify(id)}`);
    if (yearOf.has(id)) throw new KfpDataError(`${texts.adoption.label}:${line}: id: expected each id once, got ${id} again`);
    if (year === '') {
      yearOf.set(id, null);
      continue;
    }
    const value = Number(year);
    if (!/^\d+$/.test(year) || value < 1 || value > KFP_YEARS) {
      throw new KfpDataError(`${texts.adoption.label}:${line}: year: expected a whole year 1–${KFP_YEARS} or empty (not adopted), got ${JSON.stringify(year)}`);
    }
    yearOf.set(id, value);
  }
  const missing = order.find((id) => !yearOf.has(id));
  if (missing !== undefined) throw new KfpDataError(`${texts.adoption.label}: expected a row for every woman of people.csv, got none for ${missing}`);
  const ties: KfpTie[] = [];
  for (const { line, cells } of rows(texts.ties, ['from', 'to', 'relation'])) {
    const [from, to, relation] = cells;
    for (const id of [from, to]) {
      if (!villageOf.has(id)) throw new KfpDataError(`${texts.ties.label}:${line}: expected ids of people.csv, got ${JSON.stringify(id)}`);
    }
    ties.push({ from, to, relation });
  }
  const women = order.map((id) => ({ id, village: villageOf.get(id)!, year: yearOf.get(id)! }));
  const villages = [...new Set(women.map((w) => w.village))].sort();
  return { women, villages, ties };
}

/**
 * The seeded split: the villages (sorted) shuffled by Fisher–Yates with the stream
 * `kfp-holdout/split/<seed>`; the first round(2/3 · n) train, the rest are held out. Both lists
 * come back sorted.
 */
export function splitVillages(villages: readonly string[], seed: number): { training: string[]; heldOut: string[] } {
  const shuffled = [...villages].sort();
  const rng = new RandomStream(`kfp-holdout/split/${seed}`);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const cut = Math.round((2 / 3) * shuffled.length);
  return { training: shuffled.slice(0, cut).sort(), heldOut: shuffled.slice(cut).sort() };
}

/** One village's files for `organization.network: file` (its women; the ties among them). */
export function villageFiles(data: KfpData, village: string): { people: string; ties: string; women: number } {
  const members = data.women.filter((w) => w.village === village);
  if (members.length === 0) throw new KfpDataError(`village ${JSON.stringify(village)}: expected one of ${data.villages.join(', ')}`);
  const inVillage = new Set(members.map((w) => w.id));
  const people = ['id,unit', ...members.map((w) => `${w.id},${village}`)].join('\n') + '\n';
  const ties = ['from,to,relation', ...data.ties.filter((t) => inVillage.has(t.from) && inVillage.has(t.to)).map((t) => `${t.from},${t.to},${t.relation}`)].join('\n') + '\n';
  return { people, ties, women: members.length };
}

/** Women, and adopters by the end of each year 1 … KFP_YEARS (cumulative), in one village. */
export function adoptionCurve(data: KfpData, village: string): { women: number; adopted: number[] } {
  const members = data.women.filter((w) => w.village === village);
  const adopted = Array.from({ length: KFP_YEARS }, (_, k) => members.filter((w) => w.year !== null && w.year <= k + 1).length);
  return { women: members.length, adopted };
}

/** A wave of one unit: the `survey --waves` row with the unit it belongs to. */
export interface UnitWave {
  readonly unit: string;
  readonly month: number;
  readonly measure: 'applying';
  /** the share applying (here: ever adopted) at the month's end */
  readonly mean: number;
  readonly n: number;
}

/** Each village's yearly curve as waves at months 12, 24, … 120. */
export function unitWaves(data: KfpData, villages: readonly string[]): UnitWave[] {
  return villages.flatMap((unit) => {
    const { women, adopted } = adoptionCurve(data, unit);
    return adopted.map((count, k) => ({ unit, month: (k + 1) * MONTHS_PER_YEAR, measure: 'applying' as const, mean: count / women, n: women }));
  });
}

export const UNIT_WAVE_COLUMNS = ['unit', 'month', 'measure', 'mean', 'sd', 'n'] as const;

/** Per-unit waves as CSV (sd left empty, as `survey --waves` allows). */
export function unitWavesCsv(waves: readonly UnitWave[]): string {
  return [UNIT_WAVE_COLUMNS.join(','), ...waves.map((w) => `${w.unit},${w.month},${w.measure},${w.mean},,${w.n}`)].join('\n') + '\n';
}
