/**
 * Sweep files (YAML): a base scenario with overrides, factors, a design, replicates, seeds and
 * metrics, validated with the scenario library's located one-line errors
 * (file:line:col: field: expected …, got …). Factor values are checked against the scenario
 * schema before anything runs.
 *
 *   name: length-by-hours
 *   scenario: foundation                      # built-in name or file (relative to this file)
 *   set: { months: 24 }                       # overrides applied before the factors
 *   factors:
 *     engagement.lengthMonths: [6, 12, 18]    # a list of values
 *     isps.hoursPerWeek: { from: 2, to: 10, step: 2 }
 *   design: grid                              # or {type: lhs, n: 64} · {type: sobol, n: 256} · {type: morris, r: 20, levels: 4}
 *   replicates: 50
 *   seed: 1
 *   seeds: common                             # or independent
 *   metrics: [finalAdoption, sustainedCapacity, timeTo50]
 */
import { existsSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import {
  DEFAULT_SCENARIO,
  describeValue,
  InputError,
  listBuiltins,
  loadScenario,
  locate,
  looksLikeFile,
  nearest,
  readLayer,
  validateFieldValue,
  validateScenario,
  withValues,
  affectsConsistency,
  checkConsistency,
  cannotVaryReason,
  noEffectReason,
  ORGANIZATION_FILE_FIELDS,
  type Scenario,
} from '../scenarios/index.js';
import { designPoints, pointCount, SOBOL_MAX_DIMENSIONS } from './designs/index.js';
import { factorFields, isNumericField, settableFields } from './factors.js';
import { HEADLINE_METRICS, isSummaryMetric, SUMMARY_METRICS } from './metrics.js';
import type { Design, FactorValue, SeedScheme, SweepSpec } from './types.js';

type Mapping = Record<string, unknown>;
type Path = readonly (string | number)[];

export interface LoadedSweep {
  readonly spec: SweepSpec;
  /** the base scenario with `set` applied, every default filled in */
  readonly scenario: Scenario;
}

const TOP_LEVEL = ['name', 'scenario', 'set', 'factors', 'design', 'replicates', 'seed', 'seeds', 'metrics'] as const;
/** More runs than this is surely a typo (and would need a very large run index). */
export const MAX_RUNS = 10_000_000;

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is FactorValue {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean';
}

export function loadSweepFile(file: string): LoadedSweep {
  if (!existsSync(file)) throw new InputError(`${file}: file not found: expected a sweep file (YAML), got ${JSON.stringify(file)}`);
  const { layer, raw } = readLayer(file, file);
  const at = (path: Path): string => locate([layer], path);
  const atKey = (path: Path): string => locate([layer], path, true);
  const fail = (path: Path, field: string, expected: string, given: unknown): never => {
    throw new InputError(`${at(path)}: ${field}: expected ${expected}, got ${describeValue(given)}`);
  };

  for (const key of Object.keys(raw)) {
    if (!(TOP_LEVEL as readonly string[]).includes(key)) {
      const suggestion = nearest(key, TOP_LEVEL);
      const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
      throw new InputError(`${atKey([key])}: ${key}: unknown field (${hint}expected one of: ${TOP_LEVEL.join(', ')}), got ${describeValue(key)}`);
    }
  }

  const name = raw.name ?? basename(file).replace(/\.(ya?ml|json)$/i, '');
  if (typeof name !== 'string' || name.trim() === '') fail(['name'], 'name', 'a non-empty name', name);

  const base = raw.scenario ?? DEFAULT_SCENARIO;
  if (typeof base !== 'string' || base.trim() === '') fail(['scenario'], 'scenario', 'a built-in scenario name or a scenario file', base);
  const scenario = readBase(base as string, file, at);

  const { overrides, scenario: withSet } = applySet(raw.set, scenario, at, atKey);
  const design = readDesign(raw.design, at, atKey);
  const factors = readFactors(raw.factors, design, withSet, at, atKey);
  checkEffects(Object.keys(factors), overriddenPaths(raw.set), withSet, factors['organization.network'] as Network[] | undefined, atKey);

  const replicates = wholeNumber(raw.replicates ?? 10, ['replicates'], 'replicates', 1, 1_000_000, at);
  const seed = wholeNumber(raw.seed ?? 1, ['seed'], 'seed', 0, 4294967295, at);
  const seeds = raw.seeds ?? 'common';
  if (seeds !== 'common' && seeds !== 'independent') fail(['seeds'], 'seeds', 'common | independent', seeds);
  const metrics = readMetrics(raw.metrics, at);

  const spec: SweepSpec = {
    kind: 'sweep',
    name: name as string,
    base: base as string,
    overrides,
    factors,
    design,
    replicates,
    seed,
    seeds: seeds as SeedScheme,
    metrics,
  };
  const runs = pointCount(spec) * replicates;
  if (runs > MAX_RUNS) {
    fail(['replicates'], 'design × replicates', `at most ${MAX_RUNS.toLocaleString('en')} runs`, `${runs.toLocaleString('en')} runs`);
  }
  checkCombinations(spec, withSet, at);
  return { spec, scenario: withSet };
}

type Network = Scenario['organization']['network'];

/** The field paths a `set:` mapping names (dotted or nested), as applySet flattens them. */
function overriddenPaths(value: unknown): string[][] {
  if (!isMapping(value)) return [];
  const paths: string[][] = [];
  const flatten = (node: Mapping, keys: string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      if (isMapping(child) && !settableFields().includes([...keys, key].join('.'))) flatten(child, [...keys, key]);
      else paths.push([...keys, key]);
    }
  };
  flatten(value, []);
  return paths;
}

