/** Weighted summaries of a particle population: quantiles, effective sample size, scales. */
import { medianOfSorted } from '../stats/index.js';

/** The p-quantile of values under weights (the smallest value whose cumulative weight reaches p). */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, p: number): number {
  const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= p * total) return values[i];
  }
  return values[order[order.length - 1]];
}

/** Kish's effective sample size (Σw)² / Σw². */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    sq += weights[i] * weights[i];
  }
  return sq > 0 ? (sum * sum) / sq : 0;
}

/**
 * The spread of each summary statistic over a generation's simulations (rows of `stats`, s
 * columns): the median absolute deviation (pyabc's default `mad`), or the mean absolute deviation
 * where more than half the values tie; 0 for a statistic that never varies. Non-finite values (a
 * wave nobody answered) are left out.
 */
export function statisticScales(stats: Float64Array, rows: number, s: number): Float64Array {
  const scales = new Float64Array(s);
  const column = new Float64Array(rows);
  const deviation = new Float64Array(rows);
  for (let j = 0; j < s; j++) {
    let count = 0;
    for (let i = 0; i < rows; i++) {
      const value = stats[i * s + j];
      if (Number.isFinite(value)) column[count++] = value;
    }
    if (count === 0) continue;
    const values = column.subarray(0, count).sort();
    const center = medianOfSorted(values);
    let meanAbs = 0;
    const deviations = deviation.subarray(0, count);
    for (let i = 0; i < count; i++) {
      deviations[i] = Math.abs(values[i] - center);
      meanAbs += deviations[i];
    }
    deviations.sort();
    const mad = medianOfSorted(deviations);
    scales[j] = mad > 0 ? mad : meanAbs / count;
  }
  return scales;
}
