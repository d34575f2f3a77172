/**
 * The organization: staff placed in units and teams (contiguous index blocks), roles, the
 * implementation team of each unit, and the tie network in CSR form (offsets, neighbors).
 *
 * The `organization` network follows MODEL-GROUNDING (an assumption with support): dense ties
 * inside teams, sparse cross-team ties that mostly stay in the unit, unit leaders linked across
 * units, managers tied to their unit leader, and a few liaisons with many cross-unit ties.
 * Other topologies (Erdős–Rényi, ring lattice, small world, full mixing) exist for docking.
 */
import { freshArrays, type ArrayAllocator } from './arena.js';
import type { OrganizationFile, Scenario } from '../scenarios/index.js';
import { fileLayout } from './network-from-file.js';
import type { RandomStream } from './rng.js';

export const Role = { staff: 0, manager: 1, leader: 2 } as const;
export type Role = (typeof Role)[keyof typeof Role];

export interface Organization {
  readonly staff: number;
  readonly units: number;
  readonly teams: number;
  /** first staff index of each unit; length units + 1 */
  readonly unitStart: Int32Array;
  /** first staff index of each team; length teams + 1 */
  readonly teamStart: Int32Array;
  readonly unitOf: Int32Array;
  readonly teamOf: Int32Array;
  readonly role: Uint8Array;
  readonly liaison: Uint8Array;
  /** CSR: neighbours of i are neighbors[offsets[i] .. offsets[i+1]) */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  /** true when there are no ties and exposure is the share of the whole population */
  readonly fullyMixed: boolean;
  /** implementation team members of unit u: implementationMembers[implementationStart[u] .. [u+1]) */
  readonly implementationStart: Int32Array;
  readonly implementationMembers: Int32Array;
  /** the loaded files, for `network: file` (unit names, the people's given attributes) */
  readonly file?: OrganizationFile;
}

/** A growable list of undirected edges in one Int32Array (pairs). */
class EdgeList {
  private pairs: Int32Array;
  length = 0;

  constructor(private readonly arrays: ArrayAllocator) {
    this.pairs = arrays.int32(1024);
  }

  add(a: number, b: number): void {
    if (a === b) return;
    if (this.length * 2 + 2 > this.pairs.length) {
      const grown = this.arrays.int32(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.length * 2] = a;
    this.pairs[this.length * 2 + 1] = b;
    this.length++;
  }

  /** Symmetric CSR with duplicate ties removed; neighbours sorted ascending. */
  toCsr(nodes: number): { offsets: Int32Array; neighbors: Int32Array } {
    const { arrays } = this;
    const degree = arrays.int32(nodes + 1);
    for (let e = 0; e < this.length; e++) {
      degree[this.pairs[2 * e]]++;
      degree[this.pairs[2 * e + 1]]++;
    }
    const start = arrays.int32(nodes + 1);
    for (let i = 0; i < nodes; i++) start[i + 1] = start[i] + degree[i];
    // Where each list is being filled: reuses `degree`, no longer needed.
    const fill = degree;
    fill.set(start);
    const raw = arrays.int32(start[nodes]);
    for (let e = 0; e < this.length; e++) {
      const a = this.pairs[2 * e];
      const b = this.pairs[2 * e + 1];
      raw[fill[a]++] = b;
      raw[fill[b]++] = a;
    }
    // Sort each adjacency list and drop duplicates, compacting in place.
    const offsets = arrays.int32(nodes + 1);
    let write = 0;
    for (let i = 0; i < nodes; i++) {
      sortRange(raw, start[i], start[i + 1]);
      offsets[i] = write;
      let previous = -1;
      for (let k = start[i]; k < start[i + 1]; k++) {
        if (raw[k] !== previous) raw[write++] = raw[k];
        previous = raw[k];
      }
    }
    offsets[nodes] = write;
    // Without duplicate ties (the usual case) the compacted list is the whole array: no copy.
    if (write === raw.length) return { offsets, neighbors: raw };
    const neighbors = arrays.int32(write);
    neighbors.set(raw.subarray(0, write));
    return { offsets, neighbors };
  }
}

/** Sort values[from .. to) ascending: insertion sort for the short lists most people have. */
function sortRange(values: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    values.subarray(from, to).sort();
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const value = values[k];
    let j = k - 1;
    while (j >= from && values[j] > value) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = value;
  }
}

/** Poisson draw (Knuth) — means here are small (≤ ~20). */
function poisson(mean: number, rng: RandomStream): number {
  if (mean <= 0) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
}

