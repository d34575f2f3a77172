/**
 * The first 32-bit words that `seedrandom(seed).int32()` returns, computed without seedrandom's
 * allocations: its key mixing and ARC4 (RC4-drop[256]) ported onto typed arrays. Same words,
 * bit for bit (tests/sim/arc4-seed.test.ts checks thousands of seeds against seedrandom 3.0.5);
 * run setup calls it seven times per run, where seedrandom itself took ~0.1 ms and ~50 KB.
 */

const WIDTH = 256;
const MASK = WIDTH - 1;

/** Scratch reused by every call (module-private; single-threaded per isolate). */
const key = new Int32Array(WIDTH);
const state = new Uint8Array(WIDTH);

/** Fill `out` with the first `out.length` words of seedrandom(seed).int32(). */
export function seedWords(seed: string, out: Int32Array): void {
  // mixkey(seed, []): key[j mod 256] = 255 & ((smear ^= key[j mod 256] · 19) + code(j)); a slot
  // not yet written counts as 0 in the XOR (undefined · 19 is NaN, and ToInt32(NaN) = 0).
  let smear = 0;
  for (let j = 0; j < seed.length; j++) {
    const slot = j & MASK;
    smear ^= j < WIDTH ? 0 : key[slot] * 19;
    key[slot] = MASK & (smear + seed.charCodeAt(j));
  }
  let keyLength = Math.min(seed.length, WIDTH);
  if (keyLength === 0) {
    key[0] = 0;
    keyLength = 1;
  }
  // ARC4 key schedule.
  for (let i = 0; i < WIDTH; i++) state[i] = i;
  for (let i = 0, j = 0; i < WIDTH; i++) {
    const t = state[i];
    j = MASK & (j + key[i % keyLength] + t);
    state[i] = state[j];
    state[j] = t;
  }
  // Drop the first 256 outputs, then read 4 bytes per word, most significant first.
  let i = 0;
  let j = 0;
  const next = (): number => {
    i = MASK & (i + 1);
    const t = state[i];
    j = MASK & (j + t);
    state[i] = state[j];
    state[j] = t;
    return state[MASK & (state[i] + t)];
  };
  for (let k = 0; k < WIDTH; k++) next();
  for (let w = 0; w < out.length; w++) {
    let word = 0;
    for (let b = 0; b < 4; b++) word = word * WIDTH + next();
    out[w] = word | 0;
  }
}
