/**
 * Staffing and "where first" in the page: policy A's settings at several ISP headcounts (share of
 * staff applying by month M: mean, and the level reached in ≥ 80 % of runs), and the first-unit
 * rules head to head (src/sweep/staffing/head-to-head.ts, as `staffing --first-units` prints).
 * Pure summaries of runs the page has made on common seeds.
 */
import { quantileOfSorted } from '../stats/index.js';

export interface HeadcountRow {
  readonly isps: number;
  readonly runs: number;
  /** mean share applying at the month (0–1) */
  readonly mean: number;
  /** the share reached in at least 80 % of runs (the 20th percentile) */
  readonly in80: number;
  /** share of runs at or above the target */
  readonly reaching: number;
}

export function headcountRow(isps: number, shares: readonly number[], target: number): HeadcountRow {
  const sorted = [...shares].sort((a, b) => a - b);
  return {
    isps,
    runs: shares.length,
    mean: shares.reduce((sum, v) => sum + v, 0) / shares.length,
    in80: quantileOfSorted(sorted, 0.2),
    reaching: shares.filter((v) => v >= target - 1e-9).length / shares.length,
  };
}

/** The answer in one sentence. */
export function staffingSentence(rows: readonly HeadcountRow[], target: number, byMonth: number): string {
  const goal = `${Math.round(target * 100)} % of staff applying by month ${byMonth} in at least 80 % of runs`;
  const smallest = [...rows].sort((a, b) => a.isps - b.isps).find((row) => row.reaching >= 0.8);
  if (smallest) return `${smallest.isps} ISP${smallest.isps === 1 ? '' : 's'} is the smallest team tried that gets ${goal} (${Math.round(smallest.reaching * 100)} % of ${smallest.runs} runs).`;
  const best = [...rows].sort((a, b) => b.reaching - a.reaching || b.mean - a.mean)[0];
  return best
    ? `No team from ${Math.min(...rows.map((r) => r.isps))} to ${Math.max(...rows.map((r) => r.isps))} ISPs gets ${goal}; closest: ${best.isps} ISPs, ${Math.round(best.reaching * 100)} % of runs, mean ${(best.mean * 100).toFixed(1)} % applying.`
    : 'No runs yet.';
}
