/** `concentric sweep <sweep.yaml>`: any design over any scenario fields, into a results directory. */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { loadSweepFile } from '../sweep/index.js';
import { addExecutionOptions, executeSweep, type ExecutionFlags } from './execution.js';

export function registerSweep(program: Command): void {
  const command = program
    .command('sweep')
    .summary('run a sweep file: a design over scenario fields × replicates, on worker threads')
    .description(
      'Run every design point of a sweep file × its replicates into a results\n' +
        'directory (manifest.json + runs.jsonl). Same file ⇒ byte-identical runs.jsonl,\n' +
        'whatever --threads or --shard. Ctrl-C stops cleanly and keeps finished runs;\n' +
        '--resume continues. File format: docs/SWEEPS.md.',
    )
    .argument('<sweep.yaml>', 'sweep file (YAML)');
  addExecutionOptions(command, 'results/<sweep name>')
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  concentric sweep sweeps/lengths.yaml --out results/lengths\n' +
        '  concentric sweep sweeps/lengths.yaml --out results/lengths --resume\n' +
        '  concentric sweep sweeps/sobol.yaml --shard 0/4 --out results/sobol-0\n',
    )
    .action(async (file: string, flags: ExecutionFlags) => {
      const { spec, scenario } = loadSweepFile(file);
      const out = flags.out === 'results/<sweep name>' ? `results/${spec.name.replace(/[^\w.-]+/g, '-') || basename(file)}` : flags.out;
      const { exitCode } = await executeSweep(spec, scenario, { ...flags, out });
      process.exitCode = exitCode;
    });
}
