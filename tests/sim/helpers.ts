import { loadScenario, type Scenario } from '../../src/scenarios/index.js';

export function scenario(ref = 'foundation', ...overrides: string[]): Scenario {
  return loadScenario(ref, { overrides }).scenario;
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
