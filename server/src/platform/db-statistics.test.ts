import { makeTempDir } from '../testing/temp-dir.ts';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrations/index.ts';

import { createTestDatabase, TEST_DIALECT } from '../testing/test-db.ts';
import { FixedClock } from './clock.ts';
import { ANALYSIS_LIMIT, refreshStatistics, statisticsJob } from './db-statistics.ts';
import { openDatabase, type Database } from './db.ts';
import { seedDemoCity } from '../testing/app-parts.ts';

/** Planner statistics are written on open, by the hourly job and after bulk writes (decision 0006). */
const clock = new FixedClock(new Date('2024-03-12T02:00:00.000Z'));

describe.runIf(TEST_DIALECT === 'sqlite')('SQLite statistics', () => {
  let dir: string;
  let file: string;
  const analysed = (db: SQLite.Database) =>
    (db.prepare("select count(*) as n from sqlite_master where name = 'sqlite_stat1'").get() as { n: number }).n === 1
      ? (db.prepare('select distinct tbl from sqlite_stat1').all() as { tbl: string }[]).map((r) => r.tbl)
      : [];
  const forget = () => {
    const raw = new SQLite(file);
    raw.exec('drop table if exists sqlite_stat1');
    raw.close();
  };

  beforeAll(async () => {
    dir = makeTempDir('cityloop-stats-');
    file = join(dir, 'stats.db');
    const database = openDatabase(`sqlite:${file}`);
    await migrateToLatest(database.db);
    await seedDemoCity(database.db, clock);
    await database.close();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opening a file analyses the tables that never were, within a bounded analysis', async () => {
    forget();
    const database = openDatabase(`sqlite:${file}`);
    try {
      const raw = new SQLite(file, { readonly: true });
      expect(analysed(raw)).toEqual(expect.arrayContaining(['components', 'regions', 'catalog_entries']));
      raw.close();
      const limit = await sql<{ analysis_limit: number }>`pragma analysis_limit`.execute(database.db);
      expect(limit.rows[0]?.analysis_limit).toBe(ANALYSIS_LIMIT);
    } finally {
      await database.close();
    }
  });

  it('the scheduler job analyses what changed since, on the long-lived connection', async () => {
    const database = openDatabase(`sqlite:${file}`);
    try {
      forget();
      // Another connection dropped the statistics: the job's optimize sees the tables unanalysed and writes them.
      await statisticsJob(database).run(clock.now());
      expect(
        (await sql<{ tbl: string }>`select distinct tbl from sqlite_stat1`.execute(database.db)).rows.map((r) => r.tbl),
      ).toContain('components');
    } finally {
      await database.close();
    }
  });

  it('refreshStatistics analyses the named tables now', async () => {
    const database = openDatabase(`sqlite:${file}`);
    const raw = new SQLite(file, { readonly: true });
    try {
      await sql`delete from sqlite_stat1`.execute(database.db);
      await refreshStatistics(database.db, ['components']);
      expect(analysed(raw)).toEqual(['components']);
    } finally {
      raw.close();
      await database.close();
    }
  });
});

describe.runIf(TEST_DIALECT === 'postgres')('PostgreSQL statistics', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCity(database.db, clock);
  }, 60_000);
  afterAll(async () => database.close());

  const lastAnalyze = async (table: string) =>
    (
      await sql<{ at: string | null }>`select last_analyze as at from pg_stat_user_tables
    where schemaname = current_schema() and relname = ${table}`.execute(database.db)
    ).rows[0]?.at ?? null;

  it('the scheduler job leaves PostgreSQL to autovacuum', async () => {
    await expect(statisticsJob(database).run(clock.now())).resolves.toBeUndefined();
    expect(await lastAnalyze('users')).toBeNull();
  });

  it('refreshStatistics analyses the named tables, or every table of the schema', async () => {
    expect(await lastAnalyze('components')).toBeNull();
    await refreshStatistics(database.db, ['components']);
    expect(await lastAnalyze('components')).not.toBeNull();
    expect(await lastAnalyze('regions')).toBeNull();
    await refreshStatistics(database.db);
    expect(await lastAnalyze('regions')).not.toBeNull();
  });
});
