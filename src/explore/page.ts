/// <reference lib="dom" />
/**
 * The explorer page: inputs in plain words (with the schema's help), every field in "All
 * settings" (the CLI's range checks and messages), built-in presets, a dropped people/ties CSV
 * read by the CLI's code; policy A against B on common seeds in a worker pool, with the report's
 * verdict words updating as pairs arrive; a versioned `#` link; CSV, SVG, PNG and a printable brief.
 *
 * Imports: src/scenarios (browser.ts), src/sim, src/sweep's seeds, src/report's comparison and
 * words, src/stats — each browser-safe (tests/architecture.test.ts bundles this file for the browser).
 */
import {
  composeScenario,
  checkFirstUnits,
  InputError,
  LENGTH_FIELD,
  listFields,
  loadOrganization,
  ORGANIZATION_FORMAT,
  setOrganizationLibraries,
  validateFieldValue,
  withOrganization,
  decodeState,
  encodeState,
  overridesOf,
  type ExploreState,
  type FieldValues,
  type FieldInfo,
  type OrganizationFile,
  type Scenario,
} from '../scenarios/browser.js';
import { ENGINE_VERSION, STAGES, type RunResult } from '../sim/index.js';
import { runSeed } from '../sweep/seeds.js';
import { value as valueWords } from '../report/format.js';
import { plainVerdict } from '../report/plain-words.js';
import { verdictOf } from '../report/verdict.js';
import { OUTCOMES } from '../report/outcomes.js';
import type { Comparison } from '../report/model.js';
import graphology from 'graphology';
import louvain from 'graphology-communities-louvain';
import { curvesSpec, differenceSpec, type DifferencePoint } from './charts.js';
import { WorkerPool } from './pool.js';
import { builtinSource, type BuiltinTexts } from './source.js';
import { STAGE_COLOURS, TeachingView } from './teach.js';
import { headcountRow, staffingSentence, type HeadcountRow } from './staffing.js';
import { headToHead, headToHeadWords } from '../sweep/staffing/head-to-head.js';
import { adoptionBands, completePairs, MARGIN_PP, pairedComparison, type PairedRuns } from './whatif.js';

// Units found as communities need graphology and Louvain, bundled here (Node requires them).
setOrganizationLibraries({ graphology: () => graphology, louvain: () => louvain as never });

interface PageData {
  readonly builtins: BuiltinTexts;
  readonly preset: string;
  readonly seed: number;
  readonly runs: number;
}

interface VegaView {
  toSVG(): Promise<string>;
  toImageURL(type: 'png', scale?: number): Promise<string>;
}
type VegaEmbed = (element: HTMLElement, spec: unknown, options: Record<string, unknown>) => Promise<{ view: VegaView; finalize(): void }>;

const data = JSON.parse(document.getElementById('concentric-data')!.textContent!) as PageData;
const workerCode = document.getElementById('concentric-worker')!.textContent!;
const source = builtinSource(data.builtins);
const presets = Object.keys(data.builtins).sort();

// ── plain-word inputs ──────────────────────────────────────────────────────────────────────────

interface PlainField {
  readonly path: string;
  readonly label: string;
}
const SHARED_FIELDS: readonly PlainField[] = [
  { path: 'organization.staff', label: 'Staff' },
  { path: 'organization.units', label: 'Units' },
  { path: 'context.urgency', label: 'Urgency (0–1)' },
  { path: 'context.learningCulture', label: 'Learning culture (0–1)' },
];
const POLICY_FIELDS: readonly PlainField[] = [
  { path: 'isps.count', label: 'ISPs' },
  { path: LENGTH_FIELD, label: 'Engagement length (months)' },
  { path: 'engagement.firstUnits', label: 'Where first' },
];
/** Fields the page never offers: file paths and the hash are filled in from a dropped file. */
const HIDDEN = new Set(['organization.people', 'organization.ties', 'organization.graph', 'organization.inputHash', 'organization.relations', 'organization.directed']);

const fields = new Map<string, FieldInfo>(listFields().map((field) => [field.path, field]));

let state: ExploreState = defaultState(data.preset, data.seed, data.runs);
let organization: { file: OrganizationFile; names: [string, string] } | null = null;

function defaultState(preset: string, seed: number, runs: number): ExploreState {
  return { preset, seed, runs, shared: {}, a: { [LENGTH_FIELD]: 6 }, b: { [LENGTH_FIELD]: 12 } };
}

