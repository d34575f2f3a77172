/**
 * Seeded uniform random numbers for resampling. A report is a pure function of its results
 * directory: every bootstrap draws from a stream seeded by name, never from Math.random.
 */
import seedrandom from 'seedrandom';

export type Uniform = () => number;

/** A deterministic uniform [0, 1) stream for a seed text, e.g. `${masterSeed}:finalAdoption:18`. */
export function seededUniform(seed: string): Uniform {
  const generator = seedrandom.alea(seed);
  return () => generator();
}

/** A uniform integer in [0, n). */
export function randomIndex(uniform: Uniform, n: number): number {
  return Math.floor(uniform() * n);
}
