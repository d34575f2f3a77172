/**
 * Scenario files as layers, with no file system: parse a text (YAML or JSON) with positions kept,
 * follow `extends:` through a source the caller hands in (files in Node, the built-ins bundled
 * in the explorer), and locate a field as file:line:col for messages.
 */
import { isMap, isPair, isScalar, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { describeValue, InputError } from './errors.js';
import { plainNumberTags } from './numbers.js';

type Mapping = Record<string, unknown>;

/** One parsed source file in an `extends` chain, kept for locating errors. */
export interface Layer {
  readonly label: string;
  readonly document: Document;
  readonly lines: LineCounter;
}

/**
 * Where scenario texts come from: Node reads files and the built-in folder; the explorer reads
 * the built-ins it carries. Paths are whatever the source uses; errors are the same either way.
 */
export interface ScenarioSource {
  /** The file or built-in `ref` names, from a folder (`relativeTo`) or the start; `context` prefixes errors. */
  resolve(ref: string, relativeTo: string | undefined, context: string): { path: string; label: string };
  /** The text of a resolved path (an InputError naming `label` if it cannot be read). */
  read(path: string, label: string): string;
  /** The folder a path is in, for an `extends:` relative to its file. */
  folderOf(path: string): string;
  /** A path's file name, for a cycle's message and a scenario's default name. */
  nameOf(path: string): string;
}

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function looksLikeFile(ref: string): boolean {
  return /\.(ya?ml|json)$/i.test(ref) || ref.includes('/') || ref.includes('\\');
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

/** One file's text → its layer (for locating errors) and its raw mapping; `path` says JSON or YAML by its extension. */
export function parseLayer(text: string, path: string, label: string): { layer: Layer; raw: Mapping } {
  const lines = new LineCounter();
  const kind = /\.json$/i.test(path) ? 'JSON' : 'YAML';
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

/** Read a file and its `extends:` chain into one raw mapping (child wins); `layers` collects each file. */
export function readChain(source: ScenarioSource, path: string, label: string, layers: Layer[]): Mapping {
  const { layer, raw } = parseLayer(source.read(path, label), path, label);
  return extendChain(source, path, layer, raw, layers, [path]);
}

function extendChain(source: ScenarioSource, path: string, layer: Layer, raw: Mapping, layers: Layer[], seen: readonly string[]): Mapping {
  layers.push(layer);
  const parentRef = raw.extends;
  delete raw.extends;
  if (parentRef === undefined) return raw;
  const referring = `${locate([layer], ['extends'])}: extends`;
  if (typeof parentRef !== 'string') {
    throw new InputError(`${referring}: expected a built-in scenario name or file, got ${describeValue(parentRef)}`);
  }
  const parent = source.resolve(parentRef, source.folderOf(path), referring);
  if (seen.includes(parent.path)) {
    const chain = [...seen, parent.path].map((file) => source.nameOf(file)).join(' → ');
    throw new InputError(`${referring}: expected a chain of files that ends, got a cycle (${chain})`);
  }
  if (seen.length >= 8) throw new InputError(`${referring}: expected a chain of at most 8 files, got a longer one`);
  let parentLayer: { layer: Layer; raw: Mapping };
  try {
    parentLayer = parseLayer(source.read(parent.path, parent.label), parent.path, parent.label);
  } catch (error) {
    // Name the file that asked for the parent, where it asked: the parent may be anything.
    if (error instanceof InputError) throw new InputError(`${referring}: ${error.message}`);
    throw error;
  }
  const base = extendChain(source, parent.path, parentLayer.layer, parentLayer.raw, layers, [...seen, parent.path]);
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
