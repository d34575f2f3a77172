/** An organization from files through the CLI: the facts `show` prints, and a bad file's exit. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concentric } from './cli.js';

describe('concentric with network: file', () => {
  it('show prints the network facts as comments and the notes on stderr', () => {
    const out = concentric(['show', 'examples/cs-aarhus/cs-aarhus.yaml']);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toMatch(/^  network: file$/m);
    expect(out.stdout).toMatch(/^#   people: 61 \(columns: id\)$/m);
    expect(out.stdout).toMatch(/^#   units: \d+ found as communities of the ties \(Louvain\): community 1 \(\d+\)/m);
    expect(out.stdout).toMatch(/^#   components: 2 \(largest 60 people\); isolates: 1$/m);
    expect(out.stdout).toMatch(/^#   degree: mean 6\.36, median \d+, max \d+; people by degree: 0: 1, 1: 1, /m);
    expect(out.stderr).toMatch(/^concentric: note: examples\/cs-aarhus\/people\.csv: no unit column: \d+ units found as communities/m);
  });

  it('a tie to an unknown id: exit 2, one line with file:line:column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'concentric-org-cli-'));
    writeFileSync(join(dir, 'people.csv'), 'id\nann\nbob\n');
    writeFileSync(join(dir, 'ties.csv'), 'from,to\nann,bob\nbob,cy\n');
    writeFileSync(join(dir, 'org.yaml'), 'extends: classroom\norganization: { network: file, people: people.csv, ties: ties.csv }\n');
    const out = concentric(['run', 'org.yaml'], { cwd: dir });
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe('concentric: ties.csv:3:5: to: expected an id listed in people.csv, got "cy"\n');
  });
});
