import { describe, expect, it } from 'vitest';
import { buildOrganization, RandomStream, ringDistances, Role } from '../../src/sim/index.js';
import { scenario } from './helpers.js';

function degrees(org: ReturnType<typeof buildOrganization>): number[] {
  return Array.from({ length: org.staff }, (_, i) => org.offsets[i + 1] - org.offsets[i]);
}

describe('organization network', () => {
  const foundation = scenario();
  const org = buildOrganization(foundation, new RandomStream('net'));

  it('places ~200 staff in 12 units of 2 teams, each team with a manager and each unit a leader', () => {
    expect(org.staff).toBe(200);
    expect(org.units).toBe(12);
    expect(org.teams).toBe(24);
    for (let u = 0; u < org.units; u++) expect(org.role[org.unitStart[u]]).toBe(Role.leader);
    const managers = Array.from(org.role).filter((r) => r !== Role.staff).length;
    expect(managers).toBe(24);
    for (let t = 0; t < org.teams; t++) {
      const size = org.teamStart[t + 1] - org.teamStart[t];
      expect(size).toBeGreaterThanOrEqual(5);
      expect(size).toBeLessThanOrEqual(12);
    }
  });

  it('is a simple symmetric graph in CSR form with mean degree 6–10', () => {
    const seen = new Set<string>();
    for (let i = 0; i < org.staff; i++) {
      for (let k = org.offsets[i]; k < org.offsets[i + 1]; k++) {
        const j = org.neighbors[k];
        expect(j).not.toBe(i);
        const key = `${i}-${j}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    for (const key of seen) {
      const [i, j] = key.split('-');
      expect(seen.has(`${j}-${i}`)).toBe(true);
    }
    const meanDegree = degrees(org).reduce((a, b) => a + b, 0) / org.staff;
    expect(meanDegree).toBeGreaterThanOrEqual(6);
    expect(meanDegree).toBeLessThanOrEqual(10);
  });

  it('ties are denser inside teams than between them, and leaders are linked across units', () => {
    let inside = 0;
    let total = 0;
    for (let i = 0; i < org.staff; i++) {
      for (let k = org.offsets[i]; k < org.offsets[i + 1]; k++) {
        total++;
        if (org.teamOf[org.neighbors[k]] === org.teamOf[i]) inside++;
      }
    }
    expect(inside / total).toBeGreaterThan(0.4);
    const leader0 = org.unitStart[0];
    const leaderNeighbors = Array.from(org.neighbors.subarray(org.offsets[leader0], org.offsets[leader0 + 1]));
    for (let u = 1; u < org.units; u++) expect(leaderNeighbors).toContain(org.unitStart[u]);
  });

  it('gives each unit an implementation team led by its unit leader', () => {
    for (let u = 0; u < org.units; u++) {
      const members = org.implementationMembers.subarray(org.implementationStart[u], org.implementationStart[u + 1]);
      expect(members.length).toBe(4);
      expect(members).toContain(org.unitStart[u]);
      for (const i of members) expect(org.unitOf[i]).toBe(u);
    }
  });

  it('is the same for the same stream seed', () => {
    const again = buildOrganization(foundation, new RandomStream('net'));
    expect(Array.from(again.neighbors)).toEqual(Array.from(org.neighbors));
  });

  it('measures rings as network distance from the first-engaged units', () => {
    const ring = ringDistances(org, [0]);
    for (let i = org.unitStart[0]; i < org.unitStart[1]; i++) expect(ring[i]).toBe(0);
    for (let i = 0; i < org.staff; i++) {
      if (ring[i] === 0) continue;
      let closest = Infinity;
      for (let k = org.offsets[i]; k < org.offsets[i + 1]; k++) closest = Math.min(closest, ring[org.neighbors[k]]);
      expect(ring[i]).toBe(closest + 1);
    }
  });

  it('builds Erdős–Rényi graphs with the requested mean degree', () => {
    const er = buildOrganization(scenario('foundation', 'organization.network=erdos-renyi', 'organization.staff=5000', 'organization.meanDegree=8'), new RandomStream('er'));
    const meanDegree = degrees(er).reduce((a, b) => a + b, 0) / er.staff;
    expect(meanDegree).toBeGreaterThan(7.8);
    expect(meanDegree).toBeLessThan(8.1);
  });

  it('builds ring lattices where every node has exactly meanDegree neighbours', () => {
    const lattice = buildOrganization(scenario('foundation', 'organization.network=lattice', 'organization.meanDegree=6', 'organization.staff=500'), new RandomStream('l'));
    expect(new Set(degrees(lattice))).toEqual(new Set([6]));
  });
});
