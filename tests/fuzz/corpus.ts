/**
 * The fuzz corpus: bad scenario and sweep files, each with the exit code and message the CLI must
 * give. Written to a temporary folder by `writeCorpus` (generated, so the corpus cannot drift from
 * the cases' expectations). Every case is bad input: exit 2 and one located line, never an internal
 * error, a stack trace, a hang or a memory blow-up. Cases marked `spawn` are checked through the
 * real binary too (those that could hang or exhaust memory if the guard broke).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type Entry = string | Buffer | { readonly fifo: true } | { readonly folder: true } | { readonly symlink: string };

export interface FuzzCase {
  readonly name: string;
  readonly kind: 'scenario' | 'sweep';
  /** files of the case, relative to its folder; the entry point is `s.yaml` (scenario) or `w.yaml` (sweep) unless `entry` says */
  readonly files: Readonly<Record<string, Entry>>;
  readonly entry?: string;
  /** the message must match (it is checked after the `concentric: ` prefix) */
  readonly message: RegExp;
  readonly code?: 2;
  /** also run through the binary, with a time limit */
  readonly spawn?: boolean;
}

const scenario = (name: string, text: string | Buffer, message: RegExp, more: Partial<FuzzCase> = {}): FuzzCase => ({
  name,
  kind: 'scenario',
  files: { 's.yaml': text },
  message,
  ...more,
});

const sweep = (name: string, text: string, message: RegExp, more: Partial<FuzzCase> = {}): FuzzCase => ({
  name,
  kind: 'sweep',
  files: { 'w.yaml': text },
  message,
  ...more,
});

/** 30 aliases of aliases: 2^30 expansions if the guard is gone. */
function aliasBomb(prefix = ''): string {
  const lines = [`${prefix}a0: &a0 [x, x]`];
  for (let i = 1; i <= 30; i++) lines.push(`${prefix}a${i}: &a${i} [*a${i - 1}, *a${i - 1}]`);
  return lines.join('\n') + '\n';
}

const ZERO_SHARES = 'dispositions:\n  interested: {share: 0}\n  skeptical: {share: 0}\n  disinterested: {share: 0}\n';

