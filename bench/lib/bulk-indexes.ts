/**
 * Large bulk loads (≥ --drop-indexes-from cases, e.g. --cases 1e7): the secondary indexes of `cases` and
 * `case_events` are dropped before the load and built again after it, as a restore or data migration would do; one
 * sorted build per index is far cheaper than ten million random inserts into each. Primary keys and constraint
 * indexes stay (they check the data). Also: the database's size on disk for the table.
 */
import { statSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../../server/src/platform/db.ts';

const TABLES = ['cases', 'case_events'];

/** Drops the indexes; answers a function that recreates them and answers how many it built. */
export async function dropBulkIndexes(database: Database): Promise<() => Promise<number>> {
  const { db } = database;
  const indexes =
    database.dialect === 'sqlite'
      ? (
          await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
        where type = 'index' and sql is not null and tbl_name in (${sql.join(TABLES)})`.execute(db)
        ).rows
      : (
          await sql<{ name: string; def: string }>`select i.relname as name, pg_get_indexdef(i.oid) as def
        from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = current_schema() and t.relname in (${sql.join(TABLES)})
          and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`.execute(db)
        ).rows;
  for (const ix of indexes) await sql`drop index ${sql.ref(ix.name)}`.execute(db);
  return async () => {
    await db.connection().execute(async (c) => {
      if (database.dialect === 'postgres') await sql`set maintenance_work_mem = '256MB'`.execute(c);
      for (const ix of indexes) await sql.raw(ix.def).execute(c);
    });
    return indexes.length;
  };
}

export async function databaseSizeMiB(database: Database, url: string): Promise<number> {
  if (database.dialect === 'sqlite') {
    const file = url.slice('sqlite:'.length);
    const size = (f: string) => {
      try {
        return statSync(f).size;
      } catch {
        return 0;
      }
    };
    return (size(file) + size(`${file}-wal`)) / 2 ** 20;
  }
  const row = (
    await sql<{ bytes: number }>`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::float8 as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind in ('r', 'm')`.execute(
      database.db,
    )
  ).rows[0];
  return Number(row?.bytes ?? 0) / 2 ** 20;
}
