/**
 * Resource limits, checked before any work starts: a run's ties and memory from its scenario, and a
 * sweep's manifest size from its design. Every field can be inside its documented range while the
 * combination cannot run here (5,000,000 staff on an Erdős–Rényi network of mean degree 1000 is 2.5
 * billion ties; a 10-million-point grid is a manifest of ~1 GB): refuse with the estimate, exit 2,
 * instead of failing after minutes and gigabytes.
 *
 * The estimates are deliberately simple formulas (docs/SWEEPS.md, "Limits"), calibrated on this
 * project's runs (Node 20, x64): ~160 bytes a person for the state arrays, ~32 bytes an undirected
 * tie while the network is built (edge list with doubling growth + CSR), 64 MB for the process.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { InputError, type Scenario } from '../scenarios/index.js';
import { pointCount } from './designs/index.js';
import type { SweepSpec } from './types.js';

export const BYTES_PER_PERSON = 160;
export const BYTES_PER_TIE = 32;
export const PROCESS_BYTES = 64 * 1024 * 1024;
/** Each worker keeps a reusable block of up to 32 MB (src/sim/arena.ts) besides its run. */
export const WORKER_BYTES = 48 * 1024 * 1024;
/** The network is indexed by 32-bit offsets: at most this many tie ends (2 per tie). */
export const MAX_TIE_ENDS = 2 ** 31 - 1;
/** manifest.json is one JSON string; V8 strings stop at ~512 M characters. Stay well below. */
export const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
/** Share of the machine's memory a sweep may plan to use. */
export const MEMORY_SHARE = 0.8;

export interface RunFootprint {
  /** undirected ties the network builder will make (before duplicates are dropped) */
  readonly ties: number;
  /** peak bytes of one run */
  readonly bytes: number;
}

/** Expected ties of the scenario's network, following src/sim/network.ts's construction. */
export function expectedTies(scenario: Scenario): number {
  const o = scenario.organization;
  const staff = o.staff;
  switch (o.network) {
    case 'full':
      return 0;
    case 'erdos-renyi':
      return Math.round((staff * o.meanDegree) / 2);
    case 'lattice':
    case 'small-world':
      return staff * Math.max(1, Math.floor(o.meanDegree / 2));
    default: {
      const units = Math.min(o.units, staff);
      const teams = Math.min(units * o.teamsPerUnit, staff);
      const teamSize = staff / teams;
      const withinTeams = teams * ((teamSize * (teamSize - 1)) / 2) * o.withinTeamTie;
      const leaders = units - 1 <= o.leaderTies ? (units * (units - 1)) / 2 : units * Math.ceil(o.leaderTies / 2);
      const liaisons = Math.round(o.liaisonShare * staff) * o.liaisonTies;
      return Math.round(withinTeams + staff * o.crossTeamTies + teams + leaders + liaisons);
    }
  }
}

export function runFootprint(scenario: Scenario): RunFootprint {
  const ties = expectedTies(scenario);
  return { ties, bytes: scenario.organization.staff * BYTES_PER_PERSON + ties * BYTES_PER_TIE };
}

