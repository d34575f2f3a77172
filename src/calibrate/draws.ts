/**
 * Parameter draws from a finished calibration, one per replicate (`compare --posterior`): replicate
 * r draws a particle of posterior.csv by weight from its own seeded stream, so the draw is the
 * same at every engagement length (common random numbers over parameters too) and any replicate
 * can be recomputed alone.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, readInputFile } from '../scenarios/index.js';
import { factorFields, isNumericField } from '../sweep/factors.js';
import { DECIMAL } from './data.js';
import { RandomStream } from '../sim/index.js';
import { predictiveFails, type PredictiveBand } from './posterior.js';
import { CALIBRATION_FILE, POSTERIOR_FILE } from './run.js';

export interface PosteriorDraws {
  readonly source: string;
  readonly fields: readonly string[];
  readonly rows: readonly (readonly number[])[];
  /** the calibration's posterior predictive check failed: what it missed (absent when it passed) */
  readonly fitWarning?: string;
}

/** Column names that would reach an object's prototype, or that compare itself owns. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'weight', 'name', 'description']);
/** Fields that change a run's horizon: a posterior may not override what `--months` said. */
const HORIZON = new Set(['months']);

/**
 * posterior.csv read through the bounded reader and checked whole before any run: a header of
 * distinct numeric scenario fields then `weight`; every row plain decimals, each value inside its
 * field's valid range (whole numbers for whole-number fields), weights ≥ 0 and not all zero.
 * A damaged or hand-edited file is bad input with its line, never a run on a value no other
 * command accepts.
 */
export function readPosterior(dir: string): { readonly path: string; readonly fields: readonly string[]; readonly particles: readonly (readonly number[])[] } {
  const path = join(dir, POSTERIOR_FILE);
  if (!existsSync(path)) throw new InputError(`--posterior: ${path}: file not found: expected a finished calibration directory (concentric calibrate --out)`);
  const text = readInputFile(path, `--posterior: ${path}`);
  const named = recordedPosterior(dir);
  if (named && createHash('sha256').update(text).digest('hex') !== named.sha256) {
    throw new InputError(
      `--posterior: ${path}: expected the posterior of generation ${named.generation} that ${CALIBRATION_FILE} names, got a different file (changed since, or a write was cut short): run concentric calibrate … --out ${dir} --resume to rewrite it`,
    );
  }
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  const header = lines[0].split(',').map((cell) => cell.trim());
  if (header.length < 2 || header[header.length - 1] !== 'weight' || lines.length < 2) {
    throw new InputError(`${path}:1: expected a header of parameter fields then weight, and particles below, got ${JSON.stringify(lines[0].slice(0, 200))}`);
  }
  const fields = header.slice(0, -1);
  const metas = fields.map((field, a) => {
    if (RESERVED.has(field)) throw new InputError(`${path}:1: column ${a + 1}: expected a scenario field, got the reserved name ${JSON.stringify(field)}`);
    if (fields.indexOf(field) !== a) throw new InputError(`${path}:1: column ${a + 1}: expected each field once, got ${JSON.stringify(field)} twice`);
    if (HORIZON.has(field)) throw new InputError(`${path}:1: column ${a + 1}: expected fields that leave the horizon alone (--months sets it), got ${JSON.stringify(field)}`);
    const meta = factorFields().get(field);
    if (!meta || !isNumericField(meta)) throw new InputError(`${path}:1: column ${a + 1}: expected a numeric scenario field (see \`concentric fields\`), got ${JSON.stringify(field)}`);
    return meta;
  });
  let total = 0;
  const particles = lines.slice(1).map((line, k) => {
    const where = `${path}:${k + 2}`;
    const cells = line.split(',').map((cell) => cell.trim());
    if (cells.length !== header.length) throw new InputError(`${where}: expected ${header.length} numbers, got ${cells.length} cells`);
    const row = cells.map((cell, a) => {
      const value = Number(cell);
      const column = a < fields.length ? fields[a] : 'weight';
      if (!DECIMAL.test(cell) || !Number.isFinite(value)) throw new InputError(`${where}: ${column}: expected a plain decimal number, got ${JSON.stringify(cell.slice(0, 40))}`);
      if (a === fields.length) {
        if (value < 0) throw new InputError(`${where}: weight: expected a weight ≥ 0, got ${cell}`);
        return value;
      }
      const meta = metas[a];
      if ((meta.min !== undefined && value < meta.min) || (meta.max !== undefined && value > meta.max)) {
        throw new InputError(`${where}: ${column}: expected a value within ${meta.min}–${meta.max} (${meta.unit}), got ${cell}`);
      }
      if (meta.integer && !Number.isInteger(value)) throw new InputError(`${where}: ${column}: expected a whole number, got ${cell}`);
      return value;
    });
    total += row[fields.length];
    return row;
  });
  if (!(total > 0)) throw new InputError(`${path}: weight: expected weights with a positive sum, got ${total === 0 ? 'all zero' : String(total)}`);
  return { path, fields, particles };
}

