/**
 * A real organization in memory: what `network: file` loads (people, units, teams, leaders and
 * ties as typed arrays), and the store entry points take it from (ensureOrganization) to hand it
 * to the run.
 *
 * Why a store keyed by content hash: a run stays pure and does no I/O (it is handed the arrays);
 * the scenario carries `organization.inputHash`, the SHA-256 of the files' bytes and the options
 * that shape the network. The loader (organization-files.ts) parses the files once per thread and
 * keeps the result here under that hash, so a sweep's runs share one copy and a changed file can
 * never be mistaken for the one a scenario was resolved with.
 */

/** Person roles, in the same codes as src/sim's `Role`. */
export const PersonRole = { staff: 0, manager: 1, leader: 2 } as const;

/** Facts about the loaded network, for `concentric show` and the notes a run prints. */
export interface OrganizationFacts {
  readonly people: number;
  /** distinct mutual ties (after symmetrizing, dropping self-ties and duplicates) */
  readonly ties: number;
  /** rows read from the ties (CSV rows or graph edges), before any filtering */
  readonly tieRows: number;
  /** rows dropped because their relation is not in `organization.relations` */
  readonly otherRelations: number;
  readonly selfTies: number;
  readonly duplicateTies: number;
  /** units came from a unit column/attribute (false: found as communities) */
  readonly unitsGiven: boolean;
  readonly teamsGiven: boolean;
  /** units whose leader was the highest-degree member because none was marked */
  readonly leadersInferred: number;
  readonly components: number;
  readonly largestComponent: number;
  readonly isolates: number;
  /** degree → number of people with that degree */
  readonly degreeCounts: readonly number[];
  /** columns (CSV) or attributes (graph) present for people */
  readonly columns: readonly string[];
}

/**
 * People are ordered so that each unit is a contiguous block with its leader first, and each
 * team a contiguous block inside its unit — the layout the simulation's organization uses.
 */
export interface OrganizationFile {
  readonly hash: string;
  /** the scenario fields this was loaded with (a sweep may not vary them) */
  readonly relations: readonly string[] | null;
  readonly directed: boolean;
  readonly staff: number;
  readonly units: number;
  readonly teams: number;
  /** the file's id of person i */
  readonly ids: readonly string[];
  readonly unitNames: readonly string[];
  readonly teamNames: readonly string[];
  readonly unitStart: Int32Array;
  readonly teamStart: Int32Array;
  readonly unitOf: Int32Array;
  readonly teamOf: Int32Array;
  readonly role: Uint8Array;
  /** CSR, symmetric, neighbours ascending */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** disposition index (DISPOSITIONS order) or -1 where the file gives none */
  readonly disposition: Int8Array;
  /** starting trust / readiness, NaN where the file gives none */
  readonly trust: Float64Array;
  readonly readiness: Float64Array;
  readonly facts: OrganizationFacts;
  /** one-line notes on what was inferred or dropped (printed once by the process that loads) */
  readonly notes: readonly string[];
}

const store = new Map<string, OrganizationFile>();

export function keepOrganization(organization: OrganizationFile): void {
  store.set(organization.hash, organization);
}

export function storedOrganization(hash: string): OrganizationFile | undefined {
  return store.get(hash);
}
