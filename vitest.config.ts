import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/global-setup.ts'],
    // Ink/chalk drop colour off a TTY; colour assertions need it forced.
    env: { FORCE_COLOR: '1' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Many tests wait on spawned CLI processes: one file per core plus one keeps both cores busy.
    maxWorkers: availableParallelism() + 1,
  },
});
