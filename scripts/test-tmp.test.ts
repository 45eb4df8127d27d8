import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../server/src/testing/temp-dir.ts';
import { runVitestChild } from '../server/src/testing/vitest-child.ts';

/**
 * Test runs leave nothing in the system temp folder: every helper makes its directories under the run's folder
 * (CITYLOOP_TEST_TMP) and removes them when its test file ends; a plain `vitest` run gets a folder of its own.
 * A few representative files, on SQLite: config (a data folder per test), an app on a test database (its data
 * folder), and the two-instance test, whose folder is made when the file loads though its tests are skipped there.
 */
const FILES = [
  'server/src/config.test.ts',
  'server/src/platform/platform.http.test.ts',
  'server/src/scale/two-instances.test.ts',
];
const ours = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('cityloop-'));

describe('temporary directories of a test run', () => {
  it('a vitest run without CITYLOOP_TEST_TMP leaves no cityloop-* directory in the temp folder', async () => {
    const tmp = makeTempDir('system-tmp-');
    const run = await runVitestChild(FILES, { TMPDIR: tmp, CITYLOOP_TEST_TMP: undefined, TEST_DB: 'sqlite' });
    expect(run.code, run.output).toBe(0);
    expect(run.passed).toBeGreaterThan(10);
    expect(ours(tmp)).toEqual([]);
  }, 180_000);

  it('helpers make their directories under CITYLOOP_TEST_TMP and remove them when their test file ends', async () => {
    const tmp = makeTempDir('system-tmp-');
    const runFolder = makeTempDir('run-');
    const run = await runVitestChild(FILES, { TMPDIR: tmp, CITYLOOP_TEST_TMP: runFolder, TEST_DB: 'sqlite' });
    expect(run.code, run.output).toBe(0);
    expect(ours(tmp)).toEqual([]);
    expect(readdirSync(runFolder)).toEqual([]);
  }, 180_000);
});
