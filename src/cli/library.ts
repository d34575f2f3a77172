/**
 * The scenario library commands: `scenarios` (list), `show` (resolved scenario with every
 * default), `validate` (check a file), `fields` (every field with unit, range and help).
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { listBuiltins, listFields, loadScenario } from '../scenarios/index.js';
import { table } from './output.js';

export function registerLibrary(program: Command): void {
  program
    .command('scenarios')
    .summary('list the built-in scenarios')
    .addHelpText('after', '\nExample:\n  concentric scenarios\n')
    .action(() => {
      const rows = listBuiltins().map((name) => {
        const { scenario } = loadScenario(name);
        return [name, String(scenario.organization.staff), scenario.description.split(/(?<=\.)\s/)[0] ?? ''];
      });
      process.stdout.write(table(['name', 'staff', 'description'], rows));
    });

  program
    .command('show')
    .summary('print a scenario with every default filled in (YAML)')
    .argument('<scenario>', 'built-in name or scenario file')
    .option('--set <path=value>', 'override a field first (repeatable)', (v: string, p: string[] = []) => [...p, v], [])
    .addHelpText('after', '\nExamples:\n  concentric show foundation\n  concentric show my-org.yaml --set isps.count=3\n')
    .action((ref: string, options: { set: string[] }) => {
      const { scenario } = loadScenario(ref, { overrides: options.set });
      process.stdout.write(stringify(scenario, { lineWidth: 0 }));
    });

  program
    .command('validate')
    .summary('check a scenario file; exit 2 with a located message if it is wrong')
    .argument('<file>', 'scenario file (YAML or JSON) or built-in name')
    .addHelpText('after', '\nExample:\n  concentric validate my-org.yaml\n')
    .action((ref: string) => {
      const { scenario } = loadScenario(ref);
      process.stdout.write(`${ref}: ok (${scenario.name}, ${scenario.organization.staff} staff, ${scenario.months} months)\n`);
    });

  program
    .command('fields')
    .summary('every scenario field with its unit, valid range, default and meaning')
    .option('--assumptions', 'only fields flagged as assumptions (with the range to explore)')
    .addHelpText('after', '\nExample:\n  concentric fields --assumptions\n')
    .action((options: { assumptions?: boolean }) => {
      const { scenario } = loadScenario('foundation');
      const fields = listFields().filter((field) => !options.assumptions || field.meta.assumption);
      const valueAt = (path: string): unknown =>
        path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], scenario);
      const rows = fields.map((field) => [
        field.path,
        JSON.stringify(valueAt(field.path)),
        field.meta.min !== undefined ? `${field.meta.min}–${field.meta.max}` : '',
        field.meta.explore ? `${field.meta.explore[0]}–${field.meta.explore[1]}` : '',
        field.meta.unit,
        field.meta.help,
      ]);
      process.stdout.write(table(['field', 'foundation', 'valid', 'explore', 'unit', 'meaning'], rows));
    });
}
