/**
 * The report's way into the explorer: the `#s=` state (src/scenarios/explorer-state.ts) of this report's
 * comparison — its base scenario as the preset, its `--set` overrides for both policies, the
 * reference length as policy A, the first other length as policy B, its master seed and
 * replicates — and the command that writes explore.html beside the report.
 */
import { parse as parseYaml } from 'yaml';
import { encodeState, LENGTH_FIELD } from '../scenarios/index.js';
import { ENGINE_VERSION } from '../sim/index.js';
import type { ReportModel } from './model.js';

export interface ExplorerLink {
  /** `concentric explore …` to run in the report's folder */
  readonly command: string;
  /** explore.html#s=… */
  readonly href: string;
  readonly lengths: readonly [number, number];
}

/** null when the report compares fewer than two lengths (nothing to put against A). */
export function explorerLink(model: ReportModel): ExplorerLink | null {
  const p = model.provenance;
  const other = model.lengths.find((length) => length !== model.reference);
  if (other === undefined) return null;
  const shared: Record<string, unknown> = {};
  for (const text of p.overrides) {
    const equals = text.indexOf('=');
    if (equals <= 0) continue;
    const path = text.slice(0, equals).trim();
    if (path === LENGTH_FIELD) continue;
    const raw = text.slice(equals + 1).trim();
    let value: unknown;
    try {
      value = parseYaml(raw);
    } catch {
      value = raw;
    }
    shared[path] = value;
  }
  const preset = /\.(ya?ml|json)$/i.test(p.base) ? p.base.slice(p.base.lastIndexOf('/') + 1).replace(/\.(ya?ml|json)$/i, '') : p.base;
  const state = { preset, seed: p.masterSeed, runs: Math.min(Math.max(p.replicates, 2), 2000), shared, a: { [LENGTH_FIELD]: model.reference }, b: { [LENGTH_FIELD]: other } };
  return { command: `concentric explore ${p.base} --out explore.html`, href: `explore.html${encodeState(state, ENGINE_VERSION)}`, lengths: [model.reference, other] };
}
