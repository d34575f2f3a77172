/**
 * people.csv and ties.csv → RawOrganization, with `file:line:column` for every bad value.
 *
 * Parsing is csv-parse's (quotes, CRLF, BOM). It returns plain rows, and a row's line is its
 * index + 1 when no field can span lines; only a file with quotes or blank lines is parsed with
 * csv-parse's per-record line info, which costs about twice as much on a million ties.
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
  readonly rows: string[][];
  /** the line of row r (0-based, after the header) */
  lineOf(r: number): number;
  /** the line of the header */
  readonly headerLine: number;
}

interface CsvError {
  readonly code?: string;
  readonly lines?: number;
  readonly message: string;
}

function readTable(text: string, label: string): Table {
  if (text.trim() === '') throw new InputError(`${label}:1:1: empty file: expected a header row and at least one row`);
  const located = text.includes('"') || /\n[ \t]*\r?\n/.test(text) || /^[ \t]*\r?\n/.test(text);
  try {
    if (!located) {
      const all = parse(text, { bom: true, relax_column_count: false }) as string[][];
      return { header: all[0], rows: all.slice(1), lineOf: (r) => r + 2, headerLine: 1 };
    }
    const all = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    return {
      header: all[0].record,
      rows: all.slice(1).map((entry) => entry.record),
      lineOf: (r) => all[r + 1].info.lines,
      headerLine: all[0].info.lines,
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
  if (peopleTable.rows.length === 0) throw new InputError(`${people.label}:${peopleTable.headerLine + 1}:1: no people: expected one row per person after the header`);
  const present = new Set<PersonAttribute>(PERSON_ATTRIBUTES.filter((name) => columns.has(name)));
  const count = peopleTable.rows.length;
  const values = emptyPeople(count);
  const ids: string[] = new Array<string>(count);
  const indexOf = new Map<string, number>();
  const idColumn = columns.get('id')!;
  for (let r = 0; r < count; r++) {
    const row = peopleTable.rows[r];
    const where = (k: number) => () => `${people.label}:${peopleTable.lineOf(r)}:${columnOf(row, k)}`;
    const id = row[idColumn].trim();
    if (id === '') throw new InputError(`${where(idColumn)()}: id: expected a person's id, got an empty cell`);
    const earlier = indexOf.get(id);
    if (earlier !== undefined) {
      throw new InputError(`${where(idColumn)()}: id: duplicate id ${JSON.stringify(id)} (first on line ${peopleTable.lineOf(earlier)})`);
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
  const rows = tieTable.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (relationColumn !== undefined) {
      const relation = row[relationColumn].trim();
      seen.add(relation);
      if (keep && !keep.has(relation)) {
        otherRelations++;
        continue;
      }
    }
    const a = indexOf.get(row[from].trim());
    const b = indexOf.get(row[to].trim());
    if (a === undefined || b === undefined) {
      const k = a === undefined ? from : to;
      throw new InputError(
        `${ties.label}:${tieTable.lineOf(r)}:${columnOf(row, k)}: ${k === from ? 'from' : 'to'}: expected an id listed in ${people.label}, got ${JSON.stringify(row[k].trim())}`,
      );
    }
    const weight = weightColumn === undefined ? 1 : parseWeight(row[weightColumn], () => `${ties.label}:${tieTable.lineOf(r)}:${columnOf(row, weightColumn)}`);
    list.add(a, b, weight);
  }
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
    tieRows: rows.length,
    otherRelations,
  };
}
