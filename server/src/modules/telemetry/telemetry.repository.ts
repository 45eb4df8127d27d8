import type { TelemetryRejectedTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';
import { hourOf, mergePacks } from './minute-pack.ts';

/** Kysely queries over telemetry_readings, telemetry_minute_packs, telemetry_hours and telemetry_rejected only. */
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

/**
 * The latest `limit` buckets at or after `from`, newest first, as {bucket, n, sum, min, max}. Minutes come from the
 * packs (docs/iot.md, "Minute packs"): every pack of each hour is merged, compacted or not.
 */
export async function bucketSeries(
  db: Executor,
  resolution: 'minute' | 'hour',
  deviceId: string,
  metric: string,
  from: string,
  limit: number,
): Promise<{ bucket: string; n: number; sum: number; min: number; max: number }[]> {
  if (resolution === 'hour')
    return db
      .selectFrom('telemetry_hours')
      .select(['bucket', 'n', 'sum', 'min', 'max'])
      .where('device_id', '=', deviceId)
      .where('metric', '=', metric)
      .where('bucket', '>=', from)
      .orderBy('bucket', 'desc')
      .limit(limit)
      .execute();
  const packs = await db
    .selectFrom('telemetry_minute_packs')
    .select(['hour', 'minutes'])
    .where('device_id', '=', deviceId)
    .where('metric', '=', metric)
    .where('hour', '>=', hourOf(Date.parse(from)))
    .orderBy('hour', 'desc')
    .execute();
  const out: { bucket: string; n: number; sum: number; min: number; max: number }[] = [];
  for (let i = 0; i < packs.length && out.length < limit;) {
    const hour = packs[i]!.hour;
    const same: Uint8Array[] = [];
    for (; i < packs.length && packs[i]!.hour === hour; i++) same.push(packs[i]!.minutes);
    const start = Date.parse(hour);
    const buckets = mergePacks(same);
    for (let j = buckets.length - 1; j >= 0 && out.length < limit; j--) {
      const b = buckets[j]!;
      const bucket = new Date(start + b.minute * 60_000).toISOString();
      if (bucket < from) break;
      out.push({ bucket, n: b.n, sum: b.sum, min: b.min, max: b.max });
    }
  }
  return out;
}

/** The metrics a device has reported lately (its minute packs of the hours since `from`), for the chart's choice. */
export async function metricsOf(db: Executor, deviceId: string, from: string): Promise<string[]> {
  const rows = await db
    .selectFrom('telemetry_minute_packs')
    .select('metric')
    .distinct()
    .where('device_id', '=', deviceId)
    .where('hour', '>=', hourOf(Date.parse(from)))
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
