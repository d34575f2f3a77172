/**
 * Case 4 — complex contagion: clustered vs random networks of equal mean degree.
 *
 * Networks: the ring lattice with k = 6 (each person tied to 3 on either side; clustering 0.6)
 * and the same lattice with every tie rewired (`small-world`, rewire = 1: a random graph with
 * mean degree 6, every degree ≥ 3), plus partial rewiring (0.01, 0.1) in between.
 * Rule: the hazard rule with a uniform threshold φ = 0.3, so peers count only once 2 of 6 ties
 * apply (reinforcement), gates off: h = p·dose + q·X·1(X ≥ φ) per month, q = 4.
 *
 * Two regimes, the same runs otherwise:
 *   - reinforcement only (p = 0, 2 % seeded): Centola (2010) found a behaviour spread further
 *     in clustered than in random networks (54 % vs 38 % adopted); Centola & Macy (2007) explain
 *     it: in a random network seeds rarely share neighbours, so nobody gets a second signal.
 *   - with the ISP push (constantDose, p = 0.01 per month for everyone): adoption below the
 *     threshold happens at a small rate, the "noisy" threshold contagion of Eckles et al.
 *     (2024), where long ties speed the spread to the whole network.
 */
import type { Scenario } from '../scenarios/index.js';
import { createSimulation, simulate } from '../sim/index.js';
import { unpairedBootstrap, confidenceInterval } from '../stats/index.js';
import { check, type CaseOutcome, type Scale, type ValidationCase } from './case.js';
import { intervalsChart, type IntervalRow } from './charts.js';
import { crossingTime, format, mean, meanInterval, scenarioWith, seedList, uniformThreshold } from './common.js';

export const CONTAGION_PHI = 0.3;

interface ContagionConfig {
  readonly staff: number;
  readonly degree: number;
  readonly q: number;
  readonly seeds: number;
  readonly push: number;
  readonly months: number;
  readonly rewires: readonly number[];
  readonly replicates: number;
}

const CONFIG: Record<Scale, ContagionConfig> = {
  full: { staff: 2_000, degree: 6, q: 4, seeds: 40, push: 0.01, months: 36, rewires: [0, 0.01, 0.1, 1], replicates: 40 },
  fast: { staff: 500, degree: 6, q: 4, seeds: 10, push: 0.01, months: 36, rewires: [0, 1], replicates: 12 },
};

export function contagionScenario(c: ContagionConfig, rewire: number, push: number): Scenario {
  return scenarioWith(
    'classic-bass',
    `organization.staff=${c.staff}`,
    'organization.network=small-world',
    `organization.meanDegree=${c.degree}`,
    `organization.rewire=${rewire}`,
    'adoption.rule=hazard',
    'adoption.thresholds=true',
    ...uniformThreshold(CONTAGION_PHI),
    `adoption.p=${push}`,
    `adoption.q=${c.q}`,
    `adoption.seeds=${c.seeds}`,
    `months=${c.months}`,
  );
}

/** Mean local clustering coefficient of a CSR network. */
export function clustering(offsets: Int32Array, neighbors: Int32Array): number {
  const n = offsets.length - 1;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const first = offsets[i];
    const degree = offsets[i + 1] - first;
    if (degree < 2) continue;
    let links = 0;
    for (let a = first; a < offsets[i + 1]; a++) {
      const j = neighbors[a];
      for (let b = a + 1; b < offsets[i + 1]; b++) {
        const k = neighbors[b];
        // neighbours are sorted: binary search k in j's list
        let lo = offsets[j];
        let hi = offsets[j + 1] - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >> 1;
          if (neighbors[mid] === k) {
            links++;
            break;
          }
          if (neighbors[mid] < k) lo = mid + 1;
          else hi = mid - 1;
        }
      }
    }
    total += links / ((degree * (degree - 1)) / 2);
  }
  return total / n;
}

export interface RewirePoint {
  readonly rewire: number;
  readonly clustering: number;
  readonly meanDegree: number;
  /** reinforcement only: final share adopted per run */
  readonly finalShare: number[];
  /** with push: months to 50 % and 90 % per run (null if never) */
  readonly t50: (number | null)[];
  readonly t90: (number | null)[];
  readonly pushAt12: number[];
}