/**
 * A factor or `set:` field that cannot change any run is refused before any run (effect.ts): a
 * generator setting on a file organization, meanDegree on the organization network, the files of
 * a file organization (read once, when the scenario is loaded, not per point).
 */
function checkEffects(factorPaths: readonly string[], setPaths: readonly string[][], scenario: Scenario, networkValues: readonly Network[] | undefined, atKey: (path: Path) => string): void {
  const networks = networkValues ?? [scenario.organization.network];
  for (const path of factorPaths) {
    const reason = cannotVaryReason(path, scenario, networks);
    if (reason) throw new InputError(`${atKey(['factors', path])}: factors.${path}: expected a field that can change the runs, got one that cannot: ${reason}`);
  }
  for (const keys of setPaths) {
    const path = keys.join('.');
    const reason = ORGANIZATION_FILE_FIELDS.includes(path) || (path === 'organization.network' && (scenario.organization.network === 'file' || scenario.organization.inputHash !== undefined))
      ? `${path} is read with the organization's files when a scenario is loaded, which a sweep's set: does not do: give it in the scenario file`
      : noEffectReason(path, networks);
    if (reason) throw new InputError(`${atKey(['set', ...keys])}: set.${path}: expected a field that changes the runs, got one that does not: ${reason}`);
  }
}

/**
 * Values that are each valid can still combine into no organization (10 staff in 20 units; 1 ISP
 * where engagements need 2 co-leads): every design point's combination of such factors is checked
 * here, before any run, because workers skip the cross-field checks (they run checked points).
 */
function checkCombinations(spec: SweepSpec, scenario: Scenario, at: (path: Path) => string): void {
  const paths = Object.keys(spec.factors).filter(affectsConsistency);
  if (paths.length === 0) return;
  const checked = new Set<string>();
  for (const { point, values } of designPoints(spec)) {
    const combination = Object.fromEntries(paths.map((path) => [path, values[path]]));
    const key = JSON.stringify(combination);
    if (checked.has(key)) continue;
    checked.add(key);
    // Each value passed its field's schema (readFactors): only the combination is in question.
    const problem = checkConsistency(withValues(scenario, combination) as unknown as Scenario);
    if (problem) {
      const given = paths.map((path) => `${path}=${String(values[path])}`).join(', ');
      const hint = spec.design.type === 'grid' ? 'a grid runs every combination: change the values' : 'narrow the ranges so no sample combines them';
      throw new InputError(`${at(['factors'])}: factors: design point ${point} (${given}): ${problem.path.join('.')}: expected ${problem.expected}, got ${problem.given} — ${hint}`);
    }
  }
}

function wholeNumber(value: unknown, path: Path, field: string, min: number, max: number, at: (path: Path) => string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${at(path)}: ${field}: expected a whole number between ${min} and ${max}, got ${describeValue(value)}`);
  }
  return value;
}

/** The base scenario: a built-in name, or a file relative to the sweep file. */
function readBase(ref: string, file: string, at: (path: Path) => string): Scenario {
  if (looksLikeFile(ref)) {
    const path = resolve(dirname(file), ref);
    if (!existsSync(path)) throw new InputError(`${at(['scenario'])}: scenario: file not found: expected a scenario file, got ${JSON.stringify(ref)}`);
    return loadScenario(relative(process.cwd(), path) || path).scenario;
  }
  const builtins = listBuiltins();
  if (!builtins.includes(ref)) {
    const suggestion = nearest(ref, builtins);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    throw new InputError(
      `${at(['scenario'])}: scenario: unknown built-in scenario "${ref}"${hint}: expected one of ${builtins.join(', ')} or a .yaml/.json file`,
    );
  }
  return loadScenario(ref).scenario;
}

/** Check a field path; a typo gets "did you mean". */
function checkField(path: string, where: string, section: string, allowed: readonly string[] = [...factorFields().keys()]): void {
  if (allowed.includes(path)) return;
  const candidates = allowed;
  const suggestion = nearest(path, candidates);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  throw new InputError(
    `${where}: ${section}: ${path}: unknown scenario field (${hint}see \`concentric fields\`; [low, high] pairs cannot be swept), got ${describeValue(path)}`,
  );
}

