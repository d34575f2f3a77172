/**
 * Parameter draws from a finished calibration, one per replicate (`compare --posterior`): replicate
 * r draws a particle of posterior.csv by weight from its own seeded stream, so the draw is the
 * same at every engagement length (common random numbers over parameters too) and any replicate
 * can be recomputed alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../scenarios/index.js';
import { RandomStream } from '../sim/index.js';
import { CALIBRATION_FILE, POSTERIOR_FILE } from './run.js';

export interface PosteriorDraws {
  readonly source: string;
  readonly fields: readonly string[];
  readonly rows: readonly (readonly number[])[];
}

export function posteriorDraws(dir: string, replicates: number, seed: number): PosteriorDraws {
  const path = join(dir, POSTERIOR_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`--posterior: ${path}: cannot read it: expected a finished calibration directory (concentric calibrate --out)`);
  }
  const lines = text.trim().split('\n');
  const header = lines[0].split(',');
  const weightAt = header.indexOf('weight');
  if (weightAt !== header.length - 1 || header.length < 2 || lines.length < 2) {
    throw new InputError(`${path}:1: expected a header of parameter fields then weight, and particles below, got "${lines[0]}"`);
  }
  const fields = header.slice(0, -1);
  const particles = lines.slice(1).map((line, k) => {
    const cells = line.split(',').map(Number);
    if (cells.length !== header.length || cells.some((v) => !Number.isFinite(v))) throw new InputError(`${path}:${k + 2}: expected ${header.length} numbers, got "${line}"`);
    return cells;
  });
  const cumulative: number[] = [];
  let total = 0;
  for (const row of particles) cumulative.push((total += row[weightAt]));
  const rows = Array.from({ length: replicates }, (_, r) => {
    const u = new RandomStream(`posterior/${seed >>> 0}/${r}`).next() * total;
    let i = 0;
    while (i < particles.length - 1 && cumulative[i] <= u) i++;
    return particles[i].slice(0, -1);
  });
  return { source: dir, fields, rows };
}

/** What a calibration directory says about where its posterior came from (null: no readable calibration.json). */
export function posteriorOrigin(dir: string): { readonly scenario: string; readonly engineVersion: number } | null {
  const path = join(dir, CALIBRATION_FILE);
  if (!existsSync(path)) return null;
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as { scenario?: unknown; engineVersion?: unknown };
    return typeof record.scenario === 'string' && typeof record.engineVersion === 'number' ? { scenario: record.scenario, engineVersion: record.engineVersion } : null;
  } catch {
    return null;
  }
}