export function measureContagion(scale: Scale): { config: ContagionConfig; points: RewirePoint[] } {
  const c = CONFIG[scale];
  const seeds = seedList(c.replicates, 4000);
  const points = c.rewires.map((rewire) => {
    const plain = contagionScenario(c, rewire, 0);
    const pushed = contagionScenario(c, rewire, c.push);
    const network = createSimulation(plain, seeds[0]).view.organization;
    const pushedRuns = seeds.map((seed) => simulate(pushed, seed));
    return {
      rewire,
      clustering: clustering(network.offsets, network.neighbors),
      meanDegree: network.offsets[network.staff] / network.staff,
      finalShare: seeds.map((seed) => simulate(plain, seed).summary.finalAdoption),
      t50: pushedRuns.map((r) => crossingTime(r.series.adoption, 0.5)),
      t90: pushedRuns.map((r) => crossingTime(r.series.adoption, 0.9)),
      pushAt12: pushedRuns.map((r) => r.series.adoption[12]),
    };
  });
  return { config: c, points };
}

function rewireLabel(rewire: number): string {
  return rewire === 0 ? '0 (lattice)' : rewire === 1 ? '1 (random)' : String(rewire);
}

/** Times with "never" counted as the horizon + 1 (censored), as the report does for time to 50 %. */
function censored(times: readonly (number | null)[], horizon: number): number[] {
  return times.map((t) => (t === null ? horizon + 1 : t));
}

