/**
 * InputError: a problem with what the user gave us (file, field, flag). The CLI prints its
 * one-line message and exits 2; anything else is an internal error (exit 1).
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(message: string) {
    super(message);
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof Error && error.name === 'InputError';
}

/** Describe a given value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 37) + '...' : value);
  if (Array.isArray(value)) return `a list ${truncate(JSON.stringify(value))}`;
  if (typeof value === 'object') return `a mapping ${truncate(JSON.stringify(value))}`;
  return String(value);
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}
