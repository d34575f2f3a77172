/**
 * `concentric separate`: what within-organization study would tell two explanations apart
 * (src/calibrate/separation.ts). Runs each model in the within design (lengths assigned to units
 * inside each run), pools the engaged units, and simulates studies of growing size.
 */
import { Command, Option } from 'commander';
import { recipientsToSeparate, separation, type UnitDraw } from '../calibrate/separation.js';
import { InputError, loadScenario } from '../scenarios/index.js';
import { simulate, hashSeed } from '../sim/index.js';
import { collect, integerOption } from './options.js';

const MEASURES = ['applying', 'sustained'] as const;
type Measure = (typeof MEASURES)[number];
const MOMENTS = ['horizon', 'follow-up'] as const;
type Moment = (typeof MOMENTS)[number];

interface SeparateFlags {
  models: string;
  lengths: string;
  measure: Measure;
  at: Moment;
  recipients: string;
  perUnit: number;
  reps: number;
  studies: number;
  seed: number;
  set: string[];
  json?: boolean;
}

function numbers(flag: string, text: string, min: number): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < min)) throw new InputError(`${flag}: expected comma-separated whole numbers ≥ ${min}, got ${JSON.stringify(text)}`);
  return values;
}

/** The engaged units of `reps` within runs of a model: (high?, share with the outcome at the moment). */
function unitPool(ref: string, lengths: readonly number[], flags: SeparateFlags): UnitDraw[] {
  const overrides = [...flags.set, 'engagement.lengthAssignment=within', `engagement.withinLengths=[${lengths.join(', ')}]`];
  const { scenario } = loadScenario(ref, { overrides });
  const high = Math.max(...lengths);
  const pool: UnitDraw[] = [];
  for (let r = 0; r < flags.reps; r++) {
    const run = simulate(scenario, hashSeed(flags.seed, r));
    for (const unit of run.units ?? []) {
      if (unit.startWeek === null || !lengths.includes(unit.lengthMonths)) continue;
      const snapshot = flags.at === 'follow-up' ? unit.followUp : unit;
      if (!snapshot || snapshot.staff === 0) continue;
      pool.push({ high: unit.lengthMonths === high, share: snapshot[flags.measure] / snapshot.staff });
    }
  }
  return pool;
}

export function registerSeparate(program: Command): void {
  program
    .command('separate')
    .summary('what within-organization study would tell two explanations apart (by simulation)')
    .description(
      'Plan the study that would tell two explanations (scenarios) apart. Each model runs --reps times in\n' +
        'the within-organization design (--lengths assigned to units inside each run); a simulated study\n' +
        'takes N recipients, half of each length, --per-unit from each engaged unit drawn from the pooled\n' +
        'units (beyond one organization\'s units, from more organizations like it), each with the outcome\n' +
        'at their unit\'s share. For each N: the chance that the best threshold on the difference (high −\n' +
        'limited) names the true model under each, and the power of a two-proportion z test (α = 0.05).\n' +
        'The answer: the smallest N at which both models are named correctly with 80 % probability.',
    )
    .option('--models <a,b>', 'the two explanations (built-in names or files)', 'hypotheses/early-affect,hypotheses/capacity')
    .option('--lengths <limited,high>', 'the two engagement lengths compared, months', '6,18')
    .addOption(new Option('--measure <m>', 'the recipient outcome').choices(MEASURES).default('applying'))
    .addOption(new Option('--at <moment>', 'when recipients are measured: the run\'s horizon, or engagement.withinFollowUpMonths after their unit\'s engagement began').choices(MOMENTS).default('horizon'))
    .option('--recipients <list>', 'study sizes to try (recipients in all)', '13,26,52,104,208,416')
    .option('--per-unit <n>', 'recipients per engaged unit (the study: about 2)', integerOption('--per-unit', 1, 1000), 2)
    .option('--reps <n>', 'within runs per model', integerOption('--reps', 1, 100_000), 100)
    .option('--studies <n>', 'simulated studies per model and size', integerOption('--studies', 10, 1_000_000), 2000)
    .option('--seed <n>', 'master seed (0–4294967295)', integerOption('--seed', 0, 4294967295), 1)
    .option('--set <path=value>', 'override a field of both models (repeatable)', collect, [])
    .option('--json', 'print the rows as JSON')
    .addHelpText('after', '\nExamples:\n  concentric separate\n  concentric separate --models my-h1.yaml,my-h2.yaml --measure sustained --at follow-up --recipients 20,40,80,160\n')
    .action((flags: SeparateFlags) => {
      const refs = flags.models.split(',').map((part) => part.trim());
      if (refs.length !== 2 || refs.some((r) => r === '')) throw new InputError(`--models: expected two comma-separated scenarios, got ${JSON.stringify(flags.models)}`);
      const lengths = numbers('--lengths', flags.lengths, 1);
      if (lengths.length !== 2 || lengths[0] === lengths[1]) throw new InputError(`--lengths: expected two different lengths (limited,high), got ${JSON.stringify(flags.lengths)}`);
      const sizes = numbers('--recipients', flags.recipients, 2);
      const pools = refs.map((ref) => unitPool(ref, lengths, flags)) as [UnitDraw[], UnitDraw[]];
      pools.forEach((pool, m) => {
        if (!pool.some((u) => u.high) || !pool.some((u) => !u.high)) throw new InputError(`--models: ${refs[m]}: expected engaged units of both lengths in its within runs, got none of one (${flags.at === 'follow-up' ? 'the follow-up may fall after the horizon' : 'too few units engaged'})`);
      });
      const rows = separation(pools, sizes, flags.perUnit, flags.studies, flags.seed);
      const answer = recipientsToSeparate(rows);
      if (flags.json) {
        process.stdout.write(JSON.stringify({ models: refs, lengths, measure: flags.measure, at: flags.at, perUnit: flags.perUnit, reps: flags.reps, studies: flags.studies, rows, recipientsFor80: answer }, null, 2) + '\n');
        return;
      }
      const pct = (v: number) => `${(100 * v).toFixed(0)} %`;
      const pp = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)} pp`;
      const lines = [
        `${refs[0]} (A) vs ${refs[1]} (B): ${flags.measure} at the ${flags.at}, ${lengths[1]} − ${lengths[0]} months, ${flags.perUnit} per unit; ${pools[0].length} and ${pools[1].length} engaged units from ${flags.reps} within runs each`,
        'recipients  units/length  mean diff A  mean diff B  names A  names B  z-test power A  power B',
        ...rows.map((r) => [String(r.recipients).padStart(10), String(r.unitsPerLength).padStart(13), pp(r.meanDifference[0]).padStart(12), pp(r.meanDifference[1]).padStart(12), pct(r.correct[0]).padStart(8), pct(r.correct[1]).padStart(8), pct(r.power[0]).padStart(15), pct(r.power[1]).padStart(8)].join(' ')),
        answer === null
          ? `No size tried names both models correctly with 80 % probability: try more recipients, another measure or another moment.`
          : `A study of ${answer} recipients (${Math.ceil(answer / 2 / flags.perUnit)} units per length) names the true model with at least 80 % probability under both.`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    });
}
