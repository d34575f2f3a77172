/**
 * The demo's state and what each key does to it, without React: one organization (or two, side
 * by side, that differ only in engagement length), the clock (running, speed), the live
 * settings, and the event log. Components read it; App turns key presses and timer ticks into
 * calls here.
 */
import { LENGTH_FIELD, type Scenario } from '../scenarios/index.js';
import type { DemoEvent } from './events.js';
import type { Action } from './keys.js';
import { LiveRun, withSettings, type LiveSettings } from './live-run.js';

/** Weeks simulated per second of wall time. */
export const SPEEDS = [0.5, 1, 2, 4, 8, 16, 32, 64] as const;
export const DEFAULT_SPEED = 4;
/** Engagement lengths the `e` key cycles through, in months. */
export const LENGTHS = [3, 6, 9, 12, 18, 24, 36] as const;
export const MAX_ISPS = 20;
/** Urgency when the culture is switched on and the scenario has none. */
export const URGENCY_ON = 0.5;
const LOG_SIZE = 100;

export interface DemoOptions {
  readonly scenario: Scenario;
  readonly seed: number;
  /** two engagement lengths (months) for the side-by-side mode */
  readonly compare?: readonly [number, number];
  /** weeks per second; snapped to the nearest of SPEEDS */
  readonly speed?: number;
  /** start paused */
  readonly paused?: boolean;
}

export interface LoggedEvent extends DemoEvent {
  /** which organization, in the compare mode ('' when single or when both agree) */
  readonly label: string;
}

function nearestSpeed(speed: number): number {
  let best = 0;
  for (let k = 0; k < SPEEDS.length; k++) if (Math.abs(Math.log(SPEEDS[k] / speed)) < Math.abs(Math.log(SPEEDS[best] / speed))) best = k;
  return best;
}

export class DemoController {
  runs: LiveRun[] = [];
  running: boolean;
  speedIndex: number;
  helpOpen = false;
  seed: number;
  ispCount: number;
  lengthMonths: number;
  urgency: number;
  /** a setting was changed live since the current run began (so no batch run repeats it) */
  changedDuringRun = false;
  readonly log: LoggedEvent[] = [];
  /** bumped on every change, so a view can tell frames apart */
  version = 0;
  private carry = 0;
  private readonly urgencyOn: number;

  constructor(readonly options: DemoOptions) {
    const s = options.scenario;
    this.seed = options.seed;
    this.ispCount = s.isps.count;
    this.lengthMonths = s.engagement.lengthMonths;
    this.urgency = s.context.urgency;
    this.urgencyOn = s.context.urgency > 0 ? s.context.urgency : URGENCY_ON;
    this.speedIndex = nearestSpeed(options.speed ?? DEFAULT_SPEED);
    this.running = !options.paused;
    this.start();
  }

  get compare(): boolean {
    return this.options.compare !== undefined;
  }

  get speed(): number {
    return SPEEDS[this.speedIndex];
  }

  get week(): number {
    return this.runs[0].view.week;
  }

  get month(): number {
    return this.runs[0].view.month;
  }

  get totalWeeks(): number {
    return this.runs[0].view.totalWeeks;
  }

  get months(): number {
    return this.options.scenario.months;
  }

  get done(): boolean {
    return this.runs.every((run) => run.done);
  }

  get urgencyCulture(): boolean {
    return this.urgency > 0;
  }

  /** The run's settings; in the compare mode each organization keeps its own length. */
  settingsFor(lengthMonths = this.lengthMonths): LiveSettings {
    return { lengthMonths, ispCount: this.ispCount, urgency: this.urgency };
  }

  private start(): void {
    const base = this.options.scenario;
    const lengths = this.options.compare ?? [this.lengthMonths];
    this.runs = lengths.map((length) => new LiveRun(withSettings(base, this.settingsFor(length)), this.seed, this.compare ? `${length} mo` : ''));
    this.carry = 0;
    this.changedDuringRun = false;
    this.record(this.runs.map((run) => run.opening));
  }

