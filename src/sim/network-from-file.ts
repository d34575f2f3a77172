/**
 * A real organization as the simulation's Organization: the people, units, teams, roles and ties
 * loaded from the user's files (src/scenarios/organization-files.ts) and handed to the run by its
 * caller, with implementation teams chosen as for a generated organization. The loaded arrays are
 * shared, not copied: a run never writes to its organization.
 */
import type { StaffState } from '../agents/index.js';
import type { OrganizationFile, Scenario } from '../scenarios/index.js';
import type { Organization } from './network.js';

/** The part of an Organization that a file gives (the rest is chosen per run). */
export type FileLayout = Pick<
  Organization,
  'staff' | 'units' | 'teams' | 'unitStart' | 'teamStart' | 'unitOf' | 'teamOf' | 'role' | 'offsets' | 'neighbors'
> & { readonly file: OrganizationFile };

function sameList(a: readonly string[] | null, b: readonly string[] | undefined): boolean {
  const other = b ?? null;
  return a === other || (a !== null && other !== null && a.length === other.length && a.every((x, k) => x === other[k]));
}

/**
 * The organization a `network: file` scenario names, as handed to the run (`organization` of
 * createSimulation/simulate: src/scenarios' ensureOrganization gives it). Missing, or loaded from
 * other files, is an error, never a silent generated network.
 */
export function fileLayout(scenario: Scenario, file: OrganizationFile | undefined): FileLayout {
  const o = scenario.organization;
  if (!file) {
    throw new Error('organization.network: file: the loaded organization was not handed to the run (pass { organization: ensureOrganization(scenario) } from src/scenarios)');
  }
  if (file.hash !== o.inputHash) {
    throw new Error(`organization.network: file: the organization handed to the run was loaded from other files (hash ${file.hash.slice(0, 12)}…, the scenario names ${o.inputHash?.slice(0, 12) ?? 'none'})`);
  }
  if (!sameList(file.relations, o.relations) || file.directed !== (o.directed ?? false)) {
    throw new Error('organization.relations and organization.directed shape the loaded network: they cannot vary within a sweep');
  }
  const { staff, units, teams, unitStart, teamStart, unitOf, teamOf, role, offsets, neighbors } = file;
  return { staff, units, teams, unitStart, teamStart, unitOf, teamOf, role, offsets, neighbors, file };
}

/** Starting trust and readiness where the file gives them (dispositions are placed with newcomers). */
export function placeStartingValues(staff: StaffState, file: OrganizationFile): void {
  for (let i = 0; i < file.staff; i++) {
    const trust = file.trust[i];
    if (!Number.isNaN(trust)) {
      staff.baselineTrust[i] = trust;
      staff.trust[i] = trust;
    }
    const readiness = file.readiness[i];
    if (!Number.isNaN(readiness)) {
      staff.acceptability[i] = readiness;
      staff.appropriateness[i] = readiness;
      staff.feasibility[i] = readiness;
    }
  }
}
