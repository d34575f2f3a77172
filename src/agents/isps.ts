/**
 * The ISP team: headcount, hours, skills, and the co-lead slots each ISP can hold. An ISP can
 * co-lead floor(hoursPerWeek / hoursPerCoLeadWeek) engagements at once.
 */
export interface IspTeam {
  readonly count: number;
  readonly slotsPerIsp: number;
  /** engagements each ISP currently co-leads */
  readonly load: Int32Array;
}

export function createIspTeam(count: number, hoursPerWeek: number, hoursPerCoLeadWeek: number): IspTeam {
  return { count, slotsPerIsp: Math.floor(hoursPerWeek / hoursPerCoLeadWeek + 1e-9), load: new Int32Array(count) };
}

/**
 * Pick `coLeads` ISPs with the most free slots (lowest index on ties) and book them; returns
 * their indices in that order, or null (booking nothing) when too few ISPs have a free slot.
 * One pass per co-lead over the team, no sorting: starting an engagement stays cheap with
 * thousands of ISPs.
 */
export function assignCoLeads(team: IspTeam, coLeads: number): number[] | null {
  const { load, count, slotsPerIsp } = team;
  let free = 0;
  for (let isp = 0; isp < count && free < coLeads; isp++) if (load[isp] < slotsPerIsp) free++;
  if (free < coLeads) return null;
  const chosen: number[] = [];
  for (let c = 0; c < coLeads; c++) {
    let best = -1;
    for (let isp = 0; isp < count; isp++) {
      if (load[isp] >= slotsPerIsp || (best >= 0 && load[isp] >= load[best]) || chosen.includes(isp)) continue;
      best = isp;
    }
    chosen.push(best);
  }
  for (const isp of chosen) load[isp]++;
  return chosen;
}

export function releaseCoLeads(team: IspTeam, coLeads: readonly number[]): void {
  for (const isp of coLeads) team.load[isp]--;
}
