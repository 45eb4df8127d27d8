import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../platform/db.ts';
import { quoteName, testPgUrl, vitestTag, withAdmin, withDatabase } from './test-db-names.ts';
import {
  buildPgDatabase,
  buildTestData,
  pgTemplate,
  sqliteTemplate,
  TEST_PG_SCHEMA,
  type TestDataKind,
} from './test-template.ts';

/**
 * A database of its own for one test file: SQLite in memory by default, or — with TEST_DB=postgres — a new
 * database on the local PostgreSQL (TEST_PG_URL's server), dropped at close. The same suite runs on both. It is a copy of the run's template (test-template.ts): migrated, or with the demo city seeded.
 */
export const TEST_DIALECT = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = testPgUrl();

export interface TestDatabase extends Database {
  /** The URL another process (e.g. a second app instance) can use to reach the same data. */
  url: string;
  /** PostgreSQL: the schema of the tables in that database. */
  schema: string | null;
}

export interface TestDatabaseOptions {
  /** 'migrated' (default): every migration, no rows; 'seeded': the demo city too (seeded at TEST_NOW). */
  kind?: TestDataKind;
  /** Build it from scratch instead of copying the template (the template's own test compares the two). */
  fresh?: boolean;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const kind = options.kind ?? 'migrated';
  if (TEST_DIALECT === 'sqlite') {
    if (options.fresh) {
      const database = openDatabase('sqlite::memory:');
      await buildTestData(database.db, kind);
      return { ...database, url: 'sqlite::memory:', schema: null };
    }
    const database = openDatabase('sqlite::memory:', { image: await sqliteTemplate(kind) });
    return { ...database, url: 'sqlite::memory:', schema: null };
  }
  const tag = vitestTag();
  const name = `${tag ?? 'cltest_solo'}_f${randomBytes(5).toString('hex')}`;
  if (tag && !options.fresh) {
    const template = await pgTemplate(TEST_PG_URL, tag, kind);
    // Copied block by block through the WAL (PostgreSQL 15's default strategy), with no checkpoint.
    await withAdmin(TEST_PG_URL, (admin) =>
      admin.query(`create database ${quoteName(name)} template ${quoteName(template)}`),
    );
  } else {
    await buildPgDatabase(TEST_PG_URL, name, kind);
  }
  const url = withDatabase(TEST_PG_URL, name);
  const database = openDatabase(url, { schema: TEST_PG_SCHEMA, poolSize: 5 });
  return {
    ...database,
    url,
    schema: TEST_PG_SCHEMA,
    async close() {
      await database.close();
      await withAdmin(TEST_PG_URL, (admin) => admin.query(`drop database if exists ${quoteName(name)} with (force)`));
    },
  };
}
