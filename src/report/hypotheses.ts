/**
 * "Under each explanation" (issue 23 item 4): `compare --hypotheses a,b,…` reruns the same policy
 * comparison (same lengths, replicates and master seed: common random numbers) under each
 * explanation's scenario, into <results>/hypotheses/<name>/ — each a normal results directory that
 * resumes. Here each is compared like the main comparison (longest length vs the reference, final
 * adoption) and the estimates go to structural.ts for the verdict per explanation, the average and
 * the "disagree" headline. Weights: models.csv from `calibrate --models` when given, else equal.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LENGTH_FIELD } from '../scenarios/index.js';
import type { Manifest } from '../sweep/types.js';
import { compare, groupByLength } from './comparison.js';
import { loadResults } from './load.js';
import { HEADLINE_OUTCOME, OUTCOMES } from './outcomes.js';
import { structuralAdvice, type ExplanationEstimate, type StructuralAdvice } from './structural.js';

export const HYPOTHESES_DIR = 'hypotheses';
/** the weights file compare copies beside the explanations' runs (name,weight rows) */
export const HYPOTHESIS_WEIGHTS_FILE = 'weights.csv';
const RESAMPLES = 2000;

export interface StructuralSection extends StructuralAdvice {
  /** e.g. "24 months (vs 12)" */
  readonly contrast: string;
  readonly length: number;
  readonly reference: number;
  /** where the weights came from: "equal prior weights" or the file */
  readonly weightsFrom: string;
}

/** A subfolder name for a scenario ref: "hypotheses/early-affect" → "hypotheses-early-affect". */
export function hypothesisFolder(ref: string): string {
  return ref.replace(/\.(ya?ml|json)$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+/, '') || 'explanation';
}

/**
 * Weights by scenario ref: models.csv from `calibrate --models` (columns scenario and posterior,
 * the scenario JSON-quoted), or plain name,weight rows.
 */
export function parseWeights(text: string, file: string): Map<string, number> {
  const weights = new Map<string, number>();
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  const fromModels = header.includes('scenario') && header.includes('posterior');
  const nameAt = fromModels ? header.indexOf('scenario') : 0;
  const weightAt = fromModels ? header.indexOf('posterior') : 1;
  for (const [index, line] of lines.entries()) {
    const cells = line.split(',').map((cell) => cell.trim());
    const weight = Number(cells[weightAt]);
    if (index === 0 && (fromModels || !Number.isFinite(weight))) continue; // header
    if (!(Number.isFinite(weight) && weight >= 0)) throw new RangeError(`${file}: line ${index + 1}: expected a weight ≥ 0, got "${cells[weightAt] ?? ''}"`);
    weights.set(cells[nameAt].replace(/^"(.*)"$/, '$1'), weight);
  }
  return weights;
}

function sameComparison(manifest: Manifest, main: Manifest): boolean {
  const lengthsOf = (m: Manifest) => JSON.stringify(m.sweep.factors[LENGTH_FIELD] ?? []);
  return manifest.sweep.seed === main.sweep.seed && manifest.sweep.replicates === main.sweep.replicates && lengthsOf(manifest) === lengthsOf(main);
}

/**
 * The section for a compare's results directory, or null without explanations. `reference`: the
 * main comparison's reference length; the contrast is the longest length against it.
 */
export async function analyseHypotheses(dir: string, main: Manifest, reference: number, marginPp: number): Promise<{ section: StructuralSection | null; notes: string[] }> {
  const root = join(dir, HYPOTHESES_DIR);
  if (!existsSync(root)) return { section: null, notes: [] };
  const notes: string[] = [];
  const weightsPath = join(root, HYPOTHESIS_WEIGHTS_FILE);
  const weights = existsSync(weightsPath) ? parseWeights(readFileSync(weightsPath, 'utf8'), weightsPath) : null;
  const estimates: ExplanationEstimate[] = [];
  let length = reference;
  for (const name of readdirSync(root).sort()) {
    const sub = join(root, name);
    if (!existsSync(join(sub, 'manifest.json'))) continue;
    const results = await loadResults(sub);
    if (!sameComparison(results.manifest, main)) {
      notes.push(`${sub} holds runs of another comparison (other seed, replicates or lengths): left out of "Under each explanation".`);
      continue;
    }
    const groups = groupByLength(results.runs, results.manifest.scenario.engagement.lengthMonths);
    const referenceGroup = groups.find((g) => g.length === reference);
    const longest = groups[groups.length - 1];
    if (!referenceGroup || !longest || longest.length === reference) continue;
    length = longest.length;
    const months = Math.max(...results.runs.map((run) => run.series.month[run.series.month.length - 1]));
    const c = compare({
      outcome: OUTCOMES[HEADLINE_OUTCOME],
      group: longest,
      reference: referenceGroup,
      paired: results.manifest.sweep.seeds === 'common',
      marginFraction: marginPp / 100,
      months,
      seed: `${results.manifest.sweep.seed}:hypothesis:${results.manifest.sweep.base}:${longest.length}:${reference}`,
      resamples: RESAMPLES,
    });
    const base = results.manifest.sweep.base;
    const weight = weights ? (weights.get(base) ?? weights.get(name) ?? weights.get(base.replace(/^hypotheses\//, '')) ?? 0) : 1;
    estimates.push({ name: base, label: `"${base}"`, weight, difference: c.estimate * 100, low: c.ci95.low * 100, high: c.ci95.high * 100 });
  }
  if (estimates.length === 0) return { section: null, notes };
  if (weights && estimates.every((e) => e.weight === 0)) notes.push(`${weightsPath} gives no weight to any explanation run: equal weights used.`);
  const contrast = `${length} months (vs ${reference})`;
  const advice = structuralAdvice(estimates, marginPp, contrast);
  const weightsFrom = weights && !estimates.every((e) => e.weight === 0) ? `posterior model probabilities from ${weightsPath}` : 'equal prior weights (no calibration data given)';
  return { section: { ...advice, contrast, length, reference, weightsFrom }, notes };
}
