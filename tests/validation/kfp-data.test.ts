/**
 * The Korean family-planning files as the kfp-holdout case reads them: parsing and its refusals,
 * the registered split, one village's files, the yearly curves as per-unit waves.
 */
import { describe, expect, it } from 'vitest';
import { adoptionCurve, parseKfp, splitVillages, unitWaves, unitWavesCsv, villageFiles, type KfpTexts } from '../../src/validation/kfp-data.js';
import { readKfp, REGISTERED_HELD_OUT, SPLIT_SEED } from '../../src/validation/kfp-holdout.js';

function texts(people: string, ties: string, adoption: string): KfpTexts {
  return { people: { text: people, label: 'people.csv' }, ties: { text: ties, label: 'ties.csv' }, adoption: { text: adoption, label: 'adoption.csv' } };
}

const small = texts('id,unit\na1,v1\na2,v1\na3,v1\nb1,v2\nb2,v2\n', 'from,to,relation\na1,a2,talk-fp\na2,a3,neighbor\na1,b1,talk-fp\nb1,b2,advice-fp\n', 'id,year\na1,1\na2,3\na3,\nb1,10\nb2,\n');

describe('kfp data', () => {
  it('reads women, villages and ties, with not-adopted as null', () => {
    const data = parseKfp(small);
    expect(data.villages).toEqual(['v1', 'v2']);
    expect(data.women.map((w) => w.year)).toEqual([1, 3, null, 10, null]);
    expect(data.ties).toHaveLength(4);
  });

  it('refuses bad rows with file:line, what was expected and what was given', () => {
    expect(() => parseKfp(texts('id,unit\na1,v1\n', 'from,to,relation\n', 'id,year\na1,11\n'))).toThrow('adoption.csv:2: year: expected a whole year 1–10 or empty (not adopted), got "11"');
    expect(() => parseKfp(texts('id,unit\na1,v1\n', 'from,to,relation\na1,zz,talk-fp\n', 'id,year\na1,\n'))).toThrow('ties.csv:2: expected ids of people.csv, got "zz"');
    expect(() => parseKfp(texts('id,unit\na1,v1\na2,v1\n', 'from,to,relation\n', 'id,year\na1,\n'))).toThrow('adoption.csv: expected a row for every woman of people.csv, got none for a2');
    expect(() => parseKfp(texts('id,village\na1,v1\n', 'from,to,relation\n', 'id,year\na1,\n'))).toThrow('people.csv:1: expected the columns id,unit');
    expect(() => parseKfp(texts('id,unit\na1,v1\na1,v1\n', 'from,to,relation\n', 'id,year\na1,\n'))).toThrow('people.csv:3: id: expected each id once, got a1 again');
  });

  it("a village's files hold its women and only the ties among them", () => {
    const files = villageFiles(parseKfp(small), 'v1');
    expect(files.women).toBe(3);
    expect(files.people).toBe('id,unit\na1,v1\na2,v1\na3,v1\n');
    expect(files.ties).toBe('from,to,relation\na1,a2,talk-fp\na2,a3,neighbor\n');
    expect(() => villageFiles(parseKfp(small), 'v9')).toThrow('village "v9": expected one of v1, v2');
  });

  it('curves are cumulative by year, and waves are their shares at months 12 … 120', () => {
    const data = parseKfp(small);
    expect(adoptionCurve(data, 'v1')).toEqual({ women: 3, adopted: [1, 1, 2, 2, 2, 2, 2, 2, 2, 2] });
    const waves = unitWaves(data, ['v2']);
    expect(waves.map((w) => w.month)).toEqual([12, 24, 36, 48, 60, 72, 84, 96, 108, 120]);
    expect(waves.map((w) => w.mean)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]);
    expect(unitWavesCsv(waves.slice(9))).toBe('unit,month,measure,mean,sd,n\nv2,120,applying,0.5,,2\n');
  });

  it('the shipped files match the README: 1,047 women, 25 villages, adoptions by year, 374 not adopted', () => {
    const data = readKfp();
    expect(data.women).toHaveLength(1047);
    expect(data.villages).toHaveLength(25);
    expect(data.ties).toHaveLength(16436);
    const byYear = Array.from({ length: 10 }, (_, k) => data.women.filter((w) => w.year === k + 1).length);
    expect(byYear).toEqual([69, 94, 81, 86, 65, 62, 53, 53, 73, 37]);
    expect(data.women.filter((w) => w.year === null)).toHaveLength(374);
  });

  it('the split is seeded, two thirds training, and the one registered in docs/VALIDATION.md', () => {
    const { villages } = readKfp();
    const split = splitVillages(villages, SPLIT_SEED);
    expect(split.training).toHaveLength(17);
    expect(split.heldOut).toEqual(REGISTERED_HELD_OUT);
    expect([...split.training, ...split.heldOut].sort()).toEqual(villages);
    expect(splitVillages(villages, SPLIT_SEED + 1).heldOut).not.toEqual(REGISTERED_HELD_OUT);
  });
});
