/** `concentric merge <dir>... --out DIR`: combine the shard directories of one sweep. */
import type { Command } from 'commander';
import { mergeShards } from '../sweep/index.js';
import { checkOutFolder } from './out-folder.js';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .summary('combine the shard directories of one sweep into one results directory')
    .description(
      'Check that the directories are all the shards of one sweep (same sweepHash,\n' +
        'none missing or given twice, each complete), then write one canonical results\n' +
        'directory: runs.jsonl byte-identical to the sweep run on one machine.',
    )
    .argument('<dirs...>', 'shard directories (written with --shard i/N)')
    .requiredOption('--out <dir>', 'merged results directory')
    .option('--force', 'replace --out even if it holds a different sweep')
    .option('--quiet', 'print nothing on success')
    .addHelpText('after', '\nExample:\n  concentric merge results/sobol-0 results/sobol-1 results/sobol-2 --out results/sobol\n')
    .action((dirs: string[], flags: { out: string; force?: boolean; quiet?: boolean }) => {
      checkOutFolder(flags.out);
      const outcome = mergeShards(dirs, flags.out, { force: flags.force });
      if (!flags.quiet) {
        process.stdout.write(
          `merged ${outcome.shards} shards of "${outcome.manifest.sweep.name}": ${outcome.manifest.totalRuns} runs (${outcome.failed} failed) → ${flags.out}\n`,
        );
      }
    });
}
