/**
 * Backup and restore for both backends: SQLite through its online backup API (consistent while the
 * server keeps writing), PostgreSQL through pg_dump -Fc / pg_restore. Each backup gets a manifest — row count and
 * content hash of every table, taken from exactly the data in the backup — so a restore can prove it is complete.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';

const run = promisify(execFile);

export interface TableFingerprint {
  rows: number;
  sha256: string;
}
export type Fingerprints = Record<string, TableFingerprint>;

export interface Manifest {
  dialect: 'sqlite' | 'postgres';
  createdAt: string;
  schema: string | null;
  tables: Fingerprints;
}

export interface Target {
  url: string;
  /** PostgreSQL schema (tests use one per file); null = the whole database */
  schema?: string | null;
}

const canonical = (v: unknown): unknown =>
  Buffer.isBuffer(v)
    ? `\\x${v.toString('hex')}`
    : v instanceof Date
      ? v.toISOString()
      : typeof v === 'bigint'
        ? Number(v)
        : v;

function fingerprint(rows: Record<string, unknown>[]): TableFingerprint {
  const lines = rows
    .map((r) =>
      JSON.stringify(
        Object.keys(r)
          .sort()
          .map((k) => [k, canonical(r[k])]),
      ),
    )
    .sort();
  const h = createHash('sha256');
  for (const l of lines) h.update(l).update('\n');
  return { rows: rows.length, sha256: h.digest('hex') };
}

export const sqliteFile = (url: string) => url.slice('sqlite:'.length);

export function sqliteFingerprints(file: string): Fingerprints {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[];
    const out: Fingerprints = {};
    for (const { name } of tables)
      out[name] = fingerprint(
        db.prepare(`select * from "${name.replace(/"/g, '""')}"`).all() as Record<string, unknown>[],
      );
    return out;
  } finally {
    db.close();
  }
}

/**
 * The schema's logical tables: plain tables and partitioned tables, not their partitions. A partitioned table's
 * select reads every partition's rows, so counting the partitions as well would count each row twice; and which
 * partitions exist (a new day, a dropped week) is not the content a restore has to prove.
 */
async function pgTables(client: pg.Client, schema: string): Promise<string[]> {
  const res = await client.query<{ table_name: string }>(
    `select c.relname as table_name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
    [schema],
  );
  return res.rows.map((r) => r.table_name);
}

async function pgFingerprintsWith(client: pg.Client, schema: string): Promise<Fingerprints> {
  const out: Fingerprints = {};
  for (const t of await pgTables(client, schema)) {
    const res = await client.query(`select * from "${schema}"."${t}"`);
    out[t] = fingerprint(res.rows as Record<string, unknown>[]);
  }
  return out;
}

/**
 * 64-bit integers and numerics are read as their text whatever parser the process installed for them (the app reads
 * int8 as a number, a plain script as a string), so two processes fingerprint the same row the same way.
 */
const RAW_NUMBER_TYPES = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const fingerprintTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((v: string) => unknown) =>
    RAW_NUMBER_TYPES.has(oid)
      ? (v: string) => v
      : (pg.types.getTypeParser(oid, format ?? 'text') as (v: string) => unknown)) as typeof pg.types.getTypeParser,
};

export async function pgFingerprints(target: Target): Promise<Fingerprints> {
  const client = new pg.Client({ connectionString: target.url, types: fingerprintTypes });
  await client.connect();
  try {
    return await pgFingerprintsWith(client, target.schema ?? 'public');
  } finally {
    await client.end();
  }
}

/** pg_dump must be at least the server's major version (an older pg_dump refuses a newer server). */
export async function checkPgDumpVersion(url: string): Promise<{ client: string; server: string }> {
  const { stdout } = await run('pg_dump', ['--version']);
  const clientMajor = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const server = (await c.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  await c.end();
  const serverMajor = Number(/^(\d+)/.exec(server)?.[1]);
  if (!(clientMajor >= serverMajor))
    throw new Error(
      `pg_dump ${stdout.trim()} is older than the server (${server}); install the matching postgresql-client`,
    );
  return { client: stdout.trim(), server };
}

/** SQLite online backup: pages are copied while the server keeps writing; the copy is one consistent snapshot. */
export async function backupSqlite(url: string, out: string): Promise<Manifest> {
  const src = new SQLite(sqliteFile(url), { fileMustExist: true });
  try {
    await src.backup(out);
  } finally {
    src.close();
  }
  return { dialect: 'sqlite', createdAt: new Date().toISOString(), schema: null, tables: sqliteFingerprints(out) };
}

/**
 * pg_dump -Fc of the same snapshot the manifest is computed from: a repeatable-read transaction exports its
 * snapshot and pg_dump reads through it, so writes during the backup are in neither or in both.
 */
export async function backupPostgres(target: Target, out: string): Promise<Manifest> {
  await checkPgDumpVersion(target.url);
  const client = new pg.Client({ connectionString: target.url, types: fingerprintTypes });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ s: string }>('select pg_export_snapshot() as s')).rows[0]!.s;
    const schemaArgs = target.schema ? ['--schema', target.schema] : [];
    await run(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${snapshot}`,
        ...schemaArgs,
        '--file',
        out,
        '--dbname',
        target.url,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
    const tables = await pgFingerprintsWith(client, target.schema ?? 'public');
    await client.query('commit');
    return { dialect: 'postgres', createdAt: new Date().toISOString(), schema: target.schema ?? null, tables };
  } finally {
    await client.end();
  }
}