function layOut(scenario: Scenario, arrays: ArrayAllocator) {
  const { staff } = scenario.organization;
  const units = Math.min(scenario.organization.units, staff);
  const teams = Math.min(units * scenario.organization.teamsPerUnit, staff);
  const teamsPerUnit = Math.max(1, Math.floor(teams / units));
  const teamStart = arrays.int32(teams + 1);
  const base = Math.floor(staff / teams);
  const extra = staff % teams;
  for (let t = 0; t < teams; t++) teamStart[t + 1] = teamStart[t] + base + (t < extra ? 1 : 0);
  const unitStart = arrays.int32(units + 1);
  for (let u = 0; u < units; u++) {
    const lastTeam = u === units - 1 ? teams : (u + 1) * teamsPerUnit;
    unitStart[u + 1] = teamStart[lastTeam];
  }
  const unitOf = arrays.int32(staff);
  const teamOf = arrays.int32(staff);
  const role = arrays.uint8(staff);
  for (let t = 0; t < teams; t++) {
    for (let i = teamStart[t]; i < teamStart[t + 1]; i++) teamOf[i] = t;
    role[teamStart[t]] = Role.manager;
  }
  for (let u = 0; u < units; u++) {
    for (let i = unitStart[u]; i < unitStart[u + 1]; i++) unitOf[i] = u;
    role[unitStart[u]] = Role.leader;
  }
  return { staff, units, teams, teamStart, unitStart, unitOf, teamOf, role };
}

type Layout = ReturnType<typeof layOut>;

function organizationTies(layout: Layout, scenario: Scenario, rng: RandomStream, liaison: Uint8Array, edges: EdgeList): void {
  const o = scenario.organization;
  const { staff, units, teams, teamStart, unitStart, unitOf, teamOf, role } = layout;
  for (let t = 0; t < teams; t++) {
    for (let a = teamStart[t]; a < teamStart[t + 1]; a++) {
      for (let b = a + 1; b < teamStart[t + 1]; b++) if (rng.next() < o.withinTeamTie) edges.add(a, b);
    }
  }
  for (let i = 0; i < staff; i++) {
    const ties = poisson(o.crossTeamTies, rng);
    const unit = unitOf[i];
    const unitSize = unitStart[unit + 1] - unitStart[unit];
    for (let k = 0; k < ties; k++) {
      const insideUnit = rng.next() < o.crossTiesWithinUnit;
      const other = insideUnit ? unitStart[unit] + rng.below(unitSize) : rng.below(staff);
      if (teamOf[other] !== teamOf[i]) edges.add(i, other);
    }
    if (role[i] === Role.manager) edges.add(i, unitStart[unit]);
  }
  const leaders = units;
  if (leaders - 1 <= o.leaderTies) {
    for (let a = 0; a < leaders; a++) for (let b = a + 1; b < leaders; b++) edges.add(unitStart[a], unitStart[b]);
  } else {
    for (let a = 0; a < leaders; a++) {
      for (let k = 0; k < o.leaderTies / 2; k++) edges.add(unitStart[a], unitStart[rng.below(leaders)]);
    }
  }
  const liaisons = Math.round(o.liaisonShare * staff);
  for (let k = 0; k < liaisons; k++) {
    const person = rng.below(staff);
    liaison[person] = 1;
    for (let j = 0; j < o.liaisonTies; j++) {
      const other = rng.below(staff);
      if (unitOf[other] !== unitOf[person]) edges.add(person, other);
    }
  }
}

function erdosRenyiTies(staff: number, meanDegree: number, rng: RandomStream, edges: EdgeList): void {
  const target = Math.round((staff * meanDegree) / 2);
  for (let e = 0; e < target; e++) edges.add(rng.below(staff), rng.below(staff));
}

/** Ring lattice with k = meanDegree (even) neighbours; each tie rewired with probability `rewire`. */
function latticeTies(staff: number, meanDegree: number, rewire: number, rng: RandomStream, edges: EdgeList): void {
  const half = Math.max(1, Math.floor(meanDegree / 2));
  for (let i = 0; i < staff; i++) {
    for (let k = 1; k <= half; k++) {
      const other = rewire > 0 && rng.next() < rewire ? rng.below(staff) : (i + k) % staff;
      edges.add(i, other);
    }
  }
}

type UnitsAndRoles = Pick<Layout, 'units' | 'unitStart' | 'role'>;

function chooseImplementationTeams(layout: UnitsAndRoles, members: number, rng: RandomStream, arrays: ArrayAllocator) {
  const { units, unitStart, role } = layout;
  const start = arrays.int32(units + 1);
  const chosen: number[] = [];
  for (let u = 0; u < units; u++) {
    start[u] = chosen.length;
    const first = unitStart[u];
    const size = unitStart[u + 1] - first;
    const want = Math.min(members, size);
    // Positional diversity: the unit leader, then managers, then staff drawn at random.
    const picked = new Set<number>([first]);
    for (let i = first + 1; i < first + size && picked.size < Math.ceil(want / 2); i++) {
      if (role[i] === Role.manager) picked.add(i);
    }
    let guard = 0;
    while (picked.size < want && guard++ < 100 * want) picked.add(first + rng.below(size));
    chosen.push(...[...picked].sort((a, b) => a - b));
  }
  start[units] = chosen.length;
  const implementationMembers = arrays.int32(chosen.length);
  implementationMembers.set(chosen);
  return { implementationStart: start, implementationMembers };
}

