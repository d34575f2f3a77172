/**
 * What a reader of organization files hands on: people in file order with whichever attributes
 * the file has, and ties as index pairs into them. Shared by the CSV and the graph readers, and
 * the checks of one attribute value (leader, disposition, trust, readiness) they both apply.
 */
import { plainNumber } from './numbers.js';
import { InputError } from './errors.js';
import { DISPOSITIONS } from './schema.js';

/** Person attributes a file may carry; `id` alone is required. */
export const PERSON_ATTRIBUTES = ['unit', 'team', 'leader', 'disposition', 'trust', 'readiness'] as const;
export type PersonAttribute = (typeof PERSON_ATTRIBUTES)[number];

export interface RawOrganization {
  /** the people file (or graph) as the user named it, for messages */
  readonly peopleLabel: string;
  readonly tiesLabel: string;
  readonly ids: string[];
  /** attributes present in the file */
  readonly columns: ReadonlySet<PersonAttribute>;
  /** per person, '' where the cell is empty (only read when the column is present) */
  readonly unit: string[];
  readonly team: string[];
  readonly leader: Uint8Array;
  /** disposition index or -1 */
  readonly disposition: Int8Array;
  /** NaN where not given */
  readonly trust: Float64Array;
  readonly readiness: Float64Array;
  /** kept ties (after the relation filter), as person indices; `tieCount` pairs used */
  readonly tieFrom: Int32Array;
  readonly tieTo: Int32Array;
  /** weight of each kept tie (1 when the file has none) */
  readonly tieWeight: Float64Array;
  readonly tieCount: number;
  readonly tieRows: number;
  readonly otherRelations: number;
}

/** Where a value sits, for `file:line:column` messages. */
export type Where = () => string;

const YES = new Set(['yes', 'true', '1', 'y']);
const NO = new Set(['no', 'false', '0', 'n', '']);

export function parseLeader(value: string, where: Where): number {
  const word = value.trim().toLowerCase();
  if (YES.has(word)) return 1;
  if (NO.has(word)) return 0;
  throw new InputError(`${where()}: leader: expected yes/no, true/false or 1/0, got ${JSON.stringify(value)}`);
}

export function parseDisposition(value: string, where: Where): number {
  const word = value.trim().toLowerCase();
  if (word === '') return -1;
  const index = (DISPOSITIONS as readonly string[]).indexOf(word);
  if (index < 0) throw new InputError(`${where()}: disposition: expected one of ${DISPOSITIONS.join(', ')} (or empty), got ${JSON.stringify(value)}`);
  return index;
}

/** A share in [0, 1], or NaN for an empty cell. */
export function parseShare(field: string, value: string, where: Where): number {
  const trimmed = value.trim();
  if (trimmed === '') return Number.NaN;
  const number = plainNumber(trimmed) ?? Number.NaN;
  if (!Number.isFinite(number) || number < 0 || number > 1) {
    throw new InputError(`${where()}: ${field}: expected a number between 0 and 1 (or empty), got ${JSON.stringify(value)}`);
  }
  return number;
}

/** A tie weight: a positive number; empty means 1. */
export function parseWeight(value: string, where: Where): number {
  const trimmed = value.trim();
  if (trimmed === '') return 1;
  const number = plainNumber(trimmed) ?? Number.NaN;
  if (!Number.isFinite(number) || number <= 0) throw new InputError(`${where()}: weight: expected a positive number (or empty), got ${JSON.stringify(value)}`);
  return number;
}

/** A growable list of ties read so far. */
export class TieList {
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  weight = new Float64Array(1024);
  count = 0;

  add(a: number, b: number, w: number): void {
    if (this.count === this.from.length) {
      const size = this.from.length * 2;
      const from = new Int32Array(size);
      from.set(this.from);
      const to = new Int32Array(size);
      to.set(this.to);
      const weight = new Float64Array(size);
      weight.set(this.weight);
      this.from = from;
      this.to = to;
      this.weight = weight;
    }
    this.from[this.count] = a;
    this.to[this.count] = b;
    this.weight[this.count] = w;
    this.count++;
  }
}

/** People storage sized to the number of rows. */
export function emptyPeople(count: number) {
  return {
    unit: new Array<string>(count).fill(''),
    team: new Array<string>(count).fill(''),
    leader: new Uint8Array(count),
    disposition: new Int8Array(count).fill(-1),
    trust: new Float64Array(count).fill(Number.NaN),
    readiness: new Float64Array(count).fill(Number.NaN),
  };
}
