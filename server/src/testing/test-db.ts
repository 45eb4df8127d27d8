import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../platform/db.ts';
import { migrateToLatest } from '../db/migrations/index.ts';

/**
 * A fresh, migrated database for one test file: SQLite in memory by default, or — with TEST_DB=postgres — a new
 * schema on the local PostgreSQL (TEST_PG_URL), dropped at close. The same suite runs on both (issue 2 "Storage").
 */
export const TEST_DIALECT = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const TEST_PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase extends Database {
  /** The URL another process (e.g. a second app instance) can use to reach the same data. */
  url: string;
  schema: string | null;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DIALECT === 'sqlite') {
    const database = openDatabase('sqlite::memory:');
    await migrateToLatest(database.db);
    return { ...database, url: 'sqlite::memory:', schema: null };
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  // Create shared extensions once, outside the per-file schemas, so parallel migrations never race on them.
  await admin.query('create extension if not exists pg_trgm schema public').catch(() => undefined);
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = openDatabase(TEST_PG_URL, { schema, poolSize: 5 });
  await migrateToLatest(database.db, { schema });
  return {
    ...database,
    url: TEST_PG_URL,
    schema,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: TEST_PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
