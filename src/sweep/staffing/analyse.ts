/**
 * From a staffing sweep's runs to its answer. Per team (design point): the share of replicates
 * whose share of staff applying reached the target at or before the month (with a Wilson 95 %
 * interval), mean share applying then, months to the target, the waitlist left, ISP hours per
 * adopter. Per setting (every factor but the headcount): the smallest team reaching the target
 * with the required probability, or — when none does — the team that came closest; and a check
 * of sense: with common random numbers, does a larger team ever reach the target later?
 */
import { join } from 'node:path';
import type { Scenario } from '../../scenarios/index.js';
import { readManifest, RUNS_FILE } from '../manifest.js';
import { readRuns } from '../runs-file.js';
import { estimate, mean as meanOf, variance as varianceOf, wilson, type Estimate, type Proportion } from '../../stats/index.js';
import { teamCapacity } from '../../sim/index.js';

export type { Proportion } from '../../stats/index.js';
import type { FactorValue, FinishedRun } from '../types.js';
import { CO_LEADS_FIELD, HOURS_FIELD, ISPS_FIELD, type StaffingPlan } from './plan.js';

/** The rounded z of the Wilson intervals the staffing reports have always used (src/stats' wilson). */
export const STAFFING_Z = 1.959964;

export interface TeamOutcome {
  readonly point: number;
  readonly isps: number;
  /** the other factors at this point (length, hours, co-leads, first units), by path */
  readonly setting: Readonly<Record<string, FactorValue>>;
  /** engagements the team can co-lead at once: ⌊ISPs × ⌊hours / hours per co-lead⌋ / co-leads⌋, 0 with fewer ISPs than co-leads */
  readonly capacity: number;
  readonly runs: number;
  readonly failed: number;
  /** replicates that reached the target by the month */
  readonly reached: number;
  readonly probability: Proportion;
  /** share of staff applying at the month */
  readonly adoption: Estimate | null;
  /** first month at or above the target, over the runs that reached it */
  readonly monthReached: Estimate | null;
  /** first month at or above the target, runs that never did counted as byMonth + 1 (the censored mean) */
  readonly censoredMonth: Estimate | null;
  /** units waiting for support at the month, and the peak waitlist */
  readonly waiting: Estimate | null;
  readonly peakWaiting: Estimate | null;
  readonly ispHours: Estimate | null;
  /** ISP hours per adoption event, over runs with at least one */
  readonly hoursPerAdopter: Estimate | null;
  /** per replicate: censored month to target (NaN when the run failed), for paired comparisons */
  readonly censoredByReplicate: Float64Array;
  /** per replicate: share applying at the month (NaN when the run failed), for head-to-head differences */
  readonly adoptionByReplicate: Float64Array;
}

export interface MonotonicityBreak {
  readonly smaller: number;
  readonly larger: number;
  /** mean paired difference (larger − smaller) in censored months to target, > 0 = later */
  readonly later: number;
  readonly se: number;
  /** more than two standard errors: not replicate noise */
  readonly clear: boolean;
}

export interface SettingAnswer {
  /** the other factors, by path (empty when only the headcount varies) */
  readonly setting: Readonly<Record<string, FactorValue>>;
  /** teams in ascending headcount */
  readonly teams: readonly TeamOutcome[];
  /** the smallest team that reaches the target with the required probability, or null */
  readonly smallest: TeamOutcome | null;
  /** when none does: the team with the highest probability (then the highest adoption) */
  readonly closest: TeamOutcome | null;
  /** pairs of consecutive headcounts where the larger team reached the target later on average */
  readonly breaks: readonly MonotonicityBreak[];
}

export interface StaffingAnalysis {
  readonly scenario: string;
  readonly target: number;
  readonly byMonth: number;
  readonly probability: number;
  readonly replicates: number;
  readonly seed: number;
  readonly isps: readonly number[];
  /** the factors besides the headcount that vary */
  readonly varied: readonly string[];
  readonly answers: readonly SettingAnswer[];
  readonly runs: number;
  readonly failedRuns: number;
}

/** How many engagements a team can co-lead at once at a design point (src/agents' teamCapacity). */
export function engagementCapacity(isps: number, values: Readonly<Record<string, FactorValue>>, scenario: Scenario): number {
  const coLeads = (values[CO_LEADS_FIELD] as number | undefined) ?? scenario.engagement.coLeads;
  const hours = (values[HOURS_FIELD] as number | undefined) ?? scenario.isps.hoursPerWeek;
  return teamCapacity(isps, hours, scenario.engagement.hoursPerCoLeadWeek, coLeads);
}

/** The first month whose share applying is ≥ target, or null. */
export function monthReaching(adoption: readonly number[], target: number, byMonth: number): number | null {
  const last = Math.min(byMonth, adoption.length - 1);
  for (let month = 0; month <= last; month++) if (adoption[month] >= target - 1e-9) return month;
  return null;
}

function settingKey(values: Readonly<Record<string, FactorValue>>): string {
  return JSON.stringify(Object.entries(values).filter(([path]) => path !== ISPS_FIELD));
}

