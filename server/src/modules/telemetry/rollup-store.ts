import { sql } from 'kysely';
import type { Db, Executor } from '../../platform/db.ts';
import { addBucket, addValue, decodePack, encodePack, hourOf, type MinuteBucket } from './minute-pack.ts';
import type { Reading } from './telemetry.repository.ts';

/**
 * The roll-ups of new readings (docs/iot.md, "Minute packs"): the batch's minute buckets appended as one pack per
 * device, metric and hour (a plain insert: no conflict to resolve, so several consumers never wait on each other),
 * and the hour buckets upserted; and the hourly compaction of closed hours' packs into one row each.
 */

/** Rows per statement: at most 8 parameters a row stays far below the parameter limits of SQLite and PostgreSQL. */
const CHUNK = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

const key = (deviceId: string, metric: string, at: string) => `${deviceId}\u0000${metric}\u0000${at}`;

interface Bucket {
  tenant_id: string;
  device_id: string;
  metric: string;
  bucket: string;
  n: number;
  sum: number;
  min: number;
  max: number;
}

interface PackDraft {
  tenant_id: string;
  device_id: string;
  metric: string;
  hour: string;
  minutes: Map<number, MinuteBucket>;
}

/** Adds new readings to the roll-ups: one minute pack per device, metric and hour, and the hour buckets. */
export async function addToBuckets(db: Executor, readings: readonly Reading[]): Promise<void> {
  if (!readings.length) return;
  const packs = new Map<string, PackDraft>();
  const hours = new Map<string, Bucket>();
  for (const r of readings) {
    const t = Date.parse(r.at);
    const hour = hourOf(t);
    const k = key(r.deviceId, r.metric, hour);
    let p = packs.get(k);
    if (!p) {
      p = { tenant_id: r.tenantId, device_id: r.deviceId, metric: r.metric, hour, minutes: new Map() };
      packs.set(k, p);
    }
    addValue(p.minutes, Math.floor((t % HOUR) / MINUTE), r.value);
    const b = hours.get(k);
    if (b) {
      b.n++;
      b.sum += r.value;
      if (r.value < b.min) b.min = r.value;
      if (r.value > b.max) b.max = r.value;
    } else
      hours.set(k, {
        tenant_id: r.tenantId,
        device_id: r.deviceId,
        metric: r.metric,
        bucket: hour,
        n: 1,
        sum: r.value,
        min: r.value,
        max: r.value,
      });
  }
  await insertPacks(db, [...packs.values()], 0);
  const rows = [...hours.values()];
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('telemetry_hours')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns(['device_id', 'metric', 'bucket']).doUpdateSet({
          n: sql`telemetry_hours.n + excluded.n`,
          sum: sql`telemetry_hours.sum + excluded.sum`,
          min: sql`case when excluded.min < telemetry_hours.min then excluded.min else telemetry_hours.min end`,
          max: sql`case when excluded.max > telemetry_hours.max then excluded.max else telemetry_hours.max end`,
        }),
      )
      .execute();
}

async function insertPacks(db: Executor, packs: readonly PackDraft[], compacted: 0 | 1): Promise<void> {
  for (let i = 0; i < packs.length; i += CHUNK)
    await db
      .insertInto('telemetry_minute_packs')
      .values(
        packs.slice(i, i + CHUNK).map((p) => ({
          tenant_id: p.tenant_id,
          device_id: p.device_id,
          metric: p.metric,
          hour: p.hour,
          compacted,
          minutes: encodePack(p.minutes.values()),
        })),
      )
      .execute();
}

/**
 * The hourly compaction: every hour before `before` (an hour's start) that has packs not yet compacted (the
 * consumer's appends, or a late reading's pack for an hour compacted earlier) gets, per device and metric, its packs
 * replaced by one row merged from exactly the rows the delete removed, so a pack appended meanwhile stays for the
 * next run. One hour and at most `keys` devices' metrics per transaction; each statement names one hour, which on
 * PostgreSQL touches one partition. Running it again finds nothing to do. Returns the keys merged and the packs
 * they had.
 */
export async function compactPacks(db: Db, before: string, keys = 1000): Promise<{ keys: number; packs: number }> {
  const out = { keys: 0, packs: 0 };
  const hours = await db
    .selectFrom('telemetry_minute_packs')
    .select('hour')
    .distinct()
    .where('compacted', '=', 0)
    .where('hour', '<', before)
    .orderBy('hour')
    .execute();
  for (const { hour } of hours)
    for (;;) {
      const todo = await db
        .selectFrom('telemetry_minute_packs')
        .select(['device_id', 'metric'])
        .distinct()
        .where('hour', '=', hour)
        .where('compacted', '=', 0)
        .limit(keys)
        .execute();
      if (!todo.length) break;
      const removed = await db.transaction().execute(async (tx) => {
        // a VALUES list: SQLite takes row values on the right of IN only as a subquery
        const gone = await tx
          .deleteFrom('telemetry_minute_packs')
          .where('hour', '=', hour)
          .where(
            sql<boolean>`(device_id, metric) in (values ${sql.join(todo.map((k) => sql`(${k.device_id}, ${k.metric})`))})`,
          )
          .returning(['tenant_id', 'device_id', 'metric', 'minutes'])
          .execute();
        const merged = new Map<string, PackDraft>();
        for (const row of gone) {
          const k = key(row.device_id, row.metric, hour);
          let p = merged.get(k);
          if (!p) {
            p = { tenant_id: row.tenant_id, device_id: row.device_id, metric: row.metric, hour, minutes: new Map() };
            merged.set(k, p);
          }
          for (const b of decodePack(row.minutes)) addBucket(p.minutes, b);
        }
        await insertPacks(tx, [...merged.values()], 1);
        return gone.length;
      });
      out.keys += todo.length;
      out.packs += removed;
    }
  return out;
}
