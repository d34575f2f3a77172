/**
 * The run: `createSimulation(scenario, seed)` sets up the organization (setup.ts) and returns a
 * stepper that advances one week per `step()` (week.ts); `simulate()` sets up the same RunState
 * and runs the same `stepWeek` to the horizon (runWeeks), so the teaching UI shows exactly what a
 * batch run computes.
 */
import { feasibilityCap } from '../agents/index.js';
import type { OrganizationFile, Scenario } from '../scenarios/index.js';
import { ArrayArena, freshArrays, type ArrayAllocator } from './arena.js';
import { monthsToWeeks } from './clock.js';
import type { RunResult } from './result.js';
import { setUp } from './setup.js';
import { resultOf, viewOf, type SimulationView } from './view.js';
import { runWeeks, stepWeek } from './week.js';

export type { SimulationView } from './view.js';

export interface Simulation {
  readonly view: SimulationView;
  readonly done: boolean;
  step(): void;
  /** Live changes for the teaching demo; they apply from the next step. */
  setEngagementLength(months: number): void;
  setIspCount(count: number): void;
  setUrgency(urgency: number): void;
}

/** What a run takes besides its scenario and seed. */
export interface RunInputs {
  /**
   * The loaded organization of a `network: file` scenario — src/scenarios' `ensureOrganization`
   * (scenario) gives it; the run refuses a file scenario without it. Ignored for generated ones.
   * Handed in rather than looked up so that src/sim takes only types from src/scenarios.
   */
  readonly organization?: OrganizationFile;
}

export interface SimulationOptions extends RunInputs {
  /**
   * Where the run's state lives — fresh arrays unless the caller reuses memory across runs (then
   * it must be done with this simulation before reusing it; see arena.ts).
   */
  readonly arrays?: ArrayAllocator;
}

/** A run, ready to step. */
export function createSimulation(scenario: Scenario, seed: number, options: SimulationOptions = {}): Simulation {
  const run = setUp(scenario, seed, options.arrays ?? freshArrays, options.organization);
  const { context } = run.scenario;
  return {
    view: viewOf(run),
    get done() {
      return run.week >= run.totalWeeks;
    },
    step: () => stepWeek(run),
    setEngagementLength(months: number) {
      run.lengthMonths = months;
      run.desk.lengthWeeks = monthsToWeeks(months);
    },
    setIspCount(count: number) {
      run.desk.setIspCount(Math.max(0, Math.floor(count)));
    },
    setUrgency(value: number) {
      run.urgency = Math.min(1, Math.max(0, value));
      run.feasibilityCap = feasibilityCap(context.absorptiveCapacity, run.urgency, context.urgencyEffect, context.leadershipBuyIn);
    },
  };
}

/**
 * The memory that simulate() reuses from run to run (per thread: each worker has its own module
 * instance). Up to 32 MB — a run of ~100,000 staff; larger runs allocate the rest afresh.
 */
const batchArrays = new ArrayArena(32 * 1024 * 1024);

/** One run from start to end. Pure: same scenario and seed ⇒ the same result. */
export function simulate(scenario: Scenario, seed: number, inputs: RunInputs = {}): RunResult {
  // Nothing of the last run is in use: its RunResult holds no array of the arena.
  batchArrays.reset();
  const run = setUp(scenario, seed, batchArrays, inputs.organization);
  runWeeks(run);
  return resultOf(run);
}