function pairedBreak(smaller: TeamOutcome, larger: TeamOutcome): MonotonicityBreak | null {
  const d: number[] = [];
  for (let r = 0; r < smaller.censoredByReplicate.length; r++) {
    const difference = larger.censoredByReplicate[r] - smaller.censoredByReplicate[r];
    if (Number.isFinite(difference)) d.push(difference);
  }
  if (d.length === 0) return null;
  const mean = meanOf(d);
  if (!(mean > 0)) return null;
  const se = Math.sqrt(varianceOf(d, mean) / d.length);
  return { smaller: smaller.isps, larger: larger.isps, later: mean, se, clear: mean > 2 * se };
}

export function answerFor(teams: readonly TeamOutcome[], probability: number, setting: Readonly<Record<string, FactorValue>>): SettingAnswer {
  const sorted = [...teams].sort((a, b) => a.isps - b.isps);
  const smallest = sorted.find((team) => team.runs > 0 && team.probability.share >= probability - 1e-12) ?? null;
  let closest: TeamOutcome | null = null;
  if (!smallest) {
    for (const team of sorted) {
      if (team.runs === 0) continue;
      const better =
        !closest ||
        team.probability.share > closest.probability.share ||
        (team.probability.share === closest.probability.share && (team.adoption?.mean ?? 0) > (closest.adoption?.mean ?? 0));
      if (better) closest = team;
    }
  }
  const breaks: MonotonicityBreak[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const found = pairedBreak(sorted[i], sorted[i + 1]);
    if (found) breaks.push(found);
  }
  return { setting, teams: sorted, smallest, closest, breaks };
}

/** Analyse a finished staffing sweep in `dir`. */
export async function analyseStaffing(plan: StaffingPlan, dir: string): Promise<StaffingAnalysis> {
  const manifest = readManifest(dir);
  const { target, byMonth, probability } = plan.options;
  const replicates = manifest.sweep.replicates;
  const perPoint = manifest.points.map(() => ({ runs: [] as FinishedRun[], failed: 0 }));
  for await (const record of readRuns(join(dir, RUNS_FILE))) {
    const slot = perPoint[record.point];
    if (!slot) continue;
    if (record.status === 'ok') slot.runs.push(record);
    else slot.failed++;
  }
  const teams = manifest.points.map((point, index): TeamOutcome => {
    const { runs, failed } = perPoint[index];
    const censoredByReplicate = new Float64Array(replicates).fill(Number.NaN);
    const adoptionByReplicate = new Float64Array(replicates).fill(Number.NaN);
    const reachedMonths: number[] = [];
    const censored: number[] = [];
    const adoption: number[] = [];
    const waiting: number[] = [];
    for (const run of runs) {
      const month = monthReaching(run.series.adoption, target, byMonth);
      const value = month ?? byMonth + 1;
      censored.push(value);
      censoredByReplicate[run.replicate] = value;
      if (month !== null) reachedMonths.push(month);
      const at = Math.min(byMonth, run.series.adoption.length - 1);
      adoption.push(run.series.adoption[at]);
      adoptionByReplicate[run.replicate] = run.series.adoption[at];
      waiting.push(run.series.waiting[at]);
    }
    const hoursPerAdopter = runs.map((run) => run.summary.ispHoursPerAdopter).filter((value): value is number => value !== null);
    const setting = Object.fromEntries(Object.entries(point.values).filter(([path]) => path !== ISPS_FIELD));
    const count = point.values[ISPS_FIELD] as number;
    return {
      point: point.point,
      isps: count,
      setting,
      capacity: engagementCapacity(count, point.values, manifest.scenario),
      runs: runs.length,
      failed,
      reached: reachedMonths.length,
      probability: wilson(reachedMonths.length, runs.length, STAFFING_Z),
      adoption: estimate(adoption),
      monthReached: estimate(reachedMonths),
      censoredMonth: estimate(censored),
      waiting: estimate(waiting),
      peakWaiting: estimate(runs.map((run) => run.summary.peakWaiting)),
      ispHours: estimate(runs.map((run) => run.summary.ispHours)),
      hoursPerAdopter: estimate(hoursPerAdopter),
      censoredByReplicate,
      adoptionByReplicate,
    };
  });
  const groups = new Map<string, TeamOutcome[]>();
  for (const team of teams) {
    const key = settingKey(team.setting);
    groups.set(key, [...(groups.get(key) ?? []), team]);
  }
  const answers = [...groups.values()].map((group) => answerFor(group, probability, group[0].setting));
  const varied = Object.keys(manifest.sweep.factors).filter((path) => path !== ISPS_FIELD);
  return {
    scenario: plan.scenario.name,
    target,
    byMonth,
    probability,
    replicates,
    seed: manifest.sweep.seed,
    isps: (manifest.sweep.factors[ISPS_FIELD] as number[]).slice(),
    varied,
    answers,
    runs: teams.reduce((sum, team) => sum + team.runs, 0),
    failedRuns: teams.reduce((sum, team) => sum + team.failed, 0),
  };
}
