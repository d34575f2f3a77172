/**
 * RawOrganization → OrganizationFile: ties made mutual (self-ties and duplicates dropped and
 * counted), units found as communities when the file names none, leaders and managers where
 * none are marked, and people reordered so each unit and team is a contiguous block with its
 * leader first — the layout the simulation's organization uses.
 */
import seedrandom from 'seedrandom';
import { PersonRole, type OrganizationFacts, type OrganizationFile } from './organization-data.js';
import { graphology, louvain } from './organization-libraries.js';
import type { RawOrganization } from './organization-raw.js';

/** Name of the unit that gathers people with no ties when units are found (Louvain leaves each alone). */
export const UNCONNECTED_UNIT = 'unconnected';

interface MutualTies {
  /** unique unordered pairs a < b, ascending by (a, b) */
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly weight: Float64Array;
  readonly count: number;
  readonly selfTies: number;
  readonly duplicates: number;
}

/**
 * Unique mutual ties. Undirected files: a tie listed twice (either way round) is a duplicate.
 * Directed files: only the same from → to twice is; a → b with b → a is one reciprocated tie.
 */
function mutualTies(raw: RawOrganization, directed: boolean): MutualTies {
  const n = raw.ids.length;
  let selfTies = 0;
  // Keys as doubles (n ≤ 5,000,000 ⇒ n² < 2^53): sorting a Float64Array is fast and allocation-free.
  const ordered = new Float64Array(raw.tieCount);
  const unordered = new Float64Array(raw.tieCount);
  const firstWeight = new Map<number, number>();
  let kept = 0;
  for (let e = 0; e < raw.tieCount; e++) {
    const from = raw.tieFrom[e];
    const to = raw.tieTo[e];
    if (from === to) {
      selfTies++;
      continue;
    }
    ordered[kept] = from * n + to;
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    const key = low * n + high;
    unordered[kept] = key;
    if (raw.tieWeight[e] !== 1 && !firstWeight.has(key)) firstWeight.set(key, raw.tieWeight[e]);
    kept++;
  }
  const orderedKeys = ordered.subarray(0, kept).sort();
  const keys = unordered.subarray(0, kept).sort();
  let unique = 0;
  for (let k = 0; k < kept; k++) if (k === 0 || keys[k] !== keys[k - 1]) keys[unique++] = keys[k];
  let duplicates: number;
  if (directed) {
    let distinct = 0;
    for (let k = 0; k < kept; k++) if (k === 0 || orderedKeys[k] !== orderedKeys[k - 1]) distinct++;
    duplicates = kept - distinct;
  } else {
    duplicates = kept - unique;
  }
  const a = new Int32Array(unique);
  const b = new Int32Array(unique);
  const weight = new Float64Array(unique).fill(1);
  for (let k = 0; k < unique; k++) {
    a[k] = Math.floor(keys[k] / n);
    b[k] = keys[k] - a[k] * n;
    const w = firstWeight.get(keys[k]);
    if (w !== undefined) weight[k] = w;
  }
  return { a, b, weight, count: unique, selfTies, duplicates };
}

/** Symmetric CSR over n people from unique pairs; `place` maps a person to their position. */
function csr(n: number, ties: MutualTies, place: Int32Array): { offsets: Int32Array; neighbors: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < ties.count; e++) {
    offsets[place[ties.a[e]] + 1]++;
    offsets[place[ties.b[e]] + 1]++;
  }
  for (let i = 0; i < n; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, n);
  const neighbors = new Int32Array(offsets[n]);
  for (let e = 0; e < ties.count; e++) {
    const x = place[ties.a[e]];
    const y = place[ties.b[e]];
    neighbors[fill[x]++] = y;
    neighbors[fill[y]++] = x;
  }
  for (let i = 0; i < n; i++) neighbors.subarray(offsets[i], offsets[i + 1]).sort();
  return { offsets, neighbors };
}

/** Units as communities of the ties (Louvain), numbered by their first member in file order. */
function findUnits(raw: RawOrganization, ties: MutualTies, degree: Int32Array, seed: string): string[] {
  const n = raw.ids.length;
  const graph = new (graphology().UndirectedGraph)({ allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let e = 0; e < ties.count; e++) graph.addEdge(String(ties.a[e]), String(ties.b[e]), { weight: ties.weight[e] });
  // Seeded from the files' hash: the same files always give the same units, whatever the run seed.
  const community = louvain()(graph, { rng: seedrandom.alea(seed), getEdgeWeight: 'weight' });
  const names = new Map<number, string>();
  const unit = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    if (degree[i] === 0) {
      unit[i] = UNCONNECTED_UNIT;
      continue;
    }
    const c = community[String(i)];
    let name = names.get(c);
    if (name === undefined) {
      name = `community ${names.size + 1}`;
      names.set(c, name);
    }
    unit[i] = name;
  }
  return unit;
}

