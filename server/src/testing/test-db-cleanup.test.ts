import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './temp-dir.ts';
import { dropTestDatabases, quoteName, runDatabasePrefix, withAdmin } from './test-db-names.ts';
import { TEST_DIALECT, TEST_PG_URL } from './test-db.ts';
import { runVitestChild } from './vitest-child.ts';

/**
 * Test databases are copies of templates made during a run (test-template.ts): the run removes them all, the
 * templates and every test file's copy, whatever the dialect, so a test server does not fill up run after run.
 */
const databasesStartingWith = (prefix: string) =>
  withAdmin(TEST_PG_URL, async (admin) =>
    (
      await admin.query<{ datname: string }>(
        'select datname from pg_database where starts_with(datname, $1) order by datname',
        [prefix],
      )
    ).rows.map((r) => r.datname),
  );

describe(`cleaning up the test databases of a run (${TEST_DIALECT})`, () => {
  it('a Vitest run leaves neither a template in its folder nor, on PostgreSQL, a database', async () => {
    const runFolder = makeTempDir('run-');
    const run = await runVitestChild(['server/src/modules/org/public-tenant.http.test.ts'], {
      CITYLOOP_TEST_TMP: runFolder,
      TEST_DB: TEST_DIALECT,
    });
    expect(run.code, run.output).toBe(0);
    expect(run.passed).toBeGreaterThan(0);
    expect(readdirSync(runFolder)).toEqual([]);
    if (TEST_DIALECT === 'postgres') expect(await databasesStartingWith(runDatabasePrefix(runFolder)!)).toEqual([]);
  }, 180_000);

  it.skipIf(TEST_DIALECT !== 'postgres')(
    'the runner drops what a killed test file left of its run, and nothing of another run',
    async () => {
      const ours = runDatabasePrefix(makeTempDir('run-'))!;
      const theirs = runDatabasePrefix(makeTempDir('run-'))!;
      const left = [`${ours}0a1b2c3d_seeded`, `${ours}0a1b2c3d_f0123456789`];
      const other = `${theirs}0a1b2c3d_f0123456789`;
      await withAdmin(TEST_PG_URL, async (admin) => {
        for (const name of [...left, other]) await admin.query(`create database ${quoteName(name)}`);
      });
      try {
        expect(await dropTestDatabases(TEST_PG_URL, ours)).toEqual([...left].sort());
        expect(await databasesStartingWith(ours)).toEqual([]);
        expect(await databasesStartingWith(theirs)).toEqual([other]);
      } finally {
        await dropTestDatabases(TEST_PG_URL, ours);
        await dropTestDatabases(TEST_PG_URL, theirs);
      }
    },
    60_000,
  );
});
