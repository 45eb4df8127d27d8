import { sql } from 'kysely';
import type { TelemetryRejectedTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import type { Reading } from './telemetry.repository.ts';

/**
 * Multi-row writes of a batch of messages (the consumer's path, docs/iot.md "Readings"): the same rows and the same
 * roll-up arithmetic as the one-message queries of telemetry.repository.ts, in a few statements per batch.
 */

/** Rows per statement: 7 parameters a reading stays far below the parameter limits of SQLite and PostgreSQL. */
const CHUNK = 1000;

const key = (deviceId: string, metric: string, at: string) => `${deviceId}\u0000${metric}\u0000${at}`;

/**
 * Stores the readings; returns those that were new (a reading already stored for the device, metric and instant, a
 * QoS 1 redelivery or a replayed journal record, is left out). A repeat inside the batch counts once, the first.
 */
export async function insertReadings(db: Executor, readings: readonly Reading[]): Promise<Reading[]> {
  const unique = new Map<string, Reading>();
  for (const r of readings) {
    const k = key(r.deviceId, r.metric, r.at);
    if (!unique.has(k)) unique.set(k, r);
  }
  const rows = [...unique.values()];
  const fresh: Reading[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const inserted = await db
      .insertInto('telemetry_readings')
      .values(
        part.map((r) => ({
          tenant_id: r.tenantId,
          device_id: r.deviceId,
          metric: r.metric,
          at: r.at,
          value: r.value,
          received_at: r.receivedAt,
        })),
      )
      .onConflict((oc) => oc.columns(['device_id', 'metric', 'at']).doNothing())
      .returning(['device_id', 'metric', 'at'])
      .execute();
    const got = new Set(inserted.map((x) => key(x.device_id, x.metric, x.at)));
    for (const r of part) if (got.has(key(r.deviceId, r.metric, r.at))) fresh.push(r);
  }
  return fresh;
}

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

/** Adds new readings to their minute and hour buckets: summed per bucket here, then one upsert per bucket row. */
export async function addToBuckets(db: Executor, readings: readonly Reading[]): Promise<void> {
  for (const [table, size] of [
    ['telemetry_minutes', 60_000],
    ['telemetry_hours', 3_600_000],
  ] as const) {
    const buckets = new Map<string, Bucket>();
    for (const r of readings) {
      const t = Date.parse(r.at);
      const bucket = new Date(t - (t % size)).toISOString();
      const k = key(r.deviceId, r.metric, bucket);
      const b = buckets.get(k);
      if (b) {
        b.n++;
        b.sum += r.value;
        if (r.value < b.min) b.min = r.value;
        if (r.value > b.max) b.max = r.value;
      } else
        buckets.set(k, {
          tenant_id: r.tenantId,
          device_id: r.deviceId,
          metric: r.metric,
          bucket,
          n: 1,
          sum: r.value,
          min: r.value,
          max: r.value,
        });
    }
    const rows = [...buckets.values()];
    for (let i = 0; i < rows.length; i += CHUNK)
      await db
        .insertInto(table)
        .values(rows.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['device_id', 'metric', 'bucket']).doUpdateSet({
            n: sql`${sql.ref(`${table}.n`)} + excluded.n`,
            sum: sql`${sql.ref(`${table}.sum`)} + excluded.sum`,
            min: sql`case when excluded.min < ${sql.ref(`${table}.min`)} then excluded.min else ${sql.ref(`${table}.min`)} end`,
            max: sql`case when excluded.max > ${sql.ref(`${table}.max`)} then excluded.max else ${sql.ref(`${table}.max`)} end`,
          }),
        )
        .execute();
  }
}

export async function insertRejected(db: Executor, rows: readonly TelemetryRejectedTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('telemetry_rejected')
      .values(rows.slice(i, i + 500))
      .execute();
}
