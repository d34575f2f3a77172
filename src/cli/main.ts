#!/usr/bin/env node
/**
 * src/cli — the only place that reads argv and sets exit codes. Wires the commands; nothing
 * imports src/cli.
 */
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { registrationsFor, type Register } from './commands.js';
import { EXIT_CODES_HELP, EXIT_INPUT, reportFailure } from './errors.js';
import { wrapHelpText } from './help-text.js';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

function buildProgram(registrations: readonly Register[]): Command {
  const program = new Command('concentric');
  program
    .description(
      'Concentric: an agent-based simulator of how implementation capacity spreads through an ' +
        'organization supported by implementation support practitioners (ISPs).\n\n' +
        'Model: docs/MODEL.md · Start: `concentric run`, then `concentric compare`.',
    )
    .version(VERSION, '-V, --version')
    .addHelpText('after', `\n${EXIT_CODES_HELP}`)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of registrations) register(program);
  for (const command of [program, ...program.commands]) {
    command.exitOverride().showHelpAfterError('(run with --help for usage)');
    // Descriptions are prose: re-wrapped at word boundaries to the terminal (src/cli/help-text.ts).
    command.configureHelp({
      commandDescription(this: { helpWidth?: number }, described: Command): string {
        return wrapHelpText(described.description(), this.helpWidth ?? 80);
      },
    });
  }
  return program;
}

async function main(argv: string[]): Promise<number> {
  const commandName = argv[2] !== undefined && !argv[2].startsWith('-') ? argv[2] : undefined;
  const versionOnly = argv[2] === '-V' || argv[2] === '--version';
  const program = buildProgram(versionOnly ? [] : await registrationsFor(commandName));
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return error.exitCode === 0 ? 0 : EXIT_INPUT;
    }
    // An option parser's InputError reaches us wrapped by commander; unwrap it.
    return reportFailure(error);
  }
}

// A reader that stops early (`concentric fields | head`) closes our stdout: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
