/**
 * One organization on screen: the engine's stepper (`createSimulation`, never a copy of the
 * model), each person's stage this week, the weekly history for the sparklines, and the
 * narrator for the event line.
 */
import { ensureOrganization, type Scenario } from '../scenarios/index.js';
import { createSimulation, type Simulation, type SimulationView } from '../sim/index.js';
import { Narrator, type DemoEvent } from './events.js';
import { History } from './history.js';
import { busyIsps, engagementMarks } from './rings.js';

/** Settings the demo lets you change while it runs. */
export interface LiveSettings {
  readonly lengthMonths: number;
  readonly ispCount: number;
  readonly urgency: number;
}

/** The scenario with the live settings written in, so a restart is an ordinary run. */
export function withSettings(scenario: Scenario, settings: LiveSettings): Scenario {
  return {
    ...scenario,
    isps: { ...scenario.isps, count: settings.ispCount },
    engagement: { ...scenario.engagement, lengthMonths: settings.lengthMonths },
    context: { ...scenario.context, urgency: settings.urgency },
  };
}

export class LiveRun {
  readonly simulation: Simulation;
  readonly stages: Uint8Array;
  readonly marks: Uint8Array;
  readonly history: History;
  private readonly narrator: Narrator;
  /** events of the start (week-0 engagements) */
  readonly opening: readonly DemoEvent[];

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    /** '' for a single run; e.g. '6 mo' in the compare mode */
    readonly label: string,
  ) {
    this.simulation = createSimulation(scenario, seed, { organization: ensureOrganization(scenario) });
    const view = this.simulation.view;
    this.stages = new Uint8Array(view.organization.staff);
    this.marks = new Uint8Array(view.organization.staff);
    this.readStages();
    this.history = new History(view.totalWeeks);
    this.history.record(view, this.stages);
    this.narrator = new Narrator(view, this.stages);
    this.opening = this.narrator.opening(view);
  }

  get view(): SimulationView {
    return this.simulation.view;
  }

  get done(): boolean {
    return this.simulation.done;
  }

  /** One week; returns what happened. */
  step(): DemoEvent[] {
    if (this.simulation.done) return [];
    this.simulation.step();
    this.readStages();
    this.history.record(this.view, this.stages);
    return this.narrator.observe(this.view, this.stages);
  }

  busyIsps(): boolean[] {
    return busyIsps(this.view);
  }

  private readStages(): void {
    const view = this.simulation.view;
    for (let i = 0; i < this.stages.length; i++) this.stages[i] = view.stageOf(i);
    engagementMarks(view, this.marks);
  }
}
