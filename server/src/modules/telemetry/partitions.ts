import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db.ts';

/**
 * PostgreSQL range partitions of the readings and their roll-ups (docs/iot.md, "Readings and retention"). Partitions
 * are made ahead of time by the retention job and at start, never while a reading is stored, so ingest never waits
 * for DDL; the DEFAULT partition takes whatever falls outside them. SQLite keeps plain tables and never calls this.
 */
export type Period = 'day' | 'week' | 'year';

export interface PartitionedTable {
  table: 'telemetry_readings' | 'telemetry_minute_packs' | 'telemetry_hours';
  /** the range key: ISO-8601 UTC text, so the "C" collation orders it as time */
  key: 'at' | 'hour' | 'bucket';
  period: Period;
}

export const PARTITIONED: readonly PartitionedTable[] = [
  { table: 'telemetry_readings', key: 'at', period: 'day' },
  { table: 'telemetry_minute_packs', key: 'hour', period: 'week' },
  { table: 'telemetry_hours', key: 'bucket', period: 'year' },
];

const DAY = 86_400_000;

/** Start of the UTC period holding `t` (weeks start on Monday, as ISO 8601 weeks do). */
export function periodStart(period: Period, t: Date): Date {
  if (period === 'year') return new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  if (period === 'day') return new Date(day);
  return new Date(day - ((t.getUTCDay() + 6) % 7) * DAY);
}

/** Start of the period after the one starting at `start`. */
export function periodAfter(period: Period, start: Date): Date {
  if (period === 'year') return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
  return new Date(start.getTime() + (period === 'day' ? DAY : 7 * DAY));
}

export function partitionName(spec: PartitionedTable, start: Date): string {
  const stamp = start.toISOString().slice(0, spec.period === 'year' ? 4 : 10);
  return `${spec.table}_p${stamp.replaceAll('-', '')}`;
}

export interface Partition {
  name: string;
  /** null for the DEFAULT partition */
  from: string | null;
  to: string | null;
}

/** The partitions of one table in the current schema, with their bounds, oldest first (DEFAULT last). */
export async function listPartitions(db: Executor, table: PartitionedTable['table']): Promise<Partition[]> {
  const { rows } = await sql<{ name: string; bound: string }>`
    select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
    from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_class p on p.oid = i.inhparent
    join pg_namespace n on n.oid = p.relnamespace
    where p.relname = ${table} and n.nspname = current_schema()`.execute(db);
  const out = rows.map((r) => {
    const m = /FROM \('([^']*)'[^)]*\) TO \('([^']*)'/.exec(r.bound);
    return { name: r.name, from: m?.[1] ?? null, to: m?.[2] ?? null };
  });
  return out.sort((a, b) => (a.from === null ? 1 : b.from === null ? -1 : a.from < b.from ? -1 : 1));
}

/**
 * One transaction of partition DDL: serialized between instances by an advisory lock, and giving up after two
 * seconds on a table lock it cannot get, so a long query ahead of it never makes ingest queue for long behind its
 * lock request; the next hourly run tries again.
 */
function ddl<T>(db: Db, work: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (tx) => {
    await sql`set local lock_timeout = '2s'`.execute(tx);
    await sql`select pg_advisory_xact_lock(hashtext('cityloop.telemetry.partitions'))`.execute(tx);
    return work(tx);
  });
}

/**
 * Makes sure the period holding `now` and the `ahead` periods after it have partitions; returns the ones made.
 * Rows of a new partition's range that had landed in the DEFAULT partition move into it first (PostgreSQL refuses
 * to attach a range the DEFAULT partition holds rows of). The partition is built apart and attached, which takes a
 * SHARE UPDATE EXCLUSIVE lock on the table: readings keep being stored meanwhile.
 */
export async function preparePartitions(db: Db, now: Date, ahead = 1): Promise<string[]> {
  const made: string[] = [];
  for (const spec of PARTITIONED) {
    let start = periodStart(spec.period, now);
    for (let i = 0; i <= ahead; i++) {
      const end = periodAfter(spec.period, start);
      if (await ensurePartition(db, spec, start.toISOString(), end.toISOString()))
        made.push(partitionName(spec, start));
      start = end;
    }
  }
  return made;
}

async function ensurePartition(db: Db, spec: PartitionedTable, from: string, to: string): Promise<boolean> {
  return ddl(db, async (tx) => {
    const parts = await listPartitions(tx, spec.table);
    // a partition already covers (part of) the range, e.g. one made by an earlier run or by hand
    if (parts.some((p) => p.from !== null && p.to !== null && p.from < to && from < p.to)) return false;
    const name = partitionName(spec, new Date(from));
    const table = sql.id(spec.table);
    const key = sql.id(spec.key);
    await sql`create table ${sql.id(name)} (like ${table} including defaults)`.execute(tx);
    const fallback = parts.find((p) => p.from === null);
    if (fallback)
      await sql`
        with moved as (
          delete from ${sql.id(fallback.name)} where ${key} >= ${from} and ${key} < ${to} returning *
        )
        insert into ${sql.id(name)} select * from moved`.execute(tx);
    await sql`alter table ${table} attach partition ${sql.id(name)}
      for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(tx);
    return true;
  });
}

/**
 * Retention by partition: drops the partitions wholly older than `cut` (their upper bound at or before it), then
 * deletes the DEFAULT partition's rows older than `cut`. Dropping a partition locks the table (ACCESS EXCLUSIVE)
 * for an instant, once per period instead of a delete of every old row each hour. Returns the dropped partitions and the deleted rows.
 */
export async function dropPartitionsBefore(
  db: Db,
  spec: PartitionedTable,
  cut: string,
): Promise<{ dropped: string[]; deleted: number }> {
  return ddl(db, async (tx) => {
    const parts = await listPartitions(tx, spec.table);
    const dropped: string[] = [];
    for (const p of parts)
      if (p.to !== null && p.to <= cut) {
        await sql`drop table ${sql.id(p.name)}`.execute(tx);
        dropped.push(p.name);
      }
    const fallback = parts.find((p) => p.from === null);
    let deleted = 0;
    if (fallback) {
      const res = await sql`delete from ${sql.id(fallback.name)} where ${sql.id(spec.key)} < ${cut}`.execute(tx);
      deleted = Number(res.numAffectedRows ?? 0n);
    }
    return { dropped, deleted };
  });
}
