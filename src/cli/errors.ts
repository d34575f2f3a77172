/**
 * How the CLI ends: exit 0 ok, 1 internal error, 2 bad input. Bad input is one line on stderr,
 * never a stack trace (set CONCENTRIC_DEBUG=1 to see stacks of internal errors).
 */
import { isInputError } from '../scenarios/index.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

export function reportFailure(error: unknown): number {
  if (isInputError(error)) {
    process.stderr.write(`concentric: ${error.message}\n`);
    return EXIT_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`concentric: internal error: ${message}\n`);
  if (process.env.CONCENTRIC_DEBUG && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  return EXIT_INTERNAL;
}
