/**
 * Every command, registered in the order `--help` lists them. Add a command by writing
 * src/cli/<command>.ts with a register function and listing it here.
 */
import type { Command } from 'commander';
import { registerLibrary } from './library.js';
import { registerRun } from './run.js';

export const registrations: readonly ((program: Command) => void)[] = [registerRun, registerLibrary];
