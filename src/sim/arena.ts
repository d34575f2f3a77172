/**
 * One block of memory that a batch of runs reuses for their arrays, run after run: `reset()`
 * before each run, then every array the run asks for is a zeroed view into the block. A typed
 * array with a buffer of its own costs ~3 µs to make and to collect; a view ~0.05 µs.
 *
 * Whoever resets the arena must be done with every array taken since the last reset: `simulate()`
 * resets it at the start of each run and keeps nothing of the run but its RunResult (plain
 * numbers and arrays). Requests that would take the block beyond `maxBytes` get fresh arrays, so a
 * huge run does not pin its memory for the rest of the process.
 */

/**
 * Where a run's numeric arrays come from. Every array comes zeroed, as `new Float64Array(n)` would.
 * The default makes fresh ones; a batch of runs may reuse one block of memory (ArrayArena), since a
 * typed array of its own costs ~3 µs to make and collect — ~60 of them were ~8 % of a foundation run.
 */
export interface ArrayAllocator {
  float64(length: number): Float64Array;
  float32(length: number): Float32Array;
  int32(length: number): Int32Array;
  uint16(length: number): Uint16Array;
  uint8(length: number): Uint8Array;
}

export const freshArrays: ArrayAllocator = {
  float64: (length) => new Float64Array(length),
  float32: (length) => new Float32Array(length),
  int32: (length) => new Int32Array(length),
  uint16: (length) => new Uint16Array(length),
  uint8: (length) => new Uint8Array(length),
};

/** Views start on a cache line, as fresh buffers (16-byte aligned) nearly do. */
const ALIGN = 64;

export class ArrayArena implements ArrayAllocator {
  private block: ArrayBuffer;
  private used = 0;

  constructor(
    private readonly maxBytes: number,
    initialBytes = 64 * 1024,
  ) {
    this.block = new ArrayBuffer(Math.min(initialBytes, maxBytes));
  }

  /** Start over: the arrays handed out since the last reset must no longer be in use. */
  reset(): void {
    this.used = 0;
  }

  /** Bytes of the block in use since the last reset (for tests). */
  get bytesUsed(): number {
    return this.used;
  }

  /** Byte offset of `bytes` more in the block, or −1 if they are to be a fresh array. */
  private take(bytes: number): number {
    const start = Math.ceil(this.used / ALIGN) * ALIGN;
    if (start + bytes <= this.block.byteLength) {
      this.used = start + bytes;
      return start;
    }
    // At its limit the block does not grow again: what does not fit is made afresh.
    if (bytes > this.maxBytes || this.block.byteLength >= this.maxBytes) return -1;
    // Grow: the arrays already handed out keep the old block alive until they are dropped; this
    // run continues in a new block, and later runs fit in it from the start.
    const size = Math.min(this.maxBytes, Math.max(2 * this.block.byteLength, this.used + bytes));
    this.block = new ArrayBuffer(size);
    this.used = bytes;
    return 0;
  }

  float64(length: number): Float64Array {
    const at = this.take(length * 8);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.block, at, length).fill(0);
  }

  float32(length: number): Float32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Float32Array(length) : new Float32Array(this.block, at, length).fill(0);
  }

  int32(length: number): Int32Array {
    const at = this.take(length * 4);
    return at < 0 ? new Int32Array(length) : new Int32Array(this.block, at, length).fill(0);
  }

  uint16(length: number): Uint16Array {
    const at = this.take(length * 2);
    return at < 0 ? new Uint16Array(length) : new Uint16Array(this.block, at, length).fill(0);
  }

  uint8(length: number): Uint8Array {
    const at = this.take(length);
    return at < 0 ? new Uint8Array(length) : new Uint8Array(this.block, at, length).fill(0);
  }
}
