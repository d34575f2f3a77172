/**
 * Option parsers shared by commands: each throws InputError naming the flag, what was expected
 * and what was given.
 */
import { Option } from 'commander';
import { availableParallelism } from 'node:os';
import { InputError, plainNumber } from '../scenarios/index.js';

export function integerOption(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new InputError(`${flag}: expected a whole number between ${min} and ${max}, got ${JSON.stringify(text)}`);
    }
    return value;
  };
}

export function numberOption(flag: string, min: number, max: number) {
  return (text: string): number => {
    const value = plainNumber(text) ?? Number.NaN;
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new InputError(`${flag}: expected a number between ${min} and ${max}, got ${JSON.stringify(text)}`);
    }
    return value;
  };
}

/** Comma-separated numbers, e.g. --lengths 6,12,18. */
export function numberListOption(flag: string, min: number, max: number) {
  return (text: string): number[] => {
    const parts = text.split(',').map((part) => part.trim());
    const values = parts.map((part) => plainNumber(part) ?? Number.NaN);
    if (parts.some((part) => part === '') || values.some((value) => !Number.isFinite(value) || value < min || value > max)) {
      throw new InputError(`${flag}: expected comma-separated numbers between ${min} and ${max}, got ${JSON.stringify(text)}`);
    }
    return values;
  };
}

/** Repeatable option: --set a=1 --set b=2. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * Shared option definitions: the same flag means the same thing, with the same range, checked
 * before any work, on every command that takes it.
 */
/** --margin: the equivalence margin in percentage points; 0 would make "equivalent" impossible. */
export const marginOption = () => numberOption('--margin', 0.01, 99.99);

/** --threads: worker threads, at most one per core is used (usableThreads); 1 runs in this thread. */
export function threadsOption(): Option {
  return new Option('--threads <n>', 'worker threads, at most one per core; 1 runs in this thread')
    .argParser(integerOption('--threads', 1, 1024))
    .default(availableParallelism(), `one per core: ${availableParallelism()}`);
}
