/**
 * people.csv and ties.csv → RawOrganization, with `file:line:column` for every bad value.
 *
 * A file with a double quote anywhere goes through csv-parse (quoted fields, commas and line
 * breaks inside them), with its per-record line numbers. A file without one is split on line
 * breaks and commas here: without quotes that is all CSV can mean, and it reads a million ties in
 * a fraction of the time and memory csv-parse needs (docs/YOUR-ORG.md gives the figures). Both
 * ways skip blank lines, drop a BOM and accept CRLF, and refuse a row whose field count differs
 * from the header's.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from './errors.js';
import {
  emptyPeople,
  parseDisposition,
  parseLeader,
  parseShare,
  parseWeight,
  PERSON_ATTRIBUTES,
  TieList,
  type PersonAttribute,
  type RawOrganization,
} from './organization-raw.js';

interface Table {
  readonly header: string[];
  /** the line of the header */
  readonly headerLine: number;
  /** each row after the header with its line, in file order */
  forEachRow(visit: (row: string[], line: number) => void): void;
}

interface CsvError {
  readonly code?: string;
  readonly lines?: number;
  readonly message: string;
}

function malformed(label: string, line: number, fields: number, expected: number): InputError {
  return new InputError(`${label}:${line}:1: malformed CSV: expected ${expected} fields as in the header, got ${fields}`);
}

/** A file without quotes: rows are lines, fields are what lies between commas. */
function plainTable(text: string, label: string): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let header: string[] | undefined;
  let headerLine = 0;
  const each = (visit: (row: string[], line: number) => void, stopAfterHeader: boolean) => {
    let line = 0;
    let from = 0;
    while (from < body.length) {
      let to = body.indexOf('\n', from);
      if (to < 0) to = body.length;
      line++;
      const end = to > from && body.charCodeAt(to - 1) === 13 ? to - 1 : to;
      const content = body.slice(from, end);
      from = to + 1;
      if (content.trim() === '') continue;
      visit(content.split(','), line);
      if (stopAfterHeader) return;
    }
  };
  each((row, line) => {
    header = row;
    headerLine = line;
  }, true);
  const columns = header!.length;
  return {
    header: header!,
    headerLine,
    forEachRow(visit) {
      let first = true;
      each((row, line) => {
        if (first) {
          first = false;
          return;
        }
        if (row.length !== columns) throw malformed(label, line, row.length, columns);
        visit(row, line);
      }, false);
    },
  };
}

function readTable(text: string, label: string): Table {
  if (text.trim() === '') throw new InputError(`${label}:1:1: empty file: expected a header row and at least one row`);
  if (!text.includes('"')) return plainTable(text, label);
  try {
    const all = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return {
      header: all[0].record,
      headerLine: all[0].info.lines,
      forEachRow(visit) {
        for (let r = 1; r < all.length; r++) visit(all[r].record, all[r].info.lines);
      },
    };
  } catch (error) {
    const problem = error as CsvError;
    const line = problem.lines ?? 1;
    const reason = problem.message.replace(/^Invalid Record Length: /, '').replace(/ (at|on) line \d+/, '');
    throw new InputError(`${label}:${line}:1: malformed CSV: ${reason}`);
  }
}

/** The 1-based character column where field k of a row starts (exact for unquoted rows). */
function columnOf(row: readonly string[], k: number): number {
  let column = 1;
  for (let j = 0; j < k; j++) column += row[j].length + 1;
  return column;
}

function headerIndex(table: Table, label: string, required: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  table.header.forEach((name, k) => {
    const key = name.trim().toLowerCase();
    if (index.has(key)) {
      throw new InputError(`${label}:${table.headerLine}:${columnOf(table.header, k)}: duplicate column "${name.trim()}"`);
    }
    index.set(key, k);
  });
  for (const name of required) {
    if (!index.has(name)) {
      const given = table.header.map((h) => h.trim()).join(', ');
      throw new InputError(`${label}:${table.headerLine}:1: missing required column "${name}": expected ${required.join(', ')} in the header row, got ${given}`);
    }
  }
  return index;
}

export interface CsvOptions {
  readonly relations: readonly string[] | null;
}

