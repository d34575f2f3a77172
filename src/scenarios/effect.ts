/**
 * Fields that cannot change a run of a given scenario. A sweep factor, a calibrated parameter, a
 * sensitivity factor or a `--set` on such a field would give identical runs (or, for a calibration,
 * a flat posterior reported as learning) without a word: each is refused with the reason.
 *
 * Which generator settings each network reads is the network builder's (src/sim/network.ts):
 * `organization` reads the team and liaison fields; erdos-renyi and the lattices read meanDegree
 * (small-world also rewire); every generated network lays staff out in units and teams; `file`
 * takes everything — staff, units, ties — from the files.
 */
import type { Scenario } from './schema.js';

type Network = Scenario['organization']['network'];

/** The organization fields of the generated networks, and which networks read them. */
const READ_BY: Readonly<Record<string, readonly Network[]>> = {
  'organization.staff': ['organization', 'erdos-renyi', 'full', 'lattice', 'small-world'],
  'organization.units': ['organization', 'erdos-renyi', 'full', 'lattice', 'small-world'],
  'organization.teamsPerUnit': ['organization', 'erdos-renyi', 'full', 'lattice', 'small-world'],
  'organization.withinTeamTie': ['organization'],
  'organization.crossTeamTies': ['organization'],
  'organization.crossTiesWithinUnit': ['organization'],
  'organization.leaderTies': ['organization'],
  'organization.liaisonShare': ['organization'],
  'organization.liaisonTies': ['organization'],
  'organization.meanDegree': ['erdos-renyi', 'lattice', 'small-world'],
  'organization.rewire': ['small-world'],
};

/**
 * The fields that name or filter an organization's files. They are read once, when the scenario is
 * loaded (files checked, hashed, shaped), so they cannot vary from one design point or particle to
 * the next; `--set` and a scenario file may give them.
 */
export const ORGANIZATION_FILE_FIELDS: readonly string[] = [
  'organization.people',
  'organization.ties',
  'organization.graph',
  'organization.relations',
  'organization.directed',
  'organization.inputHash',
];

/**
 * Why `path` has no effect on runs whose network is one of `networks` (every network a sweep's
 * points can take), or undefined when it can have one.
 */
export function noEffectReason(path: string, networks: readonly Network[]): string | undefined {
  const readers = READ_BY[path];
  if (readers === undefined) return undefined;
  if (networks.some((network) => readers.includes(network))) return undefined;
  const which = networks.length === 1 ? `organization.network: ${networks[0]}` : `organization.network: ${networks.join(' or ')}`;
  if (networks.every((network) => network === 'file')) {
    return `${path} has no effect with ${which} (the organization, its staff, units and ties, comes from the files)`;
  }
  return `${path} has no effect with ${which} (only ${readers.join(', ')} network${readers.length === 1 ? '' : 's'} read it)`;
}

/**
 * Why `path` cannot vary between runs of one sweep, calibration or sensitivity analysis of
 * `scenario`, or undefined when it can: no effect on it, or a field of the organization's files.
 * `networks` defaults to the scenario's own (a sweep that varies organization.network passes the
 * networks its points take).
 */
export function cannotVaryReason(path: string, scenario: Scenario, networks: readonly Network[] = [scenario.organization.network]): string | undefined {
  if (ORGANIZATION_FILE_FIELDS.includes(path)) {
    return `${path} names or filters the organization's files, which are read and checked once when the scenario is loaded: it cannot vary between runs (use one scenario file per organization)`;
  }
  if (path === 'organization.network' && (scenario.organization.network === 'file' || networks.includes('file'))) {
    return 'organization.network cannot vary to or from file: an organization from files is read once when the scenario is loaded (use one scenario file per organization)';
  }
  return noEffectReason(path, networks);
}
