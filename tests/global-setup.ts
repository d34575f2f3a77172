/**
 * CLI tests spawn the built binary (dist/cli/main.js): build first so they never test stale
 * code — unless dist/ is already newer than every source file (as right after `npm ci`, whose
 * prepare script builds). Type errors still fail `npm install`/`npm ci` and CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Newest modification time under dir, folders included (a deleted file changes its folder). */
function newestSource(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const built = join(root, 'dist', 'cli', 'main.js');
  const sources = Math.max(newestSource(join(root, 'src')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    process.stderr.write(`tests: the build reported errors (tests run against what was emitted):\n${output}\n`);
  }
}
