/**
 * Sensitivity results in plain words: output names, the ranking, one sentence per factor and a
 * headline per output. Shared by the terminal table, summary.md and the charts, so they agree.
 * Shares are shown in percentage points (pp); Morris effects are per whole range of a factor.
 */
import type { OutputAnalysis, SensitivityAnalysis } from './analyse.js';
import type { OutputKey, SensitivityFactor } from './plan.js';

const MINUS = '\u2212';

export function outputLabel(output: OutputKey, analysis: Pick<SensitivityAnalysis, 'difference' | 'lengthMonths'>): string {
  switch (output) {
    case 'finalAdoption':
      return `final adoption (${analysis.lengthMonths}-month engagements)`;
    case 'sustainedCapacity':
      return `sustained capacity (${analysis.lengthMonths}-month engagements)`;
    case 'lengthDifference':
      return `limited − high: final adoption at ${analysis.difference?.limited} minus ${analysis.difference?.high} months`;
  }
}

export function outputMeaning(output: OutputKey, analysis: Pick<SensitivityAnalysis, 'difference'>): string {
  switch (output) {
    case 'finalAdoption':
      return 'share of staff applying at the end of the run';
    case 'sustainedCapacity':
      return 'share of staff applying continuously for ≥ 12 months at the end';
    case 'lengthDifference':
      return (
        `final adoption with ${analysis.difference?.limited}-month engagements minus with ${analysis.difference?.high}-month ones, ` +
        'same organization and seed (common random numbers); > 0 ⇒ limited ended ahead'
      );
  }
}

/** A share or share difference in percentage points, with a real minus sign. */
export function pp(share: number, digits = 1, signed = false): string {
  const value = share * 100;
  const text = Math.abs(value).toFixed(digits);
  const zero = Number(text) === 0;
  const sign = value < 0 && !zero ? MINUS : signed && !zero ? '+' : '';
  return `${sign}${text} pp`;
}

export function fixed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