/** `set:` — a mapping of field paths (dotted or nested) to values, applied to the base. */
function applySet(
  value: unknown,
  scenario: Scenario,
  at: (path: Path) => string,
  atKey: (path: Path) => string,
): { overrides: string[]; scenario: Scenario } {
  if (value === undefined || value === null) return { overrides: [], scenario };
  if (!isMapping(value)) throw new InputError(`${at(['set'])}: set: expected a mapping of field: value, got ${describeValue(value)}`);
  const entries: { path: string; keys: string[]; value: unknown }[] = [];
  const flatten = (node: Mapping, keys: string[]): void => {
    for (const [key, child] of Object.entries(node)) {
      const path = [...keys, key].join('.');
      if (isMapping(child) && !settableFields().includes(path)) flatten(child, [...keys, key]);
      else entries.push({ path, keys: [...keys, key], value: child });
    }
  };
  flatten(value, []);
  let current = scenario;
  for (const entry of entries) {
    checkField(entry.path, atKey(['set', ...entry.keys]), 'set', settableFields());
    current = validateScenario(withValues(current, { [entry.path]: entry.value }), () => at(['set', ...entry.keys]));
  }
  return { overrides: entries.map((entry) => `${entry.path}=${JSON.stringify(entry.value)}`), scenario: current };
}

function readDesign(value: unknown, at: (path: Path) => string, atKey: (path: Path) => string): Design {
  const types = ['grid', 'lhs', 'sobol', 'morris'];
  const node = value === undefined ? { type: 'grid' } : typeof value === 'string' ? { type: value } : value;
  const where = (key?: string): string => at(key === undefined || typeof value === 'string' ? ['design'] : ['design', key]);
  if (!isMapping(node)) {
    throw new InputError(`${where()}: design: expected grid | lhs | sobol | morris, or a mapping such as {type: lhs, n: 64}, got ${describeValue(value)}`);
  }
  const type = node.type;
  if (typeof type !== 'string' || !types.includes(type)) {
    const suggestion = typeof type === 'string' ? nearest(type, types) : undefined;
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    throw new InputError(`${where('type')}: design.type: expected one of ${types.join(' | ')}${hint}, got ${describeValue(type)}`);
  }
  const allowed: Record<string, readonly string[]> = { grid: ['type'], lhs: ['type', 'n'], sobol: ['type', 'n'], morris: ['type', 'r', 'levels'] };
  for (const key of Object.keys(node)) {
    if (!allowed[type].includes(key)) {
      throw new InputError(`${atKey(['design', key])}: design.${key}: unknown field for a ${type} design (expected one of: ${allowed[type].join(', ')}), got ${describeValue(key)}`);
    }
  }
  const need = (key: string, min: number, max: number, fallback?: number): number => {
    const given = node[key] ?? fallback;
    if (typeof value === 'string' && given === undefined) {
      throw new InputError(`${where()}: design: expected {type: ${type}, ${key}: …} (a ${type} design needs ${key}), got ${describeValue(value)}`);
    }
    if (typeof given !== 'number' || !Number.isInteger(given) || given < min || given > max) {
      throw new InputError(`${where(key)}: design.${key}: expected a whole number between ${min} and ${max} for a ${type} design, got ${describeValue(given)}`);
    }
    return given;
  };
  switch (type) {
    case 'lhs':
      return { type, n: need('n', 1, 1_000_000) };
    case 'sobol':
      return { type, n: need('n', 1, 1 << 20) };
    case 'morris': {
      const r = need('r', 1, 100_000, 10);
      const levels = need('levels', 2, 100, 4);
      if (levels % 2 !== 0) {
        throw new InputError(`${where('levels')}: design.levels: expected an even number of levels (so Δ = p/(2(p−1)) stays on the grid), got ${levels}`);
      }
      return { type, r, levels };
    }
    default:
      return { type: 'grid' };
  }
}

/** `from/to/step` → the list of values (inclusive of `to` when it falls on a step). */
function expandRange(node: Mapping, where: string, field: string): number[] {
  for (const key of Object.keys(node)) {
    if (!['from', 'to', 'step'].includes(key)) {
      throw new InputError(`${where}: ${field}.${key}: unknown field (expected from, to, step), got ${describeValue(key)}`);
    }
  }
  const { from, to, step } = node;
  if (typeof from !== 'number' || typeof to !== 'number' || typeof step !== 'number' || !(step > 0) || to < from) {
    throw new InputError(`${where}: ${field}: expected {from, to, step} numbers with from ≤ to and step > 0, got ${describeValue(node)}`);
  }
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > 10_000) throw new InputError(`${where}: ${field}: expected at most 10,000 values, got ${count}`);
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

