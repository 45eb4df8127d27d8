import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL: the readings and their roll-ups become range-partitioned tables (docs/iot.md, "Readings and
 * retention"): raw readings by UTC day, minute buckets by week (from Monday), hour buckets by year, each with a
 * DEFAULT partition for anything outside the prepared ones. The rows are kept: every period that holds rows gets its
 * partition, as do the current and next periods, then the rows move over and the old tables go. The range key keeps
 * the "C" collation so text order is time order (ISO-8601 UTC) and partition bounds mean what they say. The primary
 * keys already end in the range key, as PostgreSQL requires of a unique key on a partitioned table.
 * SQLite keeps the plain tables of 0046 (the retention job deletes rows there).
 *
 * The period arithmetic is written out here rather than imported so that this file never changes with the module.
 */
type Period = 'day' | 'week' | 'year';

const TABLES: { table: string; key: string; period: Period; columns: ReturnType<typeof sql> }[] = [
  {
    table: 'telemetry_readings',
    key: 'at',
    period: 'day',
    columns: sql`tenant_id text not null, device_id text not null references devices (id), metric text not null,
      at text collate "C" not null, value double precision not null, received_at text not null`,
  },
  ...(['telemetry_minutes', 'telemetry_hours'] as const).map((table) => ({
    table,
    key: 'bucket',
    period: table === 'telemetry_minutes' ? ('week' as const) : ('year' as const),
    columns: sql`tenant_id text not null, device_id text not null references devices (id), metric text not null,
      bucket text collate "C" not null, n integer not null, sum double precision not null,
      min double precision not null, max double precision not null`,
  })),
];

const DAY = 86_400_000;

function periodStart(period: Period, t: Date): Date {
  if (period === 'year') return new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  if (period === 'day') return new Date(day);
  return new Date(day - ((t.getUTCDay() + 6) % 7) * DAY);
}

function periodAfter(period: Period, start: Date): Date {
  if (period === 'year') return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
  return new Date(start.getTime() + (period === 'day' ? DAY : 7 * DAY));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  const now = new Date();
  for (const { table, key, period, columns } of TABLES) {
    const old = `${table}_unpartitioned`;
    await sql`alter table ${sql.id(table)} rename to ${sql.id(old)}`.execute(db);
    await sql`alter table ${sql.id(old)} rename constraint ${sql.id(`${table}_pk`)} to ${sql.id(`${old}_pk`)}`.execute(db);
    const index = key === 'at' ? `${table}_at` : `${table}_bucket`;
    await sql`alter index ${sql.id(index)} rename to ${sql.id(`${old}_${key}`)}`.execute(db);

    await sql`create table ${sql.id(table)} (${columns},
      constraint ${sql.id(`${table}_pk`)} primary key (device_id, metric, ${sql.id(key)})
    ) partition by range (${sql.id(key)})`.execute(db);
    await sql`create index ${sql.id(index)} on ${sql.id(table)} (${sql.id(key)})`.execute(db);
    await sql`create table ${sql.id(`${table}_default`)} partition of ${sql.id(table)} default`.execute(db);

    const { rows } = await sql<{ day: string }>`
      select distinct substr(${sql.id(key)}, 1, 10) as day from ${sql.id(old)}`.execute(db);
    const starts = new Map<number, Date>();
    for (const t of [now, periodAfter(period, periodStart(period, now)), ...rows.map((r) => new Date(r.day))]) {
      if (Number.isNaN(t.getTime())) continue;
      const start = periodStart(period, t);
      starts.set(start.getTime(), start);
    }
    for (const start of starts.values()) {
      const stamp = start.toISOString().slice(0, period === 'year' ? 4 : 10).replaceAll('-', '');
      await sql`create table ${sql.id(`${table}_p${stamp}`)} partition of ${sql.id(table)}
        for values from (${sql.lit(start.toISOString())}) to (${sql.lit(periodAfter(period, start).toISOString())})`.execute(
        db,
      );
    }
    const cols = (key === 'at'
      ? ['tenant_id', 'device_id', 'metric', 'at', 'value', 'received_at']
      : ['tenant_id', 'device_id', 'metric', 'bucket', 'n', 'sum', 'min', 'max']
    ).map((c) => sql.id(c));
    await sql`insert into ${sql.id(table)} (${sql.join(cols)}) select ${sql.join(cols)} from ${sql.id(old)}`.execute(db);
    await sql`drop table ${sql.id(old)}`.execute(db);
    await sql`analyze ${sql.id(table)}`.execute(db);
  }
}
