/**
 * Case (a), child side: one implementation of the reduced model (Bass on a network). `setup`
 * builds it, each `rep` resets the state and times `ticks` ticks.
 */
import { collectGarbage, timed } from '../lib/measure.js';

const IMPLEMENTATIONS = {
  concentric: async () => (await import('../reference/bass-concentric.js')).createConcentricBass,
  plain: async () => (await import('../reference/bass-plain.js')).createPlainBass,
  bitecs: async () => (await import('../peers/bass-bitecs.js')).createBitecsBass,
  flocc: async () => (await import('../peers/bass-flocc.js')).createFloccBass,
};

let model;
let params;

export async function setup(p) {
  params = p;
  const create = await IMPLEMENTATIONS[p.impl]();
  const built = timed(() => create(p.n, p.seed, p.ticks, p.options));
  model = built.value;
  return { setupMs: built.wallMs, visitsPerTick: model.visitsPerTick };
}

export function rep() {
  model.reset();
  collectGarbage();
  const run = timed(() => {
    for (let t = 0; t < params.ticks; t++) model.tick();
  });
  return { wallMs: run.wallMs, cpuMs: run.cpuMs, adopted: model.adoptedShare() };
}
