/**
 * `npm run bench -- --iot`, part 2: a month of readings into the roll-ups (docs/iot.md, "At scale").
 * `--devices` sensors (5,000) at one reading a minute for `--days` (30) days of simulated time, with the hourly
 * `telemetry.retention` job (compaction of the closed hours' minute packs, retention with the shipped defaults: raw
 * 48 h, minute packs a year, hours forever; on PostgreSQL also the next partitions) run at the top of every
 * simulated hour, as production runs it. Two phases, because the raw readings of the first 28 days would be gone by
 * the end of the run anyway (48 h window) and storing them first does not fit the time of a bench run:
 *   1. the first `days` minus `--full-hours` (48) hours go through the roll-up path only: the consumer's own
 *      `addToBuckets` (telemetry/rollup-store.ts: minute packs written, hour buckets upserted), one transaction per
 *      `--rollup-tx-minutes` (30) simulated minutes of the whole fleet, so each closed hour has 60 / that many packs
 *      per device for the compaction to merge on PostgreSQL (SQLite merges them as they are written: one);
 *   2. the last `--full-hours` go through the full path, readings then roll-ups (telemetry/batch-store.ts
 *      `insertReadings`, then `addToBuckets` of the new ones), in transactions of `--per-tx` readings, by default
 *      the same `--rollup-tx-minutes` of the whole fleet as phase 1. With fewer readings a transaction than sensors
 *      (`--per-tx 5000` at 5,000 sensors: one reading per sensor, as the live consumer's small batches of a calm
 *      fleet are) every reading writes its own pages of three key-ordered indexes (raw, packs, hours): ≈ 21 KB
 *      written per reading on SQLite, 5,000 readings/s, against ≈ 1.3 KB and 31,000/s with the fleet's 30 minutes
 *      a transaction (docs/iot.md, "At scale"); the stored rows are the same, only the packs before compaction differ.
 * The readings are made once and refilled, so the bench's own CPU stays small next to the code it measures. No MQTT,
 * signatures or rules: that is part 1. Reports per phase the time, readings/s, this process's CPU per reading and
 * (Linux, SQLite) bytes written per reading, and the full phase's time by section (raw rows, roll-ups, commit); the
 * rows and size of each table, the database size, the jobs' time and CPU, the time to read one device's whole minute
 * series and hour series (as the device page's queries do, telemetry.repository.ts `bucketSeries`), and the load
 * average.
 *   node --import tsx bench/iot-rollup.bench.ts --db sqlite|postgres [--devices 5000] [--days 30] [--full-hours 48]
 *     [--rollup-tx-minutes 30] [--per-tx devices × rollup-tx-minutes]
 */
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { newId } from '../server/src/platform/ids.ts';
import { insertReadings } from '../server/src/modules/telemetry/batch-store.ts';
import { prepareTelemetryPartitions, sweepTelemetry } from '../server/src/modules/telemetry/retention.ts';
import { addToBuckets } from '../server/src/modules/telemetry/rollup-store.ts';
import { bucketSeries, type Reading } from '../server/src/modules/telemetry/telemetry.repository.ts';
import { createBackend, type BackendName } from './lib/backend.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    devices: { type: 'string', default: '5000' },
    days: { type: 'string', default: '30' },
    'full-hours': { type: 'string', default: '48' },
    'rollup-tx-minutes': { type: 'string', default: '30' },
    'per-tx': { type: 'string', default: '' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
const name = values.db as BackendName;
const devices = Number(values.devices);
const days = Number(values.days);
const fullHours = Number(values['full-hours']);
const txMinutes = Number(values['rollup-tx-minutes']);
/** default: the same transactions as phase 1, `--rollup-tx-minutes` of the whole fleet */
const perTx = Number(values['per-tx']) || devices * txMinutes;
const MIN = 60_000;
const HOUR = 60 * MIN;
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
  const hours = days * 24;
  const fullFrom = Math.max(0, hours - fullHours);
  await prepareTelemetryPartitions(backend.database, new Date(start));
  const loads: number[] = [];
  const t0 = performance.now();
  let readings = 0;
  let jobMs = 0;
  let compacted = 0;
  const phaseMs = [0, 0];
  const phaseReadings = [0, 0];
  const cpu0 = process.cpuUsage();
  /**
   * The fleet's readings of simulated minutes [from, to): each device at its own second of the minute. The reading
   * objects are made once and refilled (neither path keeps them past its transaction), and each simulated second's
   * ISO string is made once, so the bench's own share of the CPU stays small next to the code it measures.
   */
  const pool: Reading[] = [];
  const fleet = (from: number, to: number): Reading[] => {
    const count = (to - from) * ids.length;
    while (pool.length < count)
      pool.push({ tenantId: tenant.id, deviceId: '', metric: 'water_cm', at: '', value: 0, receivedAt: '' });
    let j = 0;
    for (let m = from; m < to; m++) {
      const at = start + m * MIN;
      const iso = Array.from({ length: 60 }, (_, s) => new Date(at + s * 1000).toISOString());
      const rec = new Date(at + 59_500).toISOString();
      for (let i = 0; i < ids.length; i++) {
        const r = pool[j++]!;
        r.deviceId = ids[i]!;
        r.at = iso[i % 60]!;
        r.value = 5 + ((i + m) % 13);
        r.receivedAt = rec;
      }
    }
    return pool.slice(0, count);
  };
  /** bytes this process has written to storage (Linux; SQLite's WAL and checkpoints), 0 elsewhere */
  const written = () => {
    try {
      return Number(/write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const phaseBytes = [0, 0];
  /** this process's CPU per phase, µs (on PostgreSQL the server's is not in it) */
  const phaseCpuUs = [0, 0];
  const jobCpuUs = { n: 0 };
  /** the full phase's time by section: raw rows, roll-ups, commit (the rest of the transaction) */
  const fullMs = { raw: 0, rollups: 0, commit: 0 };
  for (let h = 0; h < hours; h++) {
    const full = h >= fullFrom;
    const p0 = performance.now();
    const w0 = written();
    const u0 = process.cpuUsage();
    if (!full)
      for (let m = h * 60; m < (h + 1) * 60; m += txMinutes) {
        const rows = fleet(m, Math.min(m + txMinutes, (h + 1) * 60));
        await db.transaction().execute((tx) => addToBuckets(tx, rows));
        readings += rows.length;
        phaseReadings[0]! += rows.length;
      }
    else {
      const all = fleet(h * 60, (h + 1) * 60);
      for (let i = 0; i < all.length; i += perTx) {
        const rows = all.slice(i, i + perTx);
        const c0 = performance.now();
        let c1 = c0;
        await db.transaction().execute(async (tx) => {
          const fresh = await insertReadings(tx, rows);
          const r1 = performance.now();
          fullMs.raw += r1 - c0;
          await addToBuckets(tx, fresh);
          c1 = performance.now();
          fullMs.rollups += c1 - r1;
        });
        fullMs.commit += performance.now() - c1;
      }
      readings += all.length;
      phaseReadings[1]! += all.length;
    }
    phaseMs[full ? 1 : 0]! += performance.now() - p0;
    phaseBytes[full ? 1 : 0]! += written() - w0;
    const u = process.cpuUsage(u0);
    phaseCpuUs[full ? 1 : 0]! += u.user + u.system;
    // sampled here: SQLite's synchronous statements would starve a timer
    loads.push(loadavg()[0]!);
    // the hourly job at the top of the next hour
    const j = performance.now();
    const ju = process.cpuUsage();
    const swept = await sweepTelemetry(backend.database, RETENTION, new Date(start + (h + 1) * HOUR));
    jobMs += performance.now() - j;
    const jc = process.cpuUsage(ju);
    jobCpuUs.n += jc.user + jc.system;
    compacted += swept.compacted;
    if ((h + 1) % 24 === 0 || h + 1 === hours) {
      const s = (performance.now() - t0) / 1000;
      log(
        `day ${((h + 1) / 24).toFixed(1)}/${days}${full ? ' (full path)' : ''}: ${readings.toLocaleString('en')} readings in ${s.toFixed(0)} s ` +
          `(${Math.round(readings / s).toLocaleString('en')}/s), jobs ${(jobMs / 1000).toFixed(1)} s, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  // reading one device's month back, as the device page's queries do (the last device: no cache advantage)
  const from = new Date(start).toISOString();
  const time = async (f: () => Promise<unknown[]>) => {
    await f();
    const r0 = performance.now();
    const got = await f();
    return { ms: performance.now() - r0, points: got.length };
  };
  const device = ids[ids.length - 1]!;
  const minuteRead = await time(() => bucketSeries(db, 'minute', device, 'water_cm', from, 100_000));
  const hourRead = await time(() => bucketSeries(db, 'hour', device, 'water_cm', from, 100_000));

  const tables = ['telemetry_readings', 'telemetry_minute_packs', 'telemetry_hours'] as const;
  const rows: Record<string, number> = {};
  for (const t of tables)
    rows[t] = Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sizes: Record<string, number> = {};
  let bytes: number;
  if (name === 'sqlite') {
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    bytes = statSync(join(backend.dataDir, 'cityloop.db')).size;
    // table and its indexes, from the dbstat table (when SQLite was built with it)
    for (const t of tables) {
      const r = await sql<{ b: number }>`
        select sum(pgsize) as b from dbstat where name = ${t} or name in (select name from sqlite_master where tbl_name = ${t} and type = 'index')`
        .execute(db)
        .catch(() => null);
      if (r) sizes[t] = Number(r.rows[0]?.b ?? 0);
    }
  } else {
    await sql`vacuum analyze telemetry_minute_packs`.execute(db);
    for (const t of tables) {
      const r = await sql<{ b: string }>`
        select coalesce(sum(pg_total_relation_size(relid)), 0)::bigint as b from pg_partition_tree(${`${backend.schema}.${t}`}::regclass)`.execute(
        db,
      );
      sizes[t] = Number(r.rows[0]?.b ?? 0);
    }
    bytes = Number(
      (
        await sql<{
          b: string;
        }>`select sum(pg_total_relation_size(quote_ident(table_schema) || '.' || quote_ident(table_name)))::bigint as b
            from information_schema.tables where table_schema = ${backend.schema}`.execute(db)
      ).rows[0]?.b ?? 0,
    );
  }
  const mib = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
  const result = {
    backend: name,
    devices,
    days,
    fullHours,
    txMinutes,
    perTx,
    readings,
    seconds,
    readingsPerS: readings / seconds,
    phases: {
      rollupOnly: {
        readings: phaseReadings[0],
        seconds: phaseMs[0]! / 1000,
        perS: phaseReadings[0]! / (phaseMs[0]! / 1000),
        cpuUsPerReading: phaseCpuUs[0]! / phaseReadings[0]!,
        bytesWrittenPerReading: phaseBytes[0]! / phaseReadings[0]!,
      },
      full: {
        readings: phaseReadings[1],
        seconds: phaseMs[1]! / 1000,
        perS: phaseReadings[1]! / (phaseMs[1]! / 1000),
        cpuUsPerReading: phaseCpuUs[1]! / phaseReadings[1]!,
        bytesWrittenPerReading: phaseBytes[1]! / phaseReadings[1]!,
        sectionSeconds: Object.fromEntries(Object.entries(fullMs).map(([k, v]) => [k, v / 1000])),
      },
    },
    /** this process's CPU (on SQLite the database work too; on PostgreSQL the server's is not in it) */
    cpuSeconds,
    jobSeconds: jobMs / 1000,
    jobCpuSeconds: jobCpuUs.n / 1e6,
    packsCompacted: compacted,
    rows,
    tableMiB: Object.fromEntries(Object.entries(sizes).map(([k, v]) => [k, mib(v)])),
    /** SQLite: the database file (the demo city included); PostgreSQL: every table of the bench's schema */
    dbMiB: mib(bytes),
    read30Days: { minute: minuteRead, hour: hourRead },
    load: {
      mean: loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0],
      min: Math.min(...loads),
      max: Math.max(...loads),
    },
  };
  log(
    `${readings.toLocaleString('en')} readings (${devices} devices × 1,440/day × ${days} days) in ${seconds.toFixed(0)} s ` +
      `(${Math.round(result.readingsPerS).toLocaleString('en')}/s, CPU ${cpuSeconds.toFixed(0)} s, jobs ${result.jobSeconds.toFixed(1)} s); ` +
      `rows ${JSON.stringify(rows)}; MiB ${JSON.stringify(result.tableMiB)}, database ${result.dbMiB}; ` +
      `read 30 days: minutes ${minuteRead.points} in ${minuteRead.ms.toFixed(0)} ms, hours ${hourRead.points} in ${hourRead.ms.toFixed(1)} ms`,
  );
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await backend.dispose();
}
