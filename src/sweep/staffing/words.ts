/**
 * The staffing answer in plain words, shared by the terminal, summary.md and the charts:
 * "4 ISPs is the smallest team that …", or "no team from 2 to 8 ISPs …; closest: …".
 */
import type { FactorValue } from '../types.js';
import type { SettingAnswer, StaffingAnalysis, TeamOutcome } from './analyse.js';
import { LENGTH_FIELD, SETTING_FIELDS } from './plan.js';

export function percent(share: number, digits = 0): string {
  return `${(share * 100).toFixed(digits)} %`;
}

function isps(count: number): string {
  return `${count} ISP${count === 1 ? '' : 's'}`;
}

/** The setting in words: "with 12-month engagements, 4 h/week per ISP"; empty when nothing else varies. */
export function settingWords(setting: Readonly<Record<string, FactorValue>>): string {
  const parts = SETTING_FIELDS.filter((field) => setting[field.path] !== undefined).map((field) => {
    const value = setting[field.path];
    switch (field.path) {
      case LENGTH_FIELD:
        return `${value}-month engagements`;
      case 'isps.hoursPerWeek':
        return `${value} h/week per ISP`;
      case 'engagement.coLeads':
        return `${value} co-lead${value === 1 ? '' : 's'} per engagement`;
      case 'engagement.firstUnits':
        return value === 'random' || value === 'largest' || value === 'most-connected'
          ? `the ${value === 'random' ? 'units drawn at random' : value === 'largest' ? 'largest units' : 'most connected units'} first`
          : `units ${String(value).split('+').join(', ')} first`;
      default:
        return `${value} unit${value === 1 ? '' : 's'} engaged first`;
    }
  });
  return parts.length === 0 ? '' : `with ${parts.join(', ')}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cost(team: TeamOutcome, byMonth: number): string {
  const waiting = team.waiting ? `${team.waiting.mean.toFixed(1)} unit${team.waiting.mean === 1 ? '' : 's'} waiting for support at month ${byMonth}` : 'no waitlist data';
  const peak = team.peakWaiting ? ` (peak ${team.peakWaiting.mean.toFixed(1)})` : '';
  const hours = team.hoursPerAdopter ? `${team.hoursPerAdopter.mean.toFixed(1)} ISP hours per adopter` : 'no adopters to cost';
  return `It leaves ${waiting}${peak} and spends ${hours}.`;
}

/** The answer for one setting, in two or three sentences. */
export function answerWords(answer: SettingAnswer, analysis: StaffingAnalysis): string {
  const goal = `${percent(analysis.target)} of staff applying by month ${analysis.byMonth} in at least ${percent(analysis.probability)} of runs`;
  const context = settingWords(answer.setting);
  const lead = context ? `${capitalize(context)}, ` : '';
  if (answer.smallest) {
    const team = answer.smallest;
    const p = team.probability;
    const first = answer.teams[0] === team && team.isps === Math.min(...analysis.isps);
    const note = first ? ` (the smallest team tried; a smaller one might do)` : '';
    return (
      `${lead}${isps(team.isps)} is the smallest team that gets ${goal}: ${percent(p.share)} of ${team.runs} runs ` +
      `(95 % CI ${percent(p.low)}–${percent(p.high)})${note}. ${cost(team, analysis.byMonth)}`
    );
  }
  const fewest = Math.min(...analysis.isps);
  const most = Math.max(...analysis.isps);
  // One size tried is "a team of 4 ISPs", not "no team from 4 to 4 ISPs".
  const noTeam = fewest === most ? `a team of ${isps(fewest)} does not` : `no team from ${fewest} to ${most} ISPs`;
  const closest = answer.closest;
  if (!closest) return `${lead}${fewest === most ? `a team of ${isps(fewest)} has` : `no team from ${fewest} to ${most} ISPs has`} finished runs to judge.`;
  const adoption = closest.adoption ? `, mean ${percent(closest.adoption.mean, 1)} applying at month ${analysis.byMonth}` : '';
  // (Almost) no unit waiting at the closest size: more ISPs would have few to support sooner. The
  // words follow the number the sentence before prints ("0.4 units waiting" is not "no unit").
  const waiting = closest.waiting?.mean;
  const saturated =
    waiting === undefined || waiting >= 0.5
      ? ''
      : `${waiting === 0 ? ' No unit waits' : ' Less than one unit waits on average'} for support at that size, so headcount is not what holds adoption back by month ${analysis.byMonth}; \`concentric sensitivity\` shows what does.`;
  return (
    `${lead}${noTeam}${fewest === most ? ' get' : ' gets'} ${goal}. Closest: ${isps(closest.isps)}, in ${percent(closest.probability.share)} of runs` +
    `${adoption}. ${cost(closest, analysis.byMonth)}${saturated}`
  );
}

/** A sentence on monotonicity breaks (larger teams reaching the target later), or null. */
export function breakWords(answer: SettingAnswer): string | null {
  const clear = answer.breaks.filter((b) => b.clear);
  if (clear.length === 0) return null;
  const parts = clear.map((b) => `${b.smaller} → ${b.larger} ISPs (${b.later.toFixed(1)} months later on average, ± ${(2 * b.se).toFixed(1)})`);
  return `Note: a larger team reached the target later here: ${parts.join('; ')}.`;
}

export const TEAM_HEADER = ['ISPs', 'at once', 'reach target', '95 % CI', 'applying at month', 'month reached', 'waiting (peak)', 'ISP h per adopter'];

/** One row per team of a setting. */
export function teamRows(answer: SettingAnswer): string[][] {
  return answer.teams.map((team) => {
    const marker = answer.smallest === team ? ' ◀' : answer.closest === team ? ' (closest)' : '';
    return [
      `${team.isps}${marker}`,
      team.capacity === 0 ? 'none' : String(team.capacity),
      team.runs > 0 ? percent(team.probability.share) : '—',
      team.runs > 0 ? `${percent(team.probability.low)}–${percent(team.probability.high)}` : '—',
      team.adoption ? percent(team.adoption.mean, 1) : '—',
      team.monthReached ? `${team.monthReached.median.toFixed(0)}${team.reached < team.runs ? ` (${team.reached}/${team.runs})` : ''}` : 'not reached',
      team.waiting && team.peakWaiting ? `${team.waiting.mean.toFixed(1)} (${team.peakWaiting.mean.toFixed(1)})` : '—',
      team.hoursPerAdopter ? team.hoursPerAdopter.mean.toFixed(1) : '—',
    ];
  });
}

export function staffingMethodWords(analysis: StaffingAnalysis): string {
  const settings = analysis.answers.length;
  return (
    '"At once" is how many engagements the team can co-lead at the same time (⌊ISPs × ⌊hours per ISP ÷ hours per co-lead⌋ ÷ co-leads⌋; ' +
    'none when there are fewer ISPs than co-leads). ' +
    `${analysis.isps.length} team sizes${settings > 1 ? ` × ${settings} settings` : ''} × ${analysis.replicates} replicates ` +
    `(${analysis.runs.toLocaleString('en')} runs${analysis.failedRuns > 0 ? `, ${analysis.failedRuns} failed` : ''}), each run cut at month ${analysis.byMonth}; ` +
    `a run reaches the target when the share of staff applying is ≥ ${percent(analysis.target)} at some month up to ${analysis.byMonth}. ` +
    `"Month reached" is the median over the runs that reached it. Master seed ${analysis.seed}, common random numbers: replicate r is ` +
    'the same organization (same seed) for every team, so teams are compared run for run.'
  );
}