function at(scenario: Scenario, path: string): unknown {
  let node: unknown = scenario;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node;
}

/** The scenario of one policy: preset, shared fields, the policy's own, the dropped organization. */
function scenarioOf(policy: FieldValues): Scenario {
  const composed = composeScenario(source, state.preset, 'scenario', { overrides: overridesOf(state.shared, policy) }).scenario;
  if (!organization) return composed;
  const withFile = withOrganization({ ...composed, organization: { ...composed.organization, network: 'file' } }, organization.file, organization.names);
  checkFirstUnits(withFile, 'engagement.firstUnits');
  return withFile;
}

// ── the page's elements ────────────────────────────────────────────────────────────────────────

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function showError(text: string | null): void {
  const box = $('input-error');
  box.textContent = text ?? '';
  box.hidden = text === null;
}

/** One input for one field: its kind from the schema, its help as the title and description. */
function fieldInput(path: string, label: string, current: unknown, idPrefix: string, onValue: (value: unknown) => void): HTMLElement {
  const info = fields.get(path);
  const id = `${idPrefix}-${path.replace(/\./g, '-')}`;
  const row = element('div', { class: 'field' });
  const help = info ? `${info.meta.help} (${info.meta.unit}${info.meta.min !== undefined ? `, ${info.meta.min}–${info.meta.max}` : ''})` : path;
  const labelNode = element('label', { for: id, title: help }, label);
  let input: HTMLInputElement | HTMLSelectElement;
  const choices = info?.meta.choices;
  if (choices) {
    input = element('select', { id });
    for (const choice of choices) input.append(element('option', { value: choice }, choice));
    if (typeof current === 'string') input.value = current;
    else input.append(element('option', { value: JSON.stringify(current), selected: '' }, JSON.stringify(current)));
  } else if (info?.meta.unit === 'true/false') {
    input = element('input', { id, type: 'checkbox' });
    (input as HTMLInputElement).checked = current === true;
  } else if (typeof current === 'number') {
    input = element('input', { id, type: 'number', step: info?.meta.integer ? '1' : 'any', inputmode: 'decimal' });
    if (info?.meta.min !== undefined) input.setAttribute('min', String(info.meta.min));
    if (info?.meta.max !== undefined) input.setAttribute('max', String(info.meta.max));
    input.value = String(current);
  } else {
    input = element('input', { id, type: 'text' });
    input.value = JSON.stringify(current);
  }
  input.setAttribute('aria-describedby', `${id}-help`);
  input.title = help;
  input.addEventListener('change', () => {
    let value: unknown;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') value = input.checked;
    else if (input instanceof HTMLInputElement && input.type === 'number') value = input.value.trim() === '' ? input.value : Number(input.value);
    else if (input instanceof HTMLInputElement) {
      try {
        value = JSON.parse(input.value);
      } catch {
        value = input.value;
      }
    } else value = input.value;
    try {
      // The CLI's own check and message for one field (as `--set` gives it).
      validateFieldValue(path.split('.'), value, label);
      onValue(value);
    } catch (error) {
      showError(error instanceof Error ? error.message : String(error));
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
  });
  const helpNode = element('small', { id: `${id}-help`, class: 'help' }, info?.meta.help ?? '');
  row.append(labelNode, input, helpNode);
  return row;
}

/** Set a field in one layer, dropping it when it equals the preset's value (short links). */
function setField(layer: 'shared' | 'a' | 'b', path: string, value: unknown): void {
  const preset = composeScenario(source, state.preset, 'scenario').scenario;
  const next: Record<string, unknown> = { ...state[layer] };
  if (layer === 'shared' && JSON.stringify(at(preset, path)) === JSON.stringify(value)) delete next[path];
  else next[path] = value;
  state = { ...state, [layer]: next };
  changed();
}

function renderInputs(): void {
  // The inputs are drawn anew from the scenarios: keep the keyboard where it was.
  const focused = document.activeElement?.id;
  drawInputs();
  if (focused) document.getElementById(focused)?.focus();
}

function drawInputs(): void {
  const scenarioA = scenarioOf(state.a);
  const scenarioB = scenarioOf(state.b);
  const shared = $('shared-fields');
  shared.replaceChildren(...SHARED_FIELDS.map((f) => fieldInput(f.path, f.label, at(scenarioA, f.path), 'shared', (v) => setField('shared', f.path, v))));
  for (const [layer, scenario] of [['a', scenarioA], ['b', scenarioB]] as const) {
    $(`policy-${layer}-fields`).replaceChildren(...POLICY_FIELDS.map((f) => fieldInput(f.path, f.label, at(scenario, f.path), `policy-${layer}`, (v) => setField(layer, f.path, v))));
  }
  ($('preset') as HTMLSelectElement).value = state.preset;
  ($('seed') as HTMLInputElement).value = String(state.seed);
  ($('runs') as HTMLInputElement).value = String(state.runs);
  const details = $('all-settings') as HTMLDetailsElement;
  if (details.open) renderAllSettings(scenarioA);
}

function renderAllSettings(scenario: Scenario): void {
  const list = $('all-settings-fields');
  const groups = new Map<string, HTMLElement>();
  list.replaceChildren();
  for (const field of fields.values()) {
    if (HIDDEN.has(field.path)) continue;
    const section = field.path.includes('.') ? field.path.split('.')[0] : 'run';
    let group = groups.get(section);
    if (!group) {
      const fieldset = element('fieldset');
      fieldset.append(element('legend', {}, section));
      list.append(fieldset);
      groups.set(section, fieldset);
      group = fieldset;
    }
    group.append(fieldInput(field.path, field.path, at(scenario, field.path), 'all', (v) => setField('shared', field.path, v)));
  }
}

// ── running A against B ────────────────────────────────────────────────────────────────────────

const teaching = new TeachingView({
  canvas: $('teach-canvas') as HTMLCanvasElement,
  play: $('teach-play') as HTMLButtonElement,
  step: $('teach-step') as HTMLButtonElement,
  speed: $('teach-speed') as HTMLSelectElement,
  clock: $('teach-clock'),
  captions: $('teach-captions'),
});

function drawLegend(): void {
  const swatch = (shape: string, colour: string) => `<svg width="16" height="16" aria-hidden="true">${shape.replace('C', colour)}</svg>`;
  const items = [
    ...STAGES.map((stage) => `${swatch('<circle cx="8" cy="8" r="6" fill="C"/>', STAGE_COLOURS[stage])}${stage}`),
    `${swatch('<circle cx="8" cy="8" r="6" fill="C"/>', '#444')}interested (circle)`,
    `${swatch('<rect x="2" y="2" width="12" height="12" fill="C"/>', '#444')}skeptical (square)`,
    `${swatch('<polygon points="8,1 15,15 1,15" fill="C"/>', '#444')}disinterested (triangle)`,
  ];
  $('teach-legend').innerHTML = items.map((item) => `<li>${item}</li>`).join('');
}

const pool = new WorkerPool(workerCode, Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2)));
let runs: { a: (RunResult | undefined)[]; b: (RunResult | undefined)[]; aLength: number; bLength: number } = { a: [], b: [], aLength: 0, bLength: 0 };
let differenceTrail: DifferencePoint[] = [];
let comparison: Comparison | null = null;
let startedAt = 0;
let firstPairMs: number | null = null;
/** when the last run of the question arrived (for the bench's runs per second) */
let lastRunAt = 0;
/** time each run took inside its worker (for the bench: the engine's speed in the browser) */
let runMs: number[] = [];
let drawPending = false;
let finished = false;

