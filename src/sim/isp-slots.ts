/**
 * The ISP team as the engine keeps it: each ISP's load and a min-tree over the loads, so that
 * booking co-leads takes O(coLeads · log count), not a pass over the team, for each unit waiting
 * week after week. Picks exactly the ISPs of src/agents' chooseCoLeads (the rule: most free slots,
 * lowest index on ties); tests/sim/isp-slots.test.ts checks the two agree on random teams.
 */
import { coLeadSlots } from '../agents/index.js';

export interface IspTeam {
  readonly count: number;
  readonly slotsPerIsp: number;
  /** engagements each ISP currently co-leads (change it through assignCoLeads/releaseCoLeads) */
  readonly load: Int32Array;
  /**
   * A min-tree over `load`: node k holds the smallest load below it, leaves start at `leaves`.
   * Finding the least-loaded ISP (lowest index on ties) takes O(log count), not a pass over the team.
   */
  readonly minLoad: Int32Array;
  readonly leaves: number;
  /** scratch: the ISPs being tried for one engagement (a list is made only once enough are free) */
  readonly trying: Int32Array;
}

/** Above any real load: marks tree leaves that hold no ISP, or an ISP already chosen. */
const UNAVAILABLE = 0x3fffffff;

/** A team of `count` ISPs, idle or carrying the given loads (when the team is resized live). */
export function createIspTeam(count: number, hoursPerWeek: number, hoursPerCoLeadWeek: number, loads?: ArrayLike<number>): IspTeam {
  const slotsPerIsp = coLeadSlots(hoursPerWeek, hoursPerCoLeadWeek);
  // The sentinel must stay above any real load (the schema keeps slots in the thousands).
  if (!(slotsPerIsp < UNAVAILABLE)) throw new RangeError(`an ISP's co-lead slots (${slotsPerIsp}) must stay below ${UNAVAILABLE}`);
  let leaves = 1;
  while (leaves < count) leaves *= 2;
  const team: IspTeam = {
    count,
    slotsPerIsp,
    load: new Int32Array(count),
    minLoad: new Int32Array(2 * leaves).fill(UNAVAILABLE),
    leaves,
    trying: new Int32Array(count),
  };
  for (let isp = 0; isp < count; isp++) {
    team.load[isp] = loads !== undefined && isp < loads.length ? loads[isp] : 0;
    team.minLoad[leaves + isp] = team.load[isp];
  }
  for (let node = leaves - 1; node >= 1; node--) team.minLoad[node] = Math.min(team.minLoad[2 * node], team.minLoad[2 * node + 1]);
  return team;
}

function setLeaf(team: IspTeam, isp: number, value: number): void {
  const tree = team.minLoad;
  let node = team.leaves + isp;
  tree[node] = value;
  for (node >>= 1; node >= 1; node >>= 1) tree[node] = Math.min(tree[2 * node], tree[2 * node + 1]);
}

/** The ISP with the smallest load, lowest index on ties (among those not marked unavailable). */
function leastLoaded(team: IspTeam): number {
  const tree = team.minLoad;
  let node = 1;
  while (node < team.leaves) node = tree[2 * node] <= tree[2 * node + 1] ? 2 * node : 2 * node + 1;
  return node - team.leaves;
}

/**
 * Book the co-leads chooseCoLeads picks (most free slots, lowest index on ties); returns their
 * indices in that order, or null (booking nothing) when too few ISPs have a free slot.
 */
export function assignCoLeads(team: IspTeam, coLeads: number): number[] | null {
  // Most calls find too few ISPs free (a unit waiting week after week): they make no list.
  const { trying } = team;
  let found = 0;
  while (found < coLeads && team.count > 0 && team.minLoad[1] < team.slotsPerIsp) {
    const isp = leastLoaded(team);
    trying[found++] = isp;
    setLeaf(team, isp, UNAVAILABLE);
  }
  const enough = found === coLeads;
  for (let k = 0; k < found; k++) {
    const isp = trying[k];
    if (enough) team.load[isp]++;
    setLeaf(team, isp, team.load[isp]);
  }
  return enough ? Array.from(trying.subarray(0, found)) : null;
}

export function releaseCoLeads(team: IspTeam, coLeads: readonly number[]): void {
  for (const isp of coLeads) {
    team.load[isp]--;
    setLeaf(team, isp, team.load[isp]);
  }
}
