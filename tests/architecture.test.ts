/**
 * The layering of docs/ARCHITECTURE.md, checked on every import in src/ (static and dynamic).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

const ALLOWED: Record<string, readonly string[]> = {
  agents: [],
  scenarios: [],
  stats: [],
  sim: ['agents', 'scenarios'],
  sweep: ['sim', 'scenarios', 'stats'],
  discover: ['sweep', 'scenarios'],
  calibrate: ['sweep', 'sim', 'scenarios', 'stats'],
  report: ['sweep', 'scenarios', 'sim', 'discover', 'calibrate', 'stats'],
  tui: ['sim', 'scenarios'],
  validation: ['sim', 'scenarios', 'report', 'sweep', 'calibrate', 'stats'],
  // the explorer: bundled for the browser (a test below proves no node: module is reachable)
  explore: ['sim', 'scenarios', 'stats', 'report', 'sweep', 'tui'],
  cli: ['tui', 'report', 'sweep', 'scenarios', 'sim', 'discover', 'calibrate', 'stats', 'explore'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(SRC, path).split(sep)[0];
}

/** Layers whose imports from another layer must be `import type` (erased at compile time). */
const TYPES_ONLY: Record<string, readonly string[]> = { sim: ['scenarios'] };


interface Edge {
  readonly from: string;
  readonly to: string;
  readonly file: string;
  readonly typeOnly: boolean;
}

/**
 * Every relative import of a source text, read by the TypeScript parser (so spacing, comments,
 * quotes and line breaks cannot hide one): `import … from`, `export … from`, a bare `import '…'`,
 * and `import(…)` with a string or template literal. Type-only when written `import type` /
 * `export type`, or when every named specifier is `type X` (and there is no default or namespace
 * import). A dynamic import of a computed name cannot be checked and is reported as one.
 */
