import { PostgresAdapter, sql } from 'kysely';
import type { Db, Executor } from '../../platform/db.ts';
import { addBucket, addValue, decodePack, encodeMinutes, hourOf, type HourMinutes } from './minute-pack.ts';
import type { Reading } from './telemetry.repository.ts';

/**
 * The roll-ups of new readings (docs/iot.md, "Minute packs"): the batch's minute buckets written as packs per device,
 * metric and hour (PostgreSQL appends one per batch, a plain insert, so several consumers never wait on each other's
 * rows; SQLite, one writer, merges them into the hour's open pack), and the hour buckets upserted; and the hourly
 * compaction of closed hours' packs into one row each.
 */

/** Rows per statement: at most 8 parameters a row stays far below the parameter limits of SQLite and PostgreSQL. */
const CHUNK = 1000;
const MINUTE = 60_000;
const HOUR = 3_600_000;

/** A device's metric at an instant or in an hour, as one map key. */
const key = (deviceId: string, metric: string, at: string) => `${deviceId}\u0000${metric}\u0000${at}`;

/** One device's metric in one hour: its minute buckets (the pack) and the hour bucket. */
interface PackDraft {
  tenant_id: string;
  device_id: string;
  metric: string;
  hour: string;
  minutes: HourMinutes;
  n: number;
  sum: number;
  min: number;
  max: number;
}

/** Key order of both tables' indexes (device, metric, hour): neighbouring rows are written together. */
const byKey = (a: PackDraft, b: PackDraft) =>
  a.device_id < b.device_id
    ? -1
    : a.device_id > b.device_id
      ? 1
      : a.metric < b.metric
        ? -1
        : a.metric > b.metric
          ? 1
          : a.hour < b.hour
            ? -1
            : a.hour > b.hour
              ? 1
              : 0;

/**
 * Adds new readings to the roll-ups: one minute pack per device, metric and hour, and the hour buckets. Per reading
 * only lookups by the strings the reading holds (instant, device, metric) and by the hour as a number: each distinct
 * instant is parsed and each hour's ISO string made once per batch.
 */
export async function addToBuckets(db: Executor, readings: readonly Reading[]): Promise<void> {
  if (!readings.length) return;
  const drafts: PackDraft[] = [];
  const byDevice = new Map<string, Map<string, Map<number, PackDraft>>>();
  const hourIso = new Map<number, string>();
  // a batch's readings share instants (a message's metrics; devices sending on the same second): parse each once
  const parsed = new Map<string, number>();
  for (const r of readings) {
    let t = parsed.get(r.at);
    if (t === undefined) parsed.set(r.at, (t = Date.parse(r.at)));
    const within = t % HOUR;
    const h = t - within;
    let metrics = byDevice.get(r.deviceId);
    if (!metrics) byDevice.set(r.deviceId, (metrics = new Map<string, Map<number, PackDraft>>()));
    let hours = metrics.get(r.metric);
    if (!hours) metrics.set(r.metric, (hours = new Map<number, PackDraft>()));
    let p = hours.get(h);
    if (!p) {
      let hour = hourIso.get(h);
      if (hour === undefined) hourIso.set(h, (hour = hourOf(h)));
      p = {
        tenant_id: r.tenantId,
        device_id: r.deviceId,
        metric: r.metric,
        hour,
        minutes: [],
        n: 0,
        // -0 + v is v for every v, -0 included
        sum: -0,
        min: r.value,
        max: r.value,
      };
      hours.set(h, p);
      drafts.push(p);
    }
    addValue(p.minutes, Math.floor(within / MINUTE), r.value);
    p.n++;
    p.sum += r.value;
    if (r.value < p.min) p.min = r.value;
    if (r.value > p.max) p.max = r.value;
  }
  drafts.sort(byKey);
  if (db.getExecutor().adapter instanceof PostgresAdapter) await insertPacks(db, drafts, 0);
  else await mergeOpenPacks(db, drafts);
  for (let i = 0; i < drafts.length; i += CHUNK)
    await db
      .insertInto('telemetry_hours')
      .values(
        drafts.slice(i, i + CHUNK).map((p) => ({
          tenant_id: p.tenant_id,
          device_id: p.device_id,
          metric: p.metric,
          bucket: p.hour,
          n: p.n,
          sum: p.sum,
          min: p.min,
          max: p.max,
        })),
      )
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

/**
 * SQLite: a key whose hour already has a pack not yet compacted gets the batch's minutes merged into that pack (the
 * row rewritten in place; no indexed column changes, so no index is written); the other keys get a new pack. A
 * sensor sending every second thus keeps one open pack per hour instead of one per batch. Readers and compaction
 * merge every pack of an hour, so several open packs of a key (written before, or by another process) stay correct
 * and the first one found is merged into.
 */
async function mergeOpenPacks(db: Executor, drafts: readonly PackDraft[]): Promise<void> {
  const fresh: PackDraft[] = [];
  for (let i = 0; i < drafts.length; i += CHUNK) {
    const part = drafts.slice(i, i + CHUNK);
    const keys = sql.join(part.map((p) => sql`(${p.device_id}, ${p.metric}, ${p.hour})`));
    const open = await sql<{ id: number; device_id: string; metric: string; hour: string; minutes: Uint8Array }>`
      select rowid as id, device_id, metric, hour, minutes from telemetry_minute_packs
      where compacted = 0 and (device_id, metric, hour) in (values ${keys})`.execute(db);
    const found = new Map<string, { id: number; minutes: Uint8Array }>();
    for (const r of open.rows) {
      const k = key(r.device_id, r.metric, r.hour);
      if (!found.has(k)) found.set(k, r);
    }
    const updates: { id: number; minutes: Buffer }[] = [];
    for (const p of part) {
      const old = found.get(key(p.device_id, p.metric, p.hour));
      if (!old) {
        fresh.push(p);
        continue;
      }
      for (const b of decodePack(old.minutes)) addBucket(p.minutes, b);
      updates.push({ id: old.id, minutes: encodeMinutes(p.minutes) });
    }
    if (updates.length) {
      const rows = sql.join(updates.map((u) => sql`(${u.id}, ${u.minutes})`));
      await sql`update telemetry_minute_packs set minutes = v.minutes
        from (select column1 as id, column2 as minutes from (values ${rows})) as v
        where telemetry_minute_packs.rowid = v.id`.execute(db);
    }
  }
  await insertPacks(db, fresh, 0);
}

async function insertPacks(
  db: Executor,
  packs: readonly Pick<PackDraft, 'tenant_id' | 'device_id' | 'metric' | 'hour' | 'minutes'>[],
  compacted: 0 | 1,
): Promise<void> {
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
          minutes: encodeMinutes(p.minutes),
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
        const merged = new Map<string, Pick<PackDraft, 'tenant_id' | 'device_id' | 'metric' | 'hour' | 'minutes'>>();
        for (const row of gone) {
          const k = key(row.device_id, row.metric, hour);
          let p = merged.get(k);
          if (!p) {
            p = { tenant_id: row.tenant_id, device_id: row.device_id, metric: row.metric, hour, minutes: [] };
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
