import { PostgresAdapter, sql } from 'kysely';
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
 * One call per transaction: on PostgreSQL a row this transaction wrote before would count as new.
 */
export async function insertReadings(db: Executor, readings: readonly Reading[]): Promise<Reading[]> {
  const unique = new Map<string, Reading>();
  for (const r of readings) {
    const k = key(r.deviceId, r.metric, r.at);
    if (!unique.has(k)) unique.set(k, r);
  }
  if (unique.size === 0) return [];
  const rows = [...unique.values()];
  const stored = !(db.getExecutor().adapter instanceof PostgresAdapter)
    ? await insertValues(db, rows)
    : db.isTransaction
      ? await insertUnnest(db, rows)
      : // the rows written are found by the transaction's id: the insert and that look-up share one
        await db.transaction().execute((tx) => insertUnnest(tx, rows));
  if (stored === 'all') return rows;
  const got = new Set(stored.map((x) => key(x.device_id, x.metric, x.at)));
  // in the order received, as the rules expect them
  return rows.filter((r) => got.has(key(r.deviceId, r.metric, r.at)));
}

type Stored = { device_id: string; metric: string; at: string };

/**
 * PostgreSQL: the rows as six arrays in one statement (`unnest`), which is parsed and planned the same whatever the
 * batch holds, where a VALUES list of thousands of parameters was parsed and planned anew each time. No RETURNING:
 * the count says whether every row (the usual case) or none was new; only a batch with some repeats asks which
 * rows this transaction wrote (their `xmin` is its id).
 */
async function insertUnnest(db: Executor, rows: readonly Reading[]): Promise<Stored[] | 'all'> {
  const col = <T>(f: (r: Reading) => T) => rows.map(f);
  const res = await sql`insert into telemetry_readings (tenant_id, device_id, metric, at, value, received_at)
    select * from unnest(${col((r) => r.tenantId)}::text[], ${col((r) => r.deviceId)}::text[],
      ${col((r) => r.metric)}::text[], ${col((r) => r.at)}::text[], ${col((r) => r.value)}::double precision[],
      ${col((r) => r.receivedAt)}::text[])
    on conflict (device_id, metric, at) do nothing`.execute(db);
  const n = Number(res.numAffectedRows ?? 0n);
  if (n === rows.length) return 'all';
  if (n === 0) return [];
  const mine = await sql<Stored>`select r.device_id, r.metric, r.at
    from telemetry_readings r
    join unnest(${col((r) => r.deviceId)}::text[], ${col((r) => r.metric)}::text[], ${col((r) => r.at)}::text[])
      as k (device_id, metric, at)
      on r.device_id = k.device_id and r.metric = k.metric and r.at = k.at collate "C"
    where r.xmin = pg_current_xact_id()::xid`.execute(db);
  return mine.rows;
}

async function insertValues(db: Executor, rows: readonly Reading[]): Promise<Stored[]> {
  const out: Stored[] = [];
  for (let i = 0; i < rows.length; i += CHUNK)
    out.push(
      ...(await db
        .insertInto('telemetry_readings')
        .values(
          rows.slice(i, i + CHUNK).map((r) => ({
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
        .execute()),
    );
  return out;
}

export async function insertRejected(db: Executor, rows: readonly TelemetryRejectedTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('telemetry_rejected')
      .values(rows.slice(i, i + 500))
      .execute();
}
