/**
 * Cross-field checks: combinations that every field's own range allows but that cannot describe an
 * organization (all disposition shares 0), or that make the run meaningless without a word (fewer
 * ISPs than an engagement's co-leads: no engagement ever starts; more units than staff).
 * `validateScenario` runs them after the schema, so they are located like any other field.
 */
import { DISPOSITIONS, type Scenario } from './schema.js';

export interface Inconsistency {
  /** the field blamed (located in the file) */
  readonly path: readonly string[];
  readonly expected: string;
  readonly given: string;
}

/** Fields the checks read: a value of any other field cannot make a valid scenario inconsistent. */
export function affectsConsistency(path: string): boolean {
  return path === 'isps.count' || path === 'engagement.coLeads' || path === 'organization.staff' || path === 'organization.units' || /^dispositions\.\w+\.share$/.test(path);
}

export function checkConsistency(scenario: Scenario): Inconsistency | undefined {
  const shares = DISPOSITIONS.map((name) => scenario.dispositions[name].share);
  if (shares.every((share) => share === 0)) {
    return {
      path: ['dispositions', 'interested', 'share'],
      expected: 'disposition shares with a positive sum (they are normalized: interested, skeptical, disinterested)',
      given: '0 for all three',
    };
  }
  const { count } = scenario.isps;
  const { coLeads } = scenario.engagement;
  // No ISPs at all is a meaningful baseline (the docking scenarios); some, but too few to lead one
  // engagement, is not: no unit would ever be engaged.
  if (count > 0 && count < coLeads) {
    return {
      path: ['isps', 'count'],
      expected: `0 (no ISPs) or at least engagement.coLeads = ${coLeads} ISPs, so an engagement can start`,
      given: String(count),
    };
  }
  const { staff, units } = scenario.organization;
  if (units > staff) {
    return {
      path: ['organization', 'units'],
      expected: `at most organization.staff = ${staff} units (each unit needs a leader)`,
      given: String(units),
    };
  }
  return undefined;
}
