/**
 * One number grammar for everything a user types or a file holds: plain decimals, optionally with
 * a sign and an exponent (`12`, `-0.5`, `.25`, `1e3`). Not hex (`0x10`), octal (`0o7`), binary,
 * `Infinity`, `.inf`, `.nan`, or the empty string that `Number('')` reads as 0: a value that looks
 * like a number in one place and not in another is a surprise (issue 25).
 */
import type { SchemaOptions } from 'yaml';

export const PLAIN_DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** The number a plain decimal text stands for, or undefined for anything else (surrounding spaces allowed). */
export function plainNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!PLAIN_DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

type Tags = Exclude<NonNullable<SchemaOptions['customTags']>, (tags: never) => unknown>;

/** Tags that read a scalar as a number some other part of the tool would not. */
function foreignNumber(tag: Tags[number]): boolean {
  if (typeof tag === 'string') return tag === 'intHex' || tag === 'intOct' || tag === 'floatNaN';
  return tag.format === 'HEX' || tag.format === 'OCT' || (tag.tag === 'tag:yaml.org,2002:float' && tag.test !== undefined && /nan|inf/i.test(String(tag.test)));
}

/**
 * The YAML core schema without hex and octal integers and without .inf/.nan: such a scalar is read
 * as text, which the schema then refuses with its "expected a number" message. Pass as the
 * `customTags` option of the yaml parser.
 */
export function plainNumberTags(tags: Tags): Tags {
  return tags.filter((tag) => !foreignNumber(tag));
}