  /** Do what a key asks. Returns false for actions the controller does not handle (quit). */
  apply(action: Action): boolean {
    switch (action) {
      case 'pause':
        if (this.done) this.log.unshift({ week: this.week, kind: 'setting', text: 'the run is over: r starts a new one', label: '' });
        else this.running = !this.running;
        break;
      case 'step':
        this.running = false;
        this.stepWeek();
        break;
      case 'faster':
        this.speedIndex = Math.min(SPEEDS.length - 1, this.speedIndex + 1);
        break;
      case 'slower':
        this.speedIndex = Math.max(0, this.speedIndex - 1);
        break;
      case 'length':
        this.cycleLength();
        break;
      case 'addIsp':
        this.setIsps(Math.min(MAX_ISPS, this.ispCount + 1));
        break;
      case 'removeIsp':
        this.setIsps(Math.max(0, this.ispCount - 1));
        break;
      case 'urgency':
        this.urgency = this.urgency > 0 ? 0 : this.urgencyOn;
        for (const run of this.runs) run.simulation.setUrgency(this.urgency);
        this.changed(`urgency culture ${this.urgency > 0 ? `on (${this.urgency.toFixed(2)}): feasibility capped` : 'off: feasibility cap lifted'}`);
        break;
      case 'restart':
        this.restart();
        break;
      case 'help':
        this.helpOpen = !this.helpOpen;
        break;
      case 'quit':
        return false;
    }
    this.version++;
    return true;
  }

  /** Advance by `elapsedMs` of wall time at the current speed; returns the weeks stepped. */
  advance(elapsedMs: number): number {
    if (!this.running || this.done) return 0;
    this.carry += (this.speed * elapsedMs) / 1000;
    let weeks = 0;
    while (this.carry >= 1 && !this.done) {
      this.carry -= 1;
      this.stepWeek();
      weeks++;
    }
    if (this.done) this.running = false;
    if (weeks > 0) this.version++;
    return weeks;
  }

  /** One week for every organization. */
  stepWeek(): void {
    if (this.done) return;
    this.record(this.runs.map((run) => run.step()));
    if (this.done) {
      this.running = false;
      this.log.unshift({ week: this.week, kind: 'milestone', text: `the ${this.months} months are over: r for a new seed, q to quit`, label: '' });
    }
    this.version++;
  }

  /** A new organization with the next seed and the current settings; a finished demo starts running. */
  restart(): void {
    const run = this.running || this.done;
    this.seed = (this.seed + 1) >>> 0;
    this.start();
    this.log.unshift({ week: 0, kind: 'setting', text: `restarted with seed ${this.seed}`, label: '' });
    this.running = run;
    this.version++;
  }

  private cycleLength(): void {
    if (this.compare) {
      this.log.unshift({
        week: this.week,
        kind: 'setting',
        text: `lengths are fixed in the compare mode (${this.options.compare?.join(' vs ')} months)`,
        label: '',
      });
      return;
    }
    const next = LENGTHS.find((length) => length > this.lengthMonths) ?? LENGTHS[0];
    const before = this.lengthMonths;
    this.lengthMonths = next;
    for (const run of this.runs) run.simulation.setEngagementLength(next);
    this.changed(`engagement length ${before} → ${next} months (engagements starting from now)`);
  }

  private setIsps(count: number): void {
    const before = this.ispCount;
    if (count === before) {
      this.changed(`ISPs stay at ${count} (${count === 0 ? 'none left' : `at most ${MAX_ISPS}`})`);
      return;
    }
    this.ispCount = count;
    for (const run of this.runs) run.simulation.setIspCount(count);
    this.changed(`ISPs ${before} → ${count}${count < before ? ' (engagements in progress run to their end)' : ''}`);
  }

  private changed(text: string): void {
    this.changedDuringRun = true;
    this.log.unshift({ week: this.week, kind: 'setting', text, label: '' });
    this.trim();
  }

  /** Log each organization's events; in the compare mode an event both share is logged once. */
  private record(perRun: readonly (readonly DemoEvent[])[]): void {
    const entries: LoggedEvent[] = [];
    if (perRun.length === 2) {
      const [a, b] = perRun;
      const shared = (event: DemoEvent, others: readonly DemoEvent[]) => others.some((other) => other.text === event.text);
      for (const event of a) entries.push({ ...event, label: shared(event, b) ? '' : this.runs[0].label });
      for (const event of b) if (!shared(event, a)) entries.push({ ...event, label: this.runs[1].label });
    } else {
      for (const events of perRun) for (const event of events) entries.push({ ...event, label: '' });
    }
    // Newest first.
    for (const entry of entries) this.log.unshift(entry);
    this.trim();
  }

  private trim(): void {
    if (this.log.length > LOG_SIZE) this.log.length = LOG_SIZE;
  }

  /** `concentric run` arguments that reproduce the current organization (single mode, no live changes). */
  replayArguments(): string[] {
    const s = this.options.scenario;
    const args = ['--seed', String(this.seed)];
    if (this.ispCount !== s.isps.count) args.push('--set', `isps.count=${this.ispCount}`);
    if (!this.compare && this.lengthMonths !== s.engagement.lengthMonths) args.push('--set', `${LENGTH_FIELD}=${this.lengthMonths}`);
    if (this.urgency !== s.context.urgency) args.push('--set', `context.urgency=${this.urgency}`);
    return args;
  }
}
