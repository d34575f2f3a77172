/// <reference lib="dom" />
/**
 * A pool of Web Workers, created once from the worker bundle's text (a Blob URL, so it works from
 * file://). Runs are queued; `restart()` starts a new generation: the queue is emptied and answers
 * still arriving from the old generation are dropped (a run of a few milliseconds is not worth
 * terminating a worker for, and the pool stays warm).
 */
import type { OrganizationFile, Scenario } from '../scenarios/browser.js';
import type { FromWorker, RunRequest, ToWorker } from './protocol.js';

export interface RunAnswer {
  readonly job: number;
  readonly json: string;
  readonly ms: number;
}

interface Queued {
  /** -1: an errand outside any question (a test's single run), never dropped */
  readonly generation: number;
  readonly job: number;
  readonly scenario: Scenario;
  readonly seed: number;
  readonly done: (answer: RunAnswer) => void;
  readonly failed: (error: string) => void;
}

/**
 * Runs sent ahead to each worker: a worker answers in order, and with a few waiting in its own
 * queue it keeps computing while the page's thread is busy drawing (one at a time, the workers
 * idled for every chart redraw: 37 runs/s instead of hundreds).
 */
const AHEAD = 8;

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly queue: Queued[] = [];
  private readonly sent = new Map<Worker, Queued[]>();
  private generation = 0;

  constructor(workerCode: string, size: number) {
    const url = URL.createObjectURL(new Blob([workerCode], { type: 'text/javascript' }));
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url);
      worker.onmessage = (event: MessageEvent<FromWorker>) => this.answer(worker, event.data);
      this.workers.push(worker);
      this.sent.set(worker, []);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Drop everything queued and every answer still to come; later runs belong to a new question. */
  restart(): void {
    this.generation++;
    const kept = this.queue.filter((queued) => queued.generation === -1);
    this.queue.length = 0;
    this.queue.push(...kept);
  }

  /** Every worker gets the organization before any run that needs it (messages keep their order). */
  shareOrganization(organization: OrganizationFile): void {
    const message: ToWorker = { kind: 'organization', organization };
    for (const worker of this.workers) worker.postMessage(message);
  }

  /** A run for the current question (`errand`: one that no restart drops). */
  run(job: number, scenario: Scenario, seed: number, errand = false): Promise<RunAnswer> {
    return new Promise((done, failed) => {
      this.queue.push({ generation: errand ? -1 : this.generation, job, scenario, seed, done, failed: (error) => failed(new Error(error)) });
      this.pump();
    });
  }

  /** Top every worker up to AHEAD runs, least loaded first (so the pairs stay interleaved). */
  private pump(): void {
    while (this.queue.length > 0) {
      let worker: Worker | undefined;
      for (const candidate of this.workers) if (this.sent.get(candidate)!.length < AHEAD && (!worker || this.sent.get(candidate)!.length < this.sent.get(worker)!.length)) worker = candidate;
      if (!worker) return;
      const next = this.queue.shift()!;
      this.sent.get(worker)!.push(next);
      const request: RunRequest = { kind: 'run', generation: next.generation, job: next.job, scenario: next.scenario, seed: next.seed };
      worker.postMessage(request);
    }
  }

  private answer(worker: Worker, message: FromWorker): void {
    // A worker answers its requests in the order it was sent them.
    const asked = this.sent.get(worker)!.shift();
    if (asked && (message.generation === this.generation || message.generation === -1)) {
      if (message.kind === 'done') asked.done({ job: message.job, json: message.json, ms: message.ms });
      else asked.failed(message.error);
    }
    this.pump();
  }
}
