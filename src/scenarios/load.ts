/**
 * Loading scenarios in Node: built-in names (the package's scenarios/ folder) or YAML/JSON files,
 * read from disk; the parsing, `extends:` and validation are layers.ts and validate.ts, which
 * the explorer uses with its bundled built-ins.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './errors.js';
import { nearest } from './introspect.js';
import { looksLikeFile, parseLayer, type Layer, type ScenarioSource } from './layers.js';
import { resolveOrganizationFiles } from './organization-files.js';
import { readInputFile } from './read.js';
import type { Scenario } from './schema.js';
import { composeScenario, type LoadOptions } from './validate.js';

type Mapping = Record<string, unknown>;

/** Where built-in scenarios live: `<package>/scenarios`, next to `dist/`. */
export const BUILTIN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../scenarios');
export { DEFAULT_SCENARIO, BUILTIN_FOLDERS } from './builtins.js';
import { BUILTIN_FOLDERS, DEFAULT_SCENARIO } from './builtins.js';

function yamlNames(dir: string, prefix: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => prefix + file.slice(0, -'.yaml'.length));
}

export function listBuiltins(): string[] {
  return [...yamlNames(BUILTIN_DIR, ''), ...BUILTIN_FOLDERS.flatMap((folder) => yamlNames(resolve(BUILTIN_DIR, folder), `${folder}/`))].sort();
}

export interface LoadedScenario {
  readonly scenario: Scenario;
  /** the built-in name or file path the user gave */
  readonly source: string;
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

/** Scenario texts from disk: files relative to the working directory, built-ins from BUILTIN_DIR. */
const fileSource: ScenarioSource = {
  resolve: resolveRef,
  read: (path, label) => readInputFile(path, label),
  folderOf: dirname,
  nameOf: basename,
};

/** One file read from disk as a layer (sweep files use it for their own located errors). */
export function readLayer(path: string, label: string): { layer: Layer; raw: Mapping } {
  return parseLayer(readInputFile(path, label), path, label);
}

/** Load a built-in name or a file, apply overrides, validate. */
export function loadScenario(ref: string = DEFAULT_SCENARIO, options: LoadOptions = {}): LoadedScenario {
  const { scenario, path, locateField } = composeScenario(fileSource, ref, looksLikeFile(ref) ? ref : 'scenario', options);
  // A real organization's files are read here (no I/O in src/sim), relative to the scenario
  // file, or to the working directory when a built-in is given files with --set.
  const baseDir = looksLikeFile(ref) ? dirname(path) : process.cwd();
  const withFiles = resolveOrganizationFiles(scenario, baseDir, locateField);
  return { scenario: withFiles, source: ref };
}
