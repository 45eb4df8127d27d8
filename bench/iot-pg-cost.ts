/**
 * The PostgreSQL server's CPU per statement of the consumer's batch writes (docs/iot.md, "At scale"): each write of
 * a batch (readings, buckets, devices seen, rule watches) run alone, `--batches` times on one connection, for
 * `--devices` sensors and `--per-device` readings each per batch, with the CPU of that connection's backend process
 * read from /proc before and after (so the figure does not depend on the machine's load), beside the app's own CPU.
 * Each write is measured as the product does it and, where it changed, as it was before (a VALUES list of
 * parameters), to show what the change saved. PostgreSQL on the same machine only.
 *   node --import tsx bench/iot-pg-cost.ts [--devices 1000] [--per-device 2] [--batches 20]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { markSeenMany } from '../server/src/modules/devices/device.repository.ts';
import { saveWatches } from '../server/src/modules/alarms/alarm.repository.ts';
import { insertReadings } from '../server/src/modules/telemetry/batch-store.ts';
import { addToBuckets } from '../server/src/modules/telemetry/rollup-store.ts';
import { prepareTelemetryPartitions } from '../server/src/modules/telemetry/retention.ts';
import type { Reading } from '../server/src/modules/telemetry/telemetry.repository.ts';
import type { AlarmWatchesTable } from '../server/src/db/schema-iot.ts';
import { newId } from '../server/src/platform/ids.ts';
import { openDatabase, type Executor } from '../server/src/platform/db.ts';
import { createBackend } from './lib/backend.ts';
import { processCpuMs } from './lib/app-process.ts';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '1000' },
    'per-device': { type: 'string', default: '2' },
    batches: { type: 'string', default: '20' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const devices = Number(values.devices);
const perDevice = Number(values['per-device']);
const batches = Number(values.batches);

const backend = await createBackend('postgres', values['pg-url']!);
const database = openDatabase(backend.url, { schema: backend.schema!, poolSize: 1 });
try {
  const db = database.db;
  const tenant = await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const ids = Array.from({ length: devices }, () => newId());
  await sql`insert into devices (id, tenant_id, code, name, type, lng, lat, heartbeat_s, active, key_sealed,
      key_fingerprint, key_issued_at, version, created_at, updated_at)
    select id, ${tenant.id}, 'COST-' || n, 'cost ' || n, 'water_level', 114.97, 30.1, 300, 1, 'x', 'x', ${now}, 1,
      ${now}, ${now}
    from unnest(${ids}::text[]) with ordinality as t (id, n)`.execute(db);
  const ruleId = newId();
  await sql`insert into alarm_rules (id, tenant_id, device_type, name, metric, op, threshold, hysteresis,
      min_duration_s, matter_code, auto_case, severity, active, version, created_at, updated_at)
    values (${ruleId}, ${tenant.id}, 'water_level', 'cost', 'water_cm', 'gt', 15, 2, 0, '01004', 0, 'major', 1, 1,
      ${now}, ${now})`.execute(db);
  await prepareTelemetryPartitions(database, new Date());
  const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db)).rows[0]!.pid;

  let clock = Date.now() - 3_600_000;
  const batchOf = (): Reading[] => {
    const rows: Reading[] = [];
    for (let k = 0; k < perDevice; k++) {
      clock += 20;
      const at = new Date(clock).toISOString();
      for (const id of ids)
        rows.push({ tenantId: tenant.id, deviceId: id, metric: 'water_cm', at, value: 5 + (k % 7), receivedAt: now });
    }
    return rows;
  };

  const msgs = devices * perDevice;
  const measure = async (label: string, write: (tx: Executor, rows: Reading[]) => Promise<unknown>) => {
    // one unmeasured batch first: plans, caches and the partition's first pages
    await db.transaction().execute((tx) => write(tx, batchOf()));
    const pg0 = processCpuMs(pid)!;
    const app0 = process.cpuUsage();
    const t0 = performance.now();
    for (let b = 0; b < batches; b++) {
      const rows = batchOf();
      await db.transaction().execute((tx) => write(tx, rows));
    }
    const wall = performance.now() - t0;
    const app = process.cpuUsage(app0);
    const pgUs = ((processCpuMs(pid)! - pg0) * 1000) / (batches * msgs);
    const appUs = (app.user + app.system) / (batches * msgs);
    console.log(
      `${label.padEnd(44)} PostgreSQL ${pgUs.toFixed(1).padStart(5)} µs/msg · app ${appUs.toFixed(1).padStart(5)} µs/msg · wall ${(wall / batches).toFixed(0)} ms/batch`,
    );
  };

  console.log(`${devices} devices × ${perDevice} readings = ${msgs} messages a batch, ${batches} batches`);
  await measure('readings, VALUES per 1,000 + RETURNING (before)', async (tx, rows) => {
    for (let i = 0; i < rows.length; i += 1000)
      await tx
        .insertInto('telemetry_readings')
        .values(
          rows.slice(i, i + 1000).map((r) => ({
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
  });
  await measure('readings, unnest + RETURNING', (tx, rows) =>
    sql`insert into telemetry_readings (tenant_id, device_id, metric, at, value, received_at)
      select * from unnest(${rows.map((r) => r.tenantId)}::text[], ${rows.map((r) => r.deviceId)}::text[],
        ${rows.map((r) => r.metric)}::text[], ${rows.map((r) => r.at)}::text[],
        ${rows.map((r) => r.value)}::double precision[], ${rows.map((r) => r.receivedAt)}::text[])
      on conflict (device_id, metric, at) do nothing
      returning device_id, metric, at`.execute(tx),
  );
  await measure('readings, unnest, row count (insertReadings)', (tx, rows) => insertReadings(tx, rows));
  await measure('readings twice: new, then all repeats', async (tx, rows) => {
    await insertReadings(tx, rows);
    await insertReadings(tx, rows);
  });
  await measure('minute packs and hour buckets (addToBuckets)', (tx, rows) => addToBuckets(tx, rows));
  const seen = (rows: Reading[]) => {
    const last = new Map<string, string>();
    for (const r of rows) last.set(r.deviceId, r.at);
    return [...last].map(([id, at]) => ({ id, at, offlineDueAt: at, batteryPct: null }));
  };
  await measure('devices seen, VALUES (before)', async (tx, rows) => {
    const values = sql.join(
      seen(rows).map((r) => sql`(${r.id}, ${r.at}, ${r.offlineDueAt}, cast(${r.batteryPct} as double precision))`),
    );
    await sql`with v (id, at, due, battery) as (values ${values})
      update devices set last_seen_at = v.at, offline_due_at = v.due,
        battery_pct = coalesce(v.battery, devices.battery_pct)
      from v
      where devices.id = v.id and (devices.last_seen_at is null or devices.last_seen_at <= v.at)`.execute(tx);
  });
  await measure('devices seen, unnest (markSeenMany)', (tx, rows) => markSeenMany(tx, seen(rows)));
  const watches = (rows: Reading[]): AlarmWatchesTable[] =>
    seen(rows).map((s) => ({
      device_id: s.id,
      rule_id: ruleId,
      tenant_id: tenant.id,
      breach_since: null,
      latched: 0,
      last_at: s.at,
      last_value: 5,
    }));
  await measure('rule watches, VALUES (before)', (tx, rows) =>
    tx
      .insertInto('alarm_watches')
      .values(watches(rows))
      .onConflict((oc) =>
        oc.columns(['device_id', 'rule_id']).doUpdateSet((eb) => ({
          breach_since: eb.ref('excluded.breach_since'),
          latched: eb.ref('excluded.latched'),
          last_at: eb.ref('excluded.last_at'),
          last_value: eb.ref('excluded.last_value'),
        })),
      )
      .execute(),
  );
  await measure('rule watches, unnest (saveWatches)', (tx, rows) => saveWatches(tx, watches(rows)));
} finally {
  await database.close();
  await backend.dispose();
}
