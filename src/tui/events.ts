/**
 * The event line: what happened this week, in words a class can follow. Support events come
 * from the engine (requested / started / ended); the rest is read off the state by comparing it
 * with last week's: the first person applying in each ring, the first skeptic, people leaving,
 * adoption milestones.
 */
import { DISPOSITIONS } from '../scenarios/browser.js'; // browser-safe: the explorer's teaching view uses the Narrator
import { STAGES, WEEKS_PER_MONTH, type SimulationView } from '../sim/index.js';

export type EventKind = 'support' | 'spread' | 'loss' | 'milestone' | 'setting';

export interface DemoEvent {
  readonly week: number;
  readonly kind: EventKind;
  readonly text: string;
}

const APPLYING = STAGES.indexOf('applying');
const SUSTAINING = STAGES.indexOf('sustaining');
const SKEPTICAL = DISPOSITIONS.indexOf('skeptical');
const DISINTERESTED = DISPOSITIONS.indexOf('disinterested');

/** "an applying colleague", "a trusting colleague" */
function colleague(stage: string): string {
  return `${/^[aeiou]/.test(stage) ? 'an' : 'a'} ${stage} colleague`;
}

const MILESTONES: readonly [number, string][] = [
  [0.25, 'a quarter of the staff now applying'],
  [0.5, 'half of the staff now applying'],
  [0.75, 'three quarters of the staff now applying'],
];

export const unitName = (unit: number): string => `Unit ${unit + 1}`;

