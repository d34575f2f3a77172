/**
 * "Does it hold?": the policy comparison repeated across ISP headcount, number of units and horizon
 * (compare writes these sweeps into <results>/robustness/<field>/, fewer replicates each). Each
 * condition's final adoption is compared length by length with the reference, exactly as in the
 * main comparison; the rows say where a length differs by more than the margin.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LENGTH_FIELD } from '../scenarios/index.js';
import type { FactorValue, Manifest } from '../sweep/types.js';
import { compare, groupByLength } from './comparison.js';
import { loadResults, type Results } from './load.js';
import type { ComparisonVerdict } from './model.js';
import { HEADLINE_OUTCOME, OUTCOMES } from './outcomes.js';

export const ROBUSTNESS_DIR = 'robustness';
/** Bootstrap resamples per robustness comparison (the grid has many cells and few replicates). */
export const ROBUSTNESS_RESAMPLES = 2000;

export interface RobustnessRow {
  /** the field varied, e.g. "isps.count" */
  readonly factor: string;
  readonly value: FactorValue;
  readonly length: number;
  readonly reference: number;
  /** final adoption, length − reference (share 0–1) */
  readonly difference: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly effectSize: number | null;
  readonly verdict: ComparisonVerdict;
  /** the point estimate lies beyond the margin and the 95 % CI excludes zero */
  readonly materiallyDifferent: boolean;
  readonly replicates: number;
  readonly words: string;
}

/** The robustness sweeps written beside a compare's results, when they belong to it. */
export async function loadRobustness(dir: string, main: Manifest): Promise<{ sets: Results[]; notes: string[] }> {
  const root = join(dir, ROBUSTNESS_DIR);
  if (!existsSync(root)) return { sets: [], notes: [] };
  const sets: Results[] = [];
  const notes: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const sub = join(root, name);
    if (!existsSync(join(sub, 'manifest.json'))) continue;
    const results = await loadResults(sub);
    if (!belongsTo(results.manifest, main)) {
      notes.push(`${sub} holds robustness runs of another compare (other scenario, seed or lengths): left out of "Does it hold?".`);
      continue;
    }
    sets.push(results);
    notes.push(...results.notes.map((note) => `"Does it hold?" (${name}): ${note}`));
  }
  return { sets, notes };
}

/** Same base scenario, master seed and lengths, and the main compare's overrides. */
function belongsTo(manifest: Manifest, main: Manifest): boolean {
  const a = manifest.sweep;
  const b = main.sweep;
  const lengthsOf = (m: Manifest) => JSON.stringify(m.sweep.factors[LENGTH_FIELD] ?? []);
  return (
    a.base === b.base &&
    a.seed === b.seed &&
    lengthsOf(manifest) === lengthsOf(main) &&
    JSON.stringify(a.overrides) === JSON.stringify(b.overrides) &&
    JSON.stringify(manifest.scenario) === JSON.stringify(main.scenario)
  );
}

interface Settings {
  readonly reference: number;
  readonly marginFraction: number;
}

export function analyseRobustness(sets: readonly Results[], settings: Settings): RobustnessRow[] {
  const rows: RobustnessRow[] = [];
  const outcome = OUTCOMES[HEADLINE_OUTCOME];
  for (const set of sets) {
    const factor = Object.keys(set.manifest.sweep.factors).find((name) => name !== LENGTH_FIELD);
    if (!factor) continue;
    for (const value of set.manifest.sweep.factors[factor]) {
      const runs = set.runs.filter((run) => run.params[factor] === value);
      const groups = groupByLength(runs, set.manifest.scenario.engagement.lengthMonths);
      const referenceGroup = groups.find((g) => g.length === settings.reference);
      if (!referenceGroup) continue;
      const months = Math.max(...runs.map((run) => run.series.month[run.series.month.length - 1]));
      for (const group of groups) {
        if (group.length === settings.reference) continue;
        const c = compare({
          outcome,
          group,
          reference: referenceGroup,
          paired: set.manifest.sweep.seeds === 'common',
          marginFraction: settings.marginFraction,
          months,
          seed: `${set.manifest.sweep.seed}:robustness:${factor}=${String(value)}:${group.length}:${settings.reference}`,
          resamples: ROBUSTNESS_RESAMPLES,
        });
        rows.push({
          factor,
          value,
          length: c.length,
          reference: c.reference,
          difference: c.estimate,
          ciLow: c.ci95.low,
          ciHigh: c.ci95.high,
          effectSize: c.effectSize,
          verdict: c.verdict,
          materiallyDifferent: c.verdict === 'differs' && Math.abs(c.estimate) > c.margin,
          replicates: c.n,
          words: c.words,
        });
      }
    }
  }
  return rows;
}
