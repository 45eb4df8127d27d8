import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './scripts/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Each file gets its own database (SQLite in memory, or a fresh PostgreSQL schema), so files run in parallel.
    pool: 'forks',
    sequence: { sequencer: SlowFirstSequencer },
    // Temporary directories of a run go under one folder (server/src/testing/temp-dir.ts).
    globalSetup: ['server/src/testing/vitest-global.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          setupFiles: ['server/src/testing/vitest-setup.ts'],
          // A worker keeps the modules it loaded from one test file to the next: importing the app again for each
          // file was most of a file's time. Files share no state through them: every file builds its own app,
          // database and clock, and the few module-level caches are keyed by what is unique to a database (random
          // session ids) or hold constants (docs/conventions.md, "Tests").
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['common/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          // Rendering tests need a fresh module graph per file: Leaflet, React and the DOM environment bind to the
          // window of the file that loaded them.
          setupFiles: ['web/src/testing-setup.ts', 'server/src/testing/vitest-setup.ts'],
        },
      },
    ],
  },
});