function pairedRuns(): PairedRuns {
  return { ...runs, masterSeed: state.seed };
}

/** Moving a control: cancel the runs in flight (their answers are dropped) and start again. */
function changed(): void {
  showError(null);
  history.replaceState(null, '', encodeState(state, ENGINE_VERSION));
  try {
    renderInputs();
    start();
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
  }
}

function start(): void {
  pool.restart();
  const scenarioA = scenarioOf(state.a);
  const scenarioB = scenarioOf(state.b);
  runs = { a: [], b: [], aLength: scenarioA.engagement.lengthMonths, bLength: scenarioB.engagement.lengthMonths };
  differenceTrail = [];
  runMs = [];
  comparison = null;
  finished = false;
  firstPairMs = null;
  startedAt = performance.now();
  document.body.dataset.state = 'running';
  for (let i = 0; i < state.runs; i++) {
    const seed = runSeed(state.seed, 'common', 0, i);
    // Interleaved: pair i of A and B finish close together, so the CI narrows from the first pairs.
    for (const [policy, scenario] of [['a', scenarioA], ['b', scenarioB]] as const) {
      pool.run(i, scenario, seed).then(
        (answer) => {
          runs[policy][answer.job] = JSON.parse(answer.json) as RunResult;
          lastRunAt = performance.now();
          runMs.push(answer.ms);
          if (firstPairMs === null && runs.a[answer.job] && runs.b[answer.job]) firstPairMs = performance.now() - startedAt;
          scheduleDraw();
        },
        (error: Error) => showError(`run ${i} of policy ${policy.toUpperCase()}: ${error.message}`),
      );
    }
  }
  scheduleDraw();
  teaching.load(scenarioA, runSeed(state.seed, 'common', 0, 0), { organization: organization?.file });
}

