/**
 * The second adversarial corpus (issue 25): organization files, survey data, calibrations,
 * posteriors, export. Each case is what a new user or an attacker tried; each must be refused
 * before any run with one located line (an InputError: exit 2), or — for the quiet surprises —
 * say what it does. In-process through the functions the CLI calls, so the whole corpus stays fast;
 * the cases about processes (memory limits, export's note) go through the binary.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPriors, parameterPriors, readSurveyData } from '../../src/calibrate/index.js';
import { withPosterior } from '../../src/cli/compare-designs.js';
import { validateScenarioFile } from '../../src/cli/library.js';
import { parseWhere } from '../../src/discover/question.js';
import { escapeMarkdown } from '../../src/report/markdown.js';
import { answerWords } from '../../src/sweep/staffing/index.js';
import { isInputError, loadScenario, setOrganizationNotes, terminalText, type Scenario } from '../../src/scenarios/index.js';
import { loadSweepFile, type SweepSpec } from '../../src/sweep/index.js';
import { planSensitivity } from '../../src/sweep/sensitivity/plan.js';
import { BIN, ROOT } from '../cli/cli.js';
import { writeResults } from '../report/fixtures.js';

const AARHUS = join(ROOT, 'examples/cs-aarhus/cs-aarhus.yaml');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'concentric-fuzz2-'));
  setOrganizationNotes(() => undefined);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The message of the InputError `act` throws; fails the test on success or on any other error. */
function refusal(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    if (isInputError(error)) {
      expect(error.message).not.toMatch(/\n|internal error/);
      return error.message;
    }
    throw error;
  }
  throw new Error('expected bad input to be refused, but it was accepted');
}

