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
 * their indices, or null (booking nothing) when too few ISPs have a free slot.
 */
export function assignCoLeads(team: IspTeam, coLeads: number): number[] | null {
  const free: number[] = [];
  for (let isp = 0; isp < team.count; isp++) if (team.load[isp] < team.slotsPerIsp) free.push(isp);
  if (free.length < coLeads) return null;
  free.sort((a, b) => team.load[a] - team.load[b] || a - b);
  const chosen = free.slice(0, coLeads);
  for (const isp of chosen) team.load[isp]++;
  return chosen;
}

export function releaseCoLeads(team: IspTeam, coLeads: readonly number[]): void {
  for (const isp of coLeads) team.load[isp]--;
}