/** `file`: the loaded organization, for a `network: file` scenario (see fileLayout). */
export function buildOrganization(scenario: Scenario, rng: RandomStream, arrays: ArrayAllocator = freshArrays, file?: OrganizationFile): Organization {
  if (scenario.organization.network === 'file') {
    // A real organization: loaded with the scenario (src/scenarios/organization-files.ts), handed in by the caller.
    const given = fileLayout(scenario, file);
    const implementation = chooseImplementationTeams(given, scenario.engagement.teamMembers, rng, arrays);
    return { ...given, liaison: arrays.uint8(given.staff), fullyMixed: false, ...implementation };
  }
  const layout = layOut(scenario, arrays);
  const liaison = arrays.uint8(layout.staff);
  const edges = new EdgeList(arrays);
  const o = scenario.organization;
  switch (o.network) {
    case 'organization':
      organizationTies(layout, scenario, rng, liaison, edges);
      break;
    case 'erdos-renyi':
      erdosRenyiTies(layout.staff, o.meanDegree, rng, edges);
      break;
    case 'lattice':
      latticeTies(layout.staff, o.meanDegree, 0, rng, edges);
      break;
    case 'small-world':
      latticeTies(layout.staff, o.meanDegree, o.rewire, rng, edges);
      break;
    case 'full':
      break;
  }
  const { offsets, neighbors } = edges.toCsr(layout.staff);
  const implementation = chooseImplementationTeams(layout, scenario.engagement.teamMembers, rng, arrays);
  return { ...layout, liaison, offsets, neighbors, fullyMixed: o.network === 'full', ...implementation };
}

/**
 * Network distance ("ring") of every person from the members of the given units (ring 0).
 * Unreachable people get the largest finite distance + 1. Under full mixing everyone outside
 * the units is at distance 1.
 */
export function ringDistances(org: Organization, sourceUnits: readonly number[], arrays: ArrayAllocator = freshArrays): Int32Array {
  const distance = arrays.int32(org.staff).fill(-1);
  const queue = arrays.int32(org.staff);
  let head = 0;
  let tail = 0;
  for (const unit of sourceUnits) {
    for (let i = org.unitStart[unit]; i < org.unitStart[unit + 1]; i++) {
      distance[i] = 0;
      queue[tail++] = i;
    }
  }
  if (org.fullyMixed) {
    for (let i = 0; i < org.staff; i++) if (distance[i] < 0) distance[i] = tail > 0 ? 1 : 0;
    return distance;
  }
  let farthest = 0;
  while (head < tail) {
    const i = queue[head++];
    for (let k = org.offsets[i]; k < org.offsets[i + 1]; k++) {
      const j = org.neighbors[k];
      if (distance[j] < 0) {
        distance[j] = distance[i] + 1;
        if (distance[j] > farthest) farthest = distance[j];
        queue[tail++] = j;
      }
    }
  }
  for (let i = 0; i < org.staff; i++) if (distance[i] < 0) distance[i] = farthest + 1;
  return distance;
}

/**
 * The degree-preserving null network: the same people, units, teams and degrees, with every tie
 * rewired by double-edge swaps (a–b, c–d → a–d, c–b; Maslov & Sneppen 2002), 10 swaps per tie
 * tried, none that would make a self-tie or a repeated tie. Ties then no longer follow units or
 * teams, so what spreads along them is no longer tied to the organization's shape. `rng` should
 * be a stream of its own, so the null run keeps every other draw of the run it is compared with.
 */
export function rewiredOrganization(org: Organization, rng: RandomStream, arrays: ArrayAllocator = freshArrays): Organization {
  if (org.fullyMixed) return org;
  const { offsets, neighbors, staff } = org;
  const edgeCount = offsets[staff] / 2;
  const ends = new Int32Array(edgeCount * 2);
  const present = new Set<number>();
  const key = (a: number, b: number) => (a < b ? a * staff + b : b * staff + a);
  let e = 0;
  for (let i = 0; i < staff; i++) {
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = neighbors[k];
      if (j > i) {
        ends[2 * e] = i;
        ends[2 * e + 1] = j;
        present.add(key(i, j));
        e++;
      }
    }
  }
  if (edgeCount < 2) return org;
  for (let t = 0; t < 10 * edgeCount; t++) {
    const x = rng.below(edgeCount);
    const y = rng.below(edgeCount);
    if (x === y) continue;
    // Swap with either orientation of the second tie (both keep every degree).
    const flip = rng.next() < 0.5;
    const a = ends[2 * x];
    const b = ends[2 * x + 1];
    const c = ends[2 * y + (flip ? 1 : 0)];
    const d = ends[2 * y + (flip ? 0 : 1)];
    if (a === d || c === b || present.has(key(a, d)) || present.has(key(c, b))) continue;
    present.delete(key(a, b));
    present.delete(key(c, d));
    present.add(key(a, d));
    present.add(key(c, b));
    ends[2 * x + 1] = d;
    ends[2 * y] = c;
    ends[2 * y + 1] = b;
  }
  const edges = new EdgeList(arrays);
  for (let k = 0; k < edgeCount; k++) edges.add(ends[2 * k], ends[2 * k + 1]);
  return { ...org, ...edges.toCsr(staff) };
}
