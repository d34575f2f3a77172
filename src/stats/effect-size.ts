/**
 * Standardized effect size: Hedges' g = (mean x − mean y) / pooled SD × J, J = 1 − 3/(4(nx + ny) − 9)
 * (the small-sample correction). The pooled SD is the between-run spread of the two groups, for
 * paired designs too, so g says how large a difference is against run-to-run variation and does
 * not grow with the pairing (unlike d_z = mean d / sd d).
 */
import { mean, variance } from './describe.js';

/** Hedges' g, 0 when both groups are constant and equal, null when they are constant and differ. */
export function hedgesG(x: readonly number[], y: readonly number[]): number | null {
  const nx = x.length;
  const ny = y.length;
  if (nx < 2 || ny < 2) return null;
  const mx = mean(x);
  const my = mean(y);
  const pooled = Math.sqrt(((nx - 1) * variance(x, mx) + (ny - 1) * variance(y, my)) / (nx + ny - 2));
  const difference = mx - my;
  if (pooled === 0) return Math.abs(difference) < 1e-12 ? 0 : null;
  const correction = 1 - 3 / (4 * (nx + ny) - 9);
  return (difference / pooled) * correction;
}

/** Cohen's conventional words for |g| (0.2 small, 0.5 medium, 0.8 large). */
export function effectWord(g: number | null): string {
  if (g === null) return 'undefined';
  const size = Math.abs(g);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}
