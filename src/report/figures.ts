/**
 * A small report for the question commands (`sensitivity`, `staffing`): charts rendered through
 * the report's render phase (SVG with provenance, PNG on request, the Vega-Lite spec beside it),
 * a self-contained index.html with the SVGs inline (no scripts, works offline), summary.md and a
 * JSON of the numbers — written through the report's staged writer, so no reader sees half of one.
 */
import { escapeMarkdown } from './markdown.js';
import type { Chart } from './charts/common.js';
import { escapeHtml } from './html.js';
import { toPng, toSvg, toVega, withSvgProvenance } from './render.js';
import { writeReportFiles } from './write.js';

export interface QuestionProvenance {
  readonly tool: 'concentric';
  readonly version: string;
  readonly command: string;
  readonly scenario: string;
  readonly design: string;
  readonly replicates: number;
  readonly masterSeed: number;
  readonly seeds: 'common' | 'independent';
  readonly createdAt: string;
}

export interface QuestionReport {
  readonly title: string;
  /** the answer, one paragraph, first on the page */
  readonly answer: string;
  /** further sections: heading and Markdown-free text or a table */
  readonly sections: readonly { readonly heading: string; readonly paragraphs?: readonly string[]; readonly table?: { readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] } }[];
  readonly charts: readonly Chart[];
  readonly provenance: QuestionProvenance;
  /** the numbers, as written to <jsonName> */
  readonly json: unknown;
  readonly jsonName: string;
  /** further files beside the report (e.g. staffing.csv for a spreadsheet), by name */
  readonly extraFiles?: ReadonlyMap<string, string>;
}

export function provenanceText(p: QuestionProvenance): string {
  return `Concentric ${p.version} · ${p.command} · ${p.scenario} · ${p.design} · ${p.replicates} replicate${p.replicates === 1 ? '' : 's'} · seeds ${p.seeds} (master ${p.masterSeed}) · ${p.createdAt.slice(0, 10)}`;
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // Cells arrive escaped (escapeMarkdown escapes `|` too).
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** The question reports' text is Markdown-free and carries user strings (scenario names): all of it is literal. */
export function renderMarkdown(report: QuestionReport): string {
  const text = escapeMarkdown;
  const parts = [`# ${text(report.title)}`, '', text(report.answer), ''];
  for (const section of report.sections) {
    parts.push(`## ${text(section.heading)}`, '');
    for (const paragraph of section.paragraphs ?? []) parts.push(text(paragraph), '');
    if (section.table) parts.push(markdownTable(section.table.header.map(text), section.table.rows.map((row) => row.map(text))), '');
  }
  if (report.charts.length > 0) {
    parts.push('## Charts', '');
    for (const chart of report.charts) parts.push(`- \`charts/${chart.id}.svg\` — ${text(chart.caption)}`);
    parts.push('');
  }
  parts.push('---', '', text(provenanceText(report.provenance)), '');
  return parts.join('\n');
}

const STYLE = `body{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;color:#222;max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 4rem;line-height:1.5;font-size:15px}
h1{font-size:1.7rem}h2{font-size:1.2rem;margin-top:2rem}.answer{border-left:6px solid #2166ac;background:#f3f7fb;padding:.8rem 1.2rem}
table{border-collapse:collapse;font-size:.85rem}th,td{padding:.2rem .55rem;border-bottom:1px solid #ddd;text-align:right;vertical-align:top}
th:nth-child(-n+2),td:nth-child(-n+2){text-align:left}td:last-child,th:last-child{text-align:left}
figure{margin:1.5rem 0}figcaption{color:#444;font-size:.9rem;max-width:50rem}.chart{overflow-x:auto}footer{margin-top:3rem;color:#666;font-size:.85rem}`;

function renderHtml(report: QuestionReport, svgs: ReadonlyMap<string, string>): string {
  const sections = report.sections
    .map((section) => {
      const paragraphs = (section.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
      const table = section.table
        ? `<table><thead><tr>${section.table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${section.table.rows
            .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
            .join('')}</tbody></table>`
        : '';
      return `<h2>${escapeHtml(section.heading)}</h2>${paragraphs}${table}`;
    })
    .join('\n');
  const figures = report.charts
    .map((chart) => `<figure><div class="chart">${svgs.get(chart.id) ?? ''}</div><figcaption>${escapeHtml(chart.caption)}</figcaption></figure>`)
    .join('\n');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head><body>` +
    `<h1>${escapeHtml(report.title)}</h1><div class="answer"><p>${escapeHtml(report.answer)}</p></div>\n${figures}\n${sections}` +
    `<footer>${escapeHtml(provenanceText(report.provenance))}</footer></body></html>\n`
  );
}

export interface WrittenQuestionReport {
  readonly warnings: readonly string[];
  readonly files: readonly string[];
}

/** Render the charts and write index.html, summary.md, <json>, charts/* into `out` (staged). */
export async function writeQuestionReport(out: string, report: QuestionReport, options: { readonly png?: boolean } = {}): Promise<WrittenQuestionReport> {
  const files = new Map<string, string | Buffer>();
  const svgs = new Map<string, string>();
  const warnings: string[] = [];
  const subtitle = provenanceText(report.provenance);
  for (const chart of report.charts) {
    const title = chart.spec.title;
    const text = typeof title === 'object' && title !== null && 'text' in title ? title.text : chart.title;
    const compiled = toVega({ ...chart.spec, title: { text, subtitle } } as Chart['spec']);
    warnings.push(...compiled.warnings.map((warning) => `${chart.id}: ${warning}`));
    const svg = withSvgProvenance(await toSvg(compiled.vega), chart.title, chart.caption, report.provenance);
    svgs.set(chart.id, svg);
    files.set(`charts/${chart.id}.svg`, svg);
    files.set(`charts/${chart.id}.vl.json`, JSON.stringify({ ...chart.spec, usermeta: { provenance: report.provenance } }, null, 2) + '\n');
    if (options.png) files.set(`charts/${chart.id}.png`, toPng(svg, report.provenance));
  }
  files.set(report.jsonName, JSON.stringify({ provenance: report.provenance, ...(report.json as object) }, null, 2) + '\n');
  for (const [name, text] of report.extraFiles ?? []) files.set(name, text);
  files.set('summary.md', renderMarkdown(report));
  files.set('index.html', renderHtml(report, svgs));
  writeReportFiles(out, files);
  return { warnings, files: [...files.keys()] };
}
