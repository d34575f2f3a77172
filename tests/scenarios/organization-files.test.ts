/**
 * Bring your own organization: people.csv + ties.csv or GraphML/GEXF, loaded when the scenario
 * is, with located errors; real data (CS-Aarhus, examples/cs-aarhus) for the shapes and runs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureOrganization, loadScenario, organizationFacts, setOrganizationNotes, storedOrganization, type OrganizationFile, type Scenario } from '../../src/scenarios/index.js';
import { Role } from '../../src/sim/index.js';
import { PersonRole } from '../../src/scenarios/organization-data.js';

const AARHUS = 'examples/cs-aarhus/cs-aarhus.yaml';
const notes: string[] = [];
beforeAll(() => setOrganizationNotes((line) => notes.push(line)));

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'concentric-org-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SCENARIO = 'extends: classroom\norganization:\n  network: file\n  people: people.csv\n  ties: ties.csv\n';

function load(files: Record<string, string>, scenario = SCENARIO): Scenario {
  const dir = folder({ 'org.yaml': scenario, ...files });
  return loadScenario(join(dir, 'org.yaml')).scenario;
}

function loaded(scenario: Scenario): OrganizationFile {
  const file = storedOrganization(scenario.organization.inputHash!);
  if (!file) throw new Error('not stored');
  return file;
}

function failure(files: Record<string, string>, scenario = SCENARIO): string {
  try {
    load(files, scenario);
  } catch (error) {
    return (error as Error).message;
  }
  return 'no error';
}

const PEOPLE = 'id,unit,team,leader,disposition,trust,readiness\na,North,1,no,interested,0.6,\nb,North,1,yes,,,0.3\nc,North,2,,skeptical,,\nd,South,,no,,,\ne,South,,,,0.2,\n';
const TIES = 'from,to,weight,relation\na,b,1,work\nb,c,2,work\nc,d,1,advice\nd,e,1,work\na,a,1,work\nb,a,1,work\n';

describe('people.csv and ties.csv', () => {
  it('keeps units contiguous with the leader first, teams inside units, and the given attributes', () => {
    const file = loaded(load({ 'people.csv': PEOPLE, 'ties.csv': TIES }));
    expect(file.unitNames).toEqual(['North', 'South']);
    expect(Array.from(file.unitStart)).toEqual([0, 3, 5]);
    // b leads North; its team (1) comes first; South's leader (none marked) is its best-connected member, d.
    expect(file.ids).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(file.role[0]).toBe(PersonRole.leader);
    expect(file.role[3]).toBe(PersonRole.leader);
    expect(file.role[2]).toBe(PersonRole.manager);
    expect(file.facts).toMatchObject({ ties: 4, selfTies: 1, duplicateTies: 1, unitsGiven: true, teamsGiven: true, leadersInferred: 1, components: 1, isolates: 0 });
    expect(Array.from(file.disposition)).toEqual([-1, 0, 1, -1, -1]);
    expect(file.trust[1]).toBe(0.6);
    expect(Number.isNaN(file.trust[0])).toBe(true);
    expect(file.readiness[0]).toBe(0.3);
    // the ties, in the new order, mutual: b–a, b–c, c–d, d–e
    const neighbours = (i: number) => Array.from(file.neighbors.subarray(file.offsets[i], file.offsets[i + 1]));
    expect([0, 1, 2, 3, 4].map(neighbours)).toEqual([[1, 2], [0], [0, 3], [2, 4], [3]]);
    expect(notes.some((line) => /ties\.csv: dropped 1 self-tie and 1 duplicate tie/.test(line))).toBe(true);
  });

  it('quoted files go through csv-parse and read the same; blank lines and CRLF keep line numbers', () => {
    const quoted = PEOPLE.replace(/North/g, '"North"').replace(/\n/g, '\r\n');
    const plain = loaded(load({ 'people.csv': PEOPLE, 'ties.csv': TIES }));
    const viaParser = loaded(load({ 'people.csv': quoted, 'ties.csv': TIES }));
    expect(viaParser.ids).toEqual(plain.ids);
    expect(Array.from(viaParser.neighbors)).toEqual(Array.from(plain.neighbors));
    expect(loaded(load({ 'people.csv': 'id,unit\na,"North, East"\nb,South\n', 'ties.csv': 'from,to\na,b\n' })).unitNames).toEqual(['North, East', 'South']);
    expect(failure({ 'people.csv': 'id\n"a"\n\nb\n', 'ties.csv': 'from,to\n\na,q\n' })).toMatch(/ties\.csv:3:3: to: expected an id listed in/);
    expect(failure({ 'people.csv': 'id\na\n\n"b"\n', 'ties.csv': 'from,to\n\na,"q"\n' })).toMatch(/ties\.csv:3:3: to: expected an id listed in/);
  });

  it('organization.relations keeps some relations; directed: a → b with b → a is one tie, not a duplicate', () => {
    const work = loaded(load({ 'people.csv': PEOPLE, 'ties.csv': TIES }, SCENARIO + '  relations: [work]\n'));
    expect(work.facts).toMatchObject({ ties: 3, otherRelations: 1 });
    const directed = loaded(load({ 'people.csv': PEOPLE, 'ties.csv': TIES }, SCENARIO + '  directed: true\n'));
    expect(directed.facts).toMatchObject({ ties: 4, duplicateTies: 0 });
  });

  it('the same files give the same hash; a changed byte gives another', () => {
    const a = load({ 'people.csv': PEOPLE, 'ties.csv': TIES }).organization.inputHash;
    const b = load({ 'people.csv': PEOPLE, 'ties.csv': TIES }).organization.inputHash;
    const c = load({ 'people.csv': PEOPLE, 'ties.csv': TIES.replace('b,c,2', 'b,c,3') }).organization.inputHash;
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('a worker reads files it has not got, and refuses them when their hash differs from the scenario\'s', () => {
    const scenario = load({ 'people.csv': PEOPLE, 'ties.csv': TIES });
    expect(ensureOrganization(scenario)?.hash).toBe(scenario.organization.inputHash);
    const stale = { ...scenario, organization: { ...scenario.organization, inputHash: 'f'.repeat(64) } };
    expect(() => ensureOrganization(stale)).toThrow(/people\.csv, .*ties\.csv: changed since the scenario was loaded/);
  });

  it('bad files: file:line:column and what was wrong', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ 'people.csv': PEOPLE, 'ties.csv': 'from,to\na,zz\n' }, /ties\.csv:2:3: to: expected an id listed in .*people\.csv, got "zz"/],
      [{ 'people.csv': 'id\na\nb\na\n', 'ties.csv': 'from,to\n' }, /people\.csv:4:1: id: duplicate id "a" \(first on line 2\)/],
      [{ 'people.csv': 'name\na\n', 'ties.csv': 'from,to\n' }, /people\.csv:1:1: missing required column "id"/],
      [{ 'people.csv': 'id\na\nb\n', 'ties.csv': 'from,weight\na,1\n' }, /ties\.csv:1:1: missing required column "to"/],
      [{ 'people.csv': 'id,disposition\na,keen\nb,\n', 'ties.csv': 'from,to\n' }, /people\.csv:2:3: disposition: expected one of interested, skeptical, disinterested \(or empty\), got "keen"/],
      [{ 'people.csv': 'id,trust\na,0.5\nb,1.5\n', 'ties.csv': 'from,to\n' }, /people\.csv:3:3: trust: expected a number between 0 and 1 \(or empty\), got "1\.5"/],
      [{ 'people.csv': 'id,leader\na,maybe\nb,no\n', 'ties.csv': 'from,to\n' }, /people\.csv:2:3: leader: expected yes\/no, true\/false or 1\/0, got "maybe"/],
      [{ 'people.csv': '', 'ties.csv': 'from,to\n' }, /people\.csv:1:1: empty file/],
      [{ 'people.csv': 'id\na\nb\n', 'ties.csv': 'from,to\na,b,c\n' }, /ties\.csv:2:1: malformed CSV/],
      [{ 'people.csv': 'id\na\nb\n', 'ties.csv': 'from,to,relation\na,b,work\n' }, /ties\.csv: organization\.relations: relation "advice" is not in the relation column \(it has: work\)/],
    ];
    for (const [files, message] of cases.slice(0, -1)) expect(failure(files), JSON.stringify(files)).toMatch(message);
    const [files, message] = cases[cases.length - 1];
    expect(failure(files, SCENARIO + '  relations: [advice]\n')).toMatch(message);
  });

  it('a path that is not a regular file, a missing file, a half-given pair', () => {
    const dir = folder({ 'people.csv': PEOPLE });
    mkdirSync(join(dir, 'ties.csv'));
    writeFileSync(join(dir, 'org.yaml'), SCENARIO);
    expect(() => loadScenario(join(dir, 'org.yaml'))).toThrow(/org\.yaml:5:\d+: organization\.ties: expected a regular file, got a directory/);
    expect(failure({ 'people.csv': PEOPLE })).toMatch(/org\.yaml:5:\d+: organization\.ties: file not found/);
    expect(failure({}, 'extends: classroom\norganization:\n  network: file\n  people: people.csv\n')).toMatch(/organization\.ties: network: file needs people and ties/);
    expect(failure({}, 'extends: classroom\norganization: { people: p.csv }\n')).toMatch(/org\.yaml:2:\d+: organization\.people: only read with organization\.network: file/);
  });
});

describe('GraphML and GEXF', () => {
  const graphml = (nodes: string, edges: string) =>
    `<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<key id="u" for="node" attr.name="unit" attr.type="string"/>\n<key id="t" for="node" attr.name="trust" attr.type="double"/>\n<graph edgedefault="undirected">\n${nodes}${edges}</graph>\n</graphml>\n`;
  const GRAPH_SCENARIO = 'extends: classroom\norganization:\n  network: file\n  graph: org.graphml\n';

  it('reads nodes, their attributes and edges', () => {
    const text = graphml(
      '<node id="a"><data key="u">X</data><data key="t">0.4</data></node>\n<node id="b"><data key="u">X</data></node>\n<node id="c"><data key="u">Y</data></node>\n',
      '<edge source="a" target="b"/>\n<edge source="b" target="c"/>\n<edge source="c" target="b"/>\n',
    );
    const file = loaded(load({ 'org.graphml': text }, GRAPH_SCENARIO));
    expect(file.unitNames).toEqual(['X', 'Y']);
    expect(file.facts).toMatchObject({ people: 3, ties: 2, duplicateTies: 1 });
    expect(file.trust[file.ids.indexOf('a')]).toBe(0.4);
  });

  it('GEXF too', () => {
    const gexf = `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">\n<nodes><node id="a" label="a"/><node id="b" label="b"/><node id="c" label="c"/></nodes>\n<edges><edge id="0" source="a" target="b"/><edge id="1" source="b" target="c"/></edges>\n</graph></gexf>\n`;
    const file = loaded(load({ 'org.gexf': gexf }, 'extends: classroom\norganization:\n  network: file\n  graph: org.gexf\n'));
    expect(file.facts).toMatchObject({ people: 3, ties: 2, unitsGiven: false });
  });

  it('bad graphs: no nodes, an edge to an unknown node, a bad value, malformed XML', () => {
    expect(failure({ 'org.graphml': graphml('', '') }, GRAPH_SCENARIO)).toMatch(/org\.graphml:1:1: no nodes/);
    expect(failure({ 'org.graphml': graphml('<node id="a"/>\n<node id="b"/>\n', '<edge source="a" target="q"/>\n') }, GRAPH_SCENARIO)).toMatch(/org\.graphml:8:1: target: expected the id of a <node>, got "q"/);
    expect(failure({ 'org.graphml': graphml('<node id="a"><data key="t">2</data></node>\n<node id="b"/>\n', '') }, GRAPH_SCENARIO)).toMatch(/org\.graphml:6:1: trust: expected a number between 0 and 1/);
    expect(failure({ 'org.graphml': '<graphml><graph>\n<node id="a">\n</graph>' }, GRAPH_SCENARIO)).toMatch(/org\.graphml:\d+:\d+: malformed XML/);
  });
});

describe('CS-Aarhus (real data): work layer, units found by Louvain', () => {
  it('61 people, 194 work ties, units found, and the facts `show` prints', () => {
    const scenario = loadScenario(AARHUS).scenario;
    expect(scenario.organization).toMatchObject({ network: 'file', staff: 61 });
    const file = loaded(scenario);
    expect(file.facts).toMatchObject({ people: 61, ties: 194, tieRows: 620, otherRelations: 426, unitsGiven: false, isolates: 1 });
    expect(file.units).toBe(scenario.organization.units);
    expect(file.unitNames.at(-1)).toBe('unconnected');
    expect(file.units).toBeGreaterThanOrEqual(3);
    // Louvain seeded by the files' hash: the same units every load.
    expect(Array.from(file.unitOf)).toEqual(Array.from(loaded(loadScenario(AARHUS).scenario).unitOf));
    const facts = organizationFacts(file).join('\n');
    expect(facts).toMatch(/people: 61/);
    expect(facts).toMatch(/ties: 194 mutual ties from 620 rows/);
    expect(facts).toMatch(/found as communities of the ties \(Louvain\)/);
    expect(facts).toMatch(/components: 2 \(largest 60 people\); isolates: 1/);
    expect(notes.some((line) => /no unit column: \d+ units found as communities/.test(line))).toBe(true);
  });

  it('src/sim uses the same role codes', () => {
    expect(PersonRole).toEqual(Role);
  });
});
