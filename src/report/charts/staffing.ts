/**
 * Staffing charts:
 *   - the chance of reaching the target by the month against ISP headcount (Wilson 95 % CI),
 *     one line per setting, the required probability dashed, the answer ringed;
 *   - what each team leaves at that month: share applying (target dashed), units waiting for
 *     support, ISP hours per adopter — small panels against headcount.
 */
import type { StaffingAnalysis } from '../../sweep/staffing/index.js';
import { percent, settingWords } from '../../sweep/staffing/index.js';
import { LENGTH_COLORS, r4, top, WIDTH, type Chart } from './common.js';

const MEASURES = ['% of staff applying', 'units waiting', 'ISP hours per adopter'] as const;

export function staffingCharts(analysis: StaffingAnalysis): Chart[] {
  const label = (setting: Record<string, unknown>) => settingWords(setting as never).replace(/^with /, '') || 'as in the scenario';
  const settings = analysis.answers.map((answer) => label(answer.setting));
  const color = {
    field: 'setting',
    type: 'nominal' as const,
    title: analysis.varied.length > 0 ? 'Setting' : null,
    sort: settings,
    scale: { domain: settings, range: LENGTH_COLORS.slice(0, Math.max(1, settings.length)) },
    ...(settings.length === 1 ? { legend: null } : {}),
  };
  const x = { field: 'isps', type: 'quantitative' as const, title: 'ISPs on the team', scale: { domain: [0, Math.max(...analysis.isps)] }, axis: { values: [...analysis.isps], format: 'd' } };

  const probability = analysis.answers.flatMap((answer) =>
    answer.teams
      .filter((team) => team.runs > 0)
      .map((team) => ({
        setting: label(answer.setting),
        isps: team.isps,
        share: r4(team.probability.share),
        low: r4(team.probability.low),
        high: r4(team.probability.high),
        answer: answer.smallest === team,
        runs: team.runs,
      })),
  );
  const goal = `${percent(analysis.target)} applying by month ${analysis.byMonth}`;
  const firstTitle = `How many ISPs? Chance of ${goal}`;
  const leaves = analysis.answers.flatMap((answer) =>
    answer.teams.flatMap((team) => {
      const rows = [];
      const setting = label(answer.setting);
      if (team.adoption) rows.push({ setting, isps: team.isps, measure: MEASURES[0], mean: r4(100 * team.adoption.mean), low: r4(100 * team.adoption.ciLow), high: r4(100 * team.adoption.ciHigh) });
      if (team.waiting) rows.push({ setting, isps: team.isps, measure: MEASURES[1], mean: r4(team.waiting.mean), low: r4(Math.max(0, team.waiting.ciLow)), high: r4(team.waiting.ciHigh) });
      if (team.hoursPerAdopter) rows.push({ setting, isps: team.isps, measure: MEASURES[2], mean: r4(team.hoursPerAdopter.mean), low: r4(Math.max(0, team.hoursPerAdopter.ciLow)), high: r4(team.hoursPerAdopter.ciHigh) });
      return rows;
    }),
  );
  const secondTitle = `What each team leaves at month ${analysis.byMonth}`;
  const small = { ...x, title: 'ISPs' };
  return [
    {
      id: 'staffing',
      title: firstTitle,
      caption:
        `Share of ${analysis.replicates} runs per team in which ${percent(analysis.target)} of staff were applying by month ${analysis.byMonth} ` +
        `(Wilson 95 % CI); dashed: the ${percent(analysis.probability)} asked for; ringed: the smallest team that gets there.`,
      spec: {
        ...top(firstTitle),
        data: { values: probability },
        width: WIDTH - 100,
        height: 260,
        layer: [
          // The required probability spans the plot: no x encoding on this layer.
          { mark: { type: 'rule', color: '#777777', strokeDash: [5, 4] }, encoding: { y: { datum: analysis.probability, type: 'quantitative' } } },
          { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: { field: 'share', type: 'quantitative', title: `Chance of ${goal}`, scale: { domain: [0, 1] }, axis: { format: '.0%' } }, color } },
          { mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.7 }, encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color } },
          {
            mark: { type: 'point', filled: true, size: 55 },
            encoding: {
              x,
              y: { field: 'share', type: 'quantitative' },
              color,
              tooltip: [
                { field: 'isps', title: 'ISPs' },
                { field: 'setting', title: 'setting' },
                { field: 'share', title: 'chance', format: '.0%' },
                { field: 'low', title: 'CI low', format: '.0%' },
                { field: 'high', title: 'CI high', format: '.0%' },
                { field: 'runs', title: 'runs' },
              ],
            },
          },
          {
            transform: [{ filter: 'datum.answer' }],
            mark: { type: 'point', size: 320, strokeWidth: 2.5, color: '#111111', filled: false },
            encoding: { x, y: { field: 'share', type: 'quantitative' } },
          },
        ],
      },
    },
    {
      id: 'staffing-leaves',
      title: secondTitle,
      caption:
        `Per team, at month ${analysis.byMonth}: mean share of staff applying (dashed: the ${percent(analysis.target)} target), units waiting ` +
        'for an engagement, and ISP hours per adoption event, with 95 % CIs over runs.',
      spec: {
        ...top(secondTitle),
        data: { values: leaves },
        facet: { column: { field: 'measure', type: 'nominal', title: null, sort: [...MEASURES] } },
        resolve: { scale: { y: 'independent' } },
        spec: {
          width: 170,
          height: 170,
          layer: [
            { mark: { type: 'line', strokeWidth: 2 }, encoding: { x: small, y: { field: 'mean', type: 'quantitative', title: null }, color } },
            { mark: { type: 'rule', opacity: 0.7 }, encoding: { x: small, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' }, color } },
            {
              mark: { type: 'point', filled: true, size: 40 },
              encoding: {
                x: small,
                y: { field: 'mean', type: 'quantitative' },
                color,
                tooltip: [
                  { field: 'isps', title: 'ISPs' },
                  { field: 'measure', title: 'measure' },
                  { field: 'mean', title: 'mean', format: '.3~f' },
                ],
              },
            },
            {
              transform: [{ filter: `datum.measure === '${MEASURES[0]}'` }],
              mark: { type: 'rule', color: '#777777', strokeDash: [5, 4] },
              encoding: { y: { datum: 100 * analysis.target, type: 'quantitative' } },
            },
          ],
        },
      },
    },
  ];
}
