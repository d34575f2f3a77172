/** File helpers for results: atomic replacement (temp file + fsync + rename), so readers never see half a file. */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** How bytes reach a file: `writeSync` by default; a seam so tests can make the disk full. */
export type WriteBytes = (fd: number, bytes: Uint8Array) => number;

export const writeBytes: WriteBytes = (fd, bytes) => writeSync(fd, bytes);

/** Write every byte: a short write (the disk filling up) is retried, so the next one throws ENOSPC. */
export function writeAll(fd: number, bytes: Uint8Array, write: WriteBytes = writeBytes): void {
  for (let offset = 0; offset < bytes.length; ) {
    const written = write(fd, offset === 0 ? bytes : bytes.subarray(offset));
    if (written <= 0) throw Object.assign(new Error('no bytes written'), { code: 'ENOSPC' });
    offset += written;
  }
}

export function temporaryPath(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

export function writeFileAtomic(path: string, text: string): void {
  const writer = new AtomicWriter(path);
  writer.write(text);
  writer.commit();
}

/** Buffered sequential writer for large files; `commit()` fsyncs and renames into place. */
export class AtomicWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;

  constructor(
    private readonly path: string,
    private readonly writeTo: WriteBytes = writeBytes,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    this.temporary = temporaryPath(path);
    this.fd = openSync(this.temporary, 'w');
  }

  write(data: string | Uint8Array): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (this.used + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) {
      writeAll(this.fd, bytes, this.writeTo);
      return;
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  private flush(): void {
    if (this.used > 0) writeAll(this.fd, this.buffer.subarray(0, this.used), this.writeTo);
    this.used = 0;
  }

  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }
}

/** Error codes that mean the disk (or the quota) is full. */
const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/**
 * A results file could not be written while a sweep ran: which file, what the sweep was doing, and
 * how many runs are safe on disk. The CLI turns it into one line with the resume command.
 */
export class WriteFailure extends Error {
  override readonly name = 'WriteFailure';
  constructor(
    /** the file being written */
    readonly path: string,
    /** the error code (ENOSPC, EACCES, …) */
    readonly code: string,
    /** 'runs' while appending finished runs; 'sort' while rewriting the log in run-id order */
    readonly phase: 'start' | 'runs' | 'sort',
    /** runs of this sweep kept in the log */
    readonly kept: number,
    /** runs of this shard */
    readonly total: number,
  ) {
    super(`${path}: ${describeWriteError(code)}`);
  }
}

export function describeWriteError(code: string): string {
  return FULL.has(code) ? `disk full (${code})` : `cannot write (${code})`;
}

/** The code of a file-system error, or undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}
