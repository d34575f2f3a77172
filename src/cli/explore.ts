/**
 * `concentric explore [scenario]`: write explore.html — the model in one offline web page for ISP
 * leads and teachers (src/explore) — and optionally serve it on 127.0.0.1. The page's engine is
 * bundled here by esbuild from the same compiled sources as the CLI (dist/sim, dist/scenarios …),
 * so a scenario and seed give the same RunResult in the browser as `concentric run --json`.
 */
import type { Command } from 'commander';
import { build, type Plugin } from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_DIR, DEFAULT_SCENARIO, InputError, listBuiltins, loadScenario } from '../scenarios/index.js';
import { umdBuild } from '../report/html.js';
import { pageHtml } from '../explore/markup.js';
import { integerOption } from './options.js';
import { checkOutFile } from './out-folder.js';

const DIST = dirname(dirname(fileURLToPath(import.meta.url)));
const PACKAGE = JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { version: string };

/** Paired runs the page aims for by default: enough for the CI to settle at ±5 pp. */
export const DEFAULT_EXPLORE_RUNS = 100;

interface ExploreOptions {
  out: string;
  serve?: boolean;
  port: number;
  seed: number;
  runs: number;
}

const require = createRequire(import.meta.url);

/**
 * Packages whose default ESM build assumes Node's globals: csv-parse's lib/ uses `Buffer`; its
 * dist/esm build is the same code with a Buffer shim, made for browsers. (A plugin, because the
 * package's exports map hides that path from a plain import.)
 */
export const browserBuilds: Plugin = {
  name: 'concentric-browser-builds',
  setup(build) {
    build.onResolve({ filter: /^csv-parse\/sync$/ }, () => ({ path: join(dirname(dirname(require.resolve('csv-parse'))), 'esm', 'sync.js') }));
  },
};

/** One compiled entry (dist/explore/<name>.js) bundled for the browser, minified, as an IIFE. */
async function bundle(name: 'page' | 'worker'): Promise<string> {
  const result = await build({
    entryPoints: [join(DIST, 'explore', `${name}.js`)],
    bundle: true,
    plugins: [browserBuilds],
    platform: 'browser',
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

/** Every built-in scenario's text, by the name the CLI gives it. */
function builtinTexts(): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const name of listBuiltins()) texts[name] = readFileSync(join(BUILTIN_DIR, `${name}.yaml`), 'utf8');
  return texts;
}

/** The page for `ref`: a built-in is a preset; a file is validated here and added as one. */
export async function exploreHtml(ref: string, seed: number, runs: number): Promise<string> {
  const builtins = builtinTexts();
  let preset = ref;
  if (builtins[ref] === undefined) {
    const { scenario } = loadScenario(ref);
    if (scenario.organization.network === 'file') {
      throw new InputError(`${ref}: organization.network: expected a generated organization for the explorer (drop people.csv and ties.csv on the page instead), got file`);
    }
    preset = basename(ref).replace(/\.(ya?ml|json)$/i, '');
    // JSON is YAML: the resolved scenario, every field filled in, becomes one more preset.
    builtins[preset] = JSON.stringify(scenario, null, 1);
  }
  return pageHtml({
    vega: umdBuild('vega'),
    vegaLite: umdBuild('vega-lite'),
    vegaEmbed: umdBuild('vega-embed'),
    worker: await bundle('worker'),
    page: await bundle('page'),
    data: { builtins, preset, seed, runs },
    version: PACKAGE.version,
  });
}

function serve(html: string, port: number): void {
  const server = createServer((request, response) => {
    if (request.url !== '/' && !request.url?.startsWith('/#') && request.url !== '/explore.html') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`concentric: explore --port ${port}: ${error.code === 'EADDRINUSE' ? 'expected a free port, got one in use' : error.message}\n`);
    process.exit(2);
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`http://127.0.0.1:${actual}/\n`);
  });
  process.on('SIGINT', () => server.close(() => process.exit(130)));
}

export function registerExplore(program: Command): void {
  program
    .command('explore')
    .summary('the model in one offline web page: what-if A vs B with paired differences')
    .description(
      'Write explore.html: one self-contained page (engine, charts and built-in scenarios inline,\n' +
        'no network request) that runs policy A against policy B on common seeds in Web Workers and\n' +
        "states the paired difference with the report's verdict words as runs arrive. Open it from\n" +
        'disk, or --serve it on 127.0.0.1. The scenario is the preset it opens with.',
    )
    .argument('[scenario]', 'built-in name (see `concentric scenarios`) or scenario file', DEFAULT_SCENARIO)
    .option('--out <file>', 'where to write the page', 'explore.html')
    .option('--serve', 'also serve the page on 127.0.0.1 and print its URL (Ctrl-C stops)')
    .option('--port <n>', 'port for --serve (0 = any free port)', integerOption('--port', 0, 65535), 0)
    .option('--seed <n>', 'master seed the page opens with (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--runs <n>', 'paired runs the page aims for', integerOption('--runs', 2, 2000), DEFAULT_EXPLORE_RUNS)
    .addHelpText('after', '\nExamples:\n  concentric explore\n  concentric explore hospital --out hospital.html\n  concentric explore --serve --port 8080\n')
    .action(async (ref: string, options: ExploreOptions) => {
      checkOutFile(options.out);
      const html = await exploreHtml(ref, options.seed, options.runs);
      // Written whole or not at all: a half page must never be left behind.
      const temporary = `${options.out}.partial-${process.pid}`;
      writeFileSync(temporary, html);
      renameSync(temporary, options.out);
      process.stderr.write(`concentric: wrote ${options.out} (${(html.length / 1024 / 1024).toFixed(2)} MB); open it in a browser\n`);
      if (options.serve) serve(html, options.port);
    });
}
