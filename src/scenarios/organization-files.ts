/**
 * `organization.network: file` at scenario-loading time: check the fields, read the files
 * (regular files only), hash their bytes, parse and shape them once per thread, and return the
 * scenario with absolute paths, the content hash and the real staff and unit counts.
 *
 * The parsing and shaping are organization-load.ts (no file system), shared with the explorer.
 * Worker threads receive the resolved scenario and call `ensureOrganization`, which reads the
 * files again only if this thread has not got them, and refuses files whose hash has changed.
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { InputError, terminalText } from './errors.js';
import { readInputBytes } from './read.js';
import { storedOrganization, type OrganizationFile } from './organization-data.js';
import { setOrganizationLibraries } from './organization-libraries.js';
import { checkFirstUnits, formatOf, loadOrganization, ORGANIZATION_FORMAT, withOrganization } from './organization-load.js';
import type { Scenario } from './schema.js';

// Node hands the graph libraries in, loaded on first use (CommonJS, so a synchronous require).
const require = createRequire(import.meta.url);
setOrganizationLibraries({
  graphology: () => require('graphology'),
  // At run time the package's export is the function its types call `.default`.
  louvain: () => require('graphology-communities-louvain'),
  graphml: () => require('graphology-graphml'),
  gexf: () => require('graphology-gexf'),
  xmldom: () => require('@xmldom/xmldom'),
});

/** file:line:col of a scenario field, for messages about the field itself. */
export type LocateField = (path: readonly string[]) => string;

/** Where notes go: stderr by default; workers and tests silence or capture them. */
let noteSink: (line: string) => void = (line) => process.stderr.write(`concentric: note: ${terminalText(line)}\n`);
export function setOrganizationNotes(sink: (line: string) => void): void {
  noteSink = sink;
}
const noted = new Set<string>();

interface FileInput {
  readonly path: string;
  readonly label: string;
  readonly bytes: Buffer;
}

/** A real organization's files may be large (a GraphML of 100,000 people is ~50 MB); not unbounded. */
export const MAX_ORGANIZATION_BYTES = 512 * 1024 * 1024;

function readInput(path: string, label: string, where: string): FileInput {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new InputError(`${where}: file not found: expected a file, got ${JSON.stringify(label)}`);
  }
  if (stats.isDirectory()) throw new InputError(`${where}: expected a regular file, got a directory: ${JSON.stringify(label)}`);
  // The one bounded reader: FIFOs and devices refused before a byte is read, the size capped.
  return { path, label, bytes: readInputBytes(path, `${where}: ${JSON.stringify(label)}`, MAX_ORGANIZATION_BYTES) };
}

function labelFor(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}

function hashOf(inputs: readonly FileInput[], relations: readonly string[] | null, directed: boolean): string {
  const hash = createHash('sha256').update(ORGANIZATION_FORMAT).update(JSON.stringify({ relations, directed }));
  for (const input of inputs) hash.update(`\u0000${input.bytes.length}\u0000`).update(input.bytes);
  return hash.digest('hex');
}

function loadInputs(inputs: readonly FileInput[], relations: readonly string[] | null, directed: boolean, announce: boolean): OrganizationFile {
  const hash = hashOf(inputs, relations, directed);
  const texts = inputs.map((input) => ({ path: input.path, label: input.label, text: input.bytes.toString('utf8') }));
  const organization = loadOrganization(texts, relations, directed, hash);
  if (announce && !noted.has(hash)) {
    noted.add(hash);
    for (const note of organization.notes) noteSink(note);
  }
  return organization;
}

/**
 * Resolve `network: file` (called by loadScenario): paths relative to `baseDir`; a scenario
 * without it is returned unchanged, after checking it names no files.
 */
export function resolveOrganizationFiles(scenario: Scenario, baseDir: string, locateField: LocateField): Scenario {
  const o = scenario.organization;
  if (o.network !== 'file') {
    for (const field of ['people', 'ties', 'graph'] as const) {
      if (o[field] !== undefined) throw new InputError(`${locateField(['organization', field])}: organization.${field}: only read with organization.network: file, got network: ${o.network}`);
    }
    checkFirstUnits(scenario, locateField(['engagement', 'firstUnits']));
    return scenario;
  }
  const relations = o.relations ?? null;
  const directed = o.directed ?? false;
  let inputs: FileInput[];
  if (o.graph !== undefined) {
    if (o.people !== undefined || o.ties !== undefined) {
      throw new InputError(`${locateField(['organization', 'graph'])}: organization.graph: expected either graph or people + ties, got both`);
    }
    const path = resolve(baseDir, o.graph);
    if (!formatOf(path)) throw new InputError(`${locateField(['organization', 'graph'])}: organization.graph: expected a .graphml or .gexf file, got ${JSON.stringify(o.graph)}`);
    inputs = [readInput(path, labelFor(path), `${locateField(['organization', 'graph'])}: organization.graph`)];
  } else {
    if (o.people === undefined || o.ties === undefined) {
      const missing = o.people === undefined ? 'people' : 'ties';
      throw new InputError(
        `${locateField(['organization', 'network'])}: organization.${missing}: network: file needs people and ties (CSV files) or graph (GraphML/GEXF), got ${o.people === undefined && o.ties === undefined ? 'neither' : `no ${missing}`}`,
      );
    }
    inputs = (['people', 'ties'] as const).map((field) => {
      const path = resolve(baseDir, o[field]!);
      return readInput(path, labelFor(path), `${locateField(['organization', field])}: organization.${field}`);
    });
  }
  const organization = loadInputs(inputs, relations, directed, true);
  const resolved = withOrganization(scenario, organization, inputs.map((input) => input.path));
  checkFirstUnits(resolved, locateField(['engagement', 'firstUnits']));
  return resolved;
}

/**
 * The loaded organization of a resolved scenario, reading its files if this thread has not yet
 * (a worker's first run). Files changed since the scenario was resolved are refused.
 */
export function ensureOrganization(scenario: Scenario): OrganizationFile | undefined {
  const o = scenario.organization;
  if (o.network !== 'file') return undefined;
  const hash = o.inputHash;
  if (hash === undefined) throw new InputError('organization.network: file: the scenario was not resolved by loading its files (no organization.inputHash)');
  const stored = storedOrganization(hash);
  if (stored) return stored;
  const paths = o.graph !== undefined ? [o.graph] : [o.people ?? '', o.ties ?? ''];
  const inputs = paths.map((path) => readInput(path, labelFor(path), 'organization files'));
  const organization = loadInputs(inputs, o.relations ?? null, o.directed ?? false, false);
  if (organization.hash !== hash) {
    throw new InputError(`${inputs.map((input) => input.label).join(', ')}: changed since the scenario was loaded (content hash differs): rerun with the files as they are now`);
  }
  return organization;
}
