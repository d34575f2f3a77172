/**
 * `--out` checked before any run: a folder we can create files in (or, for `run --out`, a file in
 * one). A read-only mount, a folder without permission, an existing file or /dev/null is bad input,
 * said in one line — not an internal error after the work is done.
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../scenarios/index.js';

function describeCode(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'a folder without write permission';
    case 'EROFS':
      return 'a folder on a read-only file system';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a path through an existing file';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'a folder on a full disk';
    case 'ENAMETOOLONG':
      return 'a name that is too long';
    default:
      return `a folder that cannot be written (${code ?? 'unknown error'})`;
  }
}

function describeKind(stats: Stats): string {
  if (stats.isFile()) return 'an existing file';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a folder';
}

/** Make `path` if needed and prove a file can be created in it; else an InputError naming `flag`. */
export function checkOutFolder(path: string, flag = '--out'): void {
  const fail = (what: string): never => {
    throw new InputError(`${flag} ${path}: expected a writable folder, got ${what}`);
  };
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      let stats: Stats | undefined;
      try {
        stats = statSync(path);
      } catch {
        // a parent is the file
      }
      fail(stats ? describeKind(stats) : describeCode(code));
    }
    fail(describeCode(code));
  }
  const stats = statSync(path);
  if (!stats.isDirectory()) fail(describeKind(stats));
  // The only sure test of writability (read-only mounts, ACLs, root on NFS): create a file.
  const probe = join(path, `.concentric-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (error) {
    fail(describeCode((error as NodeJS.ErrnoException).code));
  }
  rmSync(probe, { force: true });
}

/** `run --out <file>`: the file's folder must be writable and the path must not be a folder or device. */
export function checkOutFile(path: string, flag = '--out'): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(path);
  } catch {
    // a new file: fine if its folder is writable
  }
  if (stats && !stats.isFile()) throw new InputError(`${flag} ${path}: expected a file to write, got ${stats.isDirectory() ? 'a folder' : describeKind(stats)}`);
  checkOutFolder(dirname(path), flag === '--out' ? `${flag} ${path}: its folder` : flag);
}
