/**
 * explore.html as text: the markup, the styles (screen, projector, print) and the inlined parts
 * the CLI hands in (Vega's UMD builds, the worker and page bundles, the built-in scenarios).
 * Nothing is fetched: every script is inline, the worker starts from a Blob URL.
 */

export interface PageParts {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
  readonly worker: string;
  readonly page: string;
  readonly data: { readonly builtins: Readonly<Record<string, string>>; readonly preset: string; readonly seed: number; readonly runs: number };
  readonly version: string;
}

/** JavaScript or JSON safe inside a <script> element. */
function inScript(text: string): string {
  return text.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

const STYLE = `
:root { --ink: #1a1a1a; --muted: #4d4d4d; --line: #8c8c8c; --paper: #ffffff; --panel: #f3f4f6; --a: #0060a8; --b: #b84500; --focus: #6a0dad; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
header { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: end; padding: .75rem 1rem; background: #12355b; color: #fff; }
header h1 { font-size: 1.25rem; margin: 0 1rem 0 0; }
header label { display: flex; flex-direction: column; font-size: .85rem; }
header input, header select { font-size: 1rem; }
header .engine { font-size: .85rem; opacity: .9; }
main { display: grid; grid-template-columns: minmax(300px, 380px) 1fr; gap: 1rem; padding: 1rem; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
main > section { min-width: 0; }
figure { margin: 0; max-width: 100%; overflow-x: auto; }
.chart-row table { max-width: 100%; }
section, fieldset { background: var(--panel); border: 1px solid #c9ccd1; border-radius: 6px; padding: .75rem 1rem; }
fieldset { margin: 0 0 .75rem; background: #fff; }
legend { font-weight: 600; }
.policy-a legend { color: var(--a); } .policy-b legend { color: var(--b); }
.field { display: grid; grid-template-columns: 1fr 8.5rem; gap: .1rem .5rem; margin: .35rem 0; align-items: center; }
.field input, .field select { width: 100%; min-width: 0; }
#organization-drop input[type=file] { max-width: 100%; }
.field .help { grid-column: 1 / -1; color: var(--muted); font-size: .8rem; }
#all-settings .field .help { display: none; }
fieldset { min-width: 0; }
#all-settings .field { grid-template-columns: 1fr 7rem; font-size: .85rem; }
input, select, button { font: inherit; padding: .25rem .4rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
button { cursor: pointer; background: #e8eaee; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
[aria-invalid="true"] { border-color: #b00020; border-width: 2px; }
#input-error { color: #8a0016; background: #fde8ec; border: 1px solid #b00020; padding: .5rem; border-radius: 4px; }
#verdict { font-size: 1.35rem; font-weight: 600; margin: .25rem 0; }
#means, #pairs, #link-note { color: var(--muted); margin: .25rem 0; }
.chart-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; margin: .75rem 0; }
.chart-row table { border-collapse: collapse; font-size: .85rem; background: #fff; }
.chart-row th, .chart-row td { border: 1px solid #c9ccd1; padding: .15rem .4rem; text-align: right; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
#organization-drop { border: 2px dashed var(--line); padding: .5rem; border-radius: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
#brief { display: none; }
#teach, #staffing { grid-column: 1 / -1; }
.teach-row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.teach-row > div { flex: 1 1 280px; min-width: 0; }
#teach-captions { min-height: 5.5em; }
#teach-canvas { width: min(560px, 100%); height: auto; border: 1px solid #c9ccd1; }
.legend { list-style: none; padding: 0; columns: 2; }
.legend svg { vertical-align: middle; margin-right: .4rem; }
body.projector #teach-canvas { width: min(500px, 100%); }
body.projector #teach h2 { font-size: 1.2em; margin: .2em 0; }
body.projector #teach .help { display: block; }
body.projector { font-size: 22px; --muted: #1a1a1a; --panel: #ffffff; }
body.projector header { background: #000; }
body.projector #verdict { font-size: 2rem; }
body.projector .help, body.projector #all-settings, body.projector .chart-row table { display: none; }
body.projector main { grid-template-columns: minmax(300px, 420px) 1fr; }
@media print {
  header, main { display: none !important; }
  #brief { display: block; font-size: 12pt; }
}
`;

const BODY = `
<header>
  <h1>Concentric explorer</h1>
  <label>Preset <select id="preset"></select></label>
  <label>Seed <input id="seed" type="number" min="0" max="4294967295" step="1"></label>
  <label>Paired runs <input id="runs" type="number" min="2" max="2000" step="1"></label>
  <button id="projector" type="button" aria-pressed="false">Projector mode</button>
  <button id="copy-link" type="button">Share link</button>
  <label class="visually-hidden" for="share-link">Link to this state</label><input id="share-link" class="visually-hidden" readonly>
  <button id="print-brief" type="button">Print brief</button>
  <span id="engine" class="engine"></span>
</header>
<main>
  <section id="inputs" aria-label="Inputs">
    <p id="input-error" role="alert" hidden></p>
    <fieldset><legend>Organization (both policies)</legend>
      <div id="shared-fields"></div>
      <div id="organization-drop">
        <label for="organization-files">Your organization: drop people.csv and ties.csv here, or choose them</label>
        <input id="organization-files" type="file" accept=".csv" multiple>
        <p id="organization-status">Generated from the preset.</p>
        <button id="organization-clear" type="button">Use the preset's generated organization</button>
      </div>
    </fieldset>
    <fieldset class="policy-a"><legend>Policy A</legend><div id="policy-a-fields"></div></fieldset>
    <fieldset class="policy-b"><legend>Policy B</legend><div id="policy-b-fields"></div></fieldset>
    <details id="all-settings"><summary>All settings (both policies)</summary><div id="all-settings-fields"></div></details>
  </section>
  <section id="answer" aria-label="What if: B against A">
    <h2>What if: policy B against policy A</h2>
    <p id="link-note" aria-live="polite"></p>
    <p id="verdict" aria-live="polite">Starting…</p>
    <p id="means"></p>
    <p id="pairs"></p>
    <div class="tools">
      <button id="csv-runs" type="button">CSV of the runs</button>
      <button id="csv-answer" type="button">CSV of the answer</button>
    </div>
    <div class="chart-row">
      <figure><div id="curves-chart" role="img" aria-label="Staff applying by month, policies A and B, with bands"></div>
        <div class="tools"><button id="curves-chart-svg" type="button">SVG</button><button id="curves-chart-png" type="button">PNG</button></div></figure>
      <table id="curves-table" aria-label="Staff applying by month (data of the chart)"></table>
    </div>
    <div class="chart-row">
      <figure><div id="difference-chart" role="img" aria-label="Paired difference B minus A with its 95 % CI as runs arrive"></div>
        <div class="tools"><button id="difference-chart-svg" type="button">SVG</button><button id="difference-chart-png" type="button">PNG</button></div></figure>
      <table id="difference-table" aria-label="Paired difference as runs arrive (data of the chart)"></table>
    </div>
  </section>
  <section id="staffing" aria-label="Staffing and where first">
    <h2>Staffing and where first (policy A's settings)</h2>
    <div class="tools">
      <label>Target share applying (%) <input id="staffing-target" type="number" min="1" max="100" step="1" value="50"></label>
      <label>By month <input id="staffing-month" type="number" min="1" max="1200" step="1"></label>
      <button id="staffing-run" type="button">Run staffing and where first</button>
    </div>
    <p id="staffing-answer" aria-live="polite">Press the button: policy A at several ISP headcounts, and the first-unit rules head to head, on common seeds.</p>
    <div class="chart-row">
      <figure><div id="staffing-chart" role="img" aria-label="Share applying by the month against ISP headcount: mean and the level reached in 80 % of runs"></div></figure>
      <table id="staffing-table" aria-label="Staffing (data of the chart)"></table>
    </div>
    <h3>Where first, head to head</h3>
    <ul id="where-first"></ul>
  </section>
  <section id="teach" aria-label="Teaching view">
    <h2>Teaching view: one run of policy A, week by week</h2>
    <div class="tools">
      <button id="teach-play" type="button" aria-pressed="false">Play</button>
      <button id="teach-step" type="button">Step one week</button>
      <label>Speed <select id="teach-speed"><option value="2">2 weeks/s</option><option value="6" selected>6 weeks/s</option><option value="20">20 weeks/s</option></select></label>
      <span id="teach-clock" aria-live="off"></span>
    </div>
    <div class="teach-row">
      <canvas id="teach-canvas" width="560" height="560" role="img" aria-label="Rings of people around the first-engaged units, coloured by pathway stage"></canvas>
      <div>
        <h3>What just happened</h3>
        <ol id="teach-captions" aria-live="polite"></ol>
        <h3>Legend</h3>
        <ul id="teach-legend" class="legend"></ul>
        <p class="help">Rings: network distance from the units engaged first (the centre is ring 0; people with no path sit in the outer ring). Around each ring people are grouped by unit.</p>
      </div>
    </div>
  </section>
</main>
<article id="brief">
  <h1>Concentric: what if — brief</h1>
  <h2>Inputs</h2><p id="brief-inputs"></p>
  <h2>Answer</h2><p id="brief-answer"></p>
  <h2>Assumptions</h2><p>An agent-based model of the implementation pathway of Metz et al. 2024 (trust, acceptability, knowledge, application, sustainment), with the preset's values; fields marked as assumptions in docs/MODEL.md have no source that pins them down. A and B are run on the same simulated organizations (common seeds), so their difference is paired.</p>
  <h2>Limits</h2><p>A model, not a forecast: the numbers answer "what follows from these assumptions". The verdict uses a ±5 pp equivalence margin on the share of staff applying at the end; "inconclusive" means more runs are needed, not that the policies are alike.</p>
  <p>Link: <span id="brief-link"></span></p>
</article>
`;

export function pageHtml(parts: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="concentric ${parts.version}">
<title>Concentric explorer</title>
<style>${STYLE}</style>
</head>
<body data-state="loading">
${BODY}
<script type="application/json" id="concentric-data">${inScript(JSON.stringify(parts.data))}</script>
<script type="text/plain" id="concentric-worker">${inScript(parts.worker)}</script>
<script>${inScript(parts.vega)}</script>
<script>${inScript(parts.vegaLite)}</script>
<script>${inScript(parts.vegaEmbed)}</script>
<script>${inScript(parts.page)}</script>
</body>
</html>
`;
}
