/**
 * CLI tests spawn the built binary (dist/cli/main.js): build first so they never test stale
 * code. Type errors still fail `npm install`/`npm ci` (the prepare script) and CI.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = String((error as { stdout?: Buffer }).stdout ?? '');
    process.stderr.write(`tests: the build reported errors (tests run against what was emitted):\n${output}\n`);
  }
}
