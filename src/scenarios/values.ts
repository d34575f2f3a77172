/**
 * Scenario values by dotted path (`engagement.lengthMonths`): the one setter that `--set`, sweep
 * factors and the question commands use, and the name of the field every length comparison varies.
 */
import type { Scenario } from './schema.js';

type Mapping = Record<string, unknown>;

/** The engagement length, the factor `compare`, `sensitivity` and `staffing` vary. */
export const LENGTH_FIELD = 'engagement.lengthMonths';

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Set `path` (dotted, or its keys) in a raw mapping, making the sections it passes through. */
export function setPath(target: Mapping, path: string | readonly string[], value: unknown): void {
  const keys = typeof path === 'string' ? path.split('.') : path;
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (!isMapping(node[key])) node[key] = {};
    node = node[key] as Mapping;
  }
  node[keys[keys.length - 1]] = value;
}

/**
 * A copy of the scenario with each dotted path set to its value, as a raw mapping: validate it
 * (validateScenario / scenarioFromObject) before running it.
 */
export function withValues(scenario: Scenario, values: Readonly<Record<string, unknown>>): Mapping {
  const raw = structuredClone(scenario) as unknown as Mapping;
  for (const [path, value] of Object.entries(values)) setPath(raw, path, value);
  return raw;
}