function isps(coLeads: readonly number[]): string {
  const names = coLeads.map((isp) => String(isp + 1));
  if (names.length <= 1) return `ISP ${names[0] ?? '?'}`;
  return `ISPs ${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
}

/** Month number of a week, as the header shows it. */
export function monthOfWeek(week: number): number {
  return Math.floor(week / WEEKS_PER_MONTH + 1e-9);
}

export class Narrator {
  private readonly seenInRing: Uint8Array;
  private readonly seenSkepticInRing: Uint8Array;
  private readonly seenDisinterestedInRing: Uint8Array;
  private readonly previousStage: Uint8Array;
  private readonly previousThreshold: Float64Array;
  private readonly previousAdoptedWeek: Int32Array;
  private readonly previousContacts: Uint16Array;
  private milestone = 0;
  private sustainingSeen = false;

  constructor(view: SimulationView, stages: Uint8Array) {
    let rings = 0;
    for (const r of view.ring) rings = Math.max(rings, r + 1);
    this.seenInRing = new Uint8Array(rings);
    this.seenSkepticInRing = new Uint8Array(rings);
    this.seenDisinterestedInRing = new Uint8Array(rings);
    this.previousStage = new Uint8Array(stages.length);
    this.previousThreshold = new Float64Array(stages.length);
    this.previousAdoptedWeek = new Int32Array(stages.length);
    this.previousContacts = new Uint16Array(stages.length);
    // Whoever applies at the start (seed adopters) is not news.
    for (let i = 0; i < stages.length; i++) if (stages[i] >= APPLYING) this.noteApplying(i, view);
    this.remember(view, stages);
  }

  /** The week-0 engagements, told once at the start. */
  opening(view: SimulationView): DemoEvent[] {
    return view.events.map((event) => this.support(view, event, view.events));
  }

  /** What happened in the step just taken. */
  observe(view: SimulationView, stages: Uint8Array): DemoEvent[] {
    const week = view.week;
    const out: DemoEvent[] = view.events.filter((event) => event.kind !== 'started' || !this.requestedWith(view, event.unit)).map((event) => this.support(view, event, view.events));
    const staff = view.staff;
    for (let i = 0; i < stages.length; i++) {
      const replaced =
        staff.threshold[i] !== this.previousThreshold[i] ||
        (this.previousAdoptedWeek[i] >= 0 && staff.adoptedWeek[i] < 0) ||
        staff.directContacts[i] < this.previousContacts[i];
      if (replaced && this.previousStage[i] >= STAGES.indexOf('trusting')) {
        const unit = unitName(view.organization.unitOf[i]);
        out.push({ week, kind: 'loss', text: `${unit} lost ${colleague(STAGES[this.previousStage[i]])} to turnover; a newcomer starts unaware` });
      }
      if (stages[i] >= APPLYING && this.previousStage[i] < APPLYING && !replaced) {
        const text = this.noteApplying(i, view);
        if (text) out.push({ week, kind: 'spread', text });
      }
      if (stages[i] === SUSTAINING && !this.sustainingSeen) {
        this.sustainingSeen = true;
        const months = view.scenario.sustainment.sustainedAfterMonths;
        out.push({ week, kind: 'milestone', text: `first person sustaining: applying for ${months} months without a break` });
      }
    }
    let applying = 0;
    for (let i = 0; i < stages.length; i++) if (stages[i] >= APPLYING) applying++;
    while (this.milestone < MILESTONES.length && applying / stages.length >= MILESTONES[this.milestone][0]) {
      out.push({ week, kind: 'milestone', text: MILESTONES[this.milestone][1] });
      this.milestone++;
    }
    this.remember(view, stages);
    return out;
  }

  private requestedWith(view: SimulationView, unit: number): boolean {
    return view.events.some((event) => event.kind === 'requested' && event.unit === unit);
  }

  private support(view: SimulationView, event: SimulationView['events'][number], all: SimulationView['events']): DemoEvent {
    const unit = unitName(event.unit);
    const week = view.week;
    switch (event.kind) {
      case 'requested': {
        const started = all.find((other) => other.kind === 'started' && other.unit === event.unit);
        const engagement = view.activeEngagements.find((active) => active.unit === event.unit);
        if (started && started.kind === 'started' && engagement) {
          const months = Math.round((engagement.endWeek - engagement.startWeek) / WEEKS_PER_MONTH);
          return { week, kind: 'support', text: `${unit} requested support: ${isps(started.coLeads)} begin a ${months}-month engagement` };
        }
        return { week, kind: 'support', text: `${unit} requested support: waiting for free ISPs` };
      }
      case 'started': {
        const engagement = view.activeEngagements.find((active) => active.unit === event.unit);
        const months = engagement ? Math.round((engagement.endWeek - engagement.startWeek) / WEEKS_PER_MONTH) : 0;
        return { week, kind: 'support', text: `${isps(event.coLeads)} begin a ${months}-month engagement with ${unit}` };
      }
      case 'ended':
        return { week, kind: 'support', text: `engagement with ${unit} ended` };
    }
  }

  /** Mark person i as applying in their ring; the news, if it is news. */
  private noteApplying(i: number, view: SimulationView): string | undefined {
    const ring = Math.max(0, view.ring[i]);
    const disposition = view.staff.disposition[i];
    const firstInRing = !this.seenInRing[ring];
    const firstSkeptic = disposition === SKEPTICAL && !this.seenSkepticInRing[ring];
    const firstDisinterested = disposition === DISINTERESTED && !this.seenDisinterestedInRing[ring];
    this.seenInRing[ring] = 1;
    if (disposition === SKEPTICAL) this.seenSkepticInRing[ring] = 1;
    if (disposition === DISINTERESTED) this.seenDisinterestedInRing[ring] = 1;
    const who = disposition === SKEPTICAL ? 'a skeptic' : disposition === DISINTERESTED ? 'a disinterested colleague' : 'an interested colleague';
    if (firstInRing) return `first person in ring ${ring} applying: ${who}`;
    if (firstSkeptic) return `first skeptic in ring ${ring} applying`;
    if (firstDisinterested) return `first disinterested colleague in ring ${ring} applying`;
    return undefined;
  }

  private remember(view: SimulationView, stages: Uint8Array): void {
    this.previousStage.set(stages);
    this.previousThreshold.set(view.staff.threshold);
    this.previousAdoptedWeek.set(view.staff.adoptedWeek);
    this.previousContacts.set(view.staff.directContacts);
  }
}
