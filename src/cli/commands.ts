/**
 * Every command, in the order `--help` lists them. Each entry loads its module only when one of
 * its commands runs (or for the full `--help`), so `concentric run` does not pay for Vega, Ink,
 * piscina or DuckDB at start-up. Add a command by writing src/cli/<command>.ts with a register
 * function and listing it here.
 */
import type { Command } from 'commander';

export type Register = (program: Command) => void;

interface CommandModule {
  /** the commands this module registers */
  readonly names: readonly string[];
  readonly load: () => Promise<Register>;
}

export const commandModules: readonly CommandModule[] = [
  { names: ['run'], load: async () => (await import('./run.js')).registerRun },
  { names: ['compare'], load: async () => (await import('./compare.js')).registerCompare },
  { names: ['sweep'], load: async () => (await import('./sweep.js')).registerSweep },
  { names: ['merge'], load: async () => (await import('./merge.js')).registerMerge },
  { names: ['slurm'], load: async () => (await import('./slurm.js')).registerSlurm },
  { names: ['report'], load: async () => (await import('./report.js')).registerReport },
  { names: ['export'], load: async () => (await import('./export.js')).registerExport },
  { names: ['sensitivity'], load: async () => (await import('./sensitivity.js')).registerSensitivity },
  { names: ['staffing'], load: async () => (await import('./staffing.js')).registerStaffing },
  { names: ['survey'], load: async () => (await import('./survey.js')).registerSurvey },
  { names: ['calibrate'], load: async () => (await import('./calibrate.js')).registerCalibrate },
  { names: ['separate'], load: async () => (await import('./separate.js')).registerSeparate },
  { names: ['discover'], load: async () => (await import('./discover.js')).registerDiscover },
  { names: ['explore'], load: async () => (await import('./explore.js')).registerExplore },
  { names: ['demo'], load: async () => (await import('./demo.js')).registerDemo },
  { names: ['scenarios', 'show', 'validate', 'fields'], load: async () => (await import('./library.js')).registerLibrary },
];

/** The register functions needed for `commandName` — all of them when it is unknown or absent. */
export async function registrationsFor(commandName: string | undefined): Promise<Register[]> {
  const known = commandName !== undefined && commandModules.some((module) => module.names.includes(commandName));
  const needed = known ? commandModules.filter((module) => module.names.includes(commandName)) : commandModules;
  return Promise.all(needed.map((module) => module.load()));
}
