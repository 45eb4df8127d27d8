import type { TelemetryRejectedTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import type { Reading } from './telemetry.repository.ts';

/**
 * Multi-row writes of a batch of messages (the consumer's path, docs/iot.md "Readings"): the same rows as the
 * one-message queries of telemetry.repository.ts, in a few statements per batch. The roll-ups are rollup-store.ts.
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

export async function insertRejected(db: Executor, rows: readonly TelemetryRejectedTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('telemetry_rejected')
      .values(rows.slice(i, i + 500))
      .execute();
}