function file(name: string, text: string | Buffer): string {
  const path = join(root, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function sweepFile(name: string, text: string): string {
  return file(`${name}.yaml`, text);
}

describe('round two: no silent wrong results', () => {
  it('sweep factors and set: fields a file organization or a network does not read, and the files themselves', () => {
    const base = `scenario: ${AARHUS}\nreplicates: 1\n`;
    expect(refusal(() => loadSweepFile(sweepFile('people', `${base}factors:\n  organization.people: [a.csv, b.csv]\n`)))).toMatch(
      /factors\.organization\.people: expected a field that can change the runs, got one that cannot: .*read and checked once/,
    );
    expect(refusal(() => loadSweepFile(sweepFile('ties', `${base}factors:\n  organization.ties: [a.csv, b.csv]\n`)))).toMatch(/factors\.organization\.ties/);
    expect(refusal(() => loadSweepFile(sweepFile('degree-file', `${base}factors:\n  organization.meanDegree: [4, 8]\n`)))).toMatch(
      /organization\.meanDegree has no effect with organization\.network: file \(the organization, its staff, units and ties, comes from the files\)/,
    );
    expect(refusal(() => loadSweepFile(sweepFile('degree-org', 'replicates: 1\nfactors:\n  organization.meanDegree: [4, 8]\n')))).toMatch(
      /organization\.meanDegree has no effect with organization\.network: organization/,
    );
    expect(refusal(() => loadSweepFile(sweepFile('set-ties', `${base}set:\n  organization.ties: other.csv\n`)))).toMatch(/set\.organization\.ties: .*give it in the scenario file/);
    // A network factor makes meanDegree count at some points: accepted.
    expect(() => loadSweepFile(sweepFile('degree-mixed', 'replicates: 1\nfactors:\n  organization.network: [organization, erdos-renyi]\n  organization.meanDegree: [4, 8]\n'))).not.toThrow();
  });

  it('--set of a field with no effect, sensitivity --factors and calibrate --params of one', () => {
    expect(refusal(() => loadScenario('foundation', { overrides: ['organization.meanDegree=4'] }))).toMatch(/^--set organization\.meanDegree=4: organization\.meanDegree: expected a field that changes the run/);
    expect(refusal(() => loadScenario(AARHUS, { overrides: ['organization.units=3'] }))).toMatch(/organization\.units has no effect with organization\.network: file/);
    expect(refusal(() => planSensitivity({ scenario: AARHUS, overrides: [], factors: ['organization.withinTeamTie'], method: 'morris', difference: false } as never))).toMatch(
      /--factors: organization\.withinTeamTie: expected a field that can change the runs/,
    );
    const aarhus = loadScenario(AARHUS).scenario;
    expect(refusal(() => checkPriors(parameterPriors('organization.withinTeamTie,organization.crossTiesWithinUnit', []), aarhus, 6))).toMatch(/--params: organization\.withinTeamTie: .*comes from the files/);
    expect(refusal(() => checkPriors(parameterPriors('organization.units', []), aarhus, 6))).toMatch(/--params: organization\.units/);
  });

  it('prior ranges are checked against the cross-field rules and the data before any simulation', () => {
    const foundation = loadScenario('foundation').scenario;
    expect(refusal(() => checkPriors(parameterPriors('isps.count', ['isps.count=1:3']), foundation, 6))).toMatch(/isps\.count=1, .*expected 0 \(no ISPs\) or at least engagement\.coLeads = 2/);
    const small = loadScenario('foundation', { overrides: ['organization.staff=40'] }).scenario;
    expect(refusal(() => checkPriors(parameterPriors('organization.units', ['organization.units=30:60']), small, 6))).toMatch(/organization\.units=60.*at most organization\.staff = 40 units/);
    expect(refusal(() => checkPriors(parameterPriors('months', ['months=1:10']), foundation, 6))).toMatch(/--prior: months: expected a range starting at or after the data's last wave \(month 6\), got 1:10/);
    expect(() => checkPriors(parameterPriors('isps.count', ['isps.count=2:6']), foundation, 6)).not.toThrow();
  });
});

describe('round two: compare --posterior checks every row', () => {
  const spec = { replicates: 4, seed: 1 } as SweepSpec;
  let foundation: Scenario;
  beforeAll(() => {
    foundation = loadScenario('foundation').scenario;
  });
  const posterior = (name: string, text: string): string => {
    file(`${name}/posterior.csv`, text);
    return join(root, name);
  };
  it.each([
    ['negative-weight', 'context.urgency,weight\n0.5,1\n0.4,-1\n', /:3: weight: expected a weight ≥ 0, got -1/],
    ['zero-weights', 'context.urgency,weight\n0.5,0\n0.4,0\n', /weight: expected weights with a positive sum, got all zero/],
    ['duplicate-column', 'context.urgency,context.urgency,weight\n0.5,0.5,1\n', /:1: column 2: expected each field once/],
    ['proto-column', '__proto__,weight\n1,1\n', /:1: column 1: expected a scenario field, got the reserved name "__proto__"/],
    ['months-column', 'months,weight\n12,1\n', /expected fields that leave the horizon alone \(--months sets it\), got "months"/],
    ['out-of-range-late-row', 'context.urgency,weight\n0.5,1\n0.5,1\n0.5,1\n7,1\n', /:5: context\.urgency: expected a value within 0–1/],
    ['hex', 'context.urgency,weight\n0x1,1\n', /:2: context\.urgency: expected a plain decimal number, got "0x1"/],
    ['fraction-isps', 'isps.count,weight\n2.5,1\n', /:2: isps\.count: expected a whole number, got 2\.5/],
    ['cross-field-row', 'isps.count,weight\n5,1\n1,1\n', /:3: isps\.count: expected 0 \(no ISPs\) or at least engagement\.coLeads/],
    ['no-effect-column', 'organization.meanDegree,weight\n5,1\n', /organization\.meanDegree has no effect/],
  ])('%s', (name, text, message) => {
    expect(refusal(() => withPosterior(spec, foundation, posterior(name, text)))).toMatch(message);
  });
  it('a posterior.csv that is not the one calibration.json names (stale or cut short) is refused', () => {
    const dir = posterior('stale', 'context.urgency,weight\n0.5,1\n');
    file('stale/calibration.json', JSON.stringify({ scenario: 'foundation', engineVersion: 3, posteriorFile: { generation: 2, sha256: '0'.repeat(64) } }));
    expect(refusal(() => withPosterior(spec, foundation, dir))).toMatch(/expected the posterior of generation 2 that calibration\.json names, got a different file/);
  });
  it('a failed predictive check travels with the draws into the report', () => {
    const dir = posterior('misfit', 'context.urgency,weight\n0.5,1\n');
    const band = (observed: number) => ({ month: 6, measure: 'aim', observed, median: 3, low: 2.9, high: 3.1, miss: observed < 2.9 || observed > 3.1 });
    file('misfit/calibration.json', JSON.stringify({ scenario: 'foundation', engineVersion: 3, predictive: [band(4.5), band(4.6), band(3)] }));
    expect(withPosterior(spec, foundation, dir).replicateValues?.fitWarning).toMatch(/2 of 3 data points outside the 95 % bands/);
  });
});

describe('round two: bounded inputs and one number grammar', () => {
  it('survey data that is a named pipe or a device is refused before a byte is read', () => {
    const pipe = join(root, 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    expect(refusal(() => readSurveyData(pipe, 36))).toMatch(/--data .*pipe\.csv: expected a regular file, got a named pipe/);
    expect(refusal(() => readSurveyData('/dev/zero', 36))).toMatch(/--data \/dev\/zero: expected a regular file, got a character device/);
  });

  it('hex, octal and .inf are not numbers anywhere', () => {
    expect(refusal(() => loadScenario('foundation', { overrides: ['months=0x10'] }))).toMatch(/months: expected a whole number .*got "0x10"/);
    expect(refusal(() => validateScenarioFile(file('octal.yaml', 'months: 0o17\n')))).toMatch(/octal\.yaml:1:9: months: expected a whole number .*got "0o17"/);
    expect(refusal(() => parseWhere('finalAdoption > 0x1'))).toMatch(/--where: expected "<outcome> <op> <number>"/);
    copyFileSync(join(ROOT, 'examples/cs-aarhus/people.csv'), join(root, 'people.csv'));
    file('hex-ties.csv', 'from,to,weight\nU102,U139,0x10\n');
    file('hex.yaml', 'extends: classroom\norganization:\n  network: file\n  people: people.csv\n  ties: hex-ties.csv\n');
    expect(refusal(() => validateScenarioFile(join(root, 'hex.yaml')))).toMatch(/hex-ties\.csv:2:\d+: weight: expected a positive number \(or empty\), got "0x10"/);
  });
});

describe('round two: quiet surprises', () => {
  const graphml = '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="u" for="node" attr.name="unit" attr.type="string"/>\n<graph edgedefault="undirected">\n<node id="a"><data key="u">X</data></node><node id="b"><data key="u">Y</data></node>\n<edge source="a" target="b"/></graph>\n</graphml>\n';
  const scenarioFor = (graph: string) => `extends: classroom\norganization:\n  network: file\n  graph: ${graph}\n`;

  it('a GraphML file named .gexf is refused, not read with the wrong reader', () => {
    file('org.gexf', graphml);
    expect(refusal(() => validateScenarioFile(file('wrong-ext.yaml', scenarioFor('org.gexf'))))).toMatch(/org\.gexf:2:1: expected a <gexf> document .*got <graphml>: it is GraphML; rename it to \.graphml/);
  });

  it('a dynamic GEXF is refused, not merged into its last time slice', () => {
    file('dyn.gexf', '<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n<graph defaultedgetype="undirected">\n<nodes><node id="a"/><node id="b" start="2"/></nodes>\n<edges><edge id="0" source="a" target="b"/></edges>\n</graph>\n</gexf>\n');
    expect(refusal(() => validateScenarioFile(file('dyn.yaml', scenarioFor('dyn.gexf'))))).toMatch(/dyn\.gexf:4:\d+: expected a static GEXF graph .*got a dynamic one \(time slices\)/);
  });

  it('control characters from files are escaped for the terminal; Markdown is escaped as Markdown', () => {
    expect(terminalText('Unit \u001b]0;pwned\u0007 A\u009b')).toBe('Unit \\x1b]0;pwned\\x07 A\\x9b');
    expect(terminalText('two\nlines\tok')).toBe('two\nlines\tok');
    expect(escapeMarkdown('Fearnhead & Prangle')).toBe('Fearnhead & Prangle');
    expect(escapeMarkdown('a &amp; b <b>')).toBe('a \\&amp; b \\<b\\>');
  });

  it("staffing's words agree with its numbers", () => {
    const team = (isps: number, waiting: number) => ({ isps, runs: 10, reached: 0, probability: { share: 0.2, low: 0.05, high: 0.5 }, adoption: { mean: 0.4 }, waiting: { mean: waiting }, peakWaiting: { mean: 1 }, hoursPerAdopter: { mean: 3 } });
    const analysis = { target: 0.6, byMonth: 24, probability: 0.8, isps: [4] };
    const words = answerWords({ setting: {}, teams: [team(4, 0.4)], smallest: null, closest: team(4, 0.4), breaks: [] } as never, analysis as never);
    expect(words).toMatch(/^a team of 4 ISPs does not get 60 %/);
    expect(words).toContain('0.4 units waiting');
    expect(words).not.toContain('No unit waits');
    expect(words).toContain('Less than one unit waits on average');
  });
});

describe('round two: through the binary', () => {
  const run = (command: string[], shell?: string) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = shell
        ? spawn('sh', ['-c', `${shell}; exec "${process.execPath}" "${BIN}" ${command.map((w) => `'${w}'`).join(' ')}`], { cwd: root, timeout: 60_000 })
        : spawn(process.execPath, [BIN, ...command], { cwd: root, timeout: 60_000 });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('a scenario too large for RLIMIT_AS is refused before any run with the limit named; export says what is missing', async () => {
    const [limited, exported] = await Promise.all([
      run(['run', '--set', 'organization.network=erdos-renyi', '--set', 'organization.staff=3000000', '--set', 'organization.meanDegree=200', '--months', '1'], 'ulimit -v 4000000'),
      (async () => {
        // A folder whose sweep did not finish: 1 of 3 runs (written in-process, no sweep to spawn).
        const dir = join(root, 'torn');
        writeResults(dir, { lengths: [6], replicates: 3, overrides: ['months=2', 'organization.staff=20', 'organization.units=2'] });
        const lines = readFileSync(join(dir, 'runs.jsonl'), 'utf8').trim().split('\n');
        writeFileSync(join(dir, 'runs.jsonl'), lines[0] + '\n');
        return run(['export', dir]);
      })(),
    ]);
    expect(limited.code).toBe(2);
    expect(limited.stderr).toMatch(/^concentric: foundation: expected a scenario that fits in this machine's memory \(.* usable of .*the address space RLIMIT_AS \(ulimit -v\) leaves/);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/note: 1 of 3 runs exported: 2 missing/);
  }, 90_000);
});
