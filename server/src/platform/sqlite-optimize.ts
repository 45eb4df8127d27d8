import type SQLite from 'better-sqlite3';

/*
 * The open-time part of the planner statistics (db-statistics.ts; docs/decisions/0006-query-plans-and-statistics.md),
 * in a file of its own because opening a database (db.ts) needs it while the rest of db-statistics.ts needs db.ts.
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
export const OPTIMIZE = 'optimize = 0x10002';

/** Every SQLite connection the product opens: bounded ANALYZE, and statistics caught up at once. */
export function optimizeOnOpen(sqlite: SQLite.Database): void {
  sqlite.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
  sqlite.pragma(OPTIMIZE);
}
