/**
 * Loading scenarios: built-in names or YAML/JSON files, `extends:` chains, `--set` overrides,
 * and validation with located one-line errors (file:line:col: field: expected …, got …).
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isPair, isScalar, LineCounter, parse as parseYamlValue, parseDocument, visit, type Document } from 'yaml';
import { checkConsistency } from './consistency.js';
import { noEffectReason } from './effect.js';
import { plainNumberTags } from './numbers.js';
import type { z } from 'zod';
import { describeValue, InputError } from './errors.js';
import { keysAt, metaOf, nearest, schemaAt } from './introspect.js';
import { resolveOrganizationFiles } from './organization-files.js';
import { readInputFile } from './read.js';
import { scenarioSchema, type Scenario } from './schema.js';
import { setPath } from './values.js';

type Mapping = Record<string, unknown>;

/** Where built-in scenarios live: `<package>/scenarios`, next to `dist/`. */
export const BUILTIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
export const DEFAULT_SCENARIO = 'foundation';

/** Folders of built-in variants, named `<folder>/<name>` (the rival explanations of pattern 2). */
export const BUILTIN_FOLDERS = ['hypotheses'] as const;

function yamlNames(dir: string, prefix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => prefix + file.slice(0, -'.yaml'.length));
}

export function listBuiltins(): string[] {
  return [...yamlNames(BUILTIN_DIR, ''), ...BUILTIN_FOLDERS.flatMap((folder) => yamlNames(resolve(BUILTIN_DIR, folder), `${folder}/`))].sort();
}

/** One parsed source file in an `extends` chain, kept for locating errors. */
export interface Layer {
  readonly label: string;
  readonly document: Document;
  readonly lines: LineCounter;
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** the built-in name or file path the user gave */
  readonly source: string;
}

