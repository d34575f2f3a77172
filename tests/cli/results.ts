/** Helpers for sweep CLI tests: results directories, runs.jsonl lines, a sweep spawned in the background. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT } from './cli.js';

export function scratch(prefix = 'concentric-sweep-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function runsText(dir: string): string {
  return readFileSync(join(dir, 'runs.jsonl'), 'utf8');
}

/** Complete lines (ending in a newline) of a runs.jsonl, torn tail excluded. */
export function completeLines(dir: string): string[] {
  const path = join(dir, 'runs.jsonl');
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return text.slice(0, text.lastIndexOf('\n') + 1).split('\n').filter((line) => line !== '');
}

export function ids(dir: string): number[] {
  return completeLines(dir).map((line) => (JSON.parse(line) as { id: number }).id);
}

export interface Background {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

export function background(args: readonly string[], env: NodeJS.ProcessEnv = {}): Background {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return { child, exited };
}

/** Poll until the directory's runs.jsonl holds at least `count` complete lines (or the process ended). */
export async function waitForLines(dir: string, count: number, child: ChildProcess): Promise<void> {
  while (completeLines(dir).length < count && child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
