/**
 * Morris elementary-effects design (Morris 1991): r trajectories of k + 1 points on a p-level
 * grid of the unit cube, Δ = p / (2(p − 1)). Each trajectory starts at a random grid point and
 * moves one factor at a time, in a random order, by +Δ or −Δ. Point t·(k+1) + s is step s of
 * trajectory t; step s > 0 changed factor `order[t][s − 1]`.
 */
import { RandomStream } from '../../sim/index.js';

export interface MorrisDesign {
  /** r·(k+1) rows in the unit cube */
  readonly rows: number[][];
  /** per trajectory, the factor moved at each step */
  readonly order: number[][];
  readonly delta: number;
}

export function morrisTrajectories(r: number, k: number, levels: number, seed: number): MorrisDesign {
  const stream = new RandomStream(`concentric/design/morris/${seed >>> 0}`);
  const delta = levels / (2 * (levels - 1));
  // Start levels are those from which a step of +Δ stays inside [0, 1].
  const startLevels = Math.max(1, Math.floor(levels / 2));
  const rows: number[][] = [];
  const order: number[][] = [];
  for (let t = 0; t < r; t++) {
    const point = Array.from({ length: k }, () => stream.below(startLevels) / (levels - 1));
    const up = Array.from({ length: k }, () => stream.next() < 0.5);
    // A downward factor starts Δ higher, so every move stays on the grid.
    for (let i = 0; i < k; i++) if (!up[i]) point[i] += delta;
    const moves = Array.from({ length: k }, (_, i) => i);
    for (let i = k - 1; i > 0; i--) {
      const j = stream.below(i + 1);
      [moves[i], moves[j]] = [moves[j], moves[i]];
    }
    rows.push(point.map(clean));
    for (const factor of moves) {
      point[factor] += up[factor] ? delta : -delta;
      rows.push(point.map(clean));
    }
    order.push(moves);
  }
  return { rows, order, delta };
}

/** Grid coordinates are multiples of 1/(p−1); remove float dust so values repeat exactly. */
function clean(value: number): number {
  return Math.min(1, Math.max(0, Math.round(value * 1e12) / 1e12));
}
