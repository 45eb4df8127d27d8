import { SqliteAdapter, sql } from 'kysely';
import type { Database, Executor } from './db.ts';
import type { Job } from './scheduler.ts';
import { OPTIMIZE } from './sqlite-optimize.ts';

export { ANALYSIS_LIMIT } from './sqlite-optimize.ts';

/**
 * Planner statistics (docs/decisions/0006-query-plans-and-statistics.md). SQLite keeps none unless told to
 * (`ANALYZE` writes them into sqlite_stat1); without them it guesses, and a guess can read a whole city of cases.
 * PostgreSQL's autovacuum analyses changed tables by itself, so on PostgreSQL only explicit refreshes after bulk
 * writes do anything here.
 */

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
  const names = tables.length
    ? tables
    : (
        await sql<{
          name: string;
        }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db)
      ).rows.map((r) => r.name);
  if (names.length) await sql`analyze ${sql.join(names.map((t) => sql.id(t)))}`.execute(db);
}

/** The scheduler job (hourly; the first run right after start also catches up on a freshly migrated schema). */
export function statisticsJob(database: Database): Job {
  return { name: 'db.statistics', everyMs: 3_600_000, run: () => optimizeStatistics(database) };
}
