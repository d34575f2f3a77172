/**
 * What the page and its Web Workers say to each other. A worker runs `simulate(scenario, seed)`
 * from src/sim — the same source as `concentric run` — and answers with the RunResult as the JSON
 * text `run --json` prints (less its newline), so the two can be compared byte for byte.
 */
import type { OrganizationFile, Scenario } from '../scenarios/browser.js';

/** A run to do. `generation` lets the page drop answers to a question it no longer asks. */
export interface RunRequest {
  readonly kind: 'run';
  readonly generation: number;
  readonly job: number;
  readonly scenario: Scenario;
  readonly seed: number;
}

/** A real organization (its typed arrays), sent once to each worker before runs that need it. */
export interface OrganizationMessage {
  readonly kind: 'organization';
  readonly organization: OrganizationFile;
}

export type ToWorker = RunRequest | OrganizationMessage;

export type FromWorker =
  | { readonly kind: 'done'; readonly generation: number; readonly job: number; readonly json: string; readonly ms: number }
  | { readonly kind: 'failed'; readonly generation: number; readonly job: number; readonly error: string };
