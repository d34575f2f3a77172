/**
 * Field builders for the scenario schema. Every numeric field carries its unit, valid range,
 * default and help text in one place, so validation, `show`, error messages and docs all read
 * the same facts.
 */
import { z } from 'zod';

export interface FieldMeta {
  readonly unit: string;
  readonly help: string;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly choices?: readonly string[];
  /** a list field: its fewest items */
  readonly minItems?: number;
  /** where the default comes from (a citation or the study's setting) */
  readonly source?: string;
  /** true when no source pins the value down: it belongs in sensitivity analysis. */
  readonly assumption?: boolean;
  /** the range worth exploring when `assumption` is true (may be narrower than min..max). */
  readonly explore?: readonly [number, number];
}

/** Metadata registry: the schema node → its unit, range and help. */
export const fieldMeta = new WeakMap<z.ZodType, FieldMeta>();

interface NumberOptions {
  readonly source?: string;
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly help: string;
  readonly assumption?: boolean;
  readonly explore?: readonly [number, number];
}

export function num(defaultValue: number, options: NumberOptions) {
  const base = z.number().min(options.min).max(options.max);
  const schema = base.default(defaultValue);
  const meta: FieldMeta = { ...options, integer: false };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

export function int(defaultValue: number, options: NumberOptions) {
  const base = z.number().int().min(options.min).max(options.max);
  const schema = base.default(defaultValue);
  const meta: FieldMeta = { ...options, integer: true };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

export function share(defaultValue: number, help: string, extra: Partial<NumberOptions> = {}) {
  return num(defaultValue, { min: 0, max: 1, unit: 'share 0–1', help, ...extra });
}

export function flag(defaultValue: boolean, help: string, source?: string) {
  const base = z.boolean();
  const schema = base.default(defaultValue);
  const meta: FieldMeta = { unit: 'true/false', help, source };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

export function choice<const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue: T[number],
  help: string,
  source?: string,
) {
  const base = z.enum(values);
  const schema = base.default(defaultValue as never);
  const meta: FieldMeta = { unit: 'one of ' + values.join(' | '), help, choices: values, source };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

/** A list of numbers, each inside [min, max], at least `minItems` long (e.g. engagement lengths). */
export function numberList(defaultValue: readonly number[], options: NumberOptions & { readonly minItems: number }) {
  const base = z.array(z.number().min(options.min).max(options.max)).min(options.minItems);
  const schema = base.default([...defaultValue]);
  const info: FieldMeta = { ...options, unit: `list of ${options.unit}` };
  fieldMeta.set(schema, info);
  fieldMeta.set(base, info);
  return schema;
}

/** A closed range [low, high] inside [min, max]; low ≤ high is checked by the schema. */
export function range(defaultValue: readonly [number, number], options: NumberOptions) {
  const base = z
    .tuple([z.number().min(options.min).max(options.max), z.number().min(options.min).max(options.max)])
    .refine(([low, high]) => low <= high, { message: 'the first value must not exceed the second' });
  const schema = base.default([defaultValue[0], defaultValue[1]]);
  const meta: FieldMeta = { ...options, unit: `[low, high] ${options.unit}` };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

/** The source of fields that describe the user's own data rather than the model. */
const USER_DATA = "the user's organization (docs/YOUR-ORG.md)";

/** An optional text field (a file path, a hash): absent unless given, so it adds nothing to scenarios without it. */
export function text(help: string, unit: string, source = USER_DATA) {
  const base = z.string().min(1);
  const schema = base.optional();
  const meta: FieldMeta = { unit, help, source };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

/** An optional non-empty list of names. */
export function texts(help: string, source = USER_DATA) {
  const base = z.array(z.string().min(1)).min(1);
  const schema = base.optional();
  const meta: FieldMeta = { unit: 'list of names', help, source };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

/** An optional true/false: absent means false, and absent fields leave old scenarios unchanged. */
export function optionalFlag(help: string, source = USER_DATA) {
  const base = z.boolean();
  const schema = base.optional();
  const meta: FieldMeta = { unit: 'true/false', help, source };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}

export const FIRST_UNITS = ['random', 'largest', 'most-connected'] as const;
export type FirstUnitsRule = (typeof FIRST_UNITS)[number];

/** Which units are engaged first: a rule, or a list of unit names (numbers for generated units). */
export function firstUnitsField() {
  const names = z.array(z.union([z.string().min(1), z.number().int()]).transform(String)).min(1);
  // Also one string of names joined by "+" (e.g. "ICU+Radiology"): how a sweep factor or --set
  // names a set of units, since a factor value is a single word.
  const joined = z.string().min(1).transform((text) => text.split('+').map((name) => name.trim()).filter((name) => name !== ''));
  const base = z.union([z.enum(FIRST_UNITS), names, joined]);
  const schema = base.default('random');
  const meta: FieldMeta = {
    unit: 'random | largest | most-connected | [unit names]',
    help: 'which units are engaged at week 0: random (drawn), the largest, the most connected to other units (most ties leaving the unit), or a list of unit names (1, 2, … for generated units; or one string "A+B")',
    choices: FIRST_UNITS,
    source: 'a question ISP leads ask ("where first?"); random reproduces the study setting',
  };
  fieldMeta.set(schema, meta);
  fieldMeta.set(base, meta);
  return schema;
}
