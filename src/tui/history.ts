/**
 * What the demo remembers of a run, week by week, for its sparklines: the share of staff in each
 * stage, the applying share, and mean AIM / IAM / FIM (1–5). Read from the engine's view after
 * each step; nothing here changes the run.
 */
import { scaleScore, STAGES, type SimulationView } from '../sim/index.js';

export const MEASURES = ['aim', 'iam', 'fim'] as const;
export type Measure = (typeof MEASURES)[number];

export class History {
  /** share of staff in stage s at week w: stageShare[s][w] */
  readonly stageShare: Float32Array[];
  /** share of staff applying (applying or sustaining) */
  readonly adoption: Float32Array;
  readonly measures: Readonly<Record<Measure, Float32Array>>;
  /** stage counts now */
  readonly counts: Int32Array;
  /** weeks recorded so far (= last recorded week + 1) */
  length = 0;

  constructor(readonly totalWeeks: number) {
    const size = totalWeeks + 1;
    this.stageShare = STAGES.map(() => new Float32Array(size));
    this.adoption = new Float32Array(size);
    this.measures = { aim: new Float32Array(size), iam: new Float32Array(size), fim: new Float32Array(size) };
    this.counts = new Int32Array(STAGES.length);
  }

  /** Record the view's current week; `stages` holds each person's stage. */
  record(view: SimulationView, stages: Uint8Array): void {
    const week = view.week;
    const staff = view.staff;
    const n = stages.length;
    this.counts.fill(0);
    let acceptability = 0;
    let appropriateness = 0;
    let feasibility = 0;
    for (let i = 0; i < n; i++) {
      this.counts[stages[i]]++;
      acceptability += staff.acceptability[i];
      appropriateness += staff.appropriateness[i];
      feasibility += staff.feasibility[i];
    }
    for (let s = 0; s < STAGES.length; s++) this.stageShare[s][week] = this.counts[s] / n;
    this.adoption[week] = (this.counts[STAGES.indexOf('applying')] + this.counts[STAGES.indexOf('sustaining')]) / n;
    this.measures.aim[week] = scaleScore(acceptability / n);
    this.measures.iam[week] = scaleScore(appropriateness / n);
    this.measures.fim[week] = scaleScore(feasibility / n);
    this.length = week + 1;
  }
}
