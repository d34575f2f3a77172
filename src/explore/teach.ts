/// <reference lib="dom" />
/**
 * The teaching view: one live run of policy A drawn as rings — each person a dot at their network
 * distance from the first-engaged units (centre = ring 0), grouped by unit around the ring,
 * coloured by pathway stage, shaped by disposition — with play, pause, step and speed, and the
 * demo's own captions (src/tui/events.ts's Narrator) at the moments that matter.
 * It steps `createSimulation` on the page's thread: the same stepper the CLI's demo uses.
 */
import { DISPOSITIONS, type Scenario } from '../scenarios/browser.js';
import { createSimulation, STAGES, type Simulation } from '../sim/index.js';
import { monthOfWeek, Narrator } from '../tui/events.js';

/** One colour per stage, each ≥ 3:1 against white (WCAG AA for graphics), distinct in hue. */
export const STAGE_COLOURS: Readonly<Record<(typeof STAGES)[number], string>> = {
  unaware: '#767676',
  contacted: '#a15c00',
  trusting: '#b3003c',
  accepting: '#7a2ca3',
  learning: '#1f5fbf',
  applying: '#00786a',
  sustaining: '#111111',
};

/** Where each person sits: rings outward, units as sectors within each ring. */
export interface DotLayout {
  readonly x: Float32Array;
  readonly y: Float32Array;
  readonly rings: number;
}

/** Pure: positions in a unit square centred on (0.5, 0.5), from ring distances and units. */
export function layOutDots(ring: Int32Array, unitOf: Int32Array): DotLayout {
  const n = ring.length;
  let rings = 1;
  for (let i = 0; i < n; i++) rings = Math.max(rings, ring[i] + 1);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let r = 0; r < rings; r++) {
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (ring[i] === r || (r === rings - 1 && ring[i] < 0)) members.push(i);
    members.sort((a, b) => unitOf[a] - unitOf[b] || a - b);
    // Ring r is a band; people spread over a few concentric lanes when the band is crowded.
    const inner = rings === 1 ? 0.05 : 0.06 + (0.4 * r) / rings;
    const width = 0.4 / rings;
    const lanes = Math.max(1, Math.min(4, Math.ceil(members.length / 160)));
    members.forEach((person, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
      const radius = inner + (width * ((k % lanes) + 0.5)) / lanes;
      x[person] = 0.5 + radius * Math.cos(angle);
      y[person] = 0.5 + radius * Math.sin(angle);
    });
  }
  return { x, y, rings };
}

export interface TeachingElements {
  readonly canvas: HTMLCanvasElement;
  readonly play: HTMLButtonElement;
  readonly step: HTMLButtonElement;
  readonly speed: HTMLSelectElement;
  readonly clock: HTMLElement;
  readonly captions: HTMLElement;
}

export class TeachingView {
  private simulation: Simulation | null = null;
  private narrator: Narrator | null = null;
  private layout: DotLayout | null = null;
  private stages = new Uint8Array(0);
  private timer: number | null = null;
  private readonly lines: string[] = [];

  constructor(private readonly el: TeachingElements) {
    el.play.addEventListener('click', () => (this.timer === null ? this.play() : this.pause()));
    el.step.addEventListener('click', () => {
      this.pause();
      this.advance();
    });
    el.speed.addEventListener('change', () => {
      if (this.timer !== null) {
        this.pause();
        this.play();
      }
    });
  }

  /** A new run (a changed setting or seed): paused at week 0. */
  load(scenario: Scenario, seed: number, organization?: Parameters<typeof createSimulation>[2]): void {
    this.pause();
    this.simulation = createSimulation(scenario, seed, organization);
    const view = this.simulation.view;
    this.stages = new Uint8Array(view.organization.staff);
    this.readStages();
    this.narrator = new Narrator(view, this.stages);
    this.layout = layOutDots(view.ring, view.organization.unitOf);
    this.lines.length = 0;
    for (const event of this.narrator.opening(view)) this.say(`Week 0: ${event.text}`);
    this.draw();
  }

  private readStages(): void {
    const view = this.simulation!.view;
    for (let i = 0; i < this.stages.length; i++) this.stages[i] = view.stageOf(i);
  }

  play(): void {
    if (!this.simulation || this.simulation.done) return;
    const weeksPerSecond = Number(this.el.speed.value);
    this.timer = window.setInterval(() => this.advance(), 1000 / weeksPerSecond);
    this.el.play.textContent = 'Pause';
    this.el.play.setAttribute('aria-pressed', 'true');
  }

  pause(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    this.el.play.textContent = 'Play';
    this.el.play.setAttribute('aria-pressed', 'false');
  }

  /** One week. */
  advance(): void {
    const simulation = this.simulation;
    if (!simulation || simulation.done) {
      this.pause();
      return;
    }
    simulation.step();
    this.readStages();
    for (const event of this.narrator!.observe(simulation.view, this.stages)) this.say(`Month ${monthOfWeek(simulation.view.week)}: ${event.text}`);
    this.draw();
  }

  private say(line: string): void {
    this.lines.unshift(line);
    this.lines.length = Math.min(this.lines.length, 4);
    this.el.captions.replaceChildren(...this.lines.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  }

  private draw(): void {
    const { canvas } = this.el;
    const view = this.simulation!.view;
    const layout = this.layout!;
    const size = canvas.width;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, size, size);
    // ring guides
    g.strokeStyle = '#d0d0d0';
    for (let r = 0; r <= layout.rings; r++) {
      g.beginPath();
      g.arc(size / 2, size / 2, size * (0.06 + (0.4 * r) / layout.rings), 0, 2 * Math.PI);
      g.stroke();
    }
    const n = this.stages.length;
    const dot = Math.max(1.5, Math.min(5, size / Math.sqrt(n) / 3));
    const disposition = view.staff.disposition;
    for (let i = 0; i < n; i++) {
      g.fillStyle = STAGE_COLOURS[STAGES[this.stages[i]]];
      const px = layout.x[i] * size;
      const py = layout.y[i] * size;
      g.beginPath();
      const kind = DISPOSITIONS[disposition[i]];
      if (kind === 'skeptical') g.rect(px - dot, py - dot, 2 * dot, 2 * dot);
      else if (kind === 'disinterested') {
        g.moveTo(px, py - dot * 1.2);
        g.lineTo(px + dot * 1.1, py + dot);
        g.lineTo(px - dot * 1.1, py + dot);
        g.closePath();
      } else g.arc(px, py, dot, 0, 2 * Math.PI);
      g.fill();
    }
    const applying = this.stages.reduce((count, stage) => count + (stage >= STAGES.indexOf('applying') ? 1 : 0), 0);
    this.el.clock.textContent = `Week ${view.week} of ${view.totalWeeks} (month ${monthOfWeek(view.week)}) · ${Math.round((100 * applying) / n)} % applying`;
  }
}
