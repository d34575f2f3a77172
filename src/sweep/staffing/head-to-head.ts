/**
 * "Where first?" head to head: each first-unit rule against a reference rule (the first given,
 * usually random) on the same simulated organizations (common seeds), as the paired difference in
 * the share of staff applying at the month, with its bootstrap-t 95 % CI — a number with its
 * uncertainty instead of one paragraph per rule. Pure: `concentric staffing --first-units` and
 * the explorer both call it.
 */
import { confidenceInterval, pairedBootstrap, type Interval } from '../../stats/index.js';

export interface RuleRuns {
  readonly rule: string;
  /** share applying at the month, per replicate (NaN where the run failed) */
  readonly adoption: readonly number[];
}

export interface HeadToHead {
  readonly rule: string;
  readonly reference: string;
  readonly pairs: number;
  /** mean of rule − reference, share 0–1 */
  readonly difference: number;
  readonly ci95: Interval;
}

/** Every rule after the first against the first, paired by replicate. */
export function headToHead(rules: readonly RuleRuns[], seed: string, resamples = 2000): HeadToHead[] {
  const [reference, ...others] = rules;
  if (!reference) return [];
  return others.map((other) => {
    const x: number[] = [];
    const y: number[] = [];
    for (let r = 0; r < Math.min(other.adoption.length, reference.adoption.length); r++) {
      if (Number.isFinite(other.adoption[r]) && Number.isFinite(reference.adoption[r])) {
        x.push(other.adoption[r]);
        y.push(reference.adoption[r]);
      }
    }
    const result = pairedBootstrap(x, y, { seed: `${seed}:${other.rule}:${reference.rule}`, resamples });
    return { rule: other.rule, reference: reference.rule, pairs: x.length, difference: result.estimate, ci95: confidenceInterval(result, 0.95) };
  });
}

function pp(share: number): string {
  const value = share * 100;
  const text = Math.abs(value).toFixed(1);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : value > 0 && Number(text) !== 0 ? `+${text}` : text;
}

/** "largest − random: +4.2 pp (95 % CI 1.0 to 7.3), 40 pairs" */
export function headToHeadWords(row: HeadToHead): string {
  const ci = Number.isFinite(row.ci95.low) && Number.isFinite(row.ci95.high) ? `95 % CI ${pp(row.ci95.low)} to ${pp(row.ci95.high)}` : 'too few runs to say';
  return `${row.rule} − ${row.reference}: ${pp(row.difference)} pp (${ci}), ${row.pairs} pairs`;
}

/** A staffing team's fields the head-to-head needs (TeamOutcome has them). */
export interface RuleTeam {
  readonly isps: number;
  readonly setting: Readonly<Record<string, unknown>>;
  readonly adoptionByReplicate: ArrayLike<number>;
}

export interface HeadToHeadGroup {
  readonly isps: number;
  /** the other factors (length, hours, …) besides the rule, by path */
  readonly setting: Readonly<Record<string, unknown>>;
  readonly rows: readonly HeadToHead[];
}

/**
 * The staffing sweep's teams grouped by headcount and every other factor, each group's rules
 * (in the order given) head to head against the first. `ruleField` is the first-unit rule's path.
 */
export function headToHeadGroups(teams: readonly RuleTeam[], rules: readonly string[], ruleField: string, seed: string): HeadToHeadGroup[] {
  const groups = new Map<string, { isps: number; setting: Record<string, unknown>; byRule: Map<string, RuleTeam> }>();
  for (const team of teams) {
    const rule = String(team.setting[ruleField]);
    const setting = Object.fromEntries(Object.entries(team.setting).filter(([path]) => path !== ruleField));
    const key = JSON.stringify([team.isps, setting]);
    const group = groups.get(key) ?? { isps: team.isps, setting, byRule: new Map() };
    group.byRule.set(rule, team);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => ({
    isps: group.isps,
    setting: group.setting,
    rows: headToHead(
      rules.filter((rule) => group.byRule.has(rule)).map((rule) => ({ rule, adoption: Array.from(group.byRule.get(rule)!.adoptionByReplicate) })),
      `${seed}:${group.isps}`,
    ),
  }));
}
