/**
 * What a sensitivity analysis runs: its factors (by default every scenario field flagged as an
 * assumption, over the range docs/MODEL.md documents for it), its design (Morris trajectories or
 * a Saltelli design), and one sweep per engagement length it needs — the scenario's own length
 * for final adoption and sustained capacity, plus a limited and a high length for their
 * difference. The sweeps share design, replicates and master seed with common random numbers,
 * so design point p, replicate r is the same organization (same seed) at every length.
 */
import { cannotVaryReason, InputError, LENGTH_FIELD, listFields, loadScenario, nearest, validateScenario, withValues, type FieldMeta, type Scenario } from '../../scenarios/index.js';
import { SOBOL_MAX_DIMENSIONS } from '../designs/index.js';
import { isNumericField } from '../factors.js';
import type { SweepSpec } from '../types.js';

export { LENGTH_FIELD } from '../../scenarios/index.js';
export const Method = { morris: 'morris', sobol: 'sobol' } as const;
export type Method = keyof typeof Method;
export function isMethod(text: string): text is Method {
  return text in Method;
}

/** The outputs analysed: two run outcomes and one paired difference between lengths. */
export const OUTPUTS = ['finalAdoption', 'sustainedCapacity', 'lengthDifference'] as const;
export type OutputKey = (typeof OUTPUTS)[number];

export interface SensitivityFactor {
  readonly path: string;
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly integer: boolean;
  readonly help: string;
  /** the scenario's own value */
  readonly value: number;
}

export interface PlannedSweep {
  /** sub-directory of --out, e.g. "length-12" */
  readonly label: string;
  readonly lengthMonths: number;
  readonly spec: SweepSpec;
  readonly scenario: Scenario;
}

export interface SensitivityOptions {
  /** built-in name or scenario file */
  readonly scenario: string;
  readonly overrides: readonly string[];
  readonly method: Method;
  /** Morris trajectories r, or Sobol base samples n */
  readonly n: number;
  /** Morris grid levels (even) */
  readonly levels: number;
  /** field paths; default every assumption whose documented range holds the scenario's value */
  readonly factors?: readonly string[];
  readonly replicates: number;
  readonly seed: number;
  /** engagement lengths (months) for the limited-vs-high difference, or null for none */
  readonly difference: { readonly limited: number; readonly high: number } | null;
}

export interface SensitivityPlan {
  readonly options: SensitivityOptions;
  readonly scenario: Scenario;
  readonly factors: readonly SensitivityFactor[];
  /** assumptions left out by default because the scenario's value lies outside their documented range */
  readonly leftOut: readonly { readonly path: string; readonly value: number; readonly low: number; readonly high: number }[];
  readonly outputs: readonly OutputKey[];
  /** one per distinct engagement length, the scenario's own first */
  readonly sweeps: readonly PlannedSweep[];
  /** design points per sweep and runs in all */
  readonly points: number;
  readonly totalRuns: number;
}

function valueAt(scenario: Scenario, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], scenario);
}

/** Numeric scalar fields (ranges a design can sample), by path. */
function numericFields(): Map<string, FieldMeta> {
  return new Map(
    listFields()
      .filter((field) => isNumericField(field.meta) && !field.meta.unit.startsWith('[low, high]'))
      .map((field) => [field.path, field.meta]),
  );
}

function toFactor(path: string, meta: FieldMeta, scenario: Scenario, range: readonly [number, number]): SensitivityFactor {
  return {
    path,
    low: range[0],
    high: range[1],
    unit: meta.unit,
    integer: meta.integer === true,
    help: meta.help,
    value: valueAt(scenario, path) as number,
  };
}

/** `path` or `path=low:high`; a path alone takes its documented range (or its valid range). */
function parseFactor(text: string, fields: Map<string, FieldMeta>, scenario: Scenario, flag: string): SensitivityFactor {
  const [pathText, rangeText] = text.split('=');
  const path = pathText.trim();
  const meta = fields.get(path);
  if (!meta) {
    const suggestion = nearest(path, [...fields.keys()]);
    const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
    throw new InputError(
      `${flag}: ${path}: expected a numeric scenario field (${hint}see \`concentric fields --assumptions\`), got ${JSON.stringify(path)}`,
    );
  }
  const reason = cannotVaryReason(path, scenario);
  if (reason) throw new InputError(`${flag}: ${path}: expected a field that can change the runs, got one that cannot: ${reason}`);
  let range: readonly [number, number];
  if (rangeText !== undefined) {
    const bounds = rangeText.split(':').map((part) => Number(part.trim()));
    if (bounds.length !== 2 || bounds.some((bound) => !Number.isFinite(bound)) || !(bounds[0] < bounds[1])) {
      throw new InputError(`${flag}: ${path}: expected a range low:high with low < high (e.g. ${path}=${meta.explore?.[0] ?? meta.min}:${meta.explore?.[1] ?? meta.max}), got ${JSON.stringify(rangeText)}`);
    }
    range = [bounds[0], bounds[1]];
  } else if (meta.explore) {
    range = meta.explore;
  } else {
    range = [meta.min!, meta.max!];
  }
  for (const bound of range) validateScenario(withValues(scenario, { [path]: bound }), () => `${flag} ${path}`);
  return toFactor(path, meta, scenario, range);
}