function scheduleDraw(): void {
  if (drawPending) return;
  drawPending = true;
  setTimeout(() => {
    drawPending = false;
    void draw();
  }, 150);
}

const views = new Map<string, VegaView>();
async function chart(id: string, spec: unknown): Promise<void> {
  const embed = (globalThis as unknown as { vegaEmbed: VegaEmbed }).vegaEmbed;
  const result = await embed($(id), spec, { actions: false, renderer: 'svg' });
  views.set(id, result.view);
}

function chartWidth(): number {
  return Math.max(280, Math.min(560, $('answer').clientWidth - 60));
}

async function draw(): Promise<void> {
  const paired = pairedRuns();
  const pairs = completePairs(paired).length;
  comparison = pairedComparison(paired);
  const bounded = comparison !== null && Number.isFinite(comparison.ci95.low) && Number.isFinite(comparison.ci95.high);
  if (comparison && bounded && (differenceTrail.length === 0 || differenceTrail[differenceTrail.length - 1].pairs !== pairs)) {
    differenceTrail.push({ pairs, estimate: comparison.estimate * 100, low: comparison.ci95.low * 100, high: comparison.ci95.high * 100 });
  }
  finished = pairs === state.runs;
  const outcome = OUTCOMES.finalAdoption;
  $('pairs').textContent = `${pairs} of ${state.runs} paired runs${firstPairMs !== null ? ` · first pair in ${Math.round(firstPairMs)} ms` : ''}${finished ? ` · all done in ${((performance.now() - startedAt) / 1000).toFixed(1)} s` : ''}`;
  if (comparison) {
    // the report's words, then the same verdict in plain language (it reaches the printed brief too)
    $('verdict').textContent = `B against A, staff applying at the end: ${comparison.words}. In plain words: ${plainVerdict(verdictOf(comparison))}.`;
    $('means').textContent = `A: ${valueWords(outcome, comparison.meanReference)} · B: ${valueWords(outcome, comparison.meanLength)} · equivalence margin ±${MARGIN_PP} pp · ${comparison.n} pairs on common seeds`;
  } else {
    $('verdict').textContent = 'Waiting for the first two pairs of runs…';
    $('means').textContent = '';
  }
  const bands = adoptionBands(paired);
  fillTable('curves-table', ['month', 'A mean %', 'A 10–90 %', 'B mean %', 'B 10–90 %'], bandTableRows(bands));
  fillTable('difference-table', ['pairs', 'B − A (pp)', '95 % CI'], differenceTrail.slice(-8).map((p) => [String(p.pairs), p.estimate.toFixed(1), `${p.low.toFixed(1)} to ${p.high.toFixed(1)}`]));
  // Charts wait for data: an empty chart is noise (and Vega warns about its empty extents).
  await Promise.all([
    bands.length > 0 ? chart('curves-chart', curvesSpec(bands, chartWidth())) : undefined,
    differenceTrail.length > 0 ? chart('difference-chart', differenceSpec(differenceTrail, MARGIN_PP, chartWidth())) : undefined,
  ]);
  fillBrief();
  if (finished) document.body.dataset.state = 'done';
}

function bandTableRows(bands: ReturnType<typeof adoptionBands>): string[][] {
  const byMonth = new Map<number, string[]>();
  for (const row of bands) {
    if (row.month % 6 !== 0) continue;
    const cells = byMonth.get(row.month) ?? [String(row.month), '', '', '', ''];
    const offset = row.policy === 'A' ? 1 : 3;
    cells[offset] = row.mean.toFixed(1);
    cells[offset + 1] = `${row.low.toFixed(1)}–${row.high.toFixed(1)}`;
    byMonth.set(row.month, cells);
  }
  return [...byMonth.values()];
}

