/**
 * The ISP team's co-lead slots (M8): an ISP can co-lead floor(hoursPerWeek / hoursPerCoLeadWeek)
 * engagements at once, and an engagement that starts takes the ISPs with the most free slots. The
 * engine keeps the team in a min-tree over the loads (src/sim/isp-slots.ts) that picks the same
 * ISPs (tests/sim/isp-slots.test.ts checks it against chooseCoLeads on random teams).
 */

/** Engagements one ISP can co-lead at once. */
export function coLeadSlots(hoursPerWeek: number, hoursPerCoLeadWeek: number): number {
  return Math.floor(hoursPerWeek / hoursPerCoLeadWeek + 1e-9);
}

/**
 * The `coLeads` ISPs an engagement takes, given each ISP's load (engagements co-led now): those
 * with the most free slots, the lowest index first on ties, in that order; null when fewer than
 * `coLeads` ISPs have a free slot (the unit keeps waiting).
 */
export function chooseCoLeads(load: ArrayLike<number>, slotsPerIsp: number, coLeads: number): number[] | null {
  const free: number[] = [];
  for (let isp = 0; isp < load.length; isp++) if (load[isp] < slotsPerIsp) free.push(isp);
  free.sort((a, b) => load[a] - load[b] || a - b);
  return free.length >= coLeads ? free.slice(0, coLeads) : null;
}
