import { SqliteAdapter, sql } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { Database, Executor } from './db.ts';
import type { Job } from './scheduler.ts';

/**
 * Planner statistics (docs/decisions/0006-query-plans-and-statistics.md). SQLite keeps none unless told to
 * (`ANALYZE` writes them into sqlite_stat1); without them it guesses, and a guess can read a whole city of cases.
 * PostgreSQL's autovacuum analyses changed tables by itself, so on PostgreSQL only explicit refreshes after bulk
 * writes do anything here.
 */

/**
 * Rows examined per index by each ANALYZE on a SQLite connection: statistics become an estimate, and analysing a
 * ten-million-case file takes milliseconds instead of a full read of every index (SQLite suggests 100–1000).
 */
export const ANALYSIS_LIMIT = 1000;

/**
 * `PRAGMA optimize` with bit 0x10000 (look at every table, not only those this connection has queried) and 0x2
 * (analyse those that need it: never analysed, or about ten times as many rows as when last analysed): SQLite's advice for a connection that
 * stays open for a long time, at open and then periodically.
 */
const OPTIMIZE = 'optimize = 0x10002';

/** Every SQLite connection the product opens: bounded ANALYZE, and statistics caught up at once. */
export function optimizeOnOpen(sqlite: SQLite.Database): void {
  sqlite.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  sqlite.pragma(OPTIMIZE);
}

const isSqlite = (db: Executor) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The periodic top-up: re-analyses only what has changed enough; a no-op on PostgreSQL (autovacuum's job). */
export async function optimizeStatistics(database: Database): Promise<void> {
  if (database.dialect === 'sqlite') await sql.raw(`pragma ${OPTIMIZE}`).execute(database.db);
}

/**
 * After a bulk write (an import, a generated history): analyse now rather than plan the next queries on numbers from
 * before it. Call it after the write's transaction has committed. `tables` narrows the work; by default every table
 * of the database (SQLite) or of the current schema (PostgreSQL, which samples a bounded number of rows per table).
 */
export async function refreshStatistics(db: Executor, tables: readonly string[] = []): Promise<void> {
  if (isSqlite(db)) {
    if (!tables.length) await sql`analyze`.execute(db);
    for (const t of tables) await sql`analyze ${sql.id(t)}`.execute(db);
    return;
  }
  const names = tables.length ? tables
    : (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)).rows.map((r) => r.name);
  if (names.length) await sql`analyze ${sql.join(names.map((t) => sql.id(t)))}`.execute(db);
}

/** The scheduler job (hourly; the first run right after start also catches up on a freshly migrated schema). */
export function statisticsJob(database: Database): Job {
  return { name: 'db.statistics', everyMs: 3_600_000, run: () => optimizeStatistics(database) };
}
