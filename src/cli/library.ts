/**
 * The scenario library commands: `scenarios` (list), `show` (resolved scenario with every
 * default), `validate` (check a file), `fields` (every field with unit, range and help).
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { fieldRows, fieldsMarkdown, listBuiltins, loadScenario, organizationFacts, storedOrganization, terminalText } from '../scenarios/index.js';
import { checkRunFits, describeFootprint } from '../sweep/limits.js';
import { table } from './output.js';

/**
 * What `validate` does, callable in-process (tests/fuzz runs its corpus through it): the file's
 * located checks, then the resource estimate — a scenario that validates but could never run here
 * is refused too. Returns the line to print.
 */
export function validateScenarioFile(ref: string): string {
  const { scenario } = loadScenario(ref);
  checkRunFits(scenario, ref);
  return `${ref}: ok (${scenario.name}, ${scenario.organization.staff} staff, ${scenario.months} months; ${describeFootprint(scenario)})\n`;
}

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
    .addHelpText('after', '\nFor an organization from files (network: file) it also prints its\nnetwork\'s facts: people, ties, units (given or found), components, degree\ndistribution, isolates.\n\nExamples:\n  concentric show foundation\n  concentric show my-org.yaml --set isps.count=3\n  concentric show examples/cs-aarhus/cs-aarhus.yaml\n')
    .action((ref: string, options: { set: string[] }) => {
      const { scenario } = loadScenario(ref, { overrides: options.set });
      process.stdout.write(stringify(scenario, { lineWidth: 0 }));
      // A real organization: its facts as YAML comments, so the output stays a valid scenario.
      const file = scenario.organization.inputHash ? storedOrganization(scenario.organization.inputHash) : undefined;
      if (file) process.stdout.write(['# the organization in the files:', ...organizationFacts(file).map((line) => `#   ${terminalText(line)}`)].join('\n') + '\n');
    });

  program
    .command('validate')
    .summary('check a scenario file; exit 2 with a located message if it is wrong')
    .argument('<file>', 'scenario file (YAML or JSON) or built-in name')
    .addHelpText('after', '\nExample:\n  concentric validate my-org.yaml\n')
    .action((ref: string) => {
      process.stdout.write(validateScenarioFile(ref));
    });

  program
    .command('fields')
    .summary('every scenario field with its unit, valid range, default, source and meaning')
    .option('--assumptions', 'only fields flagged as assumptions (with the range to explore)')
    .option('--markdown', 'print the Markdown table embedded in docs/MODEL.md')
    .addHelpText('after', '\nExamples:\n  concentric fields --assumptions\n  concentric fields --markdown > fields.md\n')
    .action((options: { assumptions?: boolean; markdown?: boolean }) => {
      const { scenario } = loadScenario('foundation');
      if (options.markdown) {
        process.stdout.write(fieldsMarkdown(scenario));
        return;
      }
      const rows = fieldRows(scenario, options.assumptions).map((row) => [row.path, row.value, row.valid, row.unit, row.basis]);
      process.stdout.write(table(['field', 'foundation', 'valid', 'unit', 'source or assumption'], rows));
    });
}