export function readPeopleAndTies(
  people: { text: string; label: string },
  ties: { text: string; label: string },
  options: CsvOptions,
): RawOrganization {
  const peopleTable = readTable(people.text, people.label);
  const columns = headerIndex(peopleTable, people.label, ['id']);
  const peopleRows: string[][] = [];
  const peopleLines: number[] = [];
  peopleTable.forEachRow((row, line) => {
    peopleRows.push(row);
    peopleLines.push(line);
  });
  if (peopleRows.length === 0) throw new InputError(`${people.label}:${peopleTable.headerLine + 1}:1: no people: expected one row per person after the header`);
  const present = new Set<PersonAttribute>(PERSON_ATTRIBUTES.filter((name) => columns.has(name)));
  const count = peopleRows.length;
  const values = emptyPeople(count);
  const ids: string[] = new Array<string>(count);
  const indexOf = new Map<string, number>();
  const idColumn = columns.get('id')!;
  for (let r = 0; r < count; r++) {
    const row = peopleRows[r];
    const where = (k: number) => () => `${people.label}:${peopleLines[r]}:${columnOf(row, k)}`;
    const id = row[idColumn].trim();
    if (id === '') throw new InputError(`${where(idColumn)()}: id: expected a person's id, got an empty cell`);
    const earlier = indexOf.get(id);
    if (earlier !== undefined) {
      throw new InputError(`${where(idColumn)()}: id: duplicate id ${JSON.stringify(id)} (first on line ${peopleLines[earlier]})`);
    }
    indexOf.set(id, r);
    ids[r] = id;
    for (const name of present) {
      const k = columns.get(name)!;
      const cell = row[k];
      switch (name) {
        case 'unit':
          values.unit[r] = cell.trim();
          if (values.unit[r] === '') throw new InputError(`${where(k)()}: unit: expected a unit name, got an empty cell (leave out the whole column to have units found)`);
          break;
        case 'team':
          values.team[r] = cell.trim();
          break;
        case 'leader':
          values.leader[r] = parseLeader(cell, where(k));
          break;
        case 'disposition':
          values.disposition[r] = parseDisposition(cell, where(k));
          break;
        case 'trust':
          values.trust[r] = parseShare('trust', cell, where(k));
          break;
        case 'readiness':
          values.readiness[r] = parseShare('readiness', cell, where(k));
          break;
      }
    }
  }

  const tieTable = readTable(ties.text, ties.label);
  const tieColumns = headerIndex(tieTable, ties.label, ['from', 'to']);
  const from = tieColumns.get('from')!;
  const to = tieColumns.get('to')!;
  const weightColumn = tieColumns.get('weight');
  const relationColumn = tieColumns.get('relation');
  const keep = options.relations ? new Set(options.relations) : null;
  if (keep && relationColumn === undefined) {
    throw new InputError(`${ties.label}:${tieTable.headerLine}:1: organization.relations needs a "relation" column, got columns ${tieTable.header.map((h) => h.trim()).join(', ')}`);
  }
  const seen = new Set<string>();
  const list = new TieList();
  let otherRelations = 0;
  let tieRows = 0;
  let lastFrom = '';
  let lastA: number | undefined;
  tieTable.forEachRow((row, line) => {
    tieRows++;
    if (relationColumn !== undefined) {
      const relation = row[relationColumn].trim();
      seen.add(relation);
      if (keep && !keep.has(relation)) {
        otherRelations++;
        return;
      }
    }
    // Edge lists often come grouped by `from`: the same id as the last row needs no lookup.
    const fromId = row[from].trim();
    const a = fromId === lastFrom ? lastA : indexOf.get(fromId);
    lastFrom = fromId;
    lastA = a;
    const b = indexOf.get(row[to].trim());
    if (a === undefined || b === undefined) {
      const k = a === undefined ? from : to;
      throw new InputError(`${ties.label}:${line}:${columnOf(row, k)}: ${k === from ? 'from' : 'to'}: expected an id listed in ${people.label}, got ${JSON.stringify(row[k].trim())}`);
    }
    const weight = weightColumn === undefined ? 1 : parseWeight(row[weightColumn], () => `${ties.label}:${line}:${columnOf(row, weightColumn)}`);
    list.add(a, b, weight);
  });
  if (keep) {
    const missing = [...keep].filter((relation) => !seen.has(relation));
    if (missing.length > 0) {
      throw new InputError(
        `${ties.label}: organization.relations: relation ${JSON.stringify(missing[0])} is not in the relation column (it has: ${[...seen].sort().join(', ')})`,
      );
    }
  }
  return {
    peopleLabel: people.label,
    tiesLabel: ties.label,
    ids,
    columns: present,
    ...values,
    tieFrom: list.from,
    tieTo: list.to,
    tieWeight: list.weight,
    tieCount: list.count,
    tieRows,
    otherRelations,
  };
}