export const CASES: readonly FuzzCase[] = [
  // ── scenario files: syntax ──────────────────────────────────────────────
  scenario('unclosed-list', 'months: [1, 2\n', /s\.yaml:\d+:\d+: malformed YAML: /),
  scenario('tab-indent', 'organization:\n\tstaff: 3\n', /s\.yaml:\d+:\d+: malformed YAML: /),
  scenario('multi-document', 'months: 3\n---\nmonths: 4\n', /s\.yaml:2:1: malformed YAML: expected one document, got a second one/),
  scenario('alias-bomb', aliasBomb(), /s\.yaml:2:\d+: malformed YAML: expected at most 100 alias expansions/, { spawn: true }),
  scenario('duplicate-key', 'months: 3\nmonths: 4\n', /s\.yaml:2:1: malformed YAML: /),
  scenario('top-level-list', '- 1\n- 2\n', /s\.yaml:1:1: expected a mapping of scenario fields at the top level, got a list/),
  scenario('top-level-scalar', 'hello\n', /s\.yaml:1:1: expected a mapping .*got "hello"/),
  scenario('binary-junk', Buffer.from([0x00, 0xff, 0xfe, 0x3a, 0x0a, 0x7b, 0x7b, 0x5b, 0x00]), /s\.yaml(:\d+:\d+)?: /),
  scenario('oversized', `# ${'x'.repeat(1024)}\n`.repeat(10_300), /s\.yaml: expected a file of at most 10 MB, got 10\.\d MB/, { spawn: true }),
  { name: 'json-malformed', kind: 'scenario', files: { 's.json': '{"months": 1,' }, entry: 's.json', message: /s\.json:1:\d+: malformed JSON: / },
  { name: 'json-array', kind: 'scenario', files: { 's.json': '[1, 2]' }, entry: 's.json', message: /s\.json:1:1: expected a mapping/ },
  // ── scenario files: not a regular file ──────────────────────────────────
  { name: 'scenario-fifo', kind: 'scenario', files: { 's.yaml': { fifo: true } }, message: /s\.yaml: expected a regular file, got a named pipe/, spawn: true },
  { name: 'scenario-folder', kind: 'scenario', files: { 's.yaml': { folder: true } }, message: /s\.yaml: expected a regular file, got a folder/ },
  { name: 'scenario-dev-zero', kind: 'scenario', files: { 's.yaml': { symlink: '/dev/zero' } }, message: /s\.yaml: expected a regular file, got a character device/ },
  // ── scenario files: fields ──────────────────────────────────────────────
  scenario('unknown-top', 'monhts: 3\n', /s\.yaml:1:1: monhts: unknown field \(did you mean "months"\?/),
  scenario('unknown-nested', 'organization:\n  staf: 3\n', /s\.yaml:2:3: organization\.staf: unknown field \(did you mean "staff"\?/),
  scenario('proto-top', '__proto__:\n  months: 7\n', /s\.yaml:1:1: __proto__: unknown field/),
  scenario('proto-under-extends', 'extends: foundation\n__proto__: {months: 7}\n', /s\.yaml:2:1: __proto__: unknown field/),
  scenario('proto-nested', 'organization:\n  __proto__: {staff: 3}\n', /s\.yaml:2:3: organization\.__proto__: unknown field/),
  scenario('proto-bad-value', 'extends: foundation\n__proto__: {months: abc}\n', /s\.yaml:2:1: __proto__: unknown field/),
  scenario('constructor', 'constructor: 1\n', /s\.yaml:1:1: constructor: unknown field/),
  scenario('prototype', 'isps:\n  prototype: {}\n', /s\.yaml:2:3: isps\.prototype: unknown field/),
  scenario('name-number', 'name: 123\n', /^(?!.*expected expected).*s\.yaml:1:7: name: expected a text \(string\), got 123$/),
  scenario('name-empty', 'name: ""\n', /s\.yaml:1:7: name: /),
  scenario('description-mapping', 'description: {a: 1}\n', /s\.yaml:1:14: description: expected a text \(string\)/),
  scenario('months-zero', 'months: 0\n', /s\.yaml:1:9: months: expected a whole number between 1 and 1200 \(months\), got 0/),
  scenario('months-fraction', 'months: 1.5\n', /months: expected a whole number .*got 1\.5/),
  scenario('months-text', 'months: abc\n', /months: expected a whole number .*got "abc"/),
  scenario('months-quoted', 'months: "36"\n', /months: expected a whole number .*got "36"/),
  scenario('months-null', 'months: null\n', /months: expected a whole number .*got null/),
  // One number grammar: .nan and .inf are text, not numbers (src/scenarios/numbers.ts).
  scenario('months-nan', 'months: .nan\n', /months: expected a whole number .*got "\.nan"/),
  scenario('months-infinite', 'months: .inf\n', /months: expected a whole number .*got "\.inf"/),
  scenario('months-overflow', 'months: 1e400\n', /months: expected a whole number .*got Infinity/),
  scenario('staff-negative', 'organization: {staff: -1}\n', /organization\.staff: expected a whole number between 2 and 5000000/),
  scenario('network-typo', 'organization: {network: erdos}\n', /organization\.network: expected one of organization \| erdos-renyi \| full \| lattice \| small-world \| file, got "erdos"/),
  scenario('rule-typo', 'adoption: {rule: thresh}\n', /adoption\.rule: expected one of hazard \| threshold, got "thresh"/),
  scenario('threshold-reversed', 'dispositions:\n  interested: {threshold: [0.5, 0.1]}\n', /dispositions\.interested\.threshold: expected a pair \[low, high\] with low ≤ high/),
  scenario('threshold-scalar', 'dispositions:\n  interested: {threshold: 0.5}\n', /dispositions\.interested\.threshold: expected a pair/),
  scenario('section-scalar', 'organization: 5\n', /s\.yaml:1:15: organization: expected a mapping of organization fields/),
  scenario('section-list', 'isps: [1, 2]\n', /isps: expected a mapping of isps fields/),
  scenario('turnover-above-one', 'turnover: {annualRate: 2}\n', /turnover\.annualRate: expected a number between 0 and 1/),
  scenario('co-leads-zero', 'engagement: {coLeads: 0}\n', /engagement\.coLeads: expected a whole number between 1 and 20/),
  // ── scenario files: impossible combinations ─────────────────────────────
  scenario('shares-all-zero', ZERO_SHARES, /s\.yaml:2:\d+: dispositions\.interested\.share: expected disposition shares with a positive sum/),
  scenario('too-few-isps', 'isps: {count: 1}\nengagement: {coLeads: 2}\n', /s\.yaml:1:\d+: isps\.count: expected 0 \(no ISPs\) or at least engagement\.coLeads = 2 ISPs.*got 1/),
  scenario('units-above-staff', 'organization: {staff: 10, units: 12}\n', /s\.yaml:1:\d+: organization\.units: expected at most organization\.staff = 10 units.*got 12/),
  // ── scenario files: resource limits ─────────────────────────────────────
  scenario(
    'ties-beyond-index',
    'organization: {network: erdos-renyi, staff: 5000000, meanDegree: 1000}\n',
    /s\.yaml: organization: expected a network of at most 1\.1 billion ties .*got an estimated 2\.5 billion/,
    { spawn: true },
  ),
  scenario(
    'liaison-ties',
    'organization: {staff: 5000000, units: 500000, teamsPerUnit: 100, liaisonShare: 1, liaisonTies: 1000}\n',
    /s\.yaml: organization: expected a network of at most 1\.1 billion ties/,
  ),
  // ── scenario files: extends ─────────────────────────────────────────────
  scenario('extends-missing', 'extends: nowhere.yaml\n', /s\.yaml:1:10: extends: file not found: expected a scenario file, got "nowhere\.yaml"/),
  scenario('extends-unknown-builtin', 'extends: foundaton\n', /s\.yaml:1:10: extends: unknown built-in scenario "foundaton" \(did you mean "foundation"\?\)/),
  scenario('extends-number', 'extends: 12\n', /s\.yaml:1:10: extends: expected a built-in scenario name or file, got 12/),
  scenario('extends-list', 'extends: [foundation]\n', /s\.yaml:1:10: extends: expected a built-in scenario name or file, got a list/),
  { name: 'extends-cycle', kind: 'scenario', files: { 's.yaml': 'extends: b.yaml\n', 'b.yaml': 'months: 3\nextends: s.yaml\n' }, message: /b\.yaml:2:10: extends: expected a chain of files that ends, got a cycle \(s\.yaml → b\.yaml → s\.yaml\)/ },
  scenario('extends-self', 'extends: s.yaml\n', /s\.yaml:1:10: extends: expected a chain of files that ends, got a cycle \(s\.yaml → s\.yaml\)/),
  { name: 'extends-folder', kind: 'scenario', files: { 's.yaml': 'months: 3\nextends: sub.yaml\n', 'sub.yaml': { folder: true } }, message: /s\.yaml:2:10: extends: sub\.yaml: expected a regular file, got a folder/ },
  { name: 'extends-dev-zero', kind: 'scenario', files: { 's.yaml': 'extends: zero.yaml\n', 'zero.yaml': { symlink: '/dev/zero' } }, message: /s\.yaml:1:10: extends: zero\.yaml: expected a regular file, got a character device/, spawn: true },
  { name: 'extends-fifo', kind: 'scenario', files: { 's.yaml': 'extends: pipe.yaml\n', 'pipe.yaml': { fifo: true } }, message: /s\.yaml:1:10: extends: pipe\.yaml: expected a regular file, got a named pipe/ },
  { name: 'extends-passwd-like', kind: 'scenario', files: { 's.yaml': 'extends: passwd.yaml\n', 'passwd.yaml': 'root:x:0:0:root:/root:/bin/bash\n' }, message: /s\.yaml:1:10: extends: passwd\.yaml:1:1: expected a mapping of scenario fields/ },
  { name: 'extends-parent-error', kind: 'scenario', files: { 's.yaml': 'extends: base.yaml\n', 'base.yaml': 'months: 0\n' }, message: /base\.yaml:1:9: months: expected a whole number/ },
  // ── sweep files ─────────────────────────────────────────────────────────
  sweep('sweep-unknown-top', 'factor:\n  months: [1]\n', /w\.yaml:1:1: factor: unknown field \(did you mean "factors"\?/),
  sweep('sweep-proto-top', '__proto__: {replicates: 5}\n', /w\.yaml:1:1: __proto__: unknown field/),
  sweep('sweep-proto-factors', 'factors:\n  __proto__: [1]\n', /w\.yaml:2:3: factors\.__proto__: unknown field/),
  sweep('sweep-constructor-set', 'set:\n  constructor: 1\n', /w\.yaml:2:3: set\.constructor: unknown field/),
  sweep('sweep-duplicate-values', 'factors:\n  months: [6, 6]\n', /w\.yaml:2:15: factors\.months: expected distinct values, got 6 twice/),
  sweep('sweep-duplicate-range', 'factors:\n  engagement.lengthMonths: {from: 6, to: 6.0000000001, step: 0.0000000000001}\n', /factors\.engagement\.lengthMonths: expected distinct values, got 6(\.\d+)? twice/),
  sweep('sweep-range-step-zero', 'factors:\n  months: {from: 1, to: 5, step: 0}\n', /w\.yaml:2:11: factors\.months: expected \{from, to, step\} numbers with from ≤ to and step > 0/),
  sweep('sweep-range-reversed', 'factors:\n  months: {from: 5, to: 1, step: 1}\n', /factors\.months: expected \{from, to, step\}/),
  sweep('sweep-range-too-many', 'factors:\n  engagement.lengthMonths: {from: 0, to: 600, step: 0.01}\n', /expected at most 10,000 values, got 60001/),
  sweep('sweep-unknown-factor', 'factors:\n  isps.cout: [1]\n', /w\.yaml:2:3: factors: isps\.cout: unknown scenario field \(did you mean "isps\.count"\?/),
  sweep('sweep-bad-factor-value', 'factors:\n  months: [0]\n', /w\.yaml:2:12: months: expected a whole number between 1 and 1200/),
  sweep('sweep-empty-factor', 'factors:\n  months: []\n', /factors\.months: expected at least one value, got an empty list/),
  sweep('sweep-mapping-value', 'factors:\n  months: [{a: 1}]\n', /factors\.months: expected a single value/),
  sweep('sweep-factor-cross-field', 'factors:\n  isps.count: [1, 5]\n', /w\.yaml:2:16: isps\.count: expected 0 \(no ISPs\) or at least engagement\.coLeads = 2 ISPs/),
  sweep('sweep-design-typo', 'desing: grid\n', /w\.yaml:1:1: desing: unknown field \(did you mean "design"\?/),
  sweep('sweep-lhs-without-n', 'design: lhs\nfactors:\n  months: [1, 5]\n', /w\.yaml:1:9: design: expected \{type: lhs, n: …\}/),
  sweep('sweep-design-type', 'design: {type: grd}\n', /design\.type: expected one of grid \| lhs \| sobol \| morris \(did you mean "grid"\?\)/),
  sweep('sweep-morris-odd', 'design: {type: morris, r: 2, levels: 3}\nfactors:\n  months: [1, 5]\n', /design\.levels: expected an even number of levels/),
  sweep('sweep-lhs-list', 'design: {type: lhs, n: 4}\nfactors:\n  months: [1, 5, 9]\n', /factors\.months: expected a range \[low, high\] with low < high/),
  sweep('sweep-replicates-zero', 'replicates: 0\n', /w\.yaml:1:13: replicates: expected a whole number between 1 and 1000000, got 0/),
  sweep('sweep-replicates-fraction', 'replicates: 1.5\n', /replicates: expected a whole number .*got 1\.5/),
  sweep('sweep-seed-negative', 'seed: -1\n', /seed: expected a whole number between 0 and 4294967295, got -1/),
  sweep('sweep-seeds-choice', 'seeds: both\n', /seeds: expected common \| independent, got "both"/),
  sweep('sweep-metrics-empty', 'metrics: []\n', /metrics: expected a list of run outcomes/),
  sweep('sweep-metrics-unknown', 'metrics: [finalAdoptoin]\n', /metrics: unknown outcome \(did you mean "finalAdoption"\?/),
  sweep('sweep-name-number', 'name: 123\n', /name: expected a non-empty name, got 123/),
  sweep('sweep-scenario-missing', 'scenario: nowhere.yaml\n', /w\.yaml:1:11: scenario: file not found/),
  sweep('sweep-scenario-unknown', 'scenario: foundaton\n', /scenario: unknown built-in scenario "foundaton" \(did you mean "foundation"\?\)/),
  { name: 'sweep-scenario-error', kind: 'sweep', files: { 'w.yaml': 'scenario: base.yaml\n', 'base.yaml': 'months: 0\n' }, message: /base\.yaml:1:9: months: expected a whole number/ },
  { name: 'sweep-scenario-fifo', kind: 'sweep', files: { 'w.yaml': 'scenario: pipe.yaml\n', 'pipe.yaml': { fifo: true } }, message: /pipe\.yaml: expected a regular file, got a named pipe/ },
  sweep('sweep-set-bad', 'set:\n  months: 0\n', /w\.yaml:2:11: months: expected a whole number/),
  sweep('sweep-set-unknown', 'set:\n  monts: 3\n', /w\.yaml:2:3: set: monts: unknown scenario field \(did you mean "months"\?/),
  sweep('sweep-set-zero-shares', `set:\n${ZERO_SHARES.replace(/^/gm, '  ').trimEnd()}\n`, /dispositions\.interested\.share: expected disposition shares with a positive sum/),
  sweep('sweep-runs-cap', 'replicates: 1000000\nfactors:\n  months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n', /design × replicates: expected at most 10,000,000 runs, got "11,000,000 runs"/),
  sweep(
    'sweep-manifest-too-large',
    'replicates: 1\nfactors:\n  engagement.lengthMonths: {from: 0, to: 600, step: 0.1}\n  isps.hoursPerWeek: {from: 0, to: 60, step: 0.1}\n',
    /sweep "w": expected a design whose manifest fits \(at most 256 MB, and in memory\), got 3,606,601 design points: an estimated \d+ MB manifest\.json/,
    { spawn: true },
  ),
  sweep('sweep-scenario-too-large', 'set:\n  organization.network: erdos-renyi\n  organization.staff: 5000000\n  organization.meanDegree: 1000\n', /sweep "w": organization: expected a network of at most 1\.1 billion ties/),
  sweep('sweep-alias-bomb', aliasBomb(), /w\.yaml:2:\d+: malformed YAML: expected at most 100 alias expansions/),
  sweep('sweep-multi-document', 'replicates: 2\n---\nreplicates: 3\n', /w\.yaml:2:1: malformed YAML: expected one document/),
  sweep('sweep-top-level-list', '- factors\n', /w\.yaml:1:1: expected a mapping/),
  { name: 'sweep-fifo', kind: 'sweep', files: { 'w.yaml': { fifo: true } }, message: /w\.yaml: expected a regular file, got a named pipe/, spawn: true },
  { name: 'sweep-folder', kind: 'sweep', files: { 'w.yaml': { folder: true } }, message: /w\.yaml: expected a regular file, got a folder/ },
];

/** Write every case into `root/<case name>/`; returns the cases that could not be made here (no mkfifo). */
export function writeCorpus(root: string, cases: readonly FuzzCase[] = CASES): Set<string> {
  const skipped = new Set<string>();
  for (const fuzz of cases) {
    const folder = join(root, fuzz.name);
    mkdirSync(folder, { recursive: true });
    for (const [relative, entry] of Object.entries(fuzz.files)) {
      const path = join(folder, relative);
      mkdirSync(dirname(path), { recursive: true });
      if (typeof entry === 'string' || Buffer.isBuffer(entry)) writeFileSync(path, entry);
      else if ('folder' in entry) mkdirSync(path, { recursive: true });
      else if ('symlink' in entry) symlinkSync(entry.symlink, path);
      else {
        try {
          execFileSync('mkfifo', [path], { stdio: 'ignore' });
        } catch {
          skipped.add(fuzz.name);
        }
      }
    }
  }
  return skipped;
}

export function entryOf(fuzz: FuzzCase): string {
  return fuzz.entry ?? (fuzz.kind === 'scenario' ? 's.yaml' : 'w.yaml');
}