/** Connected components, isolates and the degree distribution. */
function networkFacts(n: number, offsets: Int32Array, neighbors: Int32Array) {
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let components = 0;
  let largest = 0;
  let isolates = 0;
  const degreeCounts: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = offsets[i + 1] - offsets[i];
    while (degreeCounts.length <= d) degreeCounts.push(0);
    degreeCounts[d]++;
    if (d === 0) isolates++;
    if (seen[i]) continue;
    components++;
    let head = 0;
    let tail = 0;
    queue[tail++] = i;
    seen[i] = 1;
    while (head < tail) {
      const p = queue[head++];
      for (let k = offsets[p]; k < offsets[p + 1]; k++) {
        const q = neighbors[k];
        if (!seen[q]) {
          seen[q] = 1;
          queue[tail++] = q;
        }
      }
    }
    if (tail > largest) largest = tail;
  }
  return { components, largestComponent: largest, isolates, degreeCounts };
}

/** Index of each distinct name in order of first appearance. */
function firstAppearance(names: readonly string[]): { index: Int32Array; names: string[] } {
  const index = new Int32Array(names.length);
  const seen = new Map<string, number>();
  const list: string[] = [];
  for (let i = 0; i < names.length; i++) {
    let k = seen.get(names[i]);
    if (k === undefined) {
      k = list.length;
      seen.set(names[i], k);
      list.push(names[i]);
    }
    index[i] = k;
  }
  return { index, names: list };
}

export interface ShapeOptions {
  readonly hash: string;
  readonly relations: readonly string[] | null;
  readonly directed: boolean;
}

export function shapeOrganization(raw: RawOrganization, options: ShapeOptions): OrganizationFile {
  const n = raw.ids.length;
  const ties = mutualTies(raw, options.directed);
  const degree = new Int32Array(n);
  for (let e = 0; e < ties.count; e++) {
    degree[ties.a[e]]++;
    degree[ties.b[e]]++;
  }
  const unitsGiven = raw.columns.has('unit');
  const teamsGiven = raw.columns.has('team');
  const unitName = unitsGiven ? raw.unit : findUnits(raw, ties, degree, options.hash);
  const units = firstAppearance(unitName);
  // The unconnected gather last, so found units are numbered as they appear.
  const unconnected = unitsGiven ? -1 : units.names.indexOf(UNCONNECTED_UNIT);
  const unitRank = (u: number) => (u === unconnected ? units.names.length : u);
  const teamKey = teamsGiven ? raw.team.map((team, i) => `${units.index[i]}\u0000${team}`) : Array.from(units.index, String);
  const teams = firstAppearance(teamKey);

  // Leaders: as marked; a unit with none gets its highest-degree member (earliest on ties).
  const role = new Uint8Array(n);
  const unitLeader = new Int32Array(units.names.length).fill(-1);
  for (let i = 0; i < n; i++) {
    if (!raw.leader[i]) continue;
    role[i] = PersonRole.leader;
    if (unitLeader[units.index[i]] < 0) unitLeader[units.index[i]] = i;
  }
  const best = new Int32Array(units.names.length).fill(-1);
  for (let i = 0; i < n; i++) {
    const u = units.index[i];
    if (best[u] < 0 || degree[i] > degree[best[u]]) best[u] = i;
  }
  let leadersInferred = 0;
  for (let u = 0; u < units.names.length; u++) {
    if (unitLeader[u] >= 0) continue;
    unitLeader[u] = best[u];
    role[best[u]] = PersonRole.leader;
    leadersInferred++;
  }
  // Managers: with teams given, the highest-degree member of each team that has no leader in it.
  if (teamsGiven) {
    const teamHead = new Int32Array(teams.names.length).fill(-1);
    const hasLeader = new Uint8Array(teams.names.length);
    for (let i = 0; i < n; i++) if (role[i] === PersonRole.leader) hasLeader[teams.index[i]] = 1;
    for (let i = 0; i < n; i++) {
      const t = teams.index[i];
      if (!hasLeader[t] && (teamHead[t] < 0 || degree[i] > degree[teamHead[t]])) teamHead[t] = i;
    }
    for (const head of teamHead) if (head >= 0) role[head] = PersonRole.manager;
  }

  // Order: unit, then team (the unit leader's team first), then leaders, managers, the rest.
  const teamRank = new Int32Array(teams.names.length);
  for (let t = 0; t < teams.names.length; t++) teamRank[t] = t + 1;
  for (let u = 0; u < units.names.length; u++) teamRank[teams.index[unitLeader[u]]] = 0;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (x, y) =>
      unitRank(units.index[x]) - unitRank(units.index[y]) ||
      teamRank[teams.index[x]] - teamRank[teams.index[y]] ||
      teams.index[x] - teams.index[y] ||
      role[y] - role[x] ||
      (x === unitLeader[units.index[x]] ? -1 : y === unitLeader[units.index[y]] ? 1 : 0) ||
      x - y,
  );
  const place = new Int32Array(n);
  order.forEach((person, position) => (place[person] = position));

  // Units and teams renumbered in the new order.
  const unitNumber = new Map<number, number>();
  const teamNumber = new Map<number, number>();
  const unitNames: string[] = [];
  const teamNames: string[] = [];
  const unitOf = new Int32Array(n);
  const teamOf = new Int32Array(n);
  const placedRole = new Uint8Array(n);
  const disposition = new Int8Array(n);
  const trust = new Float64Array(n);
  const readiness = new Float64Array(n);
  const ids = new Array<string>(n);
  for (let p = 0; p < n; p++) {
    const i = order[p];
    let u = unitNumber.get(units.index[i]);
    if (u === undefined) {
      u = unitNames.length;
      unitNumber.set(units.index[i], u);
      unitNames.push(units.names[units.index[i]]);
    }
    let t = teamNumber.get(teams.index[i]);
    if (t === undefined) {
      t = teamNames.length;
      teamNumber.set(teams.index[i], t);
      teamNames.push(teamsGiven ? raw.team[i] : units.names[units.index[i]]);
    }
    unitOf[p] = u;
    teamOf[p] = t;
    placedRole[p] = role[i];
    disposition[p] = raw.disposition[i];
    trust[p] = raw.trust[i];
    readiness[p] = raw.readiness[i];
    ids[p] = raw.ids[i];
  }
  const unitStart = blockStarts(unitOf, unitNames.length);
  const teamStart = blockStarts(teamOf, teamNames.length);
  const { offsets, neighbors } = csr(n, ties, place);
  const network = networkFacts(n, offsets, neighbors);

  const facts: OrganizationFacts = {
    people: n,
    ties: ties.count,
    tieRows: raw.tieRows,
    otherRelations: raw.otherRelations,
    selfTies: ties.selfTies,
    duplicateTies: ties.duplicates,
    unitsGiven,
    teamsGiven,
    leadersInferred,
    ...network,
    columns: ['id', ...raw.columns],
  };
  return {
    hash: options.hash,
    relations: options.relations,
    directed: options.directed,
    staff: n,
    units: unitNames.length,
    teams: teamNames.length,
    ids,
    unitNames,
    teamNames,
    unitStart,
    teamStart,
    unitOf,
    teamOf,
    role: placedRole,
    offsets,
    neighbors,
    disposition,
    trust,
    readiness,
    facts,
    notes: notesOn(raw, facts, unitNames.length),
  };
}

