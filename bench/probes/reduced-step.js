/**
 * Probe (not part of `npm run bench`): bench case (a) split by week — the engine's reduced model
 * (adoption.pathway=false) step by step — weeks that end a month (and so write the month-end
 * record) and a run's first week apart from the others — against the plain reference's tick.
 * Backs docs/PERFORMANCE.md's account of where case (a)'s time goes.
 *
 *   node bench/probes/reduced-step.js      (needs a build)
 */
import { createSimulation, monthEndWeek } from '../../dist/sim/index.js';
import { bassScenario } from '../reference/bass-concentric.js';
import { createPlainBass } from '../reference/bass-plain.js';

const n = 100_000;
const weeks = 100;
const scenario = bassScenario(n, weeks, { pathway: false });
const plain = createPlainBass(n, 7);
const monthEnds = new Set(Array.from({ length: 40 }, (_, month) => monthEndWeek(month)));
const times = { first: [], step: [], recordingStep: [], tick: [] };
for (let rep = 0; rep < 25; rep++) {
  const simulation = createSimulation(scenario, 7);
  for (let week = 0; week < weeks; week++) {
    const start = performance.now();
    simulation.step();
    (week === 0 ? times.first : monthEnds.has(week + 1) ? times.recordingStep : times.step).push(performance.now() - start);
  }
  plain.reset();
  const start = performance.now();
  for (let tick = 0; tick < weeks; tick++) plain.tick();
  times.tick.push((performance.now() - start) / weeks);
}
const p25 = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 4)].toFixed(3);
console.log(
  `engine week ${p25(times.step)} ms; a week ending a month ${p25(times.recordingStep)} ms; the first week ${p25(times.first)} ms; ` +
    `plain tick ${p25(times.tick)} ms (25th percentiles, N = 100,000)`,
);
