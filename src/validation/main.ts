#!/usr/bin/env node
/**
 * `npm run validate` = `node dist/validation/main.js [--out validation] [--only id,id] [--threads n] [--fast]`
 *
 * Runs every validation case (one case per worker thread, the heaviest first), prints one line
 * per case, per failed check and per prediction, writes <out>/summary.md, <out>/index.html,
 * <out>/charts/*.svg, <out>/results.json and <out>/summary.json (checks and predictions apart),
 * and exits 0 when every check holds, 1 when a check fails or a case errors (or, with --strict,
 * a prediction is refuted), 2 on a bad option. `--fast` runs the small configurations that
 * `npm test` uses (a smoke run).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CASES, caseById, type CaseOutcome, type Scale, type ValidationCase } from './index.js';
import { resultPassed, writeValidation, type CaseResult, type Provenance } from './write.js';

/** Rough cost order (heaviest first) so the pool finishes together. */
const COST_ORDER = ['kfp-holdout', 'model-choice-recovery', 'calibration-recovery', 'study-patterns', 'study-design', 'length-hypotheses', 'watts-cascade', 'sustainment', 'complex-contagion', 'si-logistic', 'bass'];

const HELP = `Usage: node dist/validation/main.js [options]   (npm run validate)

Verification: docks the engine to classic diffusion models (Bass, SI/logistic, Watts cascades,
complex contagion). Calibration: sustainment against UniSIC and the study's five patterns, each
with a knock-out that must break it (summary.json). Validation: the rival explanations of
pattern 2 across ISP capacity (length-hypotheses) and in the study's own design (study-design),
and held-out villages of the Korean family-planning study predicted from the others, against no
network and rewired ties (kfp-holdout), against predictions stated beforehand.

A check is a property the code must have: a failed check is a defect. A prediction is a
pre-registered statement about the model, reported as supported or refuted with the commit that
registered it (summary.json predictions[]); it fails nothing unless --strict.

Options:
  --out <dir>       output directory (default: validation)
  --only <ids>      comma-separated case ids: ${CASES.map((c) => c.id).join(', ')}
  --threads <n>     worker threads (default: min(2, cores))
  --fast            the small configurations used by npm test (smoke run)
  --strict          also fail on a refuted prediction
  -h, --help        this help

Example: npm run validate -- --only watts-cascade,bass --threads 1
Exit codes: 0 every check holds, 1 a check fails or a case errors (--strict: or a prediction
is refuted), 2 bad option.`;

interface Options {
  out: string;
  cases: ValidationCase[];
  threads: number;
  scale: Scale;
  strict: boolean;
}

class UsageError extends Error {}

function parseOptions(argv: readonly string[]): Options | null {
  const options: Options = { out: 'validation', cases: [...CASES], threads: Math.max(1, Math.min(2, availableParallelism())), scale: 'full', strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg}: expected a value`);
      return next;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return null;
      case '--out':
        options.out = value();
        break;
      case '--only': {
        const ids = value().split(',').map((s) => s.trim()).filter(Boolean);
        options.cases = ids.map((id) => {
          const found = caseById(id);
          if (!found) throw new UsageError(`--only: unknown case "${id}" (expected one of: ${CASES.map((c) => c.id).join(', ')})`);
          return found;
        });
        break;
      }
      case '--threads': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--threads: expected an integer 1–64`);
        options.threads = n;
        break;
      }
      case '--fast':
        options.scale = 'fast';
        break;
      case '--strict':
        options.strict = true;
        break;
      default:
        throw new UsageError(`unknown option ${arg} (see --help)`);
    }
  }
  return options;
}

function runInWorker(id: string, scale: Scale): Promise<{ outcome: CaseOutcome | null; error: string | null; seconds: number }> {
  return new Promise((done) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { id, scale } });
    let settled = false;
    worker.once('message', (message: { ok: boolean; outcome?: CaseOutcome; error?: string; seconds: number }) => {
      settled = true;
      done({ outcome: message.ok ? message.outcome! : null, error: message.ok ? null : (message.error ?? 'failed'), seconds: message.seconds });
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) done({ outcome: null, error: error.stack ?? String(error), seconds: 0 });
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) done({ outcome: null, error: `worker exited with code ${code}`, seconds: 0 });
      settled = true;
    });
  });
}

async function runAllCases(cases: readonly ValidationCase[], threads: number, scale: Scale, report: (r: CaseResult) => void): Promise<CaseResult[]> {
  const queue = [...cases].sort((a, b) => COST_ORDER.indexOf(a.id) - COST_ORDER.indexOf(b.id));
  const results = new Map<string, CaseResult>();
  async function lane(): Promise<void> {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const validationCase = next;
      const { outcome, error, seconds } = await runInWorker(validationCase.id, scale);
      const result = { validationCase, outcome, error, seconds };
      results.set(validationCase.id, result);
      report(result);
    }
  }
  await Promise.all(Array.from({ length: Math.min(threads, cases.length) }, lane));
  return cases.map((c) => results.get(c.id)!);
}

function commit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function printResult(r: CaseResult, strict: boolean): void {
  const pass = resultPassed(r, strict);
  process.stdout.write(`${pass ? 'pass' : 'FAIL'}  ${r.validationCase.id.padEnd(18)} ${r.seconds.toFixed(1).padStart(6)} s  ${r.validationCase.title}\n`);
  if (!r.outcome) {
    process.stdout.write(`      error: ${(r.error ?? '').split('\n')[0]}\n`);
    return;
  }
  for (const k of r.outcome.checks) {
    process.stdout.write(`      ${k.pass ? '✓' : '✗'} ${k.name}: ${k.measured}${k.pass ? '' : `  (expected ${k.expected}; ${k.tolerance})`}\n`);
  }
  for (const p of r.outcome.predictions ?? []) {
    process.stdout.write(`      ${p.outcome === 'supported' ? '✓' : '·'} prediction ${p.id} ${p.outcome} (registered ${p.committed}): ${p.measured}\n`);
  }
}

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`validate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (!options) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const started = performance.now();
  process.stdout.write(`Validation: ${options.cases.length} case(s), scale ${options.scale}, ${options.threads} thread(s)\n`);
  const strict = options.strict;
  const results = await runAllCases(options.cases, options.threads, options.scale, (r) => printResult(r, strict));
  const provenance: Provenance = {
    tool: 'concentric',
    version: packageVersion(),
    commit: commit(),
    scale: options.scale,
    threads: options.threads,
    node: process.versions.node,
    date: new Date().toISOString(),
    totalSeconds: (performance.now() - started) / 1000,
    strict,
  };
  const out = resolve(options.out);
  const { warnings } = await writeValidation(out, results, provenance);
  for (const warning of warnings) process.stderr.write(`chart warning: ${warning}\n`);
  const failed = results.filter((r) => !resultPassed(r, strict));
  const refuted = results.flatMap((r) => (r.outcome?.predictions ?? []).filter((p) => p.outcome === 'refuted').map((p) => `${r.validationCase.id} ${p.id}`));
  process.stdout.write(
    `\n${failed.length === 0 ? 'All cases pass' : `${failed.length} case(s) FAIL: ${failed.map((r) => r.validationCase.id).join(', ')}`} ` +
      `in ${provenance.totalSeconds.toFixed(0)} s — ${out}/summary.md, ${out}/index.html\n` +
      (refuted.length > 0 ? `Refuted predictions (results, not defects${strict ? '; --strict fails on them' : ''}): ${refuted.join(', ')}\n` : ''),
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`validate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
