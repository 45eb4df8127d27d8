/**
 * Temporary directories for tests and test scripts. They are made under CITYLOOP_TEST_TMP (the run's own folder,
 * made by `npm test` or by Vitest's global setup) when it is set, so one removal clears a whole run, and each is
 * also removed by its maker: at the end of its test file (vitest-setup.ts), by `removeTempDir`, or when the
 * process exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set<string>();

/** The folder test directories go under: the run's folder, else the system temp folder. */
export function testTmpRoot(): string {
  return process.env.CITYLOOP_TEST_TMP || tmpdir();
}

/** A new empty directory `<root>/<prefix>XXXXXX`, removed at the latest when the test file or process ends. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(testTmpRoot(), prefix));
  made.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made.delete(dir);
}

/** Removes every directory this process made and has not removed yet. */
export function removeTempDirs(): void {
  for (const dir of [...made]) {
    try {
      removeTempDir(dir);
    } catch {
      // Best effort at exit: the run's folder removal catches what is left.
    }
  }
}

// 'exit' handlers run on a normal end and on process.exit(); the scripts turn SIGINT/SIGTERM into process.exit().
process.once('exit', removeTempDirs);
