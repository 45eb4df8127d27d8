import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import SQLite from 'better-sqlite3';
import type Pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DB } from '../db/schema.ts';
import { cachingStatements } from './sqlite-statements.ts';
import { optimizeOnOpen } from './sqlite-optimize.ts';
import { lazyRequire } from './lazy-require.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Either the pool or an open transaction: repositories accept both so services own the transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

// node-postgres is loaded by the first PostgreSQL database opened; a SQLite process never loads it.
const loadPg = lazyRequire<typeof Pg>('pg');
function postgresDriver(): typeof Pg {
  const pg = loadPg();
  // PostgreSQL returns bigint (count(*)) and numeric as strings (a bigint may exceed a double); ours fit in a double.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  return pg;
}

export interface OpenOptions {
  /** PostgreSQL schema to use (tests get a fresh one per file). */
  schema?: string;
  poolSize?: number;
  /**
   * SQLite: how long a write waits for another connection's lock before failing with SQLITE_BUSY. better-sqlite3
   * waits synchronously, blocking every request of the process meanwhile: the server keeps it short (config
   * SQLITE_BUSY_TIMEOUT_MS) and answers 503; scripts and migrations may wait longer (the default).
   */
  busyTimeoutMs?: number;
  /**
   * SQLite in memory (`sqlite::memory:`) only: start from this database image (a file's bytes, e.g. made by
   * `VACUUM INTO`) instead of an empty database. Tests use it to copy a seeded template in milliseconds.
   */
  image?: Buffer;
}

export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length) || ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    if (options.image && file !== ':memory:') throw new Error('openDatabase: an image opens only as sqlite::memory:');
    const sqlite = new SQLite(options.image ?? file);
    // WAL for concurrent readers, FK enforcement, and waiting instead of failing on a busy lock (several requests share the file).
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
    // Planner statistics kept current (docs/decisions/0006-query-plans-and-statistics.md).
    optimizeOnOpen(sqlite);
    return { db, dialect: 'sqlite', close: () => db.destroy() };
  }
  const pool = new (postgresDriver().Pool)({
    connectionString: url,
    max: options.poolSize ?? 10,
    options: options.schema ? `-c search_path=${options.schema}` : undefined,
  });
  // A dropped connection (e.g. a PostgreSQL restart) must not crash the process; the pool reconnects on next use.
  pool.on('error', () => undefined);
  // A client that is checked out when its connection dies emits 'error' on itself, not on the pool: without a
  // listener that is an uncaught exception. Its query fails (the request gets a 500), the pool discards the broken
  // client on release and opens a new connection next time, so the app reconnects by itself after a database restart.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

const UNIQUE_CODES = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505']);
const FK_CODES = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']);

function errCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

export const isUniqueViolation = (err: unknown): boolean => UNIQUE_CODES.has(errCode(err) ?? '');
export const isForeignKeyViolation = (err: unknown): boolean => FK_CODES.has(errCode(err) ?? '');

/** Booleans are stored as 0/1 integers on both backends (portable schema). */
export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean): number => (v ? 1 : 0);
