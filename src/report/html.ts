/**
 * The assemble phase, HTML: one self-contained index.html — the verdict first, then the charts with
 * one-sentence captions, the tables, methods and provenance. Vega, Vega-Lite and vega-embed are
 * inlined from node_modules (UMD builds) and the shipped font as a data URL: the page makes no
 * network request and has no editor links.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Chart } from './charts/index.js';
import { seriesLabel, TITLE, question, methods, months, signedDifference, interval, value, fixed } from './messages.js';
import { message } from './messages.js';
import type { Comparison, ReportModel } from './model.js';
import { HEADLINE_OUTCOME, OUTCOMES, OUTCOME_KEYS } from './outcomes.js';
import { FONT_FILES } from './render.js';
import { explorerLink } from './explorer-link.js';
import { effectWord } from '../stats/index.js';
import { armsTable, methodsFacts, headlineRows, powerSentences, provenanceRows, robustnessTable, withinTable, type TextTable } from './tables.js';
import { POWER_INTRO, ROBUSTNESS_INTRO, WITHIN_INTRO } from './messages.js';

const require = createRequire(import.meta.url);

/** The UMD build of a package, read from its build folder (not in the packages' exports). */
export function umdBuild(name: 'vega' | 'vega-lite' | 'vega-embed'): string {
  const file = join(dirname(require.resolve(name)), `${name}.min.js`);
  return readFileSync(file, 'utf8');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** JavaScript safe inside a <script> element. */
function scriptText(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

function fontFaces(): string {
  const [regular, bold] = FONT_FILES.map((file) => readFileSync(file).toString('base64'));
  return (
    `@font-face{font-family:'DejaVu Sans';font-weight:400;src:url(data:font/ttf;base64,${regular}) format('truetype');}` +
    `@font-face{font-family:'DejaVu Sans';font-weight:700;src:url(data:font/ttf;base64,${bold}) format('truetype');}`
  );
}

const STYLE = `
body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#222;max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 4rem;line-height:1.5;font-size:15px}
h1{font-size:1.9rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin:2.2rem 0 .5rem}h3{font-size:1.05rem}
.kicker{color:#666;font-size:.85rem;margin:0;text-transform:uppercase;letter-spacing:.04em}
.question{font-size:1.05rem;color:#333}
.verdict{border-left:6px solid #999;background:#f6f6f6;padding:.8rem 1.2rem;margin:1.2rem 0}
.verdict.holds{border-color:#1b7837;background:#f0f7ee}.verdict.does-not-hold{border-color:#b2182b;background:#fbf0ef}
.verdict.undetermined{border-color:#e08214;background:#fdf5ec}
.verdict h2{margin-top:0}.verdict .headline{font-size:1.15rem;font-weight:700;margin:.2rem 0 .6rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.88rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}.table{overflow-x:auto}
.comparisons{font-size:.8rem}.comparisons td,.headline-table td{white-space:nowrap}.comparisons td:first-child{white-space:normal}th{background:#fafafa;font-weight:700}
td.verdict-equivalent{color:#1b7837}td.verdict-differs{color:#b2182b}td.verdict-inconclusive{color:#a65b00}td.verdict-not-assessed{color:#777}
figure{margin:1.6rem 0 2.2rem}figcaption{color:#444;font-size:.92rem;max-width:50rem;margin-top:.4rem}
.chart{overflow-x:auto;min-height:120px}.chart-error{color:#b2182b;font-weight:700}
.notes{color:#8a4b00}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9rem}dt{font-weight:700}dd{margin:0}
pre{background:#f6f6f6;padding:.8rem;overflow-x:auto;font-size:.8rem}footer{margin-top:3rem;color:#666;font-size:.85rem}
`;

function withoutTitle(spec: Chart['spec']): Chart['spec'] {
  const copy = { ...spec } as Record<string, unknown>;
  delete copy.title;
  return copy as unknown as Chart['spec'];
}

function verdictCell(c: Comparison): string {
  return `<td class="verdict-${c.verdict}">${escapeHtml(c.words)}</td>`;
}

function headlineTable(model: ReportModel): string {
  const rows = headlineRows(model);
  if (rows.length === 0) return '';
  const reference = months(model.reference);
  const body = rows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.length)}</td><td>${escapeHtml(row.mean)}</td><td>${escapeHtml(row.difference)}</td>` +
        `<td>${escapeHtml(row.effect)}</td>${row.comparison ? verdictCell(row.comparison) : '<td>reference</td>'}</tr>`,
    )
    .join('');
  return (
    `<table class="headline-table"><thead><tr><th>Engagement</th><th>${escapeHtml(OUTCOMES[HEADLINE_OUTCOME].label)} (mean)</th>` +
    `<th>Difference vs ${escapeHtml(reference)} (95 % CI)</th><th>Hedges' g</th><th>Verdict</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

function comparisonsTable(model: ReportModel): string {
  if (model.comparisons.length === 0) return '';
  const body = OUTCOME_KEYS.flatMap((key) =>
    model.comparisons
      .filter((c) => c.outcome === key)
      .map((c) => {
        const outcome = OUTCOMES[key];
        const censoring =
          outcome.kind === 'time'
            ? ` <small>(reached 50 %: ${((1 - c.censoredLength) * 100).toFixed(0)} % vs ${((1 - c.censoredReference) * 100).toFixed(0)} % of runs)</small>`
            : '';
        return (
          `<tr><td>${escapeHtml(outcome.label)}${censoring}</td><td>${escapeHtml(months(c.length))}</td>` +
          `<td>${escapeHtml(value(outcome, c.meanLength))}</td><td>${escapeHtml(value(outcome, c.meanReference))}</td>` +
          (c.verdict === 'not-assessed'
            ? '<td>not assessed</td><td>—</td><td>—</td><td>—</td>'
            : `<td>${escapeHtml(signedDifference(outcome, c.estimate))}</td><td>${escapeHtml(interval(outcome, c.ci95))}</td>` +
              `<td>${escapeHtml(interval(outcome, c.ci90))}</td><td>${Number.isNaN(c.p) ? '—' : c.p < 0.001 ? '&lt; 0.001' : c.p.toFixed(3)}</td>`) +
          `<td>${c.effectSize === null ? '—' : `${escapeHtml(fixed(c.effectSize, 2))} (${effectWord(c.effectSize)})`}</td>` +
          `<td>${c.n}${c.paired ? ' pairs' : ` + ${c.nReference}`}</td>${verdictCell(c)}</tr>`
        );
      }),
  ).join('');
  return (
    `<div class="table"><table class="comparisons"><thead><tr><th>Outcome</th><th>Length</th><th>Mean</th><th>Mean at ${escapeHtml(months(model.reference))}</th>` +
    '<th>Difference</th><th>95 % CI</th><th>90 % CI</th><th>TOST p</th><th>Hedges\' g</th><th>Runs</th><th>Verdict</th></tr></thead>' +
    `<tbody>${body}</tbody></table></div>`
  );
}

function halfRiseTable(model: ReportModel): string {
  const series = [...new Set(model.halfRises.map((h) => h.series))];
  // half-rises are per group of runs: in a within design one group, the whole organization
  const columns = model.groups.map((g) => g.length);
  const head = columns.map((length) => `<th>${escapeHtml(model.within ? 'whole organization' : months(length))}</th>`).join('');
  const body = series
    .map((name) => {
      const cells = columns
        .map((length) => {
          const month = model.halfRises.find((h) => h.series === name && h.length === length)?.month ?? null;
          return `<td>${month === null ? '—' : month.toFixed(1)}</td>`;
        })
        .join('');
      return `<tr><td>${escapeHtml(seriesLabel[name] ?? name)}</td>${cells}</tr>`;
    })
    .join('');
  return `<table class="half-rise"><thead><tr><th>Pathway step (half-rise month)</th>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function textTable(t: TextTable, className: string): string {
  const head = t.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((row) => {
      const cells = row.cells.map((cell, i) =>
        i === row.cells.length - 1 && row.verdict ? `<td class="verdict-${row.verdict}">${escapeHtml(cell)}</td>` : `<td>${escapeHtml(cell)}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="table"><table class="${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The within design's section and the "Does it hold?" panel (each only when the model has it). */
function designSections(model: ReportModel): string {
  const parts: string[] = [];
  const arms = armsTable(model);
  const within = withinTable(model);
  if (arms && within) {
    parts.push(
      '<section id="within"><h2>Within one organization: the study’s comparison</h2>' +
        `<p>${escapeHtml(WITHIN_INTRO)}</p>${textTable(arms, 'arms')}${textTable(within, 'comparisons within')}` +
        `<h3>A study of the study’s design</h3><p>${escapeHtml(POWER_INTRO)}</p>` +
        `<ul class="power">${powerSentences(model).map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></section>`,
    );
  }
  const robustness = robustnessTable(model);
  if (robustness) {
    parts.push(`<section id="robustness"><h2>Does it hold?</h2><p>${escapeHtml(ROBUSTNESS_INTRO)}</p>${textTable(robustness, 'comparisons robustness')}</section>`);
  }
  return parts.join('\n');
}

function figure(chart: Chart): string {
  return (
    `<figure id="figure-${chart.id}"><h2>${escapeHtml(chart.title)}</h2>` +
    `<div class="chart" id="chart-${chart.id}" data-chart="${chart.id}" role="img" aria-label="${escapeHtml(chart.title)}"></div>` +
    `<figcaption>${escapeHtml(chart.caption)} <a href="charts/${chart.id}.svg">SVG</a></figcaption></figure>`
  );
}

// Renders every chart, then marks the page: data-charts="rendered" (or "failed") for tests and readers.
const EMBED_SCRIPT = `
(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  var jobs = Object.keys(specs).map(function (id) {
    var element = document.getElementById('chart-' + id);
    return vegaEmbed(element, specs[id], { actions: false, renderer: 'svg', mode: 'vega-lite' })
      .then(function () { element.setAttribute('data-rendered', 'true'); })
      .catch(function (error) {
        element.setAttribute('data-rendered', 'false');
        element.innerHTML = '<p class="chart-error">This chart could not be drawn: ' + String(error && error.message || error) + '</p>';
        throw error;
      });
  });
  Promise.all(jobs).then(
    function () { document.body.setAttribute('data-charts', 'rendered'); },
    function () { document.body.setAttribute('data-charts', 'failed'); }
  );
})();
`;

/** "Explore these settings": the explorer's link with this comparison's settings, and how to write it. */
function explorerSection(model: ReportModel): string {
  const link = explorerLink(model);
  if (!link) return '';
  return `<h2>Explore these settings</h2>
<p>Run <code>${escapeHtml(link.command)}</code> in this folder, then open <a href="${escapeHtml(link.href)}">explore.html with these settings</a>: ${escapeHtml(months(link.lengths[0]))} (policy A) against ${escapeHtml(months(link.lengths[1]))} (policy B) on the same seeds, live, with the teaching view (docs/EXPLORE.md).</p>`;
}

export function renderHtml(model: ReportModel, charts: readonly Chart[]): string {
  const p = model.provenance;
  const status = model.comparesLengths ? model.headline.pattern2.status : 'not-assessed';
  // on the page the <h2> above each chart is its title; exported SVG/PNG keep the title inside
  const specs = Object.fromEntries(charts.map((chart) => [chart.id, withoutTitle(chart.spec)]));
  const notes = model.notes.length > 0 ? `<ul class="notes">${model.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
  const provenance = provenanceRows(model)
    .map(([key, text]) => `<dt>${escapeHtml(key)}</dt><dd>${escapeHtml(text)}</dd>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Concentric ${escapeHtml(p.version)}">
<title>${escapeHtml(TITLE)} — Concentric report (${escapeHtml(p.scenarioName)})</title>
<style>${fontFaces()}${STYLE}</style>
<script type="application/json" id="provenance">${scriptJson(p)}</script>
<script type="application/json" id="chart-specs">${scriptJson(specs)}</script>
</head>
<body>
<header>
<p class="kicker">Concentric ${escapeHtml(p.version)} · ${escapeHtml(p.scenarioName)} · ${escapeHtml(p.sweepKind)} report</p>
<h1>${escapeHtml(TITLE)}</h1>
<p class="question">${escapeHtml(question(p.scenarioName, model.lengths, model.reference, model.months))}</p>
</header>
<section class="verdict ${status}" id="verdict">
<h2>Verdict</h2>
<p class="headline">${escapeHtml(model.headline.sentence)}</p>
<p class="pattern2">${escapeHtml(model.headline.pattern2.sentence)}</p>
<p class="pattern1">${escapeHtml(model.headline.pattern1.sentence)}</p>
<p class="pattern3">${escapeHtml(model.rings ? model.rings.sentence : message.pattern3NotAssessed())}</p>
<p class="design"><em>${escapeHtml(model.headline.design)}</em></p>
${headlineTable(model)}
<p><small>Margin ±${escapeHtml(String(model.marginFraction * 100))} pp (TOST, α = 0.05), ${
    model.within
      ? `paired within run, ${model.runs.length} runs`
      : `${model.paired ? 'paired by replicate (common random numbers)' : 'unpaired'}, ${Math.min(...model.groups.map((g) => g.runs.length))} replicates per length`
  }; details under Methods.</small></p>
${notes}
</section>
<main>
${designSections(model)}
${charts.map(figure).join('\n')}
${model.comparisons.length > 0 && !model.within ? `<h2>All comparisons</h2>${comparisonsTable(model)}` : ''}
<h2>When each step of the pathway rises</h2>
${halfRiseTable(model)}
<h2>Methods</h2>
${methods(methodsFacts(model)).map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${explorerSection(model)}
<h2>Provenance</h2>
<dl class="provenance">${provenance}</dl>
<details><summary>Resolved scenario</summary><pre>${escapeHtml(JSON.stringify(p.scenario, null, 2))}</pre></details>
</main>
<footer>Files beside this page: summary.md (headline table), report.json (every number above), charts/*.svg${
    charts.length > 0 ? ' and charts/*.vl.json (the Vega-Lite specs)' : ''
  }. Built ${escapeHtml(p.reportCreatedAt)}.</footer>
<script>${scriptText(umdBuild('vega'))}</script>
<script>${scriptText(umdBuild('vega-lite'))}</script>
<script>${scriptText(umdBuild('vega-embed'))}</script>
<script>${EMBED_SCRIPT}</script>
</body>
</html>
`;
}
