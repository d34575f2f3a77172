/**
 * Factors: the scenario fields a sweep varies. A factor is either a list of values (grid, or a
 * choice/flag field in any design) or a numeric range [low, high] that sampling designs (lhs,
 * sobol, morris) map the unit interval onto. A design point's values are applied to the base
 * scenario like `--set` overrides and validated by the scenario schema.
 */
import { listFields, scenarioFromObject, withValues, type FieldMeta, type Scenario } from '../scenarios/index.js';
import type { Design, FactorValue, SweepSpec } from './types.js';

export interface Factor {
  readonly path: string;
  /** `values`: pick from `values`; `range`: `values` is [low, high] */
  readonly kind: 'values' | 'range';
  readonly values: readonly FactorValue[];
  /** a whole-number field: a range samples whole numbers low..high uniformly */
  readonly integer: boolean;
}

let metaByPath: Map<string, FieldMeta> | undefined;

/** Every scenario leaf field that can be a factor (scalars; not [low, high] pairs), by path. */
export function factorFields(): ReadonlyMap<string, FieldMeta> {
  metaByPath ??= new Map(
    listFields()
      .filter((field) => !field.meta.unit.startsWith('[low, high]'))
      .map((field) => [field.path, field.meta]),
  );
  return metaByPath;
}

/** Every leaf field a `set:` may override, including [low, high] pairs and the scenario's name. */
export function settableFields(): readonly string[] {
  return ['name', 'description', ...listFields().map((field) => field.path)];
}

/** A numeric field takes ranges in sampling designs; choices and flags take lists. */
export function isNumericField(meta: FieldMeta): boolean {
  return meta.min !== undefined && meta.choices === undefined;
}

export function isSamplingDesign(design: Design): boolean {
  return design.type !== 'grid';
}

/** The spec's factors, in the order written, with their kind. */
export function factorsOf(spec: Pick<SweepSpec, 'factors' | 'design'>): Factor[] {
  return Object.entries(spec.factors).map(([path, values]) => {
    const meta = factorFields().get(path);
    const numeric = meta !== undefined && isNumericField(meta);
    return {
      path,
      kind: isSamplingDesign(spec.design) && numeric ? 'range' : 'values',
      values,
      integer: meta?.integer === true,
    };
  });
}

/** Map a coordinate u ∈ [0, 1] of the unit cube onto a factor's values. */
export function scaleToFactor(u: number, factor: Factor): FactorValue {
  if (factor.kind === 'values') {
    const k = factor.values.length;
    return factor.values[Math.min(k - 1, Math.floor(u * k))];
  }
  const low = factor.values[0] as number;
  const high = factor.values[1] as number;
  if (factor.integer) return Math.min(high, Math.floor(low + u * (high - low + 1)));
  // Ten significant digits keep runs.jsonl readable; the rounding is far below any model effect.
  return Number((low + u * (high - low)).toPrecision(10));
}

/**
 * The base scenario with a point's values applied, validated (`label` locates a failure). Cross-field
 * checks were made when the sweep was planned; a derived point (staffing's headcounts below the
 * co-leads) runs as planned.
 */
export function scenarioAt(base: Scenario, values: Readonly<Record<string, unknown>>, label: string): Scenario {
  return scenarioFromObject(withValues(base, values), label, { crossField: false });
}
