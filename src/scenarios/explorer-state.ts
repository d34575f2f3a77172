/**
 * The explorer's page state as a versioned `#` fragment (here, below both src/explore and
 * src/report, so the report can link to the explorer without a cycle): the explorer's state format, the engine version,
 * the preset, the seed and only the fields changed from it (shared, and per policy). Nothing goes
 * in a query string and nothing is sent anywhere.
 */

/** Bump when the fragment's shape changes. */
export const STATE_FORMAT = 1;

export type FieldValues = Readonly<Record<string, unknown>>;

export interface ExploreState {
  readonly preset: string;
  readonly seed: number;
  /** paired runs to aim for */
  readonly runs: number;
  /** fields set for both policies (dotted paths) */
  readonly shared: FieldValues;
  readonly a: FieldValues;
  readonly b: FieldValues;
}

export interface DecodedState {
  readonly state: ExploreState;
  /** the engine version the link was made with */
  readonly engine: number;
}

export function encodeState(state: ExploreState, engine: number): string {
  const body = { f: STATE_FORMAT, engine, preset: state.preset, seed: state.seed, runs: state.runs, shared: state.shared, a: state.a, b: state.b };
  return `#s=${encodeURIComponent(JSON.stringify(body))}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The state in a fragment, or a one-line reason it cannot be read. */
export function decodeState(hash: string): DecodedState | { readonly error: string } | null {
  const match = /^#s=(.*)$/.exec(hash);
  if (!match) return null;
  let body: unknown;
  try {
    body = JSON.parse(decodeURIComponent(match[1]));
  } catch {
    return { error: 'link: expected the state the explorer writes after #s=, got text that is not JSON' };
  }
  if (!isRecord(body)) return { error: 'link: expected a mapping of settings, got something else' };
  if (body.f !== STATE_FORMAT) return { error: `link: expected state format ${STATE_FORMAT}, got ${JSON.stringify(body.f)} (made by another version of the explorer)` };
  const { preset, seed, runs, shared, a, b, engine } = body;
  if (typeof preset !== 'string' || typeof seed !== 'number' || typeof runs !== 'number' || typeof engine !== 'number' || !isRecord(shared) || !isRecord(a) || !isRecord(b)) {
    return { error: 'link: expected preset, seed, runs, engine and the changed fields, got a link with some missing' };
  }
  return { state: { preset, seed, runs, shared, a, b }, engine };
}

/** `--set`-style overrides (`path=value`, the value as JSON, which YAML reads back unchanged). */
export function overridesOf(...layers: readonly FieldValues[]): string[] {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) Object.assign(merged, layer);
  return Object.entries(merged).map(([path, value]) => `${path}=${JSON.stringify(value)}`);
}