export function planSensitivity(options: SensitivityOptions): SensitivityPlan {
  const { scenario } = loadScenario(options.scenario, { overrides: options.overrides });
  const fields = numericFields();
  const leftOut: { path: string; value: number; low: number; high: number }[] = [];
  let factors: SensitivityFactor[];
  if (options.factors && options.factors.length > 0) {
    factors = options.factors.map((text) => parseFactor(text, fields, scenario, '--factors'));
    const seen = new Set<string>();
    for (const factor of factors) {
      if (seen.has(factor.path)) throw new InputError(`--factors: expected each field once, got ${factor.path} twice`);
      seen.add(factor.path);
    }
  } else {
    factors = [];
    for (const [path, meta] of fields) {
      if (!meta.assumption || !meta.explore) continue;
      // A field this scenario's network does not read (every generator setting on an organization
      // from files; team ties on an erdos-renyi graph) would only add runs with no effect.
      if (cannotVaryReason(path, scenario)) continue;
      const value = valueAt(scenario, path) as number;
      const [low, high] = meta.explore;
      // A documented range is the foundation's; a scenario far outside it (e.g. 1,000 units) keeps its value.
      if (value < low || value > high) leftOut.push({ path, value, low, high });
      else factors.push(toFactor(path, meta, scenario, meta.explore));
    }
    if (factors.length === 0) throw new InputError(`--factors: no assumption's documented range holds this scenario's value; name the factors, e.g. --factors trust.gain,context.urgency`);
  }
  if (options.difference && factors.some((factor) => factor.path === LENGTH_FIELD)) {
    throw new InputError(`--factors: ${LENGTH_FIELD} cannot be a factor while the limited-vs-high difference sets it; add --no-difference`);
  }
  const k = factors.length;
  if (options.method === 'sobol' && 2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new InputError(`--factors: expected at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} factors for --method sobol, got ${k}`);
  }
  if (options.method === 'morris' && options.levels % 2 !== 0) {
    throw new InputError(`--levels: expected an even number of levels (so Δ = p/(2(p−1)) stays on the grid), got ${options.levels}`);
  }

  const own = scenario.engagement.lengthMonths;
  const lengths = [own];
  if (options.difference) {
    if (options.difference.limited >= options.difference.high) {
      throw new InputError(`--limited/--high: expected a limited length shorter than the high one, got ${options.difference.limited} and ${options.difference.high} months`);
    }
    for (const length of [options.difference.limited, options.difference.high]) if (!lengths.includes(length)) lengths.push(length);
  }
  const design = options.method === 'sobol' ? ({ type: 'sobol', n: options.n } as const) : ({ type: 'morris', r: options.n, levels: options.levels } as const);
  const sweeps = lengths.map((lengthMonths): PlannedSweep => {
    const overrides = [...options.overrides, `${LENGTH_FIELD}=${lengthMonths}`];
    const atLength = validateScenario(withValues(scenario, { [LENGTH_FIELD]: lengthMonths }), () => `engagement length ${lengthMonths} months`);
    return {
      label: `length-${lengthMonths}`,
      lengthMonths,
      scenario: atLength,
      spec: {
        kind: 'sensitivity',
        name: `${scenario.name}: ${options.method} sensitivity, ${lengthMonths}-month engagements`,
        base: options.scenario,
        overrides,
        factors: Object.fromEntries(factors.map((factor) => [factor.path, [factor.low, factor.high]])),
        design,
        replicates: options.replicates,
        seed: options.seed,
        seeds: 'common',
        metrics: ['finalAdoption', 'sustainedCapacity'],
      },
    };
  });
  const points = options.method === 'sobol' ? options.n * (k + 2) : options.n * (k + 1);
  return {
    options,
    scenario,
    factors,
    leftOut,
    outputs: options.difference ? OUTPUTS : OUTPUTS.filter((output) => output !== 'lengthDifference'),
    sweeps,
    points,
    totalRuns: points * options.replicates * sweeps.length,
  };
}
