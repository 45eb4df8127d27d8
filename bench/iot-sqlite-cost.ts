/**
 * What each batch write of the consumer costs on SQLite (docs/iot.md, "At scale"): the process's CPU per message of
 * each write of a batch (readings, minute packs and hour buckets, rule watches), commit included, for `--devices`
 * sensors with `--per-device` readings each per batch (ten a second per sensor, as the ingest bench sends). SQLite
 * runs in this process, so the figure is the database's and the app's CPU together. The writes take turns for
 * `--rounds` rounds of `--batches` batches each, so every write meets tables of the same size. The minute packs are
 * also measured as they were written before (one appended per sensor and batch), to show what merging saved.
 *   node --import tsx bench/iot-sqlite-cost.ts [--devices 1000] [--per-device 1] [--batches 10] [--rounds 6]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { saveWatches } from '../server/src/modules/alarms/alarm.repository.ts';
import { insertReadings } from '../server/src/modules/telemetry/batch-store.ts';
import { encodePack } from '../server/src/modules/telemetry/minute-pack.ts';
import { addToBuckets } from '../server/src/modules/telemetry/rollup-store.ts';
import type { Reading } from '../server/src/modules/telemetry/telemetry.repository.ts';
import type { AlarmWatchesTable } from '../server/src/db/schema-iot.ts';
import { newId } from '../server/src/platform/ids.ts';
import type { Executor } from '../server/src/platform/db.ts';
import { createBackend } from './lib/backend.ts';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '1000' },
    'per-device': { type: 'string', default: '1' },
    batches: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '6' },
  },
});
const devices = Number(values.devices);
const perDevice = Number(values['per-device']);
const batches = Number(values.batches);
const rounds = Number(values.rounds);
const HOUR = 3_600_000;

const backend = await createBackend('sqlite', '');
try {
  const db = backend.database.db;
  const tenant = await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const ids = Array.from({ length: devices }, () => newId());
  for (let i = 0; i < ids.length; i += 500)
    await db
      .insertInto('devices')
      .values(
        ids.slice(i, i + 500).map((id, k) => ({
          id,
          tenant_id: tenant.id,
          code: `COST-${i + k}`,
          name: `cost ${i + k}`,
          type: 'water_level',
          lng: 114.97,
          lat: 30.1,
          heartbeat_s: 300,
          active: 1,
          key_sealed: 'x',
          key_fingerprint: 'x',
          key_issued_at: now,
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  const ruleId = newId();
  await sql`insert into alarm_rules (id, tenant_id, device_type, name, metric, op, threshold, hysteresis,
      min_duration_s, matter_code, auto_case, severity, active, version, created_at, updated_at)
    values (${ruleId}, ${tenant.id}, 'water_level', 'cost', 'water_cm', 'gt', 15, 2, 0, '01004', 0, 'major', 1, 1,
      ${now}, ${now})`.execute(db);

  // from the start of the last hour, readings 100 ms apart per sensor
  let clock = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  const batchOf = (): Reading[] => {
    const rows: Reading[] = [];
    for (let k = 0; k < perDevice; k++) {
      clock += 100;
      const at = new Date(clock).toISOString();
      for (const id of ids)
        rows.push({ tenantId: tenant.id, deviceId: id, metric: 'water_cm', at, value: 5 + (k % 7), receivedAt: now });
    }
    return rows;
  };
  const watches = (rows: Reading[]): AlarmWatchesTable[] => {
    const last = new Map<string, string>();
    for (const r of rows) last.set(r.deviceId, r.at);
    return [...last].map(([id, at]) => ({
      device_id: id,
      rule_id: ruleId,
      tenant_id: tenant.id,
      breach_since: null,
      latched: 0,
      last_at: at,
      last_value: 5,
    }));
  };
  /** The write of before: a pack per sensor and batch, appended (its own metric, so it never meets the merged ones). */
  const appendPacks = (tx: Executor, rows: Reading[]) =>
    tx
      .insertInto('telemetry_minute_packs')
      .values(
        rows.map((r) => {
          const t = Date.parse(r.at);
          const minute = Math.floor((t % HOUR) / 60_000);
          return {
            tenant_id: r.tenantId,
            device_id: r.deviceId,
            metric: 'appended',
            hour: new Date(t - (t % HOUR)).toISOString(),
            compacted: 0,
            minutes: encodePack([{ minute, n: 1, sum: r.value, min: r.value, max: r.value }]),
          };
        }),
      )
      .execute();
  const writes: [string, (tx: Executor, rows: Reading[]) => Promise<unknown>][] = [
    ['readings (insertReadings)', (tx, rows) => insertReadings(tx, rows)],
    ['minute packs merged, hour buckets (addToBuckets)', (tx, rows) => addToBuckets(tx, rows)],
    ['minute packs appended (before)', appendPacks],
    ['rule watches (saveWatches)', (tx, rows) => saveWatches(tx, watches(rows))],
  ];

  const msgs = devices * perDevice;
  const totals = new Map<string, { us: number; ms: number }>();
  console.log(`${devices} devices × ${perDevice} readings = ${msgs} messages a batch, ${batches} × ${rounds} batches`);
  for (let r = 0; r < rounds; r++)
    for (const [label, write] of writes) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let b = 0; b < batches; b++) {
        const rows = batchOf();
        await db.transaction().execute((tx) => write(tx, rows));
      }
      const c = process.cpuUsage(c0);
      const t = totals.get(label) ?? { us: 0, ms: 0 };
      t.us += c.user + c.system;
      t.ms += performance.now() - t0;
      totals.set(label, t);
    }
  for (const [label, t] of totals)
    console.log(
      `${label.padEnd(50)} ${(t.us / (batches * rounds * msgs)).toFixed(1).padStart(5)} µs/msg CPU · wall ${(t.ms / (batches * rounds)).toFixed(1)} ms/batch`,
    );
  const packs = await db
    .selectFrom('telemetry_minute_packs')
    .select(['metric', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('metric')
    .execute();
  console.log(`minute packs after the run: ${packs.map((p) => `${p.metric} ${p.n}`).join(', ')}`);
} finally {
  await backend.dispose();
}
