/**
 * How the CLI ends. Bad input is one line on stderr, never a stack trace (set CONCENTRIC_DEBUG=1
 * to see stacks of internal errors).
 *
 *   code  meaning
 *   0     done
 *   1     a failure of ours (an internal error), or — for sweep, compare, staffing and
 *         sensitivity — some runs failed: they are recorded in runs.jsonl with status "failed",
 *         the report still follows and says so, and --resume retries them
 *   2     bad input: one line naming the file (line, field), what was expected and what was given;
 *         nothing was written, or nothing was changed
 *   130   stopped by Ctrl-C or SIGTERM: finished work is kept; --resume continues it
 *
 * `--help` (EXIT_CODES_HELP) and the README say the same.
 */
import { isInputError, terminalText } from '../scenarios/index.js';
import { memoryLimitWords } from '../sweep/index.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
/** Ctrl-C or SIGTERM stopped a long command (128 + SIGINT, the shell's convention). */
export const EXIT_STOPPED = 130;

/** The exit-code table as `--help` prints it. */
export const EXIT_CODES_HELP =
  'Exit codes:\n' +
  '  0    done\n' +
  '  1    a failure of ours; for sweep, compare, staffing and sensitivity also: some runs failed\n' +
  '       (recorded in runs.jsonl as "failed"; the report says so; --resume retries them)\n' +
  '  2    bad input: one line naming the file, field, expected and given; nothing half-written\n' +
  '  130  stopped by Ctrl-C or SIGTERM: finished work is kept; --resume continues it\n';

/** Allocation failures (a heap or ArrayBuffer that does not fit) as words, not an internal error. */
function outOfMemory(message: string): boolean {
  return /Array buffer allocation failed|Invalid typed array length|allocation failed|out of memory|bad_alloc/i.test(message);
}

export function reportFailure(error: unknown): number {
  if (isInputError(error)) {
    // A message may quote a user's file: its control characters must not drive the terminal.
    process.stderr.write(`concentric: ${terminalText(error.message)}\n`);
    return EXIT_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || (error instanceof Error && outOfMemory(message))) {
    process.stderr.write(
      `concentric: out of memory: ${message}: this process may use ${memoryLimitWords()}; choose a smaller scenario or design, fewer --threads, or a machine (or --mem) with more memory\n`,
    );
    return EXIT_INPUT;
  }
  process.stderr.write(`concentric: internal error: ${message}\n`);
  if (process.env.CONCENTRIC_DEBUG && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  return EXIT_INTERNAL;
}
