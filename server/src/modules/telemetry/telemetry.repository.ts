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