/** One particle per replicate, drawn by weight (`read`: the checked posterior.csv, read once by the caller if given). */
export function posteriorDraws(dir: string, replicates: number, seed: number, read: ReturnType<typeof readPosterior> = readPosterior(dir)): PosteriorDraws {
  const { fields, particles } = read;
  const weightAt = fields.length;
  const cumulative: number[] = [];
  let total = 0;
  for (const row of particles) cumulative.push((total += row[weightAt]));
  const rows = Array.from({ length: replicates }, (_, r) => {
    const u = new RandomStream(`posterior/${seed >>> 0}/${r}`).next() * total;
    let i = 0;
    while (i < particles.length - 1 && cumulative[i] <= u) i++;
    return particles[i].slice(0, -1);
  });
  const fitWarning = posteriorOrigin(dir)?.fitWarning;
  return { source: dir, fields, rows, ...(fitWarning ? { fitWarning } : {}) };
}

/** The generation and hash of posterior.csv that calibration.json records (absent before this was recorded). */
function recordedPosterior(dir: string): { readonly generation: number; readonly sha256: string } | undefined {
  const path = join(dir, CALIBRATION_FILE);
  if (!existsSync(path)) return undefined;
  let record: { posteriorFile?: { generation?: unknown; sha256?: unknown } };
  try {
    record = JSON.parse(readInputFile(path, `--posterior: ${path}`)) as typeof record;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--posterior: ${path}: expected a calibration record (JSON), got unreadable JSON: the calibration folder is damaged`);
  }
  const file = record?.posteriorFile;
  return file && typeof file.generation === 'number' && typeof file.sha256 === 'string' ? { generation: file.generation, sha256: file.sha256 } : undefined;
}

/**
 * What a calibration directory says about where its posterior came from (null: no readable
 * calibration.json), and whether its posterior predictive check failed.
 */
export function posteriorOrigin(dir: string): { readonly scenario: string; readonly engineVersion: number; readonly fitWarning?: string } | null {
  const path = join(dir, CALIBRATION_FILE);
  if (!existsSync(path)) return null;
  try {
    const record = JSON.parse(readInputFile(path, path)) as { scenario?: unknown; engineVersion?: unknown; predictive?: unknown };
    if (typeof record.scenario !== 'string' || typeof record.engineVersion !== 'number') return null;
    const bands = Array.isArray(record.predictive) ? (record.predictive as PredictiveBand[]) : [];
    const failed = bands.length > 0 && predictiveFails(bands);
    const misses = bands.filter((band) => band.miss).length;
    return {
      scenario: record.scenario,
      engineVersion: record.engineVersion,
      ...(failed ? { fitWarning: `${misses} of ${bands.length} data points outside the 95 % bands of waves simulated from the posterior` } : {}),
    };
  } catch {
    return null;
  }
}
