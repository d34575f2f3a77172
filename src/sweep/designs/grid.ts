/** Full factorial grid: every combination of the factors' values; the last factor varies fastest. */
import type { FactorValue } from '../types.js';

export function gridCombinations(
  factors: readonly { readonly path: string; readonly values: readonly FactorValue[] }[],
): Record<string, FactorValue>[] {
  let combinations: Record<string, FactorValue>[] = [{}];
  for (const factor of factors) {
    combinations = combinations.flatMap((partial) => factor.values.map((value) => ({ ...partial, [factor.path]: value })));
  }
  return combinations;
}