/** A number of bytes from a /proc file's line, or undefined (not Linux, unreadable, unlimited). */
function procBytes(file: string, pattern: RegExp, scale: number): number | undefined {
  try {
    const match = pattern.exec(readFileSync(file, 'utf8'));
    const value = match ? Number(match[1]) * scale : Number.NaN;
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address space this process may still map under RLIMIT_AS (`ulimit -v`, as Slurm's --mem or a
 * container may set): the soft limit less what is mapped already. Undefined when unlimited.
 */
export function addressSpaceLeft(): number | undefined {
  const limit = procBytes('/proc/self/limits', /^Max address space\s+(\d+)/m, 1);
  if (limit === undefined) return undefined;
  const mapped = procBytes('/proc/self/status', /^VmSize:\s+(\d+) kB/m, 1024) ?? 0;
  return Math.max(0, limit - mapped);
}

/** The limits behind machineMemory(), by name, for messages. */
export function memoryLimits(): { readonly machine: number; readonly cgroup?: number; readonly addressSpace?: number } {
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  const cgroup = constrained && constrained > 0 && constrained < Number.MAX_SAFE_INTEGER ? constrained : undefined;
  const addressSpace = addressSpaceLeft();
  return { machine: totalmem(), ...(cgroup !== undefined ? { cgroup } : {}), ...(addressSpace !== undefined ? { addressSpace } : {}) };
}

/**
 * Memory this process may plan to use: the smallest of the machine's RAM, its cgroup's limit
 * (process.constrainedMemory()) and the address space RLIMIT_AS leaves it.
 */
export function machineMemory(): number {
  const { machine, cgroup, addressSpace } = memoryLimits();
  return Math.min(machine, cgroup ?? Infinity, addressSpace ?? Infinity);
}

/** "15.6 GB (the machine's RAM)" or "3.1 GB (RLIMIT_AS, ulimit -v; RAM 15.6 GB)": the limit that binds. */
export function memoryLimitWords(): string {
  const { machine, cgroup, addressSpace } = memoryLimits();
  const smallest = machineMemory();
  const which = smallest === addressSpace ? 'the address space RLIMIT_AS (ulimit -v) leaves' : smallest === cgroup ? 'the cgroup limit' : "the machine's RAM";
  return `${formatBytes(smallest)}, ${which}${smallest !== machine ? `; RAM ${formatBytes(machine)}` : ''}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  return `${Math.max(1, Math.round(bytes / 1024 ** 2))} MB`;
}

function formatCount(count: number): string {
  if (count >= 1e9) return `${(count / 1e9).toFixed(1)} billion`;
  if (count >= 1e6) return `${(count / 1e6).toFixed(1)} million`;
  return Math.round(count).toLocaleString('en');
}

/** One line for `validate`: the run's estimated size. */
export function describeFootprint(scenario: Scenario): string {
  const footprint = runFootprint(scenario);
  return `about ${formatCount(footprint.ties)} ties, ${formatBytes(footprint.bytes + PROCESS_BYTES)} for one run`;
}

export interface FitOptions {
  /** runs at once (worker threads) */
  readonly threads?: number;
  /** bytes the machine has (default: machineMemory()) */
  readonly memory?: number;
}

/** Throw an InputError (with the estimate) when one run of `scenario`, `threads` at a time, cannot fit. */
export function checkRunFits(scenario: Scenario, label: string, options: FitOptions = {}): void {
  const threads = options.threads ?? 1;
  const memory = options.memory ?? machineMemory();
  const footprint = runFootprint(scenario);
  const o = scenario.organization;
  if (footprint.ties * 2 > MAX_TIE_ENDS) {
    throw new InputError(
      `${label}: organization: expected a network of at most ${formatCount(MAX_TIE_ENDS / 2)} ties (it is indexed by 32-bit integers), ` +
        `got an estimated ${formatCount(footprint.ties)} (${o.staff.toLocaleString('en')} staff, ${o.network} network)`,
    );
  }
  const workers = threads > 1 ? threads * WORKER_BYTES : 0;
  const needed = PROCESS_BYTES + workers + threads * footprint.bytes;
  const usable = memory * MEMORY_SHARE;
  if (needed > usable) {
    const each = threads > 1 ? ` (${threads} runs at once, ${formatBytes(footprint.bytes)} each)` : '';
    throw new InputError(
      `${label}: expected a scenario that fits in this machine's memory (${formatBytes(usable)} usable of ${formatBytes(memory)}${options.memory === undefined && memory !== totalmem() ? `: ${memoryLimitWords()}` : ''}), ` +
        `got an estimated ${formatBytes(needed)}${each}: ${o.staff.toLocaleString('en')} staff, ${formatCount(footprint.ties)} ties` +
        (threads > 1 ? '; try fewer --threads' : ''),
    );
  }
}

/** Estimated size of manifest.json for a sweep, without computing its design points. */
export function manifestBytes(spec: SweepSpec): number {
  const sampling = spec.design.type !== 'grid';
  // Pretty-printed {"index": n, "values": {"path": value, …}}: ~40 bytes of frame, ~12 per value
  // besides its key and text; a sampled number is printed with up to 10 significant digits.
  let perPoint = 60;
  for (const [path, values] of Object.entries(spec.factors)) {
    const longest = sampling ? 14 : Math.max(...values.map((value) => JSON.stringify(value).length));
    perPoint += path.length + 14 + longest;
  }
  return pointCount(spec) * perPoint;
}

/** Throw an InputError before the manifest is built when the design is too large for this machine. */
export function checkSweepFits(spec: SweepSpec, scenarios: readonly Scenario[], label: string, options: FitOptions = {}): void {
  const memory = options.memory ?? machineMemory();
  const points = pointCount(spec);
  const bytes = manifestBytes(spec);
  // The manifest lives in memory as objects (~4× its JSON) and once more as the JSON text.
  const inMemory = bytes * 5 + points * spec.replicates * 15;
  if (bytes > MAX_MANIFEST_BYTES || inMemory > memory * MEMORY_SHARE) {
    throw new InputError(
      `${label}: expected a design whose manifest fits (at most ${formatBytes(MAX_MANIFEST_BYTES)}, and in memory), ` +
        `got ${points.toLocaleString('en')} design points: an estimated ${formatBytes(bytes)} manifest.json, ${formatBytes(inMemory)} in memory`,
    );
  }
  const threads = Math.min(options.threads ?? availableParallelism(), points * spec.replicates);
  for (const scenario of scenarios) checkRunFits(scenario, label, { threads, memory: memory - inMemory });
}

/**
 * The base scenario and, for each factor of the network's size, the base at the factor's value with
 * the largest footprint (one factor at a time: a cheap bound, not every combination).
 */
export function largestScenarios(spec: SweepSpec, base: Scenario): Scenario[] {
  const variants: Scenario[] = [base];
  for (const [path, values] of Object.entries(spec.factors)) {
    const [section, field] = path.split('.');
    if (section !== 'organization' || field === undefined) continue;
    let largest: Scenario | undefined;
    for (const value of values) {
      const variant = { ...base, organization: { ...base.organization, [field]: value } } as Scenario;
      if (!largest || runFootprint(variant).bytes > runFootprint(largest).bytes) largest = variant;
    }
    if (largest) variants.push(largest);
  }
  return variants;
}
