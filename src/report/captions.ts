/**
 * One title and one caption sentence per chart, and the legend names of the series they draw.
 */
import { fixed, months } from './format.js';

export const caption = {
  adoptionCurves: (replicates: number, finals: readonly { length: number; share: number }[], horizon: number) =>
    `Share of staff applying the practices each month, mean of ${replicates} replicates per length with a 95 % band; ` +
    `at month ${horizon}: ${finals.map((f) => `${months(f.length)} ${(f.share * 100).toFixed(1)} %`).join(', ')}.`,
  pathway: (pattern: string) =>
    `Each step of the pathway rescaled to its own rise so that lags show as gaps, dots at half-rise — ${pattern}`,
  rings: (rho: number | null) =>
    'Share applying by network distance from the first-engaged units (ring 0 = those units, 3 = three or more steps away)' +
    (rho === null ? '.' : `; mean Spearman ρ between distance and adoption time ${fixed(rho, 2)} (positive = widening circles).`),
  distributions: (dotsPerLength: number | null) =>
    'Each outcome by engagement length: boxes span the quartiles of all runs, with the median as a bar and the range as a line; ' +
    (dotsPerLength === null ? 'every run is a dot' : `dots are the first ${dotsPerLength} replicates`) +
    ' (time to 50 % is drawn at the horizon + 1, as a triangle, when a run never reached it).',
  forest: (reference: number) =>
    `Difference from ${months(reference)} per outcome: dot = mean difference, thick bar = 90 % interval (the TOST test), ` +
    'thin bar = 95 % interval, shaded band = equivalence margin; a thick bar inside the band means equivalent.',
  ispDemand: (hours: readonly { length: number; hours: number }[]) =>
    'ISP hours used per month and demand for support (engagements active plus waiting), mean with 95 % band; ' +
    `total ISP hours per run: ${hours.map((h) => `${months(h.length)} ${Math.round(h.hours).toLocaleString('en-US')}`).join(', ')}.`,
  factorEffects: (factor: string) =>
    `Mean of each outcome at each value of ${factor}, averaged over the other factors, with 95 % confidence intervals ` +
    '(time to 50 % counts a run that never reached it at the horizon + 1).',
  heatmap: (a: string, b: string) =>
    `Mean final adoption over ${a} × ${b}; each cell averages the runs at that combination (binned when values are continuous).`,
  withinRecipients: (dotsPerLength: number | null) =>
    "Recipients (staff of engaged units) by their own unit's engagement length, at the horizon: one value per run and length " +
    '(recipient-weighted mean); boxes span the quartiles of all runs, with the median as a bar and the range as a line; ' +
    (dotsPerLength === null ? 'every run is a dot.' : `dots are the first ${dotsPerLength} runs.`),
  withinStudy: (recipients: number, reference: number) =>
    `In each run, studies of ${recipients} implementation-team members (2 per unit, interviewed near the horizon) drawn as the study ` +
    `interviewed, each length against ${months(reference)}: the share of draws in which all ${recipients} had reached applying (the study's ` +
    'observation), with and without a true difference (lengths shuffled among units), and the share in which a test at α = 0.05 ' +
    'detects a difference by length (power) or fires with no true difference (false alarms).',
};

export const chartTitle = {
  adoptionCurves: 'Adoption over time by engagement length',
  pathway: 'The pathway: trust → acceptability/appropriateness/feasibility → knowledge → application → sustained',
  rings: 'Concentric circles: adoption by network ring',
  distributions: 'Final outcomes by engagement length',
  forest: 'Equivalence: differences from the reference length',
  ispDemand: 'ISP hours and demand for support',
  factorEffects: (factor: string) => `Outcomes against ${factor}`,
  heatmap: (a: string, b: string) => `Final adoption over ${a} × ${b}`,
  withinRecipients: "Within one organization: recipients' outcomes by their unit's length",
  withinStudy: 'What would a study of the study’s design see?',
};

export const seriesLabel: Readonly<Record<string, string>> = {
  trust: 'trust in ISPs',
  aim: 'acceptability (AIM)',
  iam: 'appropriateness (IAM)',
  fim: 'feasibility (FIM)',
  knowledge: 'knowledge',
  adoption: 'application (applying)',
  sustained: 'sustained capacity',
  ring0: 'ring 0 (first engaged)',
  ring1: 'ring 1',
  ring2: 'ring 2',
  ring3: 'ring 3+',
  ispHours: 'ISP hours per month',
  demand: 'engagements active + waiting',
};
