/**
 * A real organization from texts already in hand (no file system): parse people/ties CSV or a
 * GraphML/GEXF graph, shape it, keep it in the store under its content hash, and check
 * `engagement.firstUnits` against its units. Node reads and hashes the files
 * (organization-files.ts); the explorer reads a dropped file and hashes it the same way.
 */
import { InputError } from './errors.js';
import { readPeopleAndTies } from './organization-csv.js';
import { keepOrganization, storedOrganization, type OrganizationFile } from './organization-data.js';
import { readGraph } from './organization-graph.js';
import type { RawOrganization } from './organization-raw.js';
import { shapeOrganization } from './organization-shape.js';
import type { Scenario } from './schema.js';

/** Bump when the reading or shaping of files changes, so old hashes no longer match. */
export const ORGANIZATION_FORMAT = 'concentric-organization-files-1';

/** One input's text, its path (for its format) and the label its messages name. */
export interface OrganizationText {
  readonly path: string;
  readonly label: string;
  readonly text: string;
}

export function formatOf(path: string): 'graphml' | 'gexf' | undefined {
  // Node's extname without node:path: the last dot of the file name, not a leading one.
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return ext === '.graphml' || ext === '.xml' ? 'graphml' : ext === '.gexf' ? 'gexf' : undefined;
}

function parseInputs(inputs: readonly OrganizationText[], relations: readonly string[] | null, directed: boolean, hash: string): OrganizationFile {
  let raw: RawOrganization;
  if (inputs.length === 1) {
    const [graph] = inputs;
    raw = readGraph(graph.text, graph.label, formatOf(graph.path) ?? 'graphml', { relations });
  } else {
    const [people, ties] = inputs;
    raw = readPeopleAndTies({ text: people.text, label: people.label }, { text: ties.text, label: ties.label }, { relations });
  }
  if (raw.ids.length < 2) throw new InputError(`${inputs[0].label}: expected at least 2 people, got ${raw.ids.length}`);
  return shapeOrganization(raw, { hash, relations, directed });
}

/**
 * The organization of these inputs (one graph, or people then ties) under `hash`: from the store
 * if this thread has it, else parsed and kept. `announce` hears it either way (for its notes).
 */
export function loadOrganization(
  inputs: readonly OrganizationText[],
  relations: readonly string[] | null,
  directed: boolean,
  hash: string,
): OrganizationFile {
  let organization = storedOrganization(hash);
  if (!organization) {
    organization = parseInputs(inputs, relations, directed, hash);
    keepOrganization(organization);
  }
  return organization;
}

/**
 * Unit names a list in `engagement.firstUnits` may use: the file's (or the communities found),
 * else 1, 2, … for generated units. Checked when the scenario is loaded, not mid-run.
 */
export function checkFirstUnits(scenario: Scenario, where: string): void {
  const rule = scenario.engagement.firstUnits;
  if (!Array.isArray(rule)) return;
  const o = scenario.organization;
  const file = o.inputHash === undefined ? undefined : storedOrganization(o.inputHash);
  const names = file ? file.unitNames : Array.from({ length: Math.min(o.units, o.staff) }, (_, u) => String(u + 1));
  const unknown = rule.find((name) => !names.includes(name));
  if (unknown !== undefined) {
    const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, …` : names.join(', ');
    throw new InputError(`${where}: engagement.firstUnits: expected names of units in the organization (${shown}), got ${JSON.stringify(unknown)}`);
  }
}

/** The scenario resolved to a loaded organization: its inputs' paths, real counts and content hash. */
export function withOrganization(scenario: Scenario, organization: OrganizationFile, paths: readonly string[]): Scenario {
  const o = scenario.organization;
  return {
    ...scenario,
    organization: {
      ...o,
      ...(o.graph !== undefined ? { graph: paths[0] } : { people: paths[0], ties: paths[1] }),
      staff: organization.staff,
      units: organization.units,
      inputHash: organization.hash,
    },
  };
}
