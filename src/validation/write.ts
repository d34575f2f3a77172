/**
 * The validation report: summary.md (each case: source, expected, tolerance, measured, pass/fail),
 * index.html (self-contained: the same, plus tables, notes and the charts as inline SVG with the
 * shipped font), charts/<id>.svg with the Vega-Lite spec beside it (<id>.vl.json) and
 * results.json, and summary.json (each study pattern: holds, its knock-out, by construction). Charts go through the report's renderer (Vega-Lite → Vega → SVG with no canvas)
 * and files through its staged writer, so no reader sees half a report. The page is our own
 * rather than the report's question page (src/report/figures.ts) because each case's checks,
 * verdict and charts belong together, case by case.
 */
import { readFileSync } from 'node:fs';
import { escapeHtml } from '../report/html.js';
import { FONT_FILES, toSvg, toVega, withSvgProvenance } from '../report/render.js';
import { writeReportFiles } from '../report/write.js';
import { passed, type CaseOutcome, type Scale, type ValidationCase } from './case.js';

export interface CaseResult {
  readonly validationCase: ValidationCase;
  /** null when the case threw */
  readonly outcome: CaseOutcome | null;
  readonly error: string | null;
  readonly seconds: number;
}

export interface Provenance {
  readonly tool: string;
  readonly version: string;
  readonly commit: string | null;
  readonly scale: Scale;
  readonly threads: number;
  readonly node: string;
  readonly date: string;
  readonly totalSeconds: number;
  /** `--strict`: a refuted prediction fails its case too */
  readonly strict: boolean;
}

/** Every check of the case holds (and, under `strict`, every prediction is supported). */
export function resultPassed(result: CaseResult, strict = false): boolean {
  return result.outcome !== null && passed(result.outcome, strict);
}

function predictionsText(r: CaseResult): string {
  const predictions = r.outcome?.predictions ?? [];
  return predictions.length === 0 ? '—' : `${predictions.filter((p) => p.outcome === 'supported').length}/${predictions.length} supported`;
}

function verdict(pass: boolean): string {
  return pass ? 'pass' : 'FAIL';
}

