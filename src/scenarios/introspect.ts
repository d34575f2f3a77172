/**
 * Walks the scenario schema: the field at a path, and the list of every leaf field with its
 * metadata. Used for error messages, `show`, "did you mean", docs and sensitivity factors.
 */
import type { z } from 'zod';
import { fieldMeta, type FieldMeta } from './fields.js';
import { scenarioSchema } from './schema.js';

interface ZodInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; items?: z.ZodType[] } };
}

function internals(schema: z.ZodType): ZodInternals['_zod']['def'] {
  return (schema as unknown as ZodInternals)._zod.def;
}

/** Strip `.default()`, `.optional()` and refinement wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = internals(current);
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'prefault') && def.innerType) {
      current = def.innerType;
    } else {
      break;
    }
  }
  return current;
}

export function metaOf(schema: z.ZodType): FieldMeta | undefined {
  return fieldMeta.get(schema) ?? fieldMeta.get(unwrap(schema));
}

/** The keys an object node accepts, or undefined when the node is not an object. */
export function keysAt(path: readonly (string | number)[]): string[] | undefined {
  const node = schemaAt(path);
  if (!node) return undefined;
  const def = internals(unwrap(node));
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

export function schemaAt(path: readonly (string | number)[], root: z.ZodType = scenarioSchema): z.ZodType | undefined {
  let node: z.ZodType | undefined = root;
  for (const key of path) {
    if (!node) return undefined;
    const def = internals(unwrap(node));
    if (def.type === 'object' && def.shape && typeof key === 'string') node = def.shape[key];
    else if (def.type === 'tuple' && def.items && typeof key === 'number') node = def.items[key] ?? node;
    else return undefined;
  }
  return node;
}

export interface FieldInfo {
  readonly path: string;
  readonly meta: FieldMeta;
}

/** Every leaf field with metadata, in schema order. */
export function listFields(root: z.ZodType = scenarioSchema, prefix = ''): FieldInfo[] {
  const def = internals(unwrap(root));
  if (def.type !== 'object' || !def.shape) return [];
  const fields: FieldInfo[] = [];
  for (const [key, child] of Object.entries(def.shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const meta = metaOf(child);
    if (meta) fields.push({ path, meta });
    else fields.push(...listFields(child, path));
  }
  return fields;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