function readFactors(
  value: unknown,
  design: Design,
  scenario: Scenario,
  at: (path: Path) => string,
  atKey: (path: Path) => string,
): Record<string, FactorValue[]> {
  if (value === undefined || value === null) {
    if (design.type !== 'grid') throw new InputError(`${at(['factors'])}: factors: expected at least one factor for a ${design.type} design, got none`);
    return {};
  }
  if (!isMapping(value)) {
    throw new InputError(`${at(['factors'])}: factors: expected a mapping of field path: values, got ${describeValue(value)}`);
  }
  const factors: Record<string, FactorValue[]> = {};
  const sampling = design.type !== 'grid';
  for (const [path, given] of Object.entries(value)) {
    const field = `factors.${path}`;
    checkField(path, atKey(['factors', path]), 'factors');
    const meta = factorFields().get(path)!;
    const keys = path.split('.');
    const check = (candidate: unknown, where: Path): void => {
      // The field's own schema first (cheap: a 6,000-value range is checked in milliseconds); the
      // whole scenario only when the value can make it inconsistent (consistency.ts).
      validateFieldValue(keys, candidate, at(where));
      if (affectsConsistency(path)) validateScenario(withValues(scenario, { [path]: candidate }), () => at(where));
    };
    if (sampling && isNumericField(meta)) {
      if (!Array.isArray(given) || given.length !== 2 || typeof given[0] !== 'number' || typeof given[1] !== 'number' || !(given[0] < given[1])) {
        throw new InputError(
          `${at(['factors', path])}: ${field}: expected a range [low, high] with low < high (a ${design.type} design samples numeric factors from a range), got ${describeValue(given)}`,
        );
      }
      given.forEach((bound, i) => check(bound, ['factors', path, i]));
      factors[path] = [given[0], given[1]];
      continue;
    }
    let values: unknown[];
    if (Array.isArray(given)) values = given;
    else if (isMapping(given) && !sampling && isNumericField(meta)) values = expandRange(given, at(['factors', path]), field);
    else {
      const expected = isNumericField(meta) ? 'a list of values or {from, to, step}' : `a list of values (${meta.unit})`;
      throw new InputError(`${at(['factors', path])}: ${field}: expected ${expected}, got ${describeValue(given)}`);
    }
    if (values.length === 0) throw new InputError(`${at(['factors', path])}: ${field}: expected at least one value, got an empty list`);
    const seen = new Set<unknown>();
    values.forEach((candidate, i) => {
      // Like `compare --lengths 6,6`: a repeated value would run the same point twice under two ids.
      if (seen.has(candidate)) {
        const where = Array.isArray(given) ? ['factors', path, i] : ['factors', path];
        throw new InputError(`${at(where)}: ${field}: expected distinct values, got ${describeValue(candidate)} twice`);
      }
      seen.add(candidate);
    });
    values.forEach((candidate, i) => {
      if (!isScalar(candidate)) {
        throw new InputError(`${at(['factors', path, i])}: ${field}: expected a single value (${meta.unit}), got ${describeValue(candidate)}`);
      }
      check(candidate, Array.isArray(given) ? ['factors', path, i] : ['factors', path]);
    });
    factors[path] = values as FactorValue[];
  }
  const k = Object.keys(factors).length;
  if (sampling && k === 0) throw new InputError(`${at(['factors'])}: factors: expected at least one factor for a ${design.type} design, got none`);
  if (design.type === 'sobol' && 2 * k > SOBOL_MAX_DIMENSIONS) {
    throw new InputError(`${at(['factors'])}: factors: expected at most ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} factors for a sobol design, got ${k}`);
  }
  return factors;
}

function readMetrics(value: unknown, at: (path: Path) => string): string[] {
  if (value === undefined) return [...HEADLINE_METRICS];
  if (!Array.isArray(value) || value.length === 0) {
    throw new InputError(`${at(['metrics'])}: metrics: expected a list of run outcomes (e.g. [finalAdoption, timeTo50]), got ${describeValue(value)}`);
  }
  value.forEach((metric, i) => {
    if (typeof metric !== 'string' || !isSummaryMetric(metric)) {
      const suggestion = typeof metric === 'string' ? nearest(metric, SUMMARY_METRICS) : undefined;
      const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
      throw new InputError(`${at(['metrics', i])}: metrics: unknown outcome (${hint}expected one of: ${SUMMARY_METRICS.join(', ')}), got ${describeValue(metric)}`);
    }
  });
  return value as string[];
}
