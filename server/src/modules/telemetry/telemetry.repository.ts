import { sql } from 'kysely';
import type { TelemetryRejectedTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries over telemetry_readings, telemetry_minutes, telemetry_hours and telemetry_rejected only. */
export interface Reading {
  tenantId: string;
  deviceId: string;
  metric: string;
  at: string;
  value: number;
  receivedAt: string;
}

/** Stores one reading; false when the same device, metric and instant is already there (a QoS 1 redelivery). */
export async function insertReading(db: Executor, r: Reading): Promise<boolean> {
  const res = await db
    .insertInto('telemetry_readings')
    .values({
      tenant_id: r.tenantId,
      device_id: r.deviceId,
      metric: r.metric,
      at: r.at,
      value: r.value,
      received_at: r.receivedAt,
    })
    .onConflict((oc) => oc.columns(['device_id', 'metric', 'at']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Adds a reading to its minute and hour buckets (roll-ups kept as readings arrive: docs/iot.md, "Retention"). */
export async function addToBuckets(db: Executor, r: Reading): Promise<void> {
  const t = Date.parse(r.at);
  for (const [table, size] of [
    ['telemetry_minutes', 60_000],
    ['telemetry_hours', 3_600_000],
  ] as const) {
    const bucket = new Date(t - (t % size)).toISOString();
    await db
      .insertInto(table)
      .values({
        tenant_id: r.tenantId,
        device_id: r.deviceId,
        metric: r.metric,
        bucket,
        n: 1,
        sum: r.value,
        min: r.value,
        max: r.value,
      })
      .onConflict((oc) =>
        oc.columns(['device_id', 'metric', 'bucket']).doUpdateSet({
          n: sql`${sql.ref(`${table}.n`)} + 1`,
          sum: sql`${sql.ref(`${table}.sum`)} + excluded.sum`,
          min: sql`case when excluded.min < ${sql.ref(`${table}.min`)} then excluded.min else ${sql.ref(`${table}.min`)} end`,
          max: sql`case when excluded.max > ${sql.ref(`${table}.max`)} then excluded.max else ${sql.ref(`${table}.max`)} end`,
        }),
      )
      .execute();
  }
}

export function rawSeries(db: Executor, deviceId: string, metric: string, from: string, limit: number) {
  return db
    .selectFrom('telemetry_readings')
    .select(['at', 'value'])
    .where('device_id', '=', deviceId)
    .where('metric', '=', metric)
    .where('at', '>=', from)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}

export function bucketSeries(
  db: Executor,
  table: 'telemetry_minutes' | 'telemetry_hours',
  deviceId: string,
  metric: string,
  from: string,
  limit: number,
) {
  return db
    .selectFrom(table)
    .select(['bucket', 'n', 'sum', 'min', 'max'])
    .where('device_id', '=', deviceId)
    .where('metric', '=', metric)
    .where('bucket', '>=', from)
    .orderBy('bucket', 'desc')
    .limit(limit)
    .execute();
}

/** The metrics a device has reported lately (its minute roll-ups), for the chart's choice. */
export async function metricsOf(db: Executor, deviceId: string, from: string): Promise<string[]> {
  const rows = await db
    .selectFrom('telemetry_minutes')
    .select('metric')
    .distinct()
    .where('device_id', '=', deviceId)
    .where('bucket', '>=', from)
    .execute();
  return rows.map((r) => r.metric).sort();
}

export async function insertRejected(db: Executor, row: TelemetryRejectedTable): Promise<void> {
  await db.insertInto('telemetry_rejected').values(row).execute();
}

export function listRejected(
  db: Executor,
  tenantId: string,
  f: { reason?: string; q?: string },
  w: SortedWindow<'received_at'>,
) {
  let q = db.selectFrom('telemetry_rejected as r').where('r.tenant_id', '=', tenantId);
  if (f.reason) q = q.where('r.reason', '=', f.reason as TelemetryRejectedTable['reason']);
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['r.topic', 'r.device_code'], term));
  return pageWithTotal(q, (x) => x.selectAll('r').orderBy('r.received_at', w.order).orderBy('r.id', w.order), w);
}
