/**
 * `npm run bench -- --iot`, part 2: a month of readings into the roll-ups (docs/iot.md, "At scale").
 * `--devices` sensors at one reading a minute for `--days` days of simulated time, driven through the consumer's own
 * storage code (telemetry/batch-store.ts: readings, then their 1-minute and 1-hour buckets, one transaction per
 * simulated minute of the whole fleet) with the retention job run once per simulated day (the defaults: raw 48 h,
 * minutes a year, hours forever). No MQTT, no signatures, no rules here: that is part 1. Reports the time, the readings/s,
 * the rows left in each table and the database size; for fewer devices than 5,000 it also scales rows and size to
 * 5,000 linearly (rows per device do not depend on the fleet size).
 *   node --import tsx bench/iot-rollup.bench.ts --db sqlite|postgres [--devices 5000] [--days 30]
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { newId } from '../server/src/platform/ids.ts';
import { addToBuckets, insertReadings } from '../server/src/modules/telemetry/batch-store.ts';
import { prepareTelemetryPartitions, sweepTelemetry } from '../server/src/modules/telemetry/retention.ts';
import type { Reading } from '../server/src/modules/telemetry/telemetry.repository.ts';
import { createBackend, type BackendName } from './lib/backend.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    devices: { type: 'string', default: '5000' },
    days: { type: 'string', default: '30' },
    'per-tx': { type: 'string', default: '5000' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const name = values.db as BackendName;
const devices = Number(values.devices);
const days = Number(values.days);
const MIN = 60_000;
const DAY = 1440 * MIN;
/** the shipped defaults (docs/iot.md, "Readings and retention") */
const RETENTION = { rawHours: 48, minuteDays: 365, hourDays: 0 };
const log = (s: string) => console.log(`[iot-rollup ${name}] ${s}`);

const backend = await createBackend(name, values['pg-url']!);
try {
  const db = backend.database.db;
  const tenant = await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let i = 0; i < devices; i += 500) {
    const rows = Array.from({ length: Math.min(500, devices - i) }, (_, k) => {
      const id = newId();
      ids.push(id);
      return {
        id,
        tenant_id: tenant.id,
        code: `ROLL-${i + k}`,
        name: `压测设备 ${i + k}（合成）`,
        type: 'water_level' as const,
        model: null,
        component_code: null,
        lng: 114.97,
        lat: 30.1,
        address: null,
        install_date: null,
        firmware: null,
        battery_pct: null,
        heartbeat_s: 300,
        active: 1,
        key_sealed: 'bench',
        key_fingerprint: 'bench',
        key_issued_at: now,
        last_seen_at: null,
        offline_due_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
    });
    await db.insertInto('devices').values(rows).execute();
  }
  const start = Date.parse('2026-01-01T00:00:00Z');
  await prepareTelemetryPartitions(backend.database, new Date(start));
  const t0 = performance.now();
  let readings = 0;
  let purgeMs = 0;
  const cpu0 = process.cpuUsage();
  const perTx = Number(values['per-tx']);
  for (let day = 0; day < days; day++) {
    let batch: Reading[] = [];
    const flush = async () => {
      const rows = batch;
      batch = [];
      await db.transaction().execute(async (tx) => {
        const fresh = await insertReadings(tx, rows);
        await addToBuckets(tx, fresh);
      });
      readings += rows.length;
    };
    for (let m = 0; m < 1440; m++) {
      const at = start + day * DAY + m * MIN;
      for (let i = 0; i < ids.length; i++)
        batch.push({
          tenantId: tenant.id,
          deviceId: ids[i]!,
          metric: 'water_cm',
          // each device reads at its own second of the minute
          at: new Date(at + (i % 60) * 1000).toISOString(),
          value: 5 + ((i + m) % 13),
          receivedAt: new Date(at + (i % 60) * 1000 + 200).toISOString(),
        });
      if (batch.length >= perTx) await flush();
    }
    if (batch.length) await flush();
    const end = start + (day + 1) * DAY;
    const p = performance.now();
    // the hourly job's own work, once a simulated day: on PostgreSQL it also makes the next partitions
    await sweepTelemetry(backend.database, RETENTION, new Date(end));
    purgeMs += performance.now() - p;
    const s = (performance.now() - t0) / 1000;
    log(
      `day ${day + 1}/${days}: ${readings.toLocaleString('en')} readings in ${s.toFixed(0)} s (${Math.round(readings / s).toLocaleString('en')}/s)`,
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const count = async (t: 'telemetry_readings' | 'telemetry_minutes' | 'telemetry_hours') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rows = {
    readings: await count('telemetry_readings'),
    minutes: await count('telemetry_minutes'),
    hours: await count('telemetry_hours'),
  };
  if (name === 'sqlite') await sql`pragma wal_checkpoint(truncate)`.execute(db);
  const bytes =
    name === 'sqlite'
      ? statSync(join(backend.dataDir, 'cityloop.db')).size
      : Number(
          (
            await sql<{
              b: string;
            }>`select sum(pg_total_relation_size(quote_ident(table_schema) || '.' || quote_ident(table_name)))::bigint as b
              from information_schema.tables where table_schema = ${backend.schema} and table_name like 'telemetry%'`.execute(
              db,
            )
          ).rows[0]?.b ?? 0,
        );
  const scale = 5000 / devices;
  const result = {
    backend: name,
    devices,
    days,
    readings,
    seconds,
    readingsPerS: readings / seconds,
    /** this process's CPU (on SQLite the database work too; on PostgreSQL the server's is not in it) */
    cpuSeconds,
    purgeSeconds: purgeMs / 1000,
    rows,
    dbMiB: bytes / 2 ** 20,
    at5000: {
      rows: Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Math.round(v * scale)])),
      dbMiB: (bytes / 2 ** 20) * scale,
      seconds: seconds * scale,
    },
  };
  log(
    `${readings.toLocaleString('en')} readings (${devices} devices × 1,440/day × ${days} days) in ${seconds.toFixed(0)} s ` +
      `(${Math.round(result.readingsPerS).toLocaleString('en')}/s, CPU ${cpuSeconds.toFixed(0)} s, retention ${result.purgeSeconds.toFixed(1)} s); rows left ${JSON.stringify(rows)}; ` +
      `${name === 'sqlite' ? 'database file' : 'telemetry tables'} ${result.dbMiB.toFixed(0)} MiB` +
      (scale !== 1
        ? `; at 5,000 devices (×${scale}): rows ${JSON.stringify(result.at5000.rows)}, ${result.at5000.dbMiB.toFixed(0)} MiB, ${result.at5000.seconds.toFixed(0)} s`
        : ''),
  );
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await backend.dispose();
}
