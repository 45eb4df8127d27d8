import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The minute roll-up becomes packed (docs/iot.md, "Minute packs"): `telemetry_minute_packs` holds the minute buckets
 * of a device, metric and hour in one byte string, where `telemetry_minutes` had a row per minute (as many rows as
 * readings at one reading a minute). On PostgreSQL the new table is range-partitioned by week on `hour` like the old
 * one (a DEFAULT partition, one per week holding rows, the current and next weeks). The existing minute buckets are
 * converted into one compacted pack per device, metric and hour, page by page in key order, and the old table goes.
 *
 * The pack encoder is written out here (every number as an eight-byte double, a form of layout version 1 that
 * telemetry/minute-pack.ts reads) rather than imported, so that this file never changes with the module; likewise
 * the period arithmetic.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;
const PAGE = 5000;

function weekStart(t: Date): Date {
  const day = Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
  return new Date(day - ((t.getUTCDay() + 6) % 7) * DAY);
}

interface Minute {
  minute: number;
  n: number;
  sum: number;
  min: number;
  max: number;
}

function encode(minutes: readonly Minute[]): Buffer {
  const bytes: number[] = [1];
  const varint = (u: number) => {
    while (u >= 128) {
      bytes.push((u % 128) + 128);
      u = Math.floor(u / 128);
    }
    bytes.push(u);
  };
  const double = (v: number) => {
    varint(1);
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    bytes.push(...b);
  };
  for (const m of [...minutes].sort((a, b) => a.minute - b.minute)) {
    if (m.n === 1) {
      bytes.push(m.minute);
      double(m.sum);
    } else {
      bytes.push(m.minute | 0x40);
      varint(m.n);
      double(m.sum);
      double(m.min);
      double(m.max);
    }
  }
  return Buffer.from(bytes);
}

interface OldRow {
  tenant_id: string;
  device_id: string;
  metric: string;
  bucket: string;
  n: number | string;
  sum: number | string;
  min: number | string;
  max: number | string;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPg) {
    await sql`create table telemetry_minute_packs (
      tenant_id text not null, device_id text not null references devices (id), metric text not null,
      hour text collate "C" not null, compacted smallint not null, minutes bytea not null
    ) partition by range (hour)`.execute(db);
    await sql`create table telemetry_minute_packs_default partition of telemetry_minute_packs default`.execute(db);
    const { rows } = await sql<{ day: string }>`
      select distinct substr(bucket, 1, 10) as day from telemetry_minutes`.execute(db);
    const now = new Date();
    const starts = new Map<number, Date>();
    for (const t of [now, new Date(weekStart(now).getTime() + 7 * DAY), ...rows.map((r) => new Date(r.day))]) {
      if (Number.isNaN(t.getTime())) continue;
      const start = weekStart(t);
      starts.set(start.getTime(), start);
    }
    for (const start of starts.values()) {
      const stamp = start.toISOString().slice(0, 10).replaceAll('-', '');
      await sql`create table ${sql.id(`telemetry_minute_packs_p${stamp}`)} partition of telemetry_minute_packs
        for values from (${sql.lit(start.toISOString())}) to (${sql.lit(new Date(start.getTime() + 7 * DAY).toISOString())})`.execute(
        db,
      );
    }
  } else
    await db.schema
      .createTable('telemetry_minute_packs')
      .addColumn('tenant_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('hour', 'text', (c) => c.notNull())
      .addColumn('compacted', 'integer', (c) => c.notNull())
      .addColumn('minutes', 'blob', (c) => c.notNull())
      .execute();

  // readers and compaction find a key's hours; compaction finds the hours with packs not yet compacted
  await sql`create index telemetry_minute_packs_key on telemetry_minute_packs (device_id, metric, hour)`.execute(db);
  await sql`create index telemetry_minute_packs_open on telemetry_minute_packs (hour) where compacted = 0`.execute(db);
  // SQLite's retention deletes by hour; PostgreSQL drops partitions instead
  if (!isPg) await sql`create index telemetry_minute_packs_hour on telemetry_minute_packs (hour)`.execute(db);

  type Key = { device_id: string; metric: string; bucket: string };
  let after = null as Key | null;
  let group: { tenant_id: string; device_id: string; metric: string; hour: string; minutes: Minute[] } | null = null;
  const out: { tenant_id: string; device_id: string; metric: string; hour: string; compacted: number; minutes: Buffer }[] =
    [];
  const flush = async () => {
    for (let i = 0; i < out.length; i += 1000)
      await sql`insert into telemetry_minute_packs (tenant_id, device_id, metric, hour, compacted, minutes)
        values ${sql.join(
          out
            .slice(i, i + 1000)
            .map((p) => sql`(${p.tenant_id}, ${p.device_id}, ${p.metric}, ${p.hour}, 1, ${p.minutes})`),
        )}`.execute(db);
    out.length = 0;
  };
  for (;;) {
    const a = after;
    const { rows }: { rows: OldRow[] } = await sql<OldRow>`
      select tenant_id, device_id, metric, bucket, n, sum, min, max from telemetry_minutes
      ${a ? sql`where (device_id, metric, bucket) > (${a.device_id}, ${a.metric}, ${a.bucket})` : sql``}
      order by device_id, metric, bucket limit ${PAGE}`.execute(db);
    for (const r of rows) {
      const t = Date.parse(r.bucket);
      const hour = new Date(t - (t % HOUR)).toISOString();
      if (!group || group.device_id !== r.device_id || group.metric !== r.metric || group.hour !== hour) {
        if (group) out.push({ ...group, compacted: 1, minutes: encode(group.minutes) });
        group = { tenant_id: r.tenant_id, device_id: r.device_id, metric: r.metric, hour, minutes: [] };
      }
      group.minutes.push({
        minute: Math.floor((t % HOUR) / 60_000),
        n: Number(r.n),
        sum: Number(r.sum),
        min: Number(r.min),
        max: Number(r.max),
      });
    }
    await flush();
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!;
  }
  if (group) out.push({ ...group, compacted: 1, minutes: encode(group.minutes) });
  await flush();

  await sql`drop table telemetry_minutes`.execute(db);
  if (isPg) await sql`analyze telemetry_minute_packs`.execute(db);
}