function trim(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

export function rangeText(factor: SensitivityFactor): string {
  return `${trim(factor.low)}–${trim(factor.high)}`;
}

/** Factor indices ordered by importance: ST (Sobol) or μ* (Morris), largest first; ties by name. */
export function ranking(output: OutputAnalysis, factors: readonly SensitivityFactor[]): number[] {
  const score = (i: number): number => {
    if (output.morris) return output.morris.factors[i].muStar;
    return output.sobol?.factors[i]?.total ?? 0;
  };
  return factors.map((_, i) => i).sort((a, b) => score(b) - score(a) || factors[a].path.localeCompare(factors[b].path));
}

/** Sobol words: how much of the variance a factor explains, alone and with interactions. */
export function sobolWords(total: number, first: number, floor: number | null = null): string {
  if (floor !== null && total <= 2 * floor) return 'within replicate noise';
  const importance = total >= 0.1 ? 'drives it' : total >= 0.02 ? 'matters a little' : 'negligible';
  if (total < 0.02) return importance;
  const alone = Math.max(0, first);
  const interactions = total - alone > Math.max(0.05, 0.5 * total) ? '; mostly through interactions' : '';
  return `${importance}: ${Math.round(total * 100)} % of the variance involves it, ${Math.round(alone * 100)} % on its own${interactions}`;
}

/** Morris words: size (per whole range) and shape of a factor's effect. */
export function morrisWords(mu: number, muStar: number, sigma: number, floor: number | null, largest: number): string {
  if (muStar === 0) return 'no effect';
  if (floor !== null && muStar <= 2 * floor) return 'within replicate noise';
  const size = muStar >= 0.5 * largest ? 'strong' : muStar >= 0.1 * largest ? 'moderate' : 'weak';
  const direction = Math.abs(mu) >= 0.8 * muStar ? (mu > 0 ? 'raises it' : 'lowers it') : 'raises or lowers it depending on the rest';
  const shape = sigma > muStar ? ', non-linear or interacting' : '';
  return `${size}; ${direction}${shape}`;
}

/** One-sentence headline for an output: its most important factors. */
export function headline(output: OutputAnalysis, analysis: SensitivityAnalysis, count = 3): string {
  const order = ranking(output, analysis.factors);
  const label = outputLabel(output.output, analysis);
  const name = (i: number) => analysis.factors[i].path;
  if (output.sobol) {
    if (output.sobol.variance === 0) return `${label}: does not vary over these ranges.`;
    const floor = output.noise.floor;
    const top = order.filter((i) => (output.sobol!.factors[i]?.total ?? 0) >= Math.max(0.02, floor === null ? 0 : 2 * floor)).slice(0, count);
    if (top.length === 0) return `${label}: no factor explains more than 2 % of its variance or stands out from replicate noise.`;
    const parts = top.map((i) => `${name(i)} (ST ${output.sobol!.factors[i]!.total.toFixed(2)})`);
    return `${label} depends most on ${list(parts)}.`;
  }
  const morris = output.morris!;
  const floor = output.noise.floor;
  const top = order.filter((i) => floor === null || morris.factors[i].muStar > 2 * floor).slice(0, count);
  if (top.length === 0) return `${label}: no factor's effect stands out from replicate noise.`;
  const parts = top.map((i) => `${name(i)} (μ* ${pp(morris.factors[i].muStar)})`);
  return `${label} depends most on ${list(parts)}.`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function interval(ci: { low: number; high: number } | null, format: (x: number) => string): string {
  return ci ? `${format(ci.low)} to ${format(ci.high)}` : '—';
}

/** The ranking table of one output: header and rows, top `limit` factors. */
export function rankingTable(output: OutputAnalysis, analysis: SensitivityAnalysis, limit = Infinity): { header: string[]; rows: string[][] } {
  const order = ranking(output, analysis.factors).slice(0, limit);
  if (output.morris) {
    const largest = Math.max(...output.morris.factors.map((f) => f.muStar));
    return {
      header: ['rank', 'factor', 'range', 'μ*', '95 % CI', 'μ', 'σ', 'in words'],
      rows: order.map((i, rank) => {
        const f = output.morris!.factors[i];
        return [
          String(rank + 1),
          analysis.factors[i].path,
          rangeText(analysis.factors[i]),
          pp(f.muStar),
          interval(f.muStarCi, (x) => pp(x).replace(' pp', '')),
          pp(f.mu, 1, true),
          pp(f.sigma),
          morrisWords(f.mu, f.muStar, f.sigma, output.noise.floor, largest),
        ];
      }),
    };
  }
  return {
    header: ['rank', 'factor', 'range', 'total ST', '95 % CI', 'first S1', '95 % CI', 'in words'],
    rows: order.map((i, rank) => {
      const f = output.sobol!.factors[i];
      if (!f) return [String(rank + 1), analysis.factors[i].path, rangeText(analysis.factors[i]), '—', '—', '—', '—', 'output does not vary'];
      return [
        String(rank + 1),
        analysis.factors[i].path,
        rangeText(analysis.factors[i]),
        fixed(f.total, 2),
        interval(f.totalCi, (x) => fixed(x, 2)),
        fixed(f.first, 2),
        interval(f.firstCi, (x) => fixed(x, 2)),
        sobolWords(f.total, f.first, output.noise.floor),
      ];
    }),
  };
}

/** What the noise line under each table says. */
export function noiseWords(output: OutputAnalysis, analysis: SensitivityAnalysis): string {
  if (analysis.replicates < 2) return 'replicate noise: not estimated with 1 replicate (use --reps 2 or more)';
  const floor = output.noise.floor;
  if (floor === null) return 'replicate noise: not estimated';
  if (output.morris) return `replicate noise: a factor with no effect would show μ* ≈ ${pp(floor)}; below ${pp(2 * floor)} an effect is called within noise`;
  return `replicate noise: a factor with no effect would show ST ≈ ${fixed(floor, 3)}; below ${fixed(2 * floor, 3)} an index is called within noise`;
}

/** How the analysis was made, in one paragraph. */
export function methodWords(analysis: SensitivityAnalysis): string {
  const k = analysis.factors.length;
  const design =
    analysis.method === 'morris'
      ? `Morris elementary effects: ${analysis.n} trajectories on a ${analysis.levels}-level grid over ${k} factors (${analysis.points} design points); μ* is the mean absolute change in the output when a factor moves across its whole range, σ its spread, 95 % CIs by bootstrap over trajectories (${analysis.resamples} resamples)`
      : `Sobol' indices: Saltelli design of ${analysis.n} base samples over ${k} factors (${analysis.points} design points), Jansen estimators for first-order (S1) and total (ST) indices, 95 % CIs by bootstrap over base samples (${analysis.resamples} resamples)`;
  const lengths = analysis.difference
    ? `, at engagement lengths ${[...new Set([analysis.lengthMonths, analysis.difference.limited, analysis.difference.high])].join(', ')} months`
    : '';
  return `${design}. ${analysis.replicates} replicate${analysis.replicates === 1 ? '' : 's'} per point${lengths}; ${analysis.runs.toLocaleString('en')} runs; master seed ${analysis.seed}, common random numbers (replicate r has the same seed at every point and length).`;
}
