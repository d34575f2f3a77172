/**
 * The reduced model in Flocc 0.7, by its public API: one `Agent` per person with its data
 * (`adopted`, `neighbors` — an array of Agent references: Flocc's own `Network` helper needs
 * minutes to add a few thousand agents), a `tick` rule that returns the new data (Flocc applies
 * returned data after every agent has ticked: a synchronous update), and `Environment.tick()`.
 */
import { Agent, Environment } from 'flocc';
import { Sfc32 } from '../lib/sfc32.js';
import { adoptionChance, BASS } from '../reference/bass.js';
import { erdosRenyi } from '../reference/network.js';

export function createFloccBass(n, seed) {
  const rng = new Sfc32(seed);
  const { offsets, neighbors } = erdosRenyi(n, BASS.meanDegree, rng);
  const environment = new Environment();
  const agents = [];
  const rule = (agent) => {
    const ties = agent.get('neighbors');
    let count = 0;
    for (const other of ties) count += other.get('adopted');
    const u = rng.next();
    const exposure = ties.length > 0 ? count / ties.length : 0;
    if (agent.get('adopted') === 0 && u < adoptionChance(exposure)) return { adopted: 1 };
  };
  for (let i = 0; i < n; i++) {
    const agent = new Agent({ adopted: 0 });
    agent.set('tick', rule);
    agents.push(agent);
    environment.addAgent(agent);
  }
  for (let i = 0; i < n; i++) {
    const ties = [];
    for (let k = offsets[i]; k < offsets[i + 1]; k++) ties.push(agents[neighbors[k]]);
    agents[i].set('neighbors', ties);
  }
  return {
    visitsPerTick: neighbors.length,
    reset() {
      for (const agent of agents) agent.set('adopted', 0);
    },
    tick() {
      environment.tick({ randomizeOrder: false });
    },
    adoptedShare() {
      let sum = 0;
      for (const agent of agents) sum += agent.get('adopted');
      return sum / n;
    },
  };
}
