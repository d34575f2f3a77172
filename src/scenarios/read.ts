/**
 * Reading an input file (scenario, sweep, `extends:` target) safely: only a regular file, only up
 * to a size cap. A named pipe would block for ever, `/dev/zero` would fill memory, a folder has no
 * text: each is bad input (exit 2), said before a byte is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from './errors.js';

/** Far above any real scenario or sweep file (the largest built-in is ~4 KB). */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function describeCode(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'no permission to read it';
    case 'EISDIR':
      return 'a folder';
    case 'ELOOP':
      return 'a loop of symbolic links';
    default:
      return `cannot read it (${code ?? 'unknown error'})`;
  }
}

/** The text of a regular file of at most `maxBytes`, or an InputError naming `label`. */
export function readInputFile(path: string, label: string, maxBytes = MAX_INPUT_BYTES): string {
  return readInputBytes(path, label, maxBytes).toString('utf8');
}

/**
 * The bytes of a regular file of at most `maxBytes`, or an InputError naming `label`: the one
 * reader every input goes through (scenarios, sweeps, organization files, survey data, posteriors).
 */
export function readInputBytes(path: string, label: string, maxBytes = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new InputError(`${label}: expected a readable file, got ${describeCode((error as NodeJS.ErrnoException).code)}`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new InputError(`${label}: expected a regular file, got ${kindOf(stats)}`);
    if (stats.size > maxBytes) {
      throw new InputError(`${label}: expected a file of at most ${maxBytes / (1024 * 1024)} MB, got ${(stats.size / (1024 * 1024)).toFixed(1)} MB`);
    }
    // Read at most one byte past the cap: a file that grows while we read is still bounded.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let read = 1; read > 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
    if (length > maxBytes) throw new InputError(`${label}: expected a file of at most ${maxBytes / (1024 * 1024)} MB, got a larger one`);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${label}: expected a readable file, got ${describeCode((error as NodeJS.ErrnoException).code)}`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Refuse a previous result that is not a regular file (a named pipe would block the reader for
 * ever, a device never ends) before opening it: for files read as a stream, too large to read whole.
 */
export function checkRegularFile(path: string, label: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    throw new InputError(`${label}: expected a readable file, got ${describeCode((error as NodeJS.ErrnoException).code)}`);
  }
  if (!stats.isFile()) throw new InputError(`${label}: expected a regular file, got ${kindOf(stats)}`);
}
