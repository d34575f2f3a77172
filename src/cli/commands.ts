/**
 * Every command, registered in the order `--help` lists them. Add a command by writing
 * src/cli/<command>.ts with a register function and listing it here.
 */
import type { Command } from 'commander';
import { registerCompare } from './compare.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export.js';
import { registerLibrary } from './library.js';
import { registerMerge } from './merge.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerSensitivity } from './sensitivity.js';
import { registerStaffing } from './staffing.js';
import { registerSweep } from './sweep.js';

export const registrations: readonly ((program: Command) => void)[] = [
  registerRun,
  registerCompare,
  registerSweep,
  registerMerge,
  registerReport, // the report; also registers itself as compare's after-hook
  registerExport,
  registerSensitivity,
  registerStaffing,
  registerDemo,
  registerLibrary,
];