export function importsOf(text: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const source = ts.createSourceFile('checked.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const relativePath = (node: ts.Node | undefined): string | null =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && /^\.{1,2}\//.test(node.text) ? node.text : null;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const specifier = relativePath(node.moduleSpecifier);
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const everyNameIsType = clause !== undefined && clause.name === undefined && named !== null && named.length > 0 && named.every((element) => element.isTypeOnly);
      if (specifier) found.push({ specifier, typeOnly: clause?.isTypeOnly === true || everyNameIsType });
    } else if (ts.isExportDeclaration(node)) {
      const specifier = relativePath(node.moduleSpecifier);
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      const everyNameIsType = named !== null && named.length > 0 && named.every((element) => element.isTypeOnly);
      if (specifier) found.push({ specifier, typeOnly: node.isTypeOnly || everyNameIsType });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const argument = node.arguments[0];
      const specifier = relativePath(argument);
      if (specifier) found.push({ specifier, typeOnly: false });
      else if (argument && !ts.isStringLiteral(argument) && !ts.isNoSubstitutionTemplateLiteral(argument)) found.push({ specifier: `<computed: ${argument.getText(source)}>`, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What breaks the layering: a layer importing one it may not, or a value from a types-only layer. */
export function violationsOf(edges: readonly Edge[]): string[] {
  return edges.flatMap((e) => {
    if (!(ALLOWED[e.from] ?? []).includes(e.to)) return [`${e.file} → ${e.to}`];
    if ((TYPES_ONLY[e.from] ?? []).includes(e.to) && !e.typeOnly) return [`${e.file} → ${e.to} (types only)`];
    return [];
  });
}

function edgesOf(file: string, text: string): Edge[] {
  return importsOf(text).flatMap(({ specifier, typeOnly }) => {
    // A computed dynamic import: its target cannot be checked, so it is a violation of its own.
    if (specifier.startsWith('<computed')) return [{ from: layerOf(file), to: specifier, file: relative(SRC, file), typeOnly }];
    const target = resolve(dirname(file), specifier);
    if (!target.startsWith(SRC)) return [];
    const from = layerOf(file);
    const to = layerOf(target);
    return from === to ? [] : [{ from, to, file: relative(SRC, file), typeOnly }];
  });
}

/** Hours per week divided by hours per co-lead week: the co-lead slot rule (src/agents/isps.ts). */
const RESTATES_CAPACITY = /\/\s*[\w.]*hoursPerCoLeadWeek\b/;
/** The cosine branch of Box–Muller (src/sim/rng.ts standardNormal). */
const BOX_MULLER = /Math\.cos\(\s*2\s*\*\s*Math\.PI/;

describe('architecture', () => {
  const edges = files(SRC).flatMap((file) => edgesOf(file, readFileSync(file, 'utf8')));

  it('finds the layers it checks', () => {
    expect(new Set(edges.map((e) => e.from))).toEqual(new Set(['sim', 'sweep', 'discover', 'calibrate', 'report', 'tui', 'validation', 'cli', 'explore']));
    expect(edges.some((e) => e.to === 'stats')).toBe(true);
  });

  it('every import points down the layering, and nothing imports src/cli', () => {
    expect(violationsOf(edges)).toEqual([]);
  });

  it('nothing but src/sim imports src/agents', () => {
    expect(edges.filter((e) => e.to === 'agents' && e.from !== 'sim').map((e) => e.file)).toEqual([]);
  });

  it('production code has no failure-injection switch (the seam is tests/support/fail-runs.mjs)', () => {
    expect(files(SRC).filter((file) => readFileSync(file, 'utf8').includes('CONCENTRIC_FAIL_RUN_IDS')).map((file) => relative(SRC, file))).toEqual([]);
  });

  it('the engagement length field has one name, LENGTH_FIELD (src/scenarios/values.ts)', () => {
    // a quoted path or a `path=${…}` override; help-text examples with a literal value are prose
    const spelled = /['"`]engagement\.lengthMonths['"`]|engagement\.lengthMonths=\$\{/;
    const spelledOut = files(SRC).filter((file) => spelled.test(readFileSync(file, 'utf8'))).map((file) => relative(SRC, file));
    expect(spelledOut).toEqual([join('scenarios', 'values.ts')]);
    // and no second name for it (LENGTH_FACTOR was one, until the fifth session)
    expect(files(SRC).filter((file) => /\bLENGTH_FACTOR\b/.test(readFileSync(file, 'utf8'))).map((file) => relative(SRC, file))).toEqual([]);
  });

  it('each rule is written once: co-lead capacity in src/agents, one wilson, one scaleScore, one Box–Muller', () => {
    const where = (pattern: RegExp): string[] =>
      files(SRC).filter((file) => pattern.test(readFileSync(file, 'utf8'))).map((file) => relative(SRC, file));
    // Others take teamCapacity / ispsToCoLead / coLeadSlots through src/sim/index.ts.
    expect(where(RESTATES_CAPACITY)).toEqual([join('agents', 'isps.ts')]);
    expect(where(/function wilson\b/)).toEqual([join('stats', 'estimate.ts')]);
    expect(where(/function scaleScore\b/)).toEqual([join('agents', 'readiness.ts')]);
    expect(where(BOX_MULLER)).toEqual([join('sim', 'rng.ts')]);
    // the copies this replaced would have been caught
    expect(RESTATES_CAPACITY.test('const slots = Math.floor(hours / scenario.engagement.hoursPerCoLeadWeek + 1e-9);')).toBe(true);
    expect(RESTATES_CAPACITY.test('Math.floor(base.isps.hoursPerWeek /\n base.engagement.hoursPerCoLeadWeek)')).toBe(true);
    expect(BOX_MULLER.test('Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())')).toBe(true);
  });

  it('bench/ uses the engine only through its public API (dist/<layer>/index.js)', () => {
    const BENCH = fileURLToPath(new URL('../bench', import.meta.url));
    const scripts = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? scripts(path) : /\.m?js$/.test(name) ? [path] : [];
      });
    const internal = scripts(BENCH).flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .map((i) => i.specifier)
        .filter((specifier) => specifier.includes('/dist/') && !/\/dist\/[a-z]+\/index\.js$/.test(specifier))
        .map((specifier) => `${relative(BENCH, file)} → ${specifier}`),
    );
    expect(internal).toEqual([]);
  });

  it('src/agents, src/sim and src/scenarios (browser.ts) bundle for the browser: no node: module reachable', () => {
    // esbuild with platform browser refuses to resolve node:fs & co., so the build fails if any is reachable.
    const bundle = buildSync({
      stdin: {
        contents: ["export * as agents from './agents/index.ts';", "export * as sim from './sim/index.ts';", "export * as scenarios from './scenarios/browser.ts';"].join('\n'),
        resolveDir: SRC,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const layers = new Set(Object.keys(bundle.metafile.inputs).filter((input) => input.includes('src/')).map((input) => input.split('src/')[1].split('/')[0]));
    expect([...layers].sort()).toEqual(['agents', 'scenarios', 'sim']);
    expect(bundle.outputFiles[0].text).not.toMatch(/\bprocess\.(env|cwd|stderr|stdout)\b/);
  });

  it('catches what it is meant to catch (planted imports)', () => {
    const plant = (layer: string, text: string) => violationsOf(edgesOf(join(SRC, layer, 'planted.ts'), text));
    expect(plant('report', 'import { x } from "../agents/index.js";')).toEqual([`report${sep}planted.ts → agents`]);
    expect(plant('stats', "import { simulate } from '../sim/index.js';")).toHaveLength(1);
    expect(plant('sim', "import { DISPOSITIONS, type Scenario } from '../scenarios/index.js';")).toEqual([`sim${sep}planted.ts → scenarios (types only)`]);
    expect(plant('sim', "import type { Scenario } from '../scenarios/index.js';\nimport { type Scenario as S } from \"../scenarios/index.js\";")).toEqual([]);
    expect(plant('tui', 'const m = await import("../cli/main.js");')).toHaveLength(1);
    expect(plant('agents', "export { x } from '../sim/index.js';")).toHaveLength(1);
    // What a regular expression would miss: a comment before the import, no spaces, a template literal, a computed name.
    expect(plant('report', '/* c */ import { x } from "../agents/index.js";')).toHaveLength(1);
    expect(plant('report', 'import{x}from"../agents/index.js";')).toHaveLength(1);
    expect(plant('report', 'const m = await import(`../agents/index.js`);')).toHaveLength(1);
    expect(plant('report', 'const name = "../agents/index.js"; const m = await import(name);')).toHaveLength(1);
    expect(plant('sim', "import type { Scenario } from '../scenarios/index.js'; export type { Scenario as S } from '../scenarios/index.js';")).toEqual([]);
    expect(plant('sim', "import D, { type Scenario } from '../scenarios/index.js';")).toEqual([`sim${sep}planted.ts → scenarios (types only)`]);
  });
});
