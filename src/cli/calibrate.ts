/**
 * `concentric calibrate [scenario] --data waves.csv --params a,b`: ABC-SMC posterior over
 * scenario fields from survey data (src/calibrate), with progress per generation, resume, and a
 * report (prior vs posterior, pairs, posterior predictive) written into --out.
 */
import { Command, Option } from 'commander';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ABC_DEFAULTS, AbcStoppedError, calibrate, checkPriors, chooseModel, MODEL_CHOICE_DEFAULTS, modelChoiceWords, type ModelGenerationRecord, DISTANCE_KINDS, type DistanceKind, marginalWords, parameterPriors, readSurveyData, type AbcProgress, type GenerationRecord } from '../calibrate/index.js';
import { DEFAULT_SCENARIO, InputError, loadScenario } from '../scenarios/index.js';
import { lockResults, TOOL_VERSION } from '../sweep/index.js';
import { EXIT_STOPPED } from './errors.js';
import { usableThreads } from './execution.js';
import { runInterruptible, type Interruption } from './lifecycle.js';
import { collect, integerOption, threadsOption } from './options.js';
import { checkOutFolder } from './out-folder.js';

interface CalibrateFlags {
  data?: string;
  params?: string;
  prior: string[];
  particles: number;
  generations: number;
  repsPerParticle: number;
  distance: DistanceKind;
  seed: number;
  set: string[];
  out: string;
  resume?: boolean;
  threads: number;
  quiet?: boolean;
  png?: boolean;
  startMonth: number;
  models?: string;
  stay: number;
}

/** The report files that describe one generation: removed when a later generation finishes, until rewritten. */
const STALE_REPORT_FILES = ['index.html', 'summary.md', 'report.json'];

function probabilityOption(flag: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!/^\d*\.?\d+$/.test(text.trim()) || !(value > 0 && value < 1)) throw new InputError(`${flag}: expected a probability between 0 and 1 (exclusive), got ${JSON.stringify(text)}`);
    return value;
  };
}

/** What Ctrl-C keeps in a calibration (plain or model choice): the finished generations. */
function stopWords(out: string): Interruption {
  return {
    stopping: (name) => `${name}: stopping — the generation in progress is dropped; finished generations are kept (press Ctrl-C again to quit now)`,
    quitting: (name) => `${name} again: quitting now; finished generations are kept in ${out}: rerun with --resume to continue`,
  };
}

