/** The assemble phase, Markdown: summary.md — the verdict, the headline table, all comparisons, methods, provenance. */
import { escapeMarkdown, jsonForCodeBlock } from './markdown.js';
import { fixed, interval, methods, months, question, signedDifference, TITLE, value } from './messages.js';
import { message } from './messages.js';
import type { ReportModel } from './model.js';
import { OUTCOME_KEYS, OUTCOMES, HEADLINE_OUTCOME } from './outcomes.js';
import { armsTable, headlineRows, methodsFacts, powerSentences, provenanceRows, robustnessTable, withinTable, type TextTable } from './tables.js';
import { POWER_INTRO, ROBUSTNESS_INTRO, WITHIN_INTRO } from './messages.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? ':--' : '--:'))), ...rows.map(line)].join('\n');
}

/** The model with every user string (names, paths, overrides) escaped for Markdown. */
function escapedModel(model: ReportModel): ReportModel {
  const p = model.provenance;
  return {
    ...model,
    provenance: {
      ...p,
      scenarioName: escapeMarkdown(p.scenarioName),
      base: escapeMarkdown(p.base),
      overrides: p.overrides.map(escapeMarkdown),
      sweepName: escapeMarkdown(p.sweepName),
      resultsDir: escapeMarkdown(p.resultsDir),
    },
  };
}

function textTable(t: TextTable): string {
  return table(t.header, t.rows.map((row) => row.cells));
}

/** The within design's section and the "Does it hold?" panel (each only when the model has it). */
function designSections(model: ReportModel): string[] {
  const parts: string[] = [];
  const arms = armsTable(model);
  const within = withinTable(model);
  if (arms && within) {
    parts.push('## Within one organization: the study’s comparison', WITHIN_INTRO, textTable(arms), textTable(within));
    parts.push('### A study of the study’s design', POWER_INTRO, powerSentences(model).map((line) => `- ${line}`).join('\n'));
  }
  const robustness = robustnessTable(model);
  if (robustness) parts.push('## Does it hold?', ROBUSTNESS_INTRO, textTable(robustness));
  const structural = model.structural;
  if (structural) {
    parts.push(
      '## Under each explanation',
      `The same comparison (${structural.contrast}, final adoption; same lengths, replicates and seeds) run under each explanation of how capacity spreads, ` +
        `weighted by ${structural.weightsFrom}. ${structural.headline}`,
      table(
        ['Explanation', 'Weight', 'Difference (pp, 95 % CI)', 'Verdict'],
        [
          ...structural.entries.map((e) => [e.name, e.weight.toFixed(2), `${e.difference.toFixed(1)} [${e.low.toFixed(1)}, ${e.high.toFixed(1)}]`, e.verdict]),
          ['model average', '1.00', `${structural.averaged.difference.toFixed(1)} [${structural.averaged.low.toFixed(1)}, ${structural.averaged.high.toFixed(1)}]`, structural.averaged.verdict],
        ],
      ),
    );
  }
  return parts;
}

export function renderSummary(unescaped: ReportModel): string {
  const model = escapedModel(unescaped);
  const p = model.provenance;
  const parts: string[] = [];
  parts.push(`# ${TITLE} — ${p.scenarioName}`);
  parts.push(question(p.scenarioName, model.lengths, model.reference, model.months));
  parts.push(`**Verdict.** ${model.headline.sentence}`);
  parts.push(`**Study pattern 2.** ${model.headline.pattern2.sentence}`);
  parts.push(`**Study pattern 1.** ${model.headline.pattern1.sentence}`);
  parts.push(`**Study pattern 3.** ${model.rings ? model.rings.sentence : message.pattern3NotAssessed()}`);
  parts.push(`*${model.headline.design}*`);
  const rows = headlineRows(model);
  if (rows.length > 0) {
    parts.push(
      table(
        ['Engagement', `${OUTCOMES[HEADLINE_OUTCOME].label} (mean)`, `Difference vs ${months(model.reference)} (95 % CI)`, "Hedges' g", 'Verdict'],
        rows.map((row) => [row.length, row.mean, row.difference, row.effect, row.comparison ? row.comparison.words : 'reference']),
      ),
    );
    parts.push(
      `Margin ±${fixed(model.marginFraction * 100, 0)} pp (TOST, α = 0.05); ${model.paired ? 'paired by replicate (common random numbers)' : 'unpaired'}; ` +
        `${Math.min(...model.groups.map((g) => g.runs.length))} replicates per length.`,
    );
  }
  if (model.notes.length > 0) parts.push(model.notes.map((note) => `> ${note}`).join('\n>\n'));
  parts.push(...designSections(model));
  // (a within design's comparisons are all in its own table above)
  if (model.comparisons.length > 0 && !model.within) {
    parts.push('## All comparisons');
    parts.push(
      table(
        ['Outcome', 'Length', 'Mean', `Mean at ${months(model.reference)}`, 'Difference (95 % CI)', 'TOST p', "Hedges' g", 'Verdict'],
        OUTCOME_KEYS.flatMap((key) =>
          model.comparisons
            .filter((c) => c.outcome === key)
            .map((c) => {
              const outcome = OUTCOMES[key];
              return [
                outcome.label,
                months(c.length),
                value(outcome, c.meanLength),
                value(outcome, c.meanReference),
                c.verdict === 'not-assessed' ? 'not assessed' : `${signedDifference(outcome, c.estimate)} (${interval(outcome, c.ci95)})`,
                c.verdict === 'not-assessed' || Number.isNaN(c.p) ? '—' : c.p < 0.001 ? '< 0.001' : c.p.toFixed(3),
                c.effectSize === null ? '—' : fixed(c.effectSize, 2),
                c.words,
              ];
            }),
        ),
      ),
    );
  }
  parts.push('## Methods');
  parts.push(...methods(methodsFacts(model)));
  parts.push('## Provenance');
  parts.push(provenanceRows(model).map(([key, text]) => `- **${key}:** ${text}`).join('\n'));
  parts.push(
    '<details><summary>Resolved scenario</summary>\n\n```json\n' + jsonForCodeBlock(p.scenario) + '\n```\n</details>',
  );
  return parts.join('\n\n') + '\n';
}