/** Replaces the SQLite database file with the backup (stop the server first); WAL leftovers of the old file go. */
export function restoreSqlite(backupFile: string, url: string): Fingerprints {
  const file = sqliteFile(url);
  for (const leftover of [`${file}-wal`, `${file}-shm`]) if (existsSync(leftover)) rmSync(leftover);
  copyFileSync(backupFile, file);
  return sqliteFingerprints(file);
}

/**
 * pg_restore --clean --if-exists into the target database (stop the servers first), in one transaction. The
 * partitioned tables of the target are dropped first in that transaction: pg_restore's own clean-up would drop each
 * partition's key before its parent, which PostgreSQL refuses for a key the partition inherits. The dump is turned
 * into a script and run by psql, so that drop and the restore commit or fail together.
 */
export async function restorePostgres(backupFile: string, target: Target): Promise<Fingerprints> {
  const script = `${backupFile}.restore.sql`;
  try {
    await run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--file', script, backupFile], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const drops = (await partitionedTables(target)).map((t) => `DROP TABLE IF EXISTS ${t} CASCADE;`).join(' ');
    await run(
      'psql',
      [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set',
        'ON_ERROR_STOP=1',
        '--dbname',
        target.url,
        ...(drops ? ['--command', drops] : []),
        '--file',
        script,
      ],
      { maxBuffer: 64 * 1024 * 1024 },
    );
  } finally {
    if (existsSync(script)) rmSync(script);
  }
  return pgFingerprints(target);
}

/** The target schema's partitioned tables, schema-qualified and quoted. */
async function partitionedTables(target: Target): Promise<string[]> {
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const rows = await client.query<{ name: string }>(
      `select format('%I.%I', n.nspname, c.relname) as name from pg_partitioned_table p
         join pg_class c on c.oid = p.partrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = $1 and not c.relispartition order by c.relname`,
      [target.schema ?? 'public'],
    );
    return rows.rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** Tables whose count or content hash differ between two fingerprints (empty = identical). */
export function compareFingerprints(expected: Fingerprints, actual: Fingerprints): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names
    .filter((n) => expected[n]?.rows !== actual[n]?.rows || expected[n]?.sha256 !== actual[n]?.sha256)
    .map(
      (n) =>
        `${n}: expected ${expected[n]?.rows ?? 'no table'} rows ${expected[n]?.sha256.slice(0, 12) ?? ''}, got ${actual[n]?.rows ?? 'no table'} rows ${actual[n]?.sha256.slice(0, 12) ?? ''}`,
    );
}
