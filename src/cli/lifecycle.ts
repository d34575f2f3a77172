/**
 * One lifecycle for every long command (sweep, compare, staffing, sensitivity, calibrate): Ctrl-C
 * or SIGTERM asks the work to stop (an AbortSignal) and says what will be kept; a second one
 * quits at once with exit 130. The handlers live only while the work runs.
 */
import { EXIT_STOPPED } from './errors.js';

export interface Interruption {
  /** said on the first signal (after a new line), e.g. "stopping — letting runs in flight finish" */
  readonly stopping: (signal: NodeJS.Signals) => string;
  /** said on the second signal, before exit 130 */
  readonly quitting: (signal: NodeJS.Signals) => string;
}

/** The signals a long command answers: Ctrl-C, and a batch system's or container's stop. */
export const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

/**
 * Run `work` with a signal that the first SIGINT/SIGTERM aborts; a second one exits 130 at once.
 * The work decides what a stop keeps and returns normally (its caller then exits 130).
 */
export async function runInterruptible<T>(work: (signal: AbortSignal) => Promise<T>, words: Interruption): Promise<T> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    if (signals > 1) {
      process.stderr.write(`\nconcentric: ${words.quitting(signal)}\n`);
      process.exit(EXIT_STOPPED);
    }
    process.stderr.write(`\nconcentric: ${words.stopping(signal)}\n`);
    controller.abort();
  };
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
  try {
    return await work(controller.signal);
  } finally {
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
}