export interface LoadOptions {
  /** `path=value` strings, applied after the file, validated like it. */
  readonly overrides?: readonly string[];
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function looksLikeFile(ref: string): boolean {
  return /\.(ya?ml|json)$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

function resolveRef(ref: string, relativeTo: string | undefined, context: string): { path: string; label: string } {
  // A built-in variant (`hypotheses/capacity`) wins over a path of that name without an extension.
  if (!/\.(ya?ml|json)$/i.test(ref) && ref.includes('/') && listBuiltins().includes(ref)) {
    return { path: resolve(BUILTIN_DIR, `${ref}.yaml`), label: `${ref} (built-in)` };
  }
  if (looksLikeFile(ref)) {
    const path = resolve(relativeTo ?? process.cwd(), ref);
    if (!existsSync(path)) throw new InputError(`${context}: file not found: expected a scenario file, got ${JSON.stringify(ref)}`);
    return { path, label: ref };
  }
  const builtins = listBuiltins();
  if (!builtins.includes(ref)) {
    const suggestion = nearest(ref, builtins);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    throw new InputError(
      `${context}: unknown built-in scenario "${ref}"${hint}: expected one of ${builtins.join(', ')} or a .yaml/.json file`,
    );
  }
  return { path: resolve(BUILTIN_DIR, `${ref}.yaml`), label: `${ref} (built-in)` };
}

/** Keys that would reach an object's prototype through a plain mapping: never fields. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How many alias expansions a file may make: far above any real file, far below a "billion laughs". */
const MAX_ALIAS_COUNT = 100;

function position(lines: LineCounter, offset: number): string {
  const at = lines.linePos(offset);
  return `${at.line}:${at.col}`;
}

/** Reject `__proto__`, `constructor` and `prototype` keys anywhere, before they reach a plain object. */
function rejectForbiddenKeys(document: Document, lines: LineCounter, label: string): void {
  visit(document, {
    Pair(_, pair, ancestors) {
      if (!isScalar(pair.key) || !FORBIDDEN_KEYS.has(String(pair.key.value))) return;
      const keys = ancestors.filter(isPair).map((parent) => (isScalar(parent.key) ? String(parent.key.value) : '?'));
      const field = [...keys, String(pair.key.value)].join('.');
      const where = pair.key.range ? `${label}:${position(lines, pair.key.range[0])}` : label;
      throw new InputError(`${where}: ${field}: unknown field (${JSON.stringify(pair.key.value)} is never a field name), got ${JSON.stringify(pair.key.value)}`);
    },
  });
}

/** Where the first alias is, for an alias bomb's message. */
function firstAlias(document: Document, lines: LineCounter, label: string): string {
  let where = `${label}:1:1`;
  visit(document, {
    Alias(_, alias) {
      if (alias.range) where = `${label}:${position(lines, alias.range[0])}`;
      return visit.BREAK;
    },
  });
  return where;
}

export function readLayer(path: string, label: string): { layer: Layer; raw: Mapping } {
  const text = readInputFile(path, label);
  const lines = new LineCounter();
  const kind = extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML';
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, customTags: plainNumberTags });
  const problem = document.errors[0];
  if (problem) {
    const at = lines.linePos(problem.pos[0]);
    const reason =
      problem.code === 'MULTIPLE_DOCS'
        ? 'expected one document, got a second one (a line "---" starts another document; put everything in one)'
        : problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${label}:${at.line}:${at.col}: malformed ${kind}: ${reason}`);
  }
  rejectForbiddenKeys(document, lines, label);
  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // yaml refuses to expand aliases exponentially ("billion laughs"); say where, in our words.
    throw new InputError(
      `${firstAlias(document, lines, label)}: malformed ${kind}: expected at most ${MAX_ALIAS_COUNT} alias expansions (*name), got more (aliases of aliases grow exponentially)`,
    );
  }
  if (!isMapping(raw)) {
    throw new InputError(`${label}:1:1: expected a mapping of scenario fields at the top level, got ${describeValue(raw)}`);
  }
  return { layer: { label, document, lines }, raw };
}

function deepMerge(base: Mapping, override: Mapping): Mapping {
  const merged: Mapping = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const existing = merged[key];
    merged[key] = isMapping(existing) && isMapping(value) ? deepMerge(existing, value) : value;
  }
  return merged;
}

/** Read a file and its `extends:` chain into one raw mapping (child wins). */
function readChain(path: string, label: string, layers: Layer[], seen: readonly string[] = []): Mapping {
  const { layer, raw } = readLayer(path, label);
  return extendChain(path, layer, raw, layers, [...seen, path]);
}

function extendChain(path: string, layer: Layer, raw: Mapping, layers: Layer[], seen: readonly string[]): Mapping {
  layers.push(layer);
  const parentRef = raw.extends;
  delete raw.extends;
  if (parentRef === undefined) return raw;
  const referring = `${locate([layer], ['extends'])}: extends`;
  if (typeof parentRef !== 'string') {
    throw new InputError(`${referring}: expected a built-in scenario name or file, got ${describeValue(parentRef)}`);
  }
  const parent = resolveRef(parentRef, dirname(path), referring);
  if (seen.includes(parent.path)) {
    const chain = [...seen, parent.path].map((file) => basename(file)).join(' → ');
    throw new InputError(`${referring}: expected a chain of files that ends, got a cycle (${chain})`);
  }
  if (seen.length >= 8) throw new InputError(`${referring}: expected a chain of at most 8 files, got a longer one`);
  let parentLayer: { layer: Layer; raw: Mapping };
  try {
    parentLayer = readLayer(parent.path, parent.label);
  } catch (error) {
    // Name the file that asked for the parent, where it asked: the parent may be anything.
    if (error instanceof InputError) throw new InputError(`${referring}: ${error.message}`);
    throw error;
  }
  const base = extendChain(parent.path, parentLayer.layer, parentLayer.raw, layers, [...seen, parent.path]);
  return deepMerge(base, raw);
}

/**
 * `file:line:col` of the first layer that defines `path` (child first), else the file name.
 * Points at the value, or at the key itself when `atKey` (unknown fields).
 */
export function locate(layers: readonly Layer[], path: readonly (string | number)[], atKey = false): string {
  for (let depth = path.length; depth >= 0; depth--) {
    for (const layer of layers) {
      if (atKey && depth === path.length && depth > 0) {
        const parent = layer.document.getIn(path.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
          const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) {
            const at = layer.lines.linePos(range[0]);
            return `${layer.label}:${at.line}:${at.col}`;
          }
        }
      }
      const node = layer.document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && node.range && depth > 0) {
        const at = layer.lines.linePos(node.range[0]);
        return `${layer.label}:${at.line}:${at.col}`;
      }
    }
  }
  return layers[0]?.label ?? '<scenario>';
}

function expectation(schema: z.ZodType | undefined): string | undefined {
  const meta = schema ? metaOf(schema) : undefined;
  if (!meta) return undefined;
  if (meta.choices) return `one of ${meta.choices.join(' | ')}`;
  if (meta.unit === 'true/false') return 'true or false';
  if (meta.unit.startsWith('[low, high]')) {
    return `a pair [low, high] with low ≤ high, each between ${meta.min} and ${meta.max} (${meta.unit.slice(12)})`;
  }
  if (meta.unit.startsWith('list of ')) {
    return `a list such as [6, 18] of ${meta.minItems ?? 1} or more numbers between ${meta.min} and ${meta.max} (${meta.unit.slice(8)})`;
  }
  const kind = meta.integer ? 'a whole number' : 'a number';
  return `${kind} between ${meta.min} and ${meta.max} (${meta.unit})`;
}

/** zod's "Invalid input: expected string, received number" → "a string" (we say what was given ourselves). */
function plainExpectation(message: string): string {
  const text = message.replace(/^Invalid input: /, '').replace(/, received .*$/, '');
  const kind = /^expected (\w+)$/.exec(text);
  if (!kind) return text;
  return kind[1] === 'string' ? 'a text (string)' : `a${/^[aeiou]/.test(kind[1]) ? 'n' : ''} ${kind[1]}`;
}

function formatIssue(issue: z.core.$ZodIssue, where: string): string {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const field = path.join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const valid = keysAt(path) ?? [];
    const suggestion = nearest(key, valid);
    const fullPath = [...path, key].join('.');
    const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
    return `${where}: ${fullPath}: unknown field (${hint}expected one of: ${valid.join(', ')}), got ${describeValue(key)}`;
  }
  const input = (issue as { input?: unknown }).input;
  const given = describeValue(input);
  // A range pair reports the element; describe the pair as a whole.
  const pairParent = typeof path[path.length - 1] === 'number' ? path.slice(0, -1) : path;
  const section = keysAt(path);
  const expected =
    expectation(schemaAt(path)) ??
    expectation(schemaAt(pairParent)) ??
    (section ? `a mapping of ${field} fields (${section.join(', ')})` : plainExpectation(issue.message));
  if (issue.code === 'custom') return `${where}: ${field}: expected ${expected} (${issue.message}), got ${given}`;
  // A misspelt choice gets the nearest valid value, like a misspelt key.
  const choices = schemaAt(path) ? metaOf(schemaAt(path)!)?.choices : undefined;
  const suggestion = choices && typeof input === 'string' ? nearest(input, choices) : undefined;
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  return `${where}: ${field}: expected ${expected}${hint}, got ${given}`;
}

function parseOverride(text: string): { path: string[]; value: unknown } {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new InputError(`--set ${text}: expected path=value (e.g. engagement.lengthMonths=18), got ${JSON.stringify(text)}`);
  const path = text.slice(0, equals).trim().split('.');
  const valueText = text.slice(equals + 1).trim();
  let value: unknown;
  try {
    value = parseYamlValue(valueText, { customTags: plainNumberTags });
  } catch {
    value = valueText;
  }
  // Check the path exists before validation, so a typo gets "did you mean".
  for (let depth = 0; depth < path.length; depth++) {
    const keys = keysAt(path.slice(0, depth));
    if (!keys) {
      const leaf = path.slice(0, depth).join('.');
      throw new InputError(`--set ${text}: ${leaf}: expected ${leaf}=value (${leaf} is a single value, not a mapping), got ${JSON.stringify(path.join('.'))}`);
    }
    if (!keys.includes(path[depth])) {
      const prefix = path.slice(0, depth + 1).join('.');
      const suggestion = nearest(path[depth], keys);
      const hint = suggestion ? `did you mean "${[...path.slice(0, depth), suggestion].join('.')}"? ` : '';
      throw new InputError(`--set ${text}: ${prefix}: unknown field (${hint}expected one of: ${keys.join(', ')})`);
    }
  }
  // Check the value on its own now: a later --set of the same field must not hide a bad one.
  validateFieldValue(path, value, `--set ${text}`);
  return { path, value };
}

/**
 * Check one field's value against its schema alone (no cross-field checks), with the message
 * validateScenario would give; `where` locates it. Much cheaper than validating a whole scenario.
 */
export function validateFieldValue(path: readonly string[], value: unknown, where: string): void {
  const checked = schemaAt(path)?.safeParse(value, { reportInput: true });
  if (checked && !checked.success) {
    const issue = checked.error.issues[0];
    throw new InputError(formatIssue({ ...issue, path: [...path, ...issue.path] } as z.core.$ZodIssue, where));
  }
}

export interface ValidateOptions {
  /**
   * Also run the cross-field checks (consistency.ts). On for what a user writes; off where a
   * command derives design points on purpose (staffing crosses headcounts below the co-leads
   * needed, to show they engage nobody) and in workers, which run points already checked.
   */
  readonly crossField?: boolean;
}

/** Validate a raw mapping; `where` locates a failing field (e.g. by file layers). */
export function validateScenario(
  raw: Mapping,
  where: (path: readonly (string | number)[], atKey: boolean) => string = () => '<scenario>',
  options: ValidateOptions = {},
): Scenario {
  const result = scenarioSchema.safeParse(raw, { reportInput: true });
  if (result.success) {
    const problem = options.crossField === false ? undefined : checkConsistency(result.data);
    if (!problem) return result.data;
    throw new InputError(`${where(problem.path, false)}: ${problem.path.join('.')}: expected ${problem.expected}, got ${problem.given}`);
  }
  const issue = result.error.issues[0];
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const unknownKey = issue.code === 'unrecognized_keys';
  throw new InputError(formatIssue(issue, where(unknownKey ? [...path, issue.keys[0]] : path, unknownKey)));
}

/** Load a built-in name or a file, apply overrides, validate. */
export function loadScenario(ref: string = DEFAULT_SCENARIO, options: LoadOptions = {}): LoadedScenario {
  const { path, label } = resolveRef(ref, undefined, looksLikeFile(ref) ? ref : 'scenario');
  const layers: Layer[] = [];
  const raw = readChain(path, label, layers);
  if (raw.name === undefined) raw.name = basename(path).replace(/\.(ya?ml|json)$/i, '');
  const overridden = new Map<string, string>();
  for (const text of options.overrides ?? []) {
    const { path: fieldPath, value } = parseOverride(text);
    setPath(raw, fieldPath, value);
    overridden.set(fieldPath.join('.'), text);
  }
  const scenario = validateScenario(raw, (fieldPath, atKey) => {
    for (let depth = fieldPath.length; depth > 0; depth--) {
      const set = overridden.get(fieldPath.slice(0, depth).join('.'));
      if (set !== undefined) return `--set ${set}`;
    }
    return locate(layers, fieldPath, atKey);
  });
  // A real organization's files are read here (no I/O in src/sim), relative to the scenario
  // file, or to the working directory when a built-in is given files with --set.
  const baseDir = looksLikeFile(ref) ? dirname(path) : process.cwd();
  const withFiles = resolveOrganizationFiles(scenario, baseDir, (fieldPath) => locate(layers, fieldPath));
  // An override that cannot change the run (meanDegree on the organization network, units on a
  // file organization) would be a silent no-op: refused with the reason (effect.ts).
  for (const [fieldPath, text] of overridden) {
    const reason = noEffectReason(fieldPath, [withFiles.organization.network]);
    if (reason) throw new InputError(`--set ${text}: ${fieldPath}: expected a field that changes the run, got one that does not: ${reason}`);
  }
  return { scenario: withFiles, source: ref };
}

/** Resolve a scenario from an already-parsed object (sweeps, workers, tests). */
export function scenarioFromObject(raw: Mapping, label = '<scenario>', options: ValidateOptions = {}): Scenario {
  return validateScenario(raw, () => label, options);
}