function blockStarts(blockOf: Int32Array, blocks: number): Int32Array {
  const start = new Int32Array(blocks + 1);
  for (let i = 0; i < blockOf.length; i++) start[blockOf[i] + 1]++;
  for (let b = 0; b < blocks; b++) start[b + 1] += start[b];
  return start;
}

/** What was dropped or inferred, one line each, so nothing happens silently. */
function notesOn(raw: RawOrganization, facts: OrganizationFacts, units: number): string[] {
  const notes: string[] = [];
  if (facts.selfTies > 0 || facts.duplicateTies > 0) {
    notes.push(`${raw.tiesLabel}: dropped ${facts.selfTies} self-tie${facts.selfTies === 1 ? '' : 's'} and ${facts.duplicateTies} duplicate tie${facts.duplicateTies === 1 ? '' : 's'}`);
  }
  if (!facts.unitsGiven) {
    notes.push(
      `${raw.peopleLabel}: no unit column: ${units} units found as communities of the ties (Louvain, seeded by the files' hash)` +
        (facts.isolates > 0 ? `; ${facts.isolates === 1 ? '1 person' : `${facts.isolates} people`} without ties form${facts.isolates === 1 ? 's' : ''} the unit "${UNCONNECTED_UNIT}"` : ''),
    );
  }
  if (facts.leadersInferred > 0) {
    notes.push(`${raw.peopleLabel}: ${facts.leadersInferred} unit${facts.leadersInferred === 1 ? '' : 's'} with no leader marked: each is led by its highest-degree member`);
  }
  const drawn = (['disposition', 'trust', 'readiness'] as const).filter((name) => !raw.columns.has(name));
  if (drawn.length > 0) notes.push(`${raw.peopleLabel}: no ${drawn.join('/')} column: drawn from the scenario's dispositions, as for generated staff`);
  return notes;
}
