/**
 * Names of the databases a test run makes on PostgreSQL, and their removal. Light on purpose (no server code): the
 * Vitest global setup and scripts/test-all.ts import it.
 *
 * Every name starts with the run's prefix `cltest_<hash of CITYLOOP_TEST_TMP>_` (one per `npm test` or plain
 * `vitest` run), then the tag of one Vitest process (`<prefix><8 hex>`, set by vitest-global.ts as
 * CITYLOOP_TEST_DB_TAG), then what it is: `_migrated` / `_seeded` for the templates, `_f<hex>` for one test
 * file's copy. So a Vitest run removes exactly its own databases (a Vitest started by a test gets a tag of its
 * own), and the runner removes everything of its run, also what a killed worker left.
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

const SAFE = /^[a-z0-9_]+$/;

/** The server (and its database to connect to) of the PostgreSQL test databases. */
export const testPgUrl = (): string => process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The prefix of every database of the run whose folder is `tmpRoot`; null outside a run. */
export function runDatabasePrefix(tmpRoot: string | undefined = process.env.CITYLOOP_TEST_TMP): string | null {
  return tmpRoot ? `cltest_${createHash('sha256').update(tmpRoot).digest('hex').slice(0, 8)}_` : null;
}

/** A new tag for one Vitest process of the run whose folder is `tmpRoot`. */
export function newVitestTag(tmpRoot: string): string {
  return `${runDatabasePrefix(tmpRoot)}${randomBytes(4).toString('hex')}`;
}

/** The tag of this Vitest run (vitest-global.ts), or null outside Vitest. */
export function vitestTag(): string | null {
  const tag = process.env.CITYLOOP_TEST_DB_TAG;
  return tag && SAFE.test(tag) ? tag : null;
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export function quoteName(name: string): string {
  if (!SAFE.test(name) || name.length > 63) throw new Error(`not a test database name: ${name}`);
  return `"${name}"`;
}

export async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  // A server that goes away mid-query must fail the query, not crash the process.
  admin.on('error', () => undefined);
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end().catch(() => undefined);
  }
}

/**
 * Drops every database whose name starts with `prefix` (connections to them are closed first), on the server of
 * `url`; answers the names dropped.
 */
export async function dropTestDatabases(url: string, prefix: string): Promise<string[]> {
  if (!SAFE.test(prefix) || !prefix.startsWith('cltest_')) throw new Error(`not a test database prefix: ${prefix}`);
  return withAdmin(url, async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1) order by datname',
      [prefix],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists ${quoteName(datname)} with (force)`);
    return rows.map((r) => r.datname);
  });
}
