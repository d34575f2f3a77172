/**
 * Seeded randomness. Each run has one seed, split into named sub-streams (network, contacts,
 * adoption, …) so changing one mechanism does not reshuffle the others. seedrandom's ARC4 seeding
 * (ported in arc4-seed.ts, checked against seedrandom in the tests) derives each stream's starting
 * state; the stream itself is sfc32 with its state in an Int32Array, which V8 keeps unboxed
 * (≈ 6× faster than state held in object fields). Never Math.random.
 */
import { seedWords } from './arc4-seed.js';

export const STREAMS = ['network', 'population', 'contacts', 'adoption', 'turnover', 'demand', 'survey'] as const;
export type StreamName = (typeof STREAMS)[number];

/**
 * One named stream. The sfc32 step is written out three times on purpose — in nextUint32, and in
 * firstBelow and fill, which keep the state in locals for a whole loop (that is their point; a
 * shared helper would have to go back through the Int32Array). tests/sim/rng.test.ts checks that
 * all three give the same sequence.
 */
export class RandomStream {
  private readonly state = new Int32Array(4);

  constructor(seed: string) {
    seedWords(seed, this.state); // = four seedrandom(seed).int32() words
    if ((this.state[0] | this.state[1] | this.state[2] | this.state[3]) === 0) this.state[0] = 1;
    // Discard the first outputs: sfc32 mixes its state over a few rounds.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    const s = this.state;
    const t = (((s[0] + s[1]) | 0) + s[3]) | 0;
    s[3] = (s[3] + 1) | 0;
    s[0] = s[1] ^ (s[1] >>> 9);
    s[1] = (s[2] + (s[2] << 3)) | 0;
    s[2] = (s[2] << 21) | (s[2] >>> 11);
    s[2] = (s[2] + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * Draw once for each position from, from + 1, … up to `to` and return the first position whose
   * draw is below `chance` (its draw consumed), or `to` if none is (all consumed). Exactly the
   * draws of calling next() once per position, with the state kept in locals meanwhile: a
   * loop of rare events (turnover, outreach) costs a fraction of a draw-at-a-time loop.
   */
  firstBelow(chance: number, from: number, to: number): number {
    const s = this.state;
    let s0 = s[0];
    let s1 = s[1];
    let s2 = s[2];
    let s3 = s[3];
    let position = from;
    for (; position < to; position++) {
      const t = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (s2 << 21) | (s2 >>> 11);
      s2 = (s2 + t) | 0;
      if ((t >>> 0) / 4294967296 < chance) break;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
    return position;
  }

  /**
   * Fill `draws[0 .. count)` with the next `count` uniform floats — exactly the draws of calling
   * next() `count` times — with the state in locals meanwhile (a loop over people that reads its
   * draws from the buffer keeps the generator off its critical path).
   */
  fill(draws: Float64Array, count: number): void {
    const s = this.state;
    let s0 = s[0];
    let s1 = s[1];
    let s2 = s[2];
    let s3 = s[3];
    for (let k = 0; k < count; k++) {
      const t = (((s0 + s1) | 0) + s3) | 0;
      s3 = (s3 + 1) | 0;
      s0 = s1 ^ (s1 >>> 9);
      s1 = (s2 + (s2 << 3)) | 0;
      s2 = (s2 << 21) | (s2 >>> 11);
      s2 = (s2 + t) | 0;
      draws[k] = (t >>> 0) / 4294967296;
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    s[3] = s3;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }
}

/**
 * A standard normal from two uniforms in [0, 1) (Box–Muller, cosine branch): the one normal draw
 * of the simulated surveys and of calibration's kernel moves.
 */
export function standardNormal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
}

export type RandomStreams = Readonly<Record<StreamName, RandomStream>>;

/** One independent stream per name, all derived from the run seed. */
export function createStreams(seed: number): RandomStreams {
  const streams = {} as Record<StreamName, RandomStream>;
  for (const name of STREAMS) streams[name] = new RandomStream(`concentric/${seed >>> 0}/${name}`);
  return streams;
}

const hashWord = new Int32Array(1);

/** A 32-bit seed from any list of parts: used for run seeds (master seed, replicate, point). */
export function hashSeed(...parts: readonly (number | string)[]): number {
  seedWords(parts.join('/'), hashWord);
  return hashWord[0] >>> 0;
}
