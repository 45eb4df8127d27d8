/**
 * Bulk paths for the synthetic load, one transaction per batch (~5,000 cases and their timeline rows):
 * SQLite: prepared multi-row INSERTs on a direct better-sqlite3 connection (plus the FTS5 rows insertCase writes);
 * PostgreSQL: one INSERT … SELECT FROM unnest($1::text[], …) per table and batch.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { CaseEventsTable, CasesTable } from '../../server/src/db/schema.ts';
import type { Batch } from './synthetic-cases.ts';

export interface BulkWriter {
  write(batch: Batch): Promise<void>;
  /**
   * Reserves `count` case numbers per local day on the tenant's `case:yyyymmdd` sequences (the ones intake draws
   * from) in one transaction; answers the first reserved number per day. Intake running meanwhile gets the next ones.
   */
  reserveSequences(tenantId: string, perDay: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  close(): Promise<void>;
}

type Row = CasesTable | CaseEventsTable | { case_id: string; body: string };
type Value = string | number | null;
const SQLITE_MAX_PARAMS = 32_000;

function values(row: Row, columns: readonly string[]): Value[] {
  const r = row as unknown as Record<string, Value>;
  return columns.map((c) => r[c] ?? null);
}

export function sqliteWriter(file: string): BulkWriter {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // Bench data: a crash mid-load just means loading again, so skip the fsyncs (the disk dominates otherwise).
  sqlite.pragma('synchronous = OFF');
  // Eight indexes on cases take random inserts: a large page cache keeps their hot pages out of the OS round trip.
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const statements = new Map<string, SQLite.Statement>();
  const insertMany = (table: string, columns: readonly string[], rows: readonly Row[]) => {
    const per = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / columns.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const key = `${table}:${chunk.length}`;
      let stmt = statements.get(key);
      if (!stmt) {
        const tuple = `(${columns.map(() => '?').join(',')})`;
        stmt = sqlite.prepare(
          `insert into ${table} (${columns.join(',')}) values ${Array(chunk.length).fill(tuple).join(',')}`,
        );
        statements.set(key, stmt);
      }
      stmt.run(chunk.flatMap((r) => values(r, columns)));
    }
  };
  const writeBatch = sqlite.transaction((batch: Batch) => {
    const first = batch.cases[0];
    if (!first) return;
    insertMany('cases', Object.keys(first), batch.cases);
    insertMany(
      'cases_fts',
      ['case_id', 'body'],
      batch.cases.map((c) => ({ case_id: c.id, body: c.search_text })),
    );
    const e = batch.events[0];
    if (e) insertMany('case_events', Object.keys(e), batch.events);
  });
  return {
    async write(batch) {
      writeBatch(batch);
    },
    async reserveSequences(tenantId, perDay) {
      const stmt = sqlite.prepare(
        'insert into sequences (tenant_id, name, value) values (?, ?, ?) on conflict (tenant_id, name) do update set value = value + excluded.value returning value',
      );
      const first = new Map<string, number>();
      sqlite.transaction(() => {
        for (const [day, count] of perDay) {
          const row = stmt.get(tenantId, `case:${day}`, count) as { value: number };
          first.set(day, Number(row.value) - count + 1);
        }
      })();
      return first;
    },
    async close() {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

const PG_ARRAY: Record<string, string> = {
  text: 'text[]',
  'double precision': 'float8[]',
  integer: 'int4[]',
  bigint: 'int8[]',
};

export async function postgresWriter(url: string, schema: string | null): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: url, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  const types = new Map<string, Map<string, string>>();
  const columnTypes = async (table: string) => {
    let t = types.get(table);
    if (!t) {
      const res = await client.query<{ column_name: string; data_type: string }>(
        'select column_name, data_type from information_schema.columns where table_schema = current_schema() and table_name = $1',
        [table],
      );
      t = new Map(res.rows.map((r) => [r.column_name, r.data_type]));
      types.set(table, t);
    }
    return t;
  };
  const insertUnnest = async (table: string, rows: readonly Row[]) => {
    const first = rows[0];
    if (!first) return;
    const columns = Object.keys(first);
    const t = await columnTypes(table);
    const casts = columns.map((c, i) => {
      const arrayType = PG_ARRAY[t.get(c) ?? ''];
      if (!arrayType) throw new Error(`${table}.${c}: no bulk mapping for type ${t.get(c) ?? '(missing column)'}`);
      return `$${i + 1}::${arrayType}`;
    });
    const arrays = columns.map((c) => rows.map((r) => (r as unknown as Record<string, Value>)[c] ?? null));
    await client.query(`insert into ${table} (${columns.join(',')}) select * from unnest(${casts.join(',')})`, arrays);
  };
  return {
    async write(batch) {
      await client.query('begin');
      try {
        await insertUnnest('cases', batch.cases);
        await insertUnnest('case_events', batch.events);
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      }
    },
    async reserveSequences(tenantId, perDay) {
      const res = await client.query<{ name: string; value: number }>(
        `insert into sequences (tenant_id, name, value) select $1, n, k from unnest($2::text[], $3::int4[]) as s(n, k)
         on conflict (tenant_id, name) do update set value = sequences.value + excluded.value returning name, value`,
        [tenantId, [...perDay.keys()].map((d) => `case:${d}`), [...perDay.values()]],
      );
      return new Map(
        res.rows.map((r) => {
          const day = r.name.slice('case:'.length);
          return [day, Number(r.value) - (perDay.get(day) ?? 0) + 1];
        }),
      );
    },
    async close() {
      await client.end();
    },
  };
}