/** `calibrate --models a,b,…`: model choice (src/calibrate/model-choice-run.ts). */
async function runModelChoice(flags: CalibrateFlags): Promise<void> {
  const refs = (flags.models ?? '').split(',').map((part) => part.trim());
  if (refs.length < 2 || refs.some((r) => r === '')) throw new InputError(`--models: expected two or more comma-separated scenarios, got ${JSON.stringify(flags.models)}`);
  const repeated = refs.find((r, k) => refs.indexOf(r) !== k);
  if (repeated) throw new InputError(`--models: ${repeated}: expected each scenario once, got it twice`);
  const priors = flags.params ? parameterPriors(flags.params, flags.prior) : [];
  const models = refs.map((ref) => ({ ref, scenario: loadScenario(ref, { overrides: flags.set }).scenario }));
  const horizon = Math.min(...models.map((m) => m.scenario.months));
  if (flags.startMonth > horizon) throw new InputError(`--start-month: expected a month 0–${horizon} (the models' shortest horizon), got ${flags.startMonth}`);
  const data = readSurveyData(flags.data as string, horizon - flags.startMonth);
  checkOutFolder(flags.out);
  // One calibration per folder at a time, as sweeps: a second would replace the first's files.
  const lock = lockResults(flags.out);
  const say = (line: string) => {
    if (!flags.quiet) process.stderr.write(line + '\n');
  };
  let lastLine = 0;
  say(`choosing between ${refs.join(', ')}${priors.length > 0 ? ` (shared: ${priors.map((p) => p.field).join(', ')})` : ''} on ${data.waves.length} wave means (${data.format} file ${flags.data}), ${flags.particles} particles, ${flags.threads} thread${flags.threads === 1 ? '' : 's'} → ${flags.out}`);
  try {
    await runInterruptible((signal) => chooseInto(signal), stopWords(flags.out));
  } finally {
    lock.release();
  }

  async function chooseInto(signal: AbortSignal): Promise<void> {
    try {
      const outcome = await chooseModel({
        models,
        data,
        priors,
        options: { particles: flags.particles, generations: flags.generations, seed: flags.seed, minAcceptance: ABC_DEFAULTS.minAcceptance, stay: flags.stay },
        threads: flags.threads,
        out: flags.out,
        resume: flags.resume === true,
        version: TOOL_VERSION,
        startMonth: flags.startMonth,
        signal,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastLine > 2000) {
            lastLine = now;
            say(progressLine(p, flags.particles));
          }
        },
        onGeneration: (g: ModelGenerationRecord) =>
          say(
            `generation ${g.index} done: ε ${Number.isFinite(g.epsilon) ? g.epsilon.toFixed(3) : '∞ (prior)'}, acceptance ${(100 * g.acceptanceRate).toFixed(1)} %, ` +
              `P(model) ${g.probabilities.map((p) => p.toFixed(2)).join(' / ')}, ${g.simulations} simulations, ${g.seconds.toFixed(1)} s`,
          ),
      });
      if (outcome.resumed > 0) say(`resumed after generation ${outcome.resumed - 1}`);
      const sims = outcome.record.simulationsUsed;
      process.stdout.write(
        [...modelChoiceWords(outcome.summary), ...outcome.averaged.map((m) => `${marginalWords(m)} (averaged over the models)`)].join('\n') +
          `\n${outcome.record.generations.length} generations, ${sims} simulations, ${outcome.record.wallSeconds.toFixed(1)} s → ${flags.out}/\n`,
      );
      for (const warning of outcome.warnings) process.stderr.write(`concentric: warning: ${warning}\n`);
      if (outcome.record.status === 'stopped') {
        process.stderr.write(`concentric: stopped; finished generations are kept: rerun with --resume to continue\n`);
        process.exitCode = EXIT_STOPPED;
      }
    } catch (error) {
      if (!(error instanceof AbcStoppedError)) throw error;
      process.stderr.write(`concentric: stopped before generation 0 finished; nothing was kept\n`);
      process.exitCode = EXIT_STOPPED;
    }
  }
}