function run(scale: Scale): CaseOutcome {
  const { config: c, points } = measureContagion(scale);
  const lattice = points.find((p) => p.rewire === 0)!;
  const random = points.find((p) => p.rewire === 1)!;
  const options = { seed: `validation:complex-contagion:${scale}`, resamples: 4000 };
  const spread = unpairedBootstrap(lattice.finalShare, random.finalShare, options);
  const spreadCi = confidenceInterval(spread, 0.95);
  const latticeT90 = censored(lattice.t90, c.months);
  const randomT90 = censored(random.t90, c.months);
  const speed = unpairedBootstrap(latticeT90, randomT90, options);
  const speedCi = confidenceInterval(speed, 0.95);
  const n = `N = ${c.staff.toLocaleString('en-US')}, degree ${c.degree}, φ = ${CONTAGION_PHI}, ${c.replicates} runs per network`;
  const checks = [
    check(
      'Reinforcement only (no push): clustered spreads further than random',
      'final share adopted: lattice > fully rewired (Centola 2010: 54 % vs 38 %)',
      'difference > 0 with its 95 % bootstrap-t interval above 0',
      `${format.percent(mean(lattice.finalShare))} vs ${format.percent(mean(random.finalShare))}: ${format.points(spread.estimate)} ${format.interval(spreadCi.low, spreadCi.high, (v) => format.points(v))}`,
      spread.estimate > 0 && spreadCi.low > 0,
    ),
    check(
      `With the ISP push (p = ${c.push}): long ties speed the spread`,
      'months to 90 % adopted: random < lattice (Eckles et al. 2024)',
      'difference (lattice − random) > 0 with its 95 % bootstrap-t interval above 0',
      `${mean(latticeT90).toFixed(2)} vs ${mean(randomT90).toFixed(2)} months: ${format.number(speed.estimate, 2)} ${format.interval(speedCi.low, speedCi.high, (v) => format.number(v, 2))} months`,
      speed.estimate > 0 && speedCi.low > 0,
    ),
  ];
  const finalRows: IntervalRow[] = points.map((p) => {
    const ci = meanInterval(p.finalShare);
    return { x: rewireLabel(p.rewire), y: ci.mean, low: ci.low, high: ci.high, series: 'no push: final share adopted' };
  });
  const t90Rows: IntervalRow[] = points.map((p) => {
    const ci = meanInterval(censored(p.t90, c.months));
    return { x: rewireLabel(p.rewire), y: ci.mean, low: ci.low, high: ci.high, series: `push p = ${c.push}: months to 90 %` };
  });
  const t50Rows: IntervalRow[] = points.map((p) => {
    const ci = meanInterval(censored(p.t50, c.months));
    return { x: rewireLabel(p.rewire), y: ci.mean, low: ci.low, high: ci.high, series: `push p = ${c.push}: months to 50 %` };
  });
  const categories = points.map((p) => rewireLabel(p.rewire));
  return {
    checks,
    tables: [
      {
        caption: `Complex contagion (${n}); means with 95 % intervals over runs`,
        columns: ['rewire', 'clustering', 'mean degree', 'no push: final share', 'push: share at 12 months', 'push: months to 50 %', 'push: months to 90 %'],
        rows: points.map((p) => {
          const fin = meanInterval(p.finalShare);
          const t50 = meanInterval(censored(p.t50, c.months));
          const t90 = meanInterval(censored(p.t90, c.months));
          return [
            String(p.rewire),
            p.clustering.toFixed(3),
            p.meanDegree.toFixed(2),
            `${format.percent(fin.mean)} ${format.interval(fin.low, fin.high, (v) => format.percent(v))}`,
            format.percent(mean(p.pushAt12)),
            `${t50.mean.toFixed(2)} ${format.interval(t50.low, t50.high, (v) => v.toFixed(2))}`,
            `${t90.mean.toFixed(2)} ${format.interval(t90.low, t90.high, (v) => v.toFixed(2))}`,
          ];
        }),
      },
    ],
    charts: [
      {
        id: 'complex-contagion-spread',
        title: 'Reinforcement only: how far it spreads',
        caption: `Final share adopted after ${c.months} months from ${c.seeds} random seeds, by rewiring probability (0 = clustered lattice, 1 = random), no ISP push (${n}).`,
        spec: intervalsChart({ title: 'No push: final share adopted', subtitle: n, points: finalRows, xTitle: 'Rewiring probability', yTitle: 'Final share adopted', categories, yDomain: [0, 1] }),
      },
      {
        id: 'complex-contagion-speed',
        title: 'With the ISP push: how fast it spreads',
        caption: `Months to 50 % and 90 % adopted with the push p = ${c.push} per month for everyone, by rewiring probability (${n}). Runs that never reach the level count as ${c.months + 1} months.`,
        spec: intervalsChart({ title: 'With push: months to 50 % and 90 %', subtitle: n, points: [...t50Rows, ...t90Rows], xTitle: 'Rewiring probability', yTitle: 'Months', categories }),
      },
    ],
    notes: [
      'Without push the clustered lattice carries the behaviour along its rings from the few places where two seeds are neighbours, while in the random graph almost nobody gets the second signal: the Centola & Macy (2007) mechanism.',
      'With push the lattice leads early (neighbouring push-adopters reinforce each other locally) but the random graph reaches near-saturation sooner, because once adopters are common everywhere long ties deliver the second signal across the network; months to 90 % is the spread-time measure of Eckles et al. (2024). Partial rewiring (0.1) combines both advantages.',
      'The magnitudes (N, q, seeds, horizon) are our choices; Centola’s 54 % vs 38 % came from 98–144-person online networks and a different adoption process, so only the direction is a target.',
    ],
  };
}

export const complexContagionCase: ValidationCase = {
  id: 'complex-contagion',
  title: 'Complex contagion: clustered vs random networks, with and without the ISP push',
  source:
    'Centola D (2010) The spread of behavior in an online social network experiment. Science 329:1194; Centola & Macy (2007) AJS 113:702; Eckles D, Mossel E, Rahimian MA, Sen S (2024) Long ties accelerate noisy threshold-based contagions. Nat Hum Behav, doi:10.1038/s41562-024-01865-0',
  establishes:
    'The threshold gate in the hazard rule makes contagion complex: when adoption needs reinforcement, clustering helps it spread; when an outside push adds adoption below threshold, long ties speed it up. The engine can show both regimes the study’s setting sits between.',
  limits:
    'Ring lattices and rewired lattices, uniform φ, no study mechanisms: it does not say which regime the foundation is in, and the numbers depend on N, q, seeds and horizon.',
  design:
    'small-world networks (N = 2,000, degree 6) with rewiring 0, 0.01, 0.1, 1; hazard rule, φ = 0.3 (2 of 6 ties), q = 4, 40 random seeds; no push (p = 0) vs push (constant dose, p = 0.01); 36 months, 40 runs per network and regime (seeds 4000–4039).',
  run,
};