function fillTable(id: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const table = $(id);
  const head = element('tr');
  for (const cell of header) head.append(element('th', { scope: 'col' }, cell));
  const body = rows.map((row) => {
    const tr = element('tr');
    for (const cell of row) tr.append(element('td', {}, cell));
    return tr;
  });
  table.replaceChildren(element('thead'), element('tbody'));
  table.querySelector('thead')!.append(head);
  table.querySelector('tbody')!.append(...body);
}

// ── staffing and where first ────────────────────────────────────────────────────────────────

/** Share applying at `month` of a run (its last month if shorter). */
function shareAt(run: RunResult, month: number): number {
  return run.series.adoption[Math.min(month, run.series.adoption.length - 1)];
}

async function runStaffing(): Promise<void> {
  const base = scenarioOf(state.a);
  const target = Number(($('staffing-target') as HTMLInputElement).value) / 100;
  const month = Number(($('staffing-month') as HTMLInputElement).value) || base.months;
  if (!(target > 0 && target <= 1) || !Number.isInteger(month) || month < 1) {
    showError(`staffing: expected a target between 1 and 100 % and a whole month, got ${target * 100} % and ${month}`);
    return;
  }
  const k = Math.min(state.runs, 30);
  const lowest = base.engagement.coLeads;
  const headcounts = [...new Set([base.isps.count - 2, base.isps.count - 1, base.isps.count, base.isps.count + 1, base.isps.count + 2, base.isps.count + 4].filter((n) => n >= lowest))].sort((a, b) => a - b);
  $('staffing-answer').textContent = `Running ${headcounts.length} headcounts and 3 first-unit rules × ${k} runs…`;
  const runAt = async (values: FieldValues): Promise<number[]> => {
    const scenario = scenarioOf({ ...state.a, ...values });
    const answers = await Promise.all(Array.from({ length: k }, (_, i) => pool.run(i, scenario, runSeed(state.seed, 'common', 0, i))));
    return answers.map((answer) => shareAt(JSON.parse(answer.json) as RunResult, month));
  };
  const rows: HeadcountRow[] = [];
  for (const isps of headcounts) rows.push(headcountRow(isps, await runAt({ 'isps.count': isps }), target));
  $('staffing-answer').textContent = staffingSentence(rows, target, month);
  fillTable('staffing-table', ['ISPs', 'mean applying %', 'in ≥ 80 % of runs, at least %', `runs reaching ${Math.round(target * 100)} %`], rows.map((r) => [String(r.isps), (r.mean * 100).toFixed(1), (r.in80 * 100).toFixed(1), `${Math.round(r.reaching * 100)} %`]));
  const points = rows.flatMap((r) => [
    { isps: r.isps, line: 'mean', share: r.mean * 100 },
    { isps: r.isps, line: 'in ≥ 80 % of runs', share: r.in80 * 100 },
  ]);
  await chart('staffing-chart', {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: `Staff applying by month ${month}, by ISP headcount`,
    width: chartWidth(),
    height: 220,
    data: { values: points },
    layer: [
      { mark: { type: 'line', point: true, strokeWidth: 2.5 }, encoding: { x: { field: 'isps', type: 'quantitative', title: 'ISPs' }, y: { field: 'share', type: 'quantitative', title: 'staff applying (%)' }, color: { field: 'line', type: 'nominal', title: '', scale: { range: ['#0060a8', '#b84500'] } } } },
      { data: { values: [{ y: target * 100 }] }, mark: { type: 'rule', strokeDash: [4, 4], color: '#595959' }, encoding: { y: { field: 'y', type: 'quantitative' } } },
    ],
  });
  const rules = ['random', 'largest', 'most-connected'];
  const byRule = [];
  for (const rule of rules) byRule.push({ rule, adoption: await runAt({ 'engagement.firstUnits': rule }) });
  const rowsWhere = headToHead(byRule, `${state.seed}:${base.isps.count}`);
  $('where-first').replaceChildren(...rowsWhere.map((row) => element('li', {}, `${headToHeadWords(row)} (share applying at month ${month}, ${base.isps.count} ISPs)`)));
}

// ── a dropped organization ─────────────────────────────────────────────────────────────────────