/** Markdown table cell: no pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function provenanceLine(p: Provenance): string {
  return `${p.tool} ${p.version}${p.commit ? ` (commit ${p.commit.slice(0, 12)})` : ''}, scale ${p.scale}, ${p.threads} thread(s), Node ${p.node}, ${p.date}, ${p.totalSeconds.toFixed(0)} s`;
}

export function renderSummary(results: readonly CaseResult[], provenance: Provenance): string {
  const lines: string[] = [];
  const failed = results.filter((r) => !resultPassed(r, provenance.strict));
  lines.push('# Concentric validation', '');
  lines.push(`${failed.length === 0 ? 'All cases pass' : `${failed.length} of ${results.length} cases FAIL: ${failed.map((r) => r.validationCase.id).join(', ')}`}.`, '');
  lines.push(`Run: ${provenanceLine(provenance)}.`, '');
  lines.push('A case passes when every *check* holds; *predictions* (pre-registered) are reported as supported or refuted and fail a case only under `--strict`.', '');
  lines.push('| case | result | checks | predictions | time |', '|---|---|---|---|---|');
  for (const r of results) {
    const checks = r.outcome ? `${r.outcome.checks.filter((c) => c.pass).length}/${r.outcome.checks.length}` : 'error';
    lines.push(`| ${cell(r.validationCase.title)} (\`${r.validationCase.id}\`) | ${verdict(resultPassed(r, provenance.strict))} | ${checks} | ${predictionsText(r)} | ${r.seconds.toFixed(1)} s |`);
  }
  for (const r of results) {
    const c = r.validationCase;
    lines.push('', `## ${c.title} — ${verdict(resultPassed(r, provenance.strict))}`, '');
    lines.push(`- **Source:** ${c.source}`, `- **Design:** ${c.design}`, `- **Establishes:** ${c.establishes}`, `- **Does not establish:** ${c.limits}`, '');
    if (!r.outcome) {
      lines.push('```', r.error ?? 'unknown error', '```');
      continue;
    }
    if (r.outcome.checks.length > 0) {
      lines.push('| check | expected | tolerance | measured | result |', '|---|---|---|---|---|');
      for (const k of r.outcome.checks) lines.push(`| ${cell(k.name)} | ${cell(k.expected)} | ${cell(k.tolerance)} | ${cell(k.measured)} | ${verdict(k.pass)} |`);
    }
    const predictions = r.outcome.predictions ?? [];
    if (predictions.length > 0) {
      lines.push('', '| prediction | statement | registered | measured | outcome |', '|---|---|---|---|---|');
      for (const p of predictions) lines.push(`| ${cell(p.id)} | ${cell(p.statement)} | ${cell(p.committed)} | ${cell(p.measured)} | ${p.outcome} |`);
    }
    for (const table of r.outcome.tables) {
      lines.push('', `*${table.caption}*`, '', `| ${table.columns.map(cell).join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`);
      for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
    }
    if (r.outcome.notes.length > 0) lines.push('', ...r.outcome.notes.map((n) => `- ${n}`));
  }
  lines.push('');
  return lines.join('\n');
}

const STYLE = `
body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#222;max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 4rem;line-height:1.5;font-size:15px}
h1{font-size:1.8rem;margin:.2rem 0 .6rem}h2{font-size:1.3rem;margin:2.6rem 0 .4rem;border-top:1px solid #ddd;padding-top:1.2rem}
.verdict{border-left:6px solid #999;background:#f6f6f6;padding:.7rem 1.1rem;margin:1rem 0;font-weight:700}
.verdict.pass{border-color:#1b7837;background:#f0f7ee}.verdict.fail{border-color:#b2182b;background:#fbf0ef}
table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}th,td{padding:.25rem .55rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
th{background:#fafafa}td.pass{color:#1b7837;font-weight:700}td.fail{color:#b2182b;font-weight:700}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9rem}dt{font-weight:700}dd{margin:0}
figure{margin:1.4rem 0 2rem}figcaption{color:#444;font-size:.9rem;max-width:50rem;margin-top:.3rem}.chart{overflow-x:auto}
.caption{font-style:italic;color:#444;margin:.8rem 0 0}ul.notes{color:#5a4500;font-size:.9rem}pre{background:#f6f6f6;padding:.8rem;overflow-x:auto;font-size:.8rem}
footer{margin-top:3rem;color:#666;font-size:.85rem}
`;

function fontFaces(): string {
  const [regular, bold] = FONT_FILES.map((file) => readFileSync(file).toString('base64'));
  return (
    `@font-face{font-family:'DejaVu Sans';font-weight:400;src:url(data:font/ttf;base64,${regular}) format('truetype');}` +
    `@font-face{font-family:'DejaVu Sans';font-weight:700;src:url(data:font/ttf;base64,${bold}) format('truetype');}`
  );
}

/** Render every chart to SVG (keyed by chart id), collecting compiler warnings. */
export async function renderCharts(results: readonly CaseResult[], provenance: Provenance): Promise<{ svgs: Map<string, string>; warnings: string[] }> {
  const svgs = new Map<string, string>();
  const warnings: string[] = [];
  for (const r of results) {
    for (const chart of r.outcome?.charts ?? []) {
      const compiled = toVega(chart.spec);
      warnings.push(...compiled.warnings.map((w) => `${chart.id}: ${w}`));
      const svg = await toSvg(compiled.vega);
      svgs.set(chart.id, withSvgProvenance(svg, chart.title, chart.caption, { case: r.validationCase.id, ...provenance }));
    }
  }
  return { svgs, warnings };
}

function htmlTable(columns: readonly string[], rows: readonly (readonly string[])[], classes?: readonly (string | null)[]): string {
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows
    .map((row, i) => `<tr>${row.map((v, k) => (k === row.length - 1 && classes?.[i] ? `<td class="${classes[i]}">${escapeHtml(v)}</td>` : `<td>${escapeHtml(v)}</td>`)).join('')}</tr>`)
    .join('');
  return `<table>${head}${body}</table>`;
}