function progressLine(p: AbcProgress, particles: number): string {
  const eps = Number.isFinite(p.epsilon) ? p.epsilon.toFixed(3) : '∞ (prior)';
  const rate = p.candidates > 0 ? ((100 * p.accepted) / p.candidates).toFixed(1) : '—';
  return `generation ${p.generation}: ε ${eps}, accepted ${p.accepted}/${particles} of ${p.candidates} candidates (${rate} %), ${p.simulations} simulations`;
}

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .summary('ABC-SMC posterior over scenario fields from survey waves, with checks')
    .description(
      'Estimate scenario fields from your own survey data by approximate Bayesian computation\n' +
        '(ABC-SMC, as pyabc: an adaptive distance re-fitted each generation, by default on each\n' +
        'parameter\'s linear regression on the statistics (semi-automatic ABC); ε from the last\n' +
        'generation, kernel from the weighted particle covariance, importance weights). --data takes the item-level file\n' +
        '(person,unit,month,instrument,item,response) or the waves file (month,measure,mean,sd,n);\n' +
        'the statistics are the wave means of the measures in it. Priors are uniform on each field\'s\n' +
        'documented explore range (`concentric fields --assumptions`) unless --prior says otherwise.\n' +
        'Every simulation runs on worker threads with hashed seeds: the same command gives the same\n' +
        'posterior whatever --threads. Writes posterior.csv, calibration.json, generations/NN.csv and a\n' +
        'report (index.html, summary.md, report.json, charts/). See docs/CALIBRATE.md.',
    )
    .argument('[scenario]', 'built-in name or scenario file', DEFAULT_SCENARIO)
    .option('--data <file.csv>', 'survey data: item-level responses or wave means (required)')
    .option('--params <fields>', 'scenario fields to estimate, comma-separated (required without --models)')
    .option('--prior <field=low:high>', 'a uniform prior other than the field\'s explore range (repeatable)', collect, [])
    .option('--particles <n>', 'particles per generation (the regression distance wants at least 2 × (wave means + 1))', integerOption('--particles', 10, 1_000_000), ABC_DEFAULTS.particles)
    .option('--generations <n>', 'generations, the prior\'s included', integerOption('--generations', 1, 100), ABC_DEFAULTS.generations)
    .option('--reps-per-particle <n>', 'runs per particle, statistics averaged', integerOption('--reps-per-particle', 1, 1000), ABC_DEFAULTS.repsPerParticle)
    .addOption(
      new Option('--distance <kind>', 'regression: on each parameter\'s regression on the statistics; adaptive: every statistic over its spread')
        .choices(DISTANCE_KINDS)
        .default(ABC_DEFAULTS.distance),
    )
    .option('--models <a,b,…>', 'choose between these scenarios (built-in names or files) by ABC-SMC model selection; --params are then shared by every model (e.g. the bridge engagement.pushDecay) and may be omitted')
    .option('--stay <p>', 'with --models: chance a proposal keeps the model it drew (pyabc\'s model perturbation kernel)', probabilityOption('--stay'), MODEL_CHOICE_DEFAULTS.stay)
    .option('--start-month <m>', 'the simulation month at which the survey\'s month 0 was taken (the simulation\'s month 0 is the first engagement\'s start)', integerOption('--start-month', 0, 1200), 0)
    .option('--seed <n>', 'master seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--set <path=value>', 'override a scenario field (repeatable)', collect, [])
    .option('--out <dir>', 'calibration directory', 'calibration')
    .option('--resume', 'continue the calibration in --out from its last finished generation')
    .addOption(threadsOption())
    .option('--png', 'also write PNG charts')
    .option('--quiet', 'no progress lines')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric survey foundation --waves --set isps.relationalSkill=0.6 --out waves.csv\n' +
        '  concentric calibrate foundation --data waves.csv --params isps.relationalSkill,context.urgency --out cal\n' +
        '  concentric calibrate foundation --data waves.csv --params isps.relationalSkill,context.urgency --out cal --resume\n' +
        '  concentric calibrate --models foundation,hypotheses/early-affect,hypotheses/capacity --params engagement.pushDecay --data waves.csv --out choice\n',
    )
    .action(async (ref: string, flags: CalibrateFlags) => {
      if (!flags.data) throw new InputError('--data: expected a survey data file (item-level or waves CSV), got nothing');
      if (flags.models !== undefined) {
        if (ref !== DEFAULT_SCENARIO) throw new InputError(`--models: expected either a scenario argument or --models, got both (${ref} and ${flags.models})`);
        await runModelChoice(flags);
        return;
      }
      if (!flags.params) throw new InputError('--params: expected comma-separated scenario fields to estimate, got nothing');
      const priors = parameterPriors(flags.params, flags.prior);
      // As sweeps: more threads than cores only add memory and switching.
      flags.threads = usableThreads(flags.threads);
      const { scenario } = loadScenario(ref, { overrides: flags.set });
      if (flags.startMonth > scenario.months) throw new InputError(`--start-month: expected a month 0–${scenario.months} (the scenario's horizon), got ${flags.startMonth}`);
      const data = readSurveyData(flags.data, scenario.months - flags.startMonth);
      checkPriors(priors, scenario, flags.startMonth + Math.max(...data.waves.map((w) => w.month)));
      checkOutFolder(flags.out);
      // One calibration per folder at a time, as sweeps: a second would replace the first's files.
      const lock = lockResults(flags.out);
      const say = (line: string) => {
        if (!flags.quiet) process.stderr.write(line + '\n');
      };
      let lastLine = 0;
      say(`calibrating ${priors.map((p) => p.field).join(', ')} of ${scenario.name} to ${data.waves.length} wave means (${data.format} file ${flags.data}), ${flags.particles} particles, ${flags.threads} thread${flags.threads === 1 ? '' : 's'} → ${flags.out}`);
      try {
        await runInterruptible((signal) => calibrateInto(signal), stopWords(flags.out));
      } finally {
        lock.release();
      }

      async function calibrateInto(signal: AbortSignal): Promise<void> {
        let reportRemoved = false;
        try {
          const outcome = await calibrate({
            scenario,
            scenarioRef: ref,
            data,
            priors,
            options: { particles: flags.particles, generations: flags.generations, repsPerParticle: flags.repsPerParticle, seed: flags.seed, minAcceptance: ABC_DEFAULTS.minAcceptance, distance: flags.distance },
            threads: flags.threads,
            startMonth: flags.startMonth,
            out: flags.out,
            resume: flags.resume === true,
            version: TOOL_VERSION,
            signal,
            onProgress: (p) => {
              const now = performance.now();
              if (now - lastLine > 2000) {
                lastLine = now;
                say(progressLine(p, flags.particles));
              }
            },
            onGeneration: (g: GenerationRecord) => {
              // A report of an earlier generation would now be stale: gone until this run writes its own.
              if (!reportRemoved) {
                reportRemoved = true;
                for (const name of STALE_REPORT_FILES) rmSync(join(flags.out, name), { force: true });
              }
              say(
                `generation ${g.index} done: ε ${Number.isFinite(g.epsilon) ? g.epsilon.toFixed(3) : '∞ (prior)'}, acceptance ${(100 * g.acceptanceRate).toFixed(1)} %, ` +
                  `ESS ${g.ess.toFixed(0)}, ${g.simulations} simulations, ${g.seconds.toFixed(1)} s`,
              );
            },
          });
          if (outcome.resumed > 0) say(`resumed after generation ${outcome.resumed - 1}`);
          const provenance = {
            tool: 'concentric' as const,
            version: TOOL_VERSION,
            command: 'calibrate',
            scenario: scenario.name,
            design: `ABC-SMC, ${flags.particles} particles`,
            replicates: flags.repsPerParticle,
            masterSeed: flags.seed,
            seeds: 'common' as const,
            createdAt: new Date().toISOString(),
          };
          // The report's modules (Vega) load only now: a refused input or a long run does not wait for them.
          const { writeQuestionReport } = await import('../report/figures.js');
          const { calibrationReport } = await import('../report/calibration.js');
          const written = await writeQuestionReport(flags.out, calibrationReport(outcome, provenance), { png: flags.png });
          for (const warning of written.warnings) process.stderr.write(`concentric: chart warning: ${warning}\n`);
          const sims = outcome.record.simulationsUsed;
          process.stdout.write(
            outcome.marginals.map((m, a) => marginalWords(m, { ess: outcome.final.ess, integer: priors[a].integer })).join('\n') +
              `\n${outcome.record.generations.length} generations, ${sims} simulations, ${outcome.record.wallSeconds.toFixed(1)} s (${(sims / outcome.record.wallSeconds).toFixed(0)} simulations/s) → ${flags.out}/\n`,
          );
          for (const warning of outcome.warnings) process.stderr.write(`concentric: warning: ${warning}\n`);
          if (outcome.record.status === 'stopped') {
            process.stderr.write(`concentric: stopped; finished generations are kept: rerun with --resume to continue\n`);
            process.exitCode = EXIT_STOPPED;
          }
        } catch (error) {
          if (!(error instanceof AbcStoppedError)) throw error;
          // Nothing finished, so nothing is written: a plain rerun starts afresh.
          process.stderr.write(`concentric: stopped before generation 0 finished; nothing was kept\n`);
          process.exitCode = EXIT_STOPPED;
        }
      }
    });
}