/** SHA-256 of the same bytes, in the same order, as the CLI hashes (organization-files.ts). */
async function organizationHash(inputs: readonly Uint8Array[], relations: readonly string[] | null, directed: boolean): Promise<string> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(ORGANIZATION_FORMAT), encoder.encode(JSON.stringify({ relations, directed }))];
  for (const bytes of inputs) parts.push(encoder.encode(`\u0000${bytes.length}\u0000`), bytes);
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function readOrganization(files: readonly File[]): Promise<void> {
  const people = files.find((f) => /people/i.test(f.name)) ?? files[0];
  const ties = files.find((f) => f !== people);
  if (!people || !ties || !/\.csv$/i.test(people.name) || !/\.csv$/i.test(ties.name)) {
    throw new InputError(`organization: expected two CSV files, people (id, optional unit, team, leader, …) and ties (from, to, …), got ${files.map((f) => f.name).join(', ') || 'none'}`);
  }
  const bytes = await Promise.all([people, ties].map(async (f) => new Uint8Array(await f.arrayBuffer())));
  const hash = await organizationHash(bytes, null, false);
  const decoder = new TextDecoder();
  const texts = [people, ties].map((f, i) => ({ path: f.name, label: f.name, text: decoder.decode(bytes[i]) }));
  const file = loadOrganization(texts, null, false, hash);
  pool.shareOrganization(file);
  organization = { file, names: [people.name, ties.name] };
  $('organization-status').textContent = `${people.name} + ${ties.name}: ${file.staff} people in ${file.units} units${file.notes.length ? ` (${file.notes.join('; ')})` : ''}`;
}

// ── share, export, brief ───────────────────────────────────────────────────────────────────────

function download(name: string, text: string | Blob, type = 'text/csv'): void {
  const blob = typeof text === 'string' ? new Blob([text], { type }) : text;
  const link = element('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function csv(rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.map((row) => row.map((cell) => (cell === null ? '' : /[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(',')).join('\n') + '\n';
}

function runsCsv(): string {
  const rows: (string | number | null)[][] = [['policy', 'replicate', 'seed', 'finalAdoption', 'sustainedCapacity', 'timeTo50', 'finalAim', 'finalIam', 'finalFim', 'ispHours']];
  for (const [policy, list] of [['A', runs.a], ['B', runs.b]] as const) {
    list.forEach((run, i) => {
      if (!run) return;
      const s = run.summary;
      rows.push([policy, i, run.seed, s.finalAdoption, s.sustainedCapacity, s.timeTo50, s.finalAim, s.finalIam, s.finalFim, s.ispHours]);
    });
  }
  return csv(rows);
}

function answerCsv(): string {
  const c = comparison;
  return csv([
    ['outcome', 'pairs', 'meanA', 'meanB', 'estimate', 'ci95Low', 'ci95High', 'margin', 'verdict', 'words'],
    c ? [c.outcome, c.n, c.meanReference, c.meanLength, c.estimate, c.ci95.low, c.ci95.high, c.margin, c.verdict, c.words] : [],
  ]);
}

function settingsWords(layer: FieldValues): string {
  const entries = Object.entries(layer);
  return entries.length ? entries.map(([path, value]) => `${path} = ${JSON.stringify(value)}`).join('; ') : 'as the preset';
}

function fillBrief(): void {
  $('brief-inputs').textContent = `Preset ${state.preset}, seed ${state.seed}, ${state.runs} paired runs. Both: ${settingsWords(state.shared)}. A: ${settingsWords(state.a)}. B: ${settingsWords(state.b)}.`;
  $('brief-answer').textContent = $('verdict').textContent + ' ' + $('means').textContent;
  $('brief-link').textContent = location.href;
}

function wire(): void {
  const presetSelect = $('preset') as HTMLSelectElement;
  for (const name of presets) presetSelect.append(element('option', { value: name }, name));
  presetSelect.addEventListener('change', () => {
    state = { ...state, preset: presetSelect.value, shared: {} };
    changed();
  });
  const number = (id: string, min: number, max: number, apply: (n: number) => void) =>
    $(id).addEventListener('change', () => {
      const input = $(id) as HTMLInputElement;
      const n = Number(input.value);
      if (!Number.isInteger(n) || n < min || n > max) {
        showError(`${id}: expected a whole number between ${min} and ${max}, got ${JSON.stringify(input.value)}`);
        return;
      }
      apply(n);
      changed();
    });
  number('seed', 0, 4294967295, (n) => (state = { ...state, seed: n }));
  number('runs', 2, 2000, (n) => (state = { ...state, runs: n }));
  ($('all-settings') as HTMLDetailsElement).addEventListener('toggle', () => {
    if (($('all-settings') as HTMLDetailsElement).open) renderAllSettings(scenarioOf(state.a));
  });
  $('projector').addEventListener('click', () => {
    const on = document.body.classList.toggle('projector');
    $('projector').setAttribute('aria-pressed', String(on));
    scheduleDraw();
  });
  $('copy-link').addEventListener('click', () => {
    ($('share-link') as HTMLInputElement).value = location.href;
    ($('share-link') as HTMLInputElement).select();
    void navigator.clipboard?.writeText(location.href).catch(() => undefined);
  });
  $('csv-runs').addEventListener('click', () => download('explore-runs.csv', runsCsv()));
  $('csv-answer').addEventListener('click', () => download('explore-answer.csv', answerCsv()));
  for (const id of ['curves-chart', 'difference-chart']) {
    $(`${id}-svg`).addEventListener('click', async () => download(`${id}.svg`, (await views.get(id)?.toSVG()) ?? '', 'image/svg+xml'));
    $(`${id}-png`).addEventListener('click', async () => {
      const url = await views.get(id)?.toImageURL('png', 2);
      if (url) download(`${id}.png`, await (await fetch(url)).blob());
    });
  }
  $('print-brief').addEventListener('click', () => window.print());
  $('staffing-run').addEventListener('click', () => void runStaffing().catch((error: unknown) => showError(error instanceof Error ? error.message : String(error))));
  const drop = $('organization-drop');
  const take = (list: FileList | null) =>
    readOrganization(list ? Array.from(list) : [])
      .then(changed)
      .catch((error: unknown) => showError(error instanceof Error ? error.message : String(error)));
  drop.addEventListener('dragover', (event) => event.preventDefault());
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    void take(event.dataTransfer?.files ?? null);
  });
  $('organization-files').addEventListener('change', () => void take(($('organization-files') as HTMLInputElement).files));
  $('organization-clear').addEventListener('click', () => {
    organization = null;
    $('organization-status').textContent = 'Generated from the preset.';
    changed();
  });
  window.addEventListener('hashchange', () => openFromLink(location.hash));
}

