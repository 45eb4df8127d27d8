/**
 * Vitest global setup.
 *  - A run started without CITYLOOP_TEST_TMP (plain `npx vitest`) gets its own folder for every test directory,
 *    removed when the run ends, so even a test file that was killed leaves nothing in the system temp folder. Under
 *    `npm test` the runner's folder is used and removed by the runner.
 *  - The run's database templates (test-template.ts) get a tag of this Vitest process (CITYLOOP_TEST_DB_TAG) and
 *    are removed at the end, and before a watch-mode rerun (the migrations or the seed may have changed); so are
 *    PostgreSQL test databases a killed worker left behind.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTestDatabases, newVitestTag, testPgUrl } from './test-db-names.ts';

export default function setup(project?: TestProject): () => Promise<void> {
  const given = process.env.CITYLOOP_TEST_TMP;
  const root = given || mkdtempSync(join(tmpdir(), 'cityloop-vitest-'));
  const removeRoot = () => {
    if (!given) rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  if (!given) {
    // Searchable (not listable) by others: a private PostgreSQL started as root runs as another user under it.
    chmodSync(root, 0o711);
    process.env.CITYLOOP_TEST_TMP = root;
    process.once('exit', removeRoot);
  }
  // Always a new tag, also when inherited from a Vitest that started this one: each removes only its own.
  const tag = newVitestTag(root);
  process.env.CITYLOOP_TEST_DB_TAG = tag;
  const templates = join(root, tag);
  const removeTemplates = async () => {
    rmSync(templates, { recursive: true, force: true, maxRetries: 3 });
    if (process.env.TEST_DB === 'postgres') {
      await dropTestDatabases(testPgUrl(), `${tag}_`).catch((err: unknown) => {
        console.error(`could not drop the test databases ${tag}_*: ${(err as Error).message}`);
      });
    }
  };
  project?.onTestsRerun(removeTemplates);
  return async () => {
    await removeTemplates();
    removeRoot();
    if (!given) delete process.env.CITYLOOP_TEST_TMP;
    delete process.env.CITYLOOP_TEST_DB_TAG;
  };
}
