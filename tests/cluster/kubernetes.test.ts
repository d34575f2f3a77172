/**
 * examples/kubernetes: the Indexed Job and its merge Job, checked without a cluster — the manifests'
 * shape, then each pod's shell command run here as Kubernetes would run it (its env, its
 * `$(VAR)` expansion, JOB_COMPLETION_INDEX per pod), merged, and compared with the sweep run locally.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BIN, ROOT } from '../cli/cli.js';
import { cleanEnv } from './helpers.js';

interface Container {
  command: string[];
  args: string[];
  env?: { name: string; value: string }[];
}
interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    template: { spec: { restartPolicy: string; containers: Container[] } };
  };
}

function manifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(join(ROOT, 'examples/kubernetes', file), 'utf8')).map((document) => {
    expect(document.errors).toEqual([]);
    return document.toJS() as Manifest;
  });
}

const [configMap, job] = manifests('indexed-job.yaml');
const [merge] = manifests('merge-job.yaml');
const envOf = (container: Container): Record<string, string> => Object.fromEntries((container.env ?? []).map(({ name, value }) => [name, value]));

/** Kubernetes' expansion of command and args: `$(NAME)` from the container's env, `$$` → `$`, unknown names kept. */
function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (match, name: string | undefined) => (match === '$$' ? '$' : name !== undefined && name in env ? env[name] : match));
}

describe('examples/kubernetes', () => {
  it('an Indexed Job whose shard count matches CONCENTRIC_SHARD_COUNT and the merge', () => {
    expect(configMap.kind).toBe('ConfigMap');
    expect(job.kind).toBe('Job');
    expect(job.spec?.completionMode).toBe('Indexed');
    const container = job.spec!.template.spec.containers[0];
    expect(job.spec?.template.spec.restartPolicy).toBe('Never');
    expect(Number(envOf(container).CONCENTRIC_SHARD_COUNT)).toBe(job.spec?.completions);
    expect(Number(envOf(merge.spec!.template.spec.containers[0]).SHARDS)).toBe(job.spec?.completions);
    expect(container.args.join(' ')).toMatch(/--out "\/results\/lengths\/shards\/shard-\$JOB_COMPLETION_INDEX" --resume/);
  });

  it('its pods, run here as Kubernetes runs them, merge byte-identical to the sweep on one machine', () => {
    const root = mkdtempSync(join(tmpdir(), 'concentric-k8s-'));
    const sweeps = join(root, 'sweeps');
    const results = join(root, 'results');
    const bin = join(root, 'bin');
    for (const folder of [sweeps, results, bin]) mkdirSync(folder);
    // The example's sweep and shard count, made small (the Job's mechanics are what is tested here).
    const shards = 3;
    const sweep = configMap.data!['lengths.yaml'].replace(/replicates: \d+/, 'replicates: 2') + 'set: { months: 3 }\n';
    writeFileSync(join(sweeps, 'lengths.yaml'), sweep);
    writeFileSync(join(bin, 'concentric'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"\n`);
    chmodSync(join(bin, 'concentric'), 0o755);
    const here = (text: string): string => text.replaceAll('/results', results).replaceAll('/sweeps', sweeps);

    const pod = (container: Container, extra: Record<string, string> = {}) => {
      const env = { ...envOf(container), ...extra };
      const [program, ...words] = [...container.command, ...container.args].map((word) => here(expand(word, env)));
      const result = spawnSync(program, words, { env: cleanEnv({ ...env, PATH: `${bin}:${process.env.PATH}` }), encoding: 'utf8', timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);
      return result;
    };
    const container = job.spec!.template.spec.containers[0];
    for (let index = 0; index < shards; index++) {
      const { stderr } = pod(container, { JOB_COMPLETION_INDEX: String(index), CONCENTRIC_SHARD_COUNT: String(shards) });
      expect(stderr).toContain(`shard ${index}/${shards} (from JOB_COMPLETION_INDEX=${index}, CONCENTRIC_SHARD_COUNT=${shards})`);
    }
    // A pod that runs again (a retry) changes nothing.
    const shard1 = readFileSync(join(results, 'lengths/shards/shard-1/runs.jsonl'), 'utf8');
    pod(container, { JOB_COMPLETION_INDEX: '1', CONCENTRIC_SHARD_COUNT: String(shards) });
    expect(readFileSync(join(results, 'lengths/shards/shard-1/runs.jsonl'), 'utf8')).toBe(shard1);

    expect(pod(merge.spec!.template.spec.containers[0], { SHARDS: String(shards) }).stdout).toMatch(/^merged 3 shards of "lengths": 8 runs/);
    const local = spawnSync(process.execPath, [BIN, 'sweep', join(sweeps, 'lengths.yaml'), '--quiet', '--out', join(root, 'local')], { env: cleanEnv(), encoding: 'utf8' });
    expect(local.status, local.stderr).toBe(0);
    expect(readFileSync(join(results, 'lengths/runs.jsonl'), 'utf8')).toBe(readFileSync(join(root, 'local/runs.jsonl'), 'utf8'));
  }, 120_000);
});
