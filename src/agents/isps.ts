/**
 * The ISP team's co-lead slots (M8): an ISP can co-lead floor(hoursPerWeek / hoursPerCoLeadWeek)
 * engagements at once, and an engagement that starts takes the ISPs with the most free slots. The
 * engine keeps the team in a min-tree over the loads (src/sim/isp-slots.ts) that picks the same
 * ISPs (tests/sim/isp-slots.test.ts checks it against chooseCoLeads on random teams).
 */

/** Engagements one ISP can co-lead at once (the 1e-9 keeps 0.3 / 0.1 at 3, not 2.999…). */
export function coLeadSlots(hoursPerWeek: number, hoursPerCoLeadWeek: number): number {
  return Math.floor(hoursPerWeek / hoursPerCoLeadWeek + 1e-9);
}

/**
 * Engagements a team of `isps` can co-lead at once, each with `coLeads` different ISPs:
 * ⌊isps × slots / coLeads⌋, 0 with fewer ISPs than co-leads. What the staffing analysis reports
 * as a team's capacity; tests/sim/isp-slots.test.ts checks that the engine starts exactly this
 * many when every unit asks at once, fractional hours included.
 */
export function teamCapacity(isps: number, hoursPerWeek: number, hoursPerCoLeadWeek: number, coLeads: number): number {
  return isps >= coLeads ? Math.floor((isps * coLeadSlots(hoursPerWeek, hoursPerCoLeadWeek)) / coLeads) : 0;
}

/**
 * The fewest ISPs that can co-lead `engagements` at once (at least one slot per ISP assumed, as
 * an ISP with no slot co-leads nothing): ⌈engagements × coLeads / slots⌉.
 */
export function ispsToCoLead(engagements: number, hoursPerWeek: number, hoursPerCoLeadWeek: number, coLeads: number): number {
  return Math.ceil((engagements * coLeads) / Math.max(1, coLeadSlots(hoursPerWeek, hoursPerCoLeadWeek)));
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
