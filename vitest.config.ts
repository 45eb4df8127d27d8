import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './scripts/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['common/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Each file gets its own database (SQLite in memory, or a fresh PostgreSQL schema), so files run in parallel.
    pool: 'forks',
    sequence: { sequencer: SlowFirstSequencer },
    setupFiles: ['web/src/testing-setup.ts', 'server/src/testing/vitest-setup.ts'],
    // Temporary directories of a run go under one folder (server/src/testing/temp-dir.ts).
    globalSetup: ['server/src/testing/vitest-global.ts'],
  },
});
