/**
 * The reduced model in bitecs 0.4, by its public API: a world with struct-of-arrays components
 * (Adoption, Ties into a shared neighbour list), entities added with addEntity/addComponent, and
 * systems iterating `query(world, [Adoption, Ties])` each tick.
 */
import { addComponent, addEntity, createWorld, query } from 'bitecs';
import { Sfc32 } from '../lib/sfc32.js';
import { adoptionChance, BASS } from '../reference/bass.js';
import { erdosRenyi } from '../reference/network.js';

export function createBitecsBass(n, seed) {
  const rng = new Sfc32(seed);
  const { offsets, neighbors } = erdosRenyi(n, BASS.meanDegree, rng);
  // Entity ids are not guaranteed to be 0..n-1: map the graph's vertices onto them.
  const size = n + 2;
  const Adoption = { adopted: new Uint8Array(size), next: new Uint8Array(size) };
  const Ties = { first: new Int32Array(size), last: new Int32Array(size) };
  const world = createWorld({ components: { Adoption, Ties } });
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const eid = addEntity(world);
    addComponent(world, eid, Adoption);
    addComponent(world, eid, Ties);
    ids[i] = eid;
  }
  if (Math.max(...ids.subarray(0, Math.min(n, 1000))) >= size) throw new Error('bitecs entity ids exceed the component arrays');
  const tieTargets = new Int32Array(neighbors.length);
  for (let k = 0; k < neighbors.length; k++) tieTargets[k] = ids[neighbors[k]];
  for (let i = 0; i < n; i++) {
    Ties.first[ids[i]] = offsets[i];
    Ties.last[ids[i]] = offsets[i + 1];
  }

  const adoptionSystem = (w) => {
    const { Adoption: A, Ties: T } = w.components;
    const agents = query(w, [A, T]);
    for (let x = 0; x < agents.length; x++) {
      const eid = agents[x];
      const first = T.first[eid];
      const last = T.last[eid];
      let count = 0;
      for (let k = first; k < last; k++) count += A.adopted[tieTargets[k]];
      const u = rng.next();
      const degree = last - first;
      const exposure = degree > 0 ? count / degree : 0;
      A.next[eid] = A.adopted[eid] || u < adoptionChance(exposure) ? 1 : 0;
    }
  };
  const commitSystem = (w) => {
    const { Adoption: A } = w.components;
    const agents = query(w, [A]);
    for (let x = 0; x < agents.length; x++) A.adopted[agents[x]] = A.next[agents[x]];
  };

  return {
    visitsPerTick: neighbors.length,
    reset() {
      Adoption.adopted.fill(0);
      Adoption.next.fill(0);
    },
    tick() {
      adoptionSystem(world);
      commitSystem(world);
    },
    adoptedShare() {
      let sum = 0;
      for (const eid of query(world, [Adoption])) sum += Adoption.adopted[eid];
      return sum / n;
    },
  };
}
