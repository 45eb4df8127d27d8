import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../db/migrations/index.ts';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from './test-db.ts';
import type { TestDataKind } from './test-template.ts';

/**
 * Test files get copies of a template (test-template.ts) instead of building their database: a copy must hold
 * what building it from scratch gives — every table with as many rows, and the same migrations applied — so the
 * template cannot drift from the migrations or the seed unnoticed. Runs on both dialects.
 */
const opened: TestDatabase[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
});

async function open(kind: TestDataKind, fresh: boolean): Promise<TestDatabase> {
  const database = await createTestDatabase({ kind, fresh });
  opened.push(database);
  return database;
}

async function tables(database: TestDatabase): Promise<string[]> {
  const { rows } =
    database.dialect === 'sqlite'
      ? // sqlite_stat*: planner statistics, which opening a copy refreshes (db-statistics.ts); they are not data.
        await sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_stat%' order by name`.execute(
          database.db,
        )
      : // partitions are counted through their table: their names follow the day the migrations ran (docs/iot.md)
        await sql<{ name: string }>`select c.relname as name from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${database.schema} and c.relkind in ('r', 'p') and not c.relispartition
        order by c.relname`.execute(database.db);
  return rows.map((r) => r.name);
}

async function rowCounts(database: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tables(database)) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(table)}`.execute(database.db);
    counts[table] = Number(rows[0]!.n);
  }
  return counts;
}

async function migrations(database: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db);
  return rows.map((r) => r.name);
}

describe(`test database templates (${TEST_DIALECT})`, () => {
  for (const kind of ['migrated', 'seeded'] as const) {
    it(`a ${kind} copy has the tables, row counts and migrations of a ${kind} database built from scratch`, async () => {
      const copy = await open(kind, false);
      const built = await open(kind, true);
      const counts = await rowCounts(copy);
      expect(counts).toEqual(await rowCounts(built));
      expect(await migrations(copy)).toEqual(await migrations(built));
      expect(await migrations(copy)).toEqual([...MIGRATION_NAMES].sort());
      if (kind === 'seeded') {
        expect(counts.users).toBeGreaterThan(5);
        expect(counts.regions).toBeGreaterThan(0);
      } else {
        expect(counts.tenants).toBe(0);
      }
    }, 60_000);
  }

  it('each copy is a database of its own: a change in one is not seen by another', async () => {
    const [a, b] = [await open('seeded', false), await open('seeded', false)];
    if (a.dialect === 'postgres') expect(a.url).not.toBe(b.url);
    const before = await rowCounts(b);
    await a.db.deleteFrom('user_grants').execute();
    expect((await rowCounts(a)).user_grants).toBe(0);
    expect(await rowCounts(b)).toEqual(before);
    expect(before.user_grants).toBeGreaterThan(0);
  }, 60_000);
});