/** Open a `#` link: its state, and a note when it was made with another engine. */
function openFromLink(hash: string): void {
  const decoded = decodeState(hash);
  if (decoded === null) return;
  if ('error' in decoded) {
    $('link-note').textContent = decoded.error;
    return;
  }
  state = decoded.state;
  $('link-note').textContent =
    decoded.engine === ENGINE_VERSION
      ? `Opened from a link: engine ${ENGINE_VERSION}, seed ${state.seed} — the same numbers as when it was made.`
      : `This link was made with engine ${decoded.engine}; this page runs engine ${ENGINE_VERSION}. The settings are the same but the numbers will differ: the model changed between them (the history is in src/sim/version.ts and docs/MODEL.md).`;
}

/** For tests and the curious: one run exactly as `concentric run <preset> --seed N --set …` makes it. */
async function runJson(preset: string, seed: number, overrides: readonly string[] = []): Promise<string> {
  const scenario = composeScenario(source, preset, 'scenario', { overrides }).scenario;
  return (await pool.run(-1, scenario, seed, true)).json;
}

Object.assign(globalThis, {
  concentricExplore: {
    runJson,
    state: () => state,
    comparison: () => comparison,
    summaries: () => ({ a: runs.a.map((r) => (r ? JSON.stringify(r.summary) : null)), b: runs.b.map((r) => (r ? JSON.stringify(r.summary) : null)) }),
    firstPairMs: () => firstPairMs,
    runsPerSecond: () => (runs.a.filter(Boolean).length + runs.b.filter(Boolean).length) / ((lastRunAt - startedAt) / 1000),
    workers: () => pool.size,
    medianRunMs: () => [...runMs].sort((x, y) => x - y)[Math.floor(runMs.length / 2)] ?? null,
    engine: ENGINE_VERSION,
  },
});

wire();
drawLegend();
if (location.hash) openFromLink(location.hash);
$('engine').textContent = `engine ${ENGINE_VERSION}`;
changed();
