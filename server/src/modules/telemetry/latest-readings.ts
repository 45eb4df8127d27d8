import type { Executor } from '../../platform/db.ts';

/** The latest raw reading of one metric per device (a device that never sent one is absent). */
export async function latestReadings(db: Executor, tenantId: string, deviceIds: readonly string[], metric: string) {
  const out = new Map<string, { value: number; at: string }>();
  // One indexed probe per device (the primary key is device, metric, at): a line has a handful of bound sensors.
  for (const id of deviceIds) {
    const row = await db
      .selectFrom('telemetry_readings')
      .where('tenant_id', '=', tenantId)
      .where('device_id', '=', id)
      .where('metric', '=', metric)
      .orderBy('at', 'desc')
      .select(['value', 'at'])
      .limit(1)
      .executeTakeFirst();
    if (row) out.set(id, { value: Number(row.value), at: row.at });
  }
  return out;
}
