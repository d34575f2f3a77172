/**
 * The explorer's Web Worker: one `simulate` per request, nothing else. Bundled on its own (esbuild,
 * platform browser) and started from a Blob URL, so it works from file://.
 */
import { storedOrganization, type OrganizationFile } from '../scenarios/browser.js';
import { simulate } from '../sim/index.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
const organizations = new Map<string, OrganizationFile>();

function organizationFor(hash: string | undefined): OrganizationFile | undefined {
  if (hash === undefined) return undefined;
  return organizations.get(hash) ?? storedOrganization(hash);
}

scope.onmessage = ({ data }) => {
  if (data.kind === 'organization') {
    organizations.set(data.organization.hash, data.organization);
    return;
  }
  const started = performance.now();
  try {
    const o = data.scenario.organization;
    const result = simulate(data.scenario, data.seed, { organization: o.network === 'file' ? organizationFor(o.inputHash) : undefined });
    scope.postMessage({ kind: 'done', generation: data.generation, job: data.job, json: JSON.stringify(result), ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ kind: 'failed', generation: data.generation, job: data.job, error: error instanceof Error ? error.message : String(error) });
  }
};