export function renderPage(results: readonly CaseResult[], provenance: Provenance, svgs: ReadonlyMap<string, string>): string {
  const failed = results.filter((r) => !resultPassed(r, provenance.strict));
  const overview = htmlTable(
    ['case', 'checks passed', 'predictions', 'time', 'result'],
    results.map((r) => [r.validationCase.title, r.outcome ? `${r.outcome.checks.filter((c) => c.pass).length} of ${r.outcome.checks.length}` : 'error', predictionsText(r), `${r.seconds.toFixed(1)} s`, verdict(resultPassed(r, provenance.strict))]),
    results.map((r) => (resultPassed(r, provenance.strict) ? 'pass' : 'fail')),
  );
  const sections = results.map((r) => {
    const c = r.validationCase;
    const parts = [
      `<h2 id="${c.id}">${escapeHtml(c.title)} — ${verdict(resultPassed(r, provenance.strict))}</h2>`,
      `<dl><dt>Source</dt><dd>${escapeHtml(c.source)}</dd><dt>Design</dt><dd>${escapeHtml(c.design)}</dd>` +
        `<dt>Establishes</dt><dd>${escapeHtml(c.establishes)}</dd><dt>Does not establish</dt><dd>${escapeHtml(c.limits)}</dd></dl>`,
    ];
    if (!r.outcome) {
      parts.push(`<pre>${escapeHtml(r.error ?? 'unknown error')}</pre>`);
      return parts.join('\n');
    }
    const o = r.outcome;
    parts.push(
      htmlTable(
        ['check', 'expected', 'tolerance', 'measured', 'result'],
        o.checks.map((k) => [k.name, k.expected, k.tolerance, k.measured, verdict(k.pass)]),
        o.checks.map((k) => (k.pass ? 'pass' : 'fail')),
      ),
    );
    const predictions = o.predictions ?? [];
    if (predictions.length > 0) {
      parts.push(
        `<p class="caption">Pre-registered predictions (a refuted one is a result, not a defect)</p>` +
          htmlTable(
            ['prediction', 'statement', 'registered', 'measured', 'outcome'],
            predictions.map((p) => [p.id, p.statement, p.committed, p.measured, p.outcome]),
            predictions.map((p) => (p.outcome === 'supported' ? 'pass' : 'fail')),
          ),
      );
    }
    for (const chart of o.charts) {
      parts.push(`<figure><div class="chart">${svgs.get(chart.id) ?? ''}</div><figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`);
    }
    for (const table of o.tables) parts.push(`<p class="caption">${escapeHtml(table.caption)}</p>${htmlTable(table.columns, table.rows)}`);
    if (o.notes.length > 0) parts.push(`<ul class="notes">${o.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
    return parts.join('\n');
  });
  const headline = failed.length === 0 ? `All ${results.length} cases pass.` : `${failed.length} of ${results.length} cases fail: ${failed.map((r) => r.validationCase.title).join('; ')}.`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Concentric validation</title><style>${fontFaces()}${STYLE}</style></head>
<body>
<p>Concentric · validation suite</p>
<h1>Docking to classic diffusion models and the study’s patterns</h1>
<div class="verdict ${failed.length === 0 ? 'pass' : 'fail'}">${escapeHtml(headline)}</div>
${overview}
${sections.join('\n')}
<footer>${escapeHtml(provenanceLine(provenance))}. Generated by <code>npm run validate</code>; see docs/VALIDATION.md.</footer>
</body></html>
`;
}

export async function writeValidation(dir: string, results: readonly CaseResult[], provenance: Provenance): Promise<{ warnings: string[] }> {
  const { svgs, warnings } = await renderCharts(results, provenance);
  const files = new Map<string, string>();
  for (const r of results) {
    for (const chart of r.outcome?.charts ?? []) {
      files.set(`charts/${chart.id}.svg`, svgs.get(chart.id)!);
      files.set(`charts/${chart.id}.vl.json`, `${JSON.stringify({ ...chart.spec, usermeta: { case: r.validationCase.id, provenance } }, null, 2)}\n`);
    }
  }
  const json = results.map((r) => ({ id: r.validationCase.id, pass: resultPassed(r, provenance.strict), seconds: r.seconds, error: r.error, checks: r.outcome?.checks ?? [], predictions: r.outcome?.predictions ?? [], tables: r.outcome?.tables ?? [], notes: r.outcome?.notes ?? [] }));
  files.set('results.json', `${JSON.stringify({ provenance, cases: json }, null, 2)}\n`);
  files.set('summary.md', renderSummary(results, provenance));
  // The study patterns with their knock-outs, per pattern (MODEL-GROUNDING Revisions 5).
  // Checks (a failure is a defect) apart from pre-registered predictions (a result either way).
  const patterns = results.flatMap((r) => r.outcome?.patterns ?? []);
  const checks = results.flatMap((r) => (r.outcome?.checks ?? []).map((k) => ({ case: r.validationCase.id, name: k.name, pass: k.pass })));
  const predictions = results.flatMap((r) => (r.outcome?.predictions ?? []).map((p) => ({ case: r.validationCase.id, ...p })));
  files.set('summary.json', `${JSON.stringify({ provenance, checks, predictions, patterns }, null, 2)}\n`);
  files.set('index.html', renderPage(results, provenance, svgs));
  writeReportFiles(dir, files);
  return { warnings };
}
