/**
 * Vitest global setup: a run started without CITYLOOP_TEST_TMP (plain `npx vitest`) gets its own folder for every
 * test directory, removed when the run ends, so even a test file that was killed leaves nothing in the system temp
 * folder. Under `npm test` the runner's folder is used and removed by the runner.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  if (process.env.CITYLOOP_TEST_TMP) return () => undefined;
  const root = mkdtempSync(join(tmpdir(), 'cityloop-vitest-'));
  // Searchable (not listable) by others: a private PostgreSQL started as root runs as another user under it.
  chmodSync(root, 0o711);
  process.env.CITYLOOP_TEST_TMP = root;
  const remove = () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', remove);
  return () => {
    remove();
    delete process.env.CITYLOOP_TEST_TMP;
  };
}
