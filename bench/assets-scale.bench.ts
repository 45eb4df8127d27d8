/**
 * The asset registers at scale (docs/assets.md, "At scale"): N assets over the demo city's asset types and streets
 * and M rows: daily logs (one per asset and day, over the last 400 days, on the types with a log unit) and inspections
 * (two per asset at most, due over the same days) plus some finished 养护工单, written by INSERT … SELECT inside the database (a generated series of numbers: no row crosses
 * from Node, so 10M rows load in minutes); `analyze` after loading. Then the asset list (first and deep pages,
 * filters by line/type/status, sorts by code/name/updated, a search term) and the yearly statistics report are
 * timed through the real app (in-process `inject`, signed in as the demo leader). Prints figures with goals and
 * the load average; asserts nothing.
 *   node --import tsx bench/assets-scale.bench.ts                       SQLite (a file in a temporary folder)
 *   node --import tsx bench/assets-scale.bench.ts --db postgres         a fresh schema on TEST_PG_URL
 *   options: --assets 1000000 --logs 10000000 --inspection-share 0.2 --requests 240 --runs 5
 *   (--logs counts the inspection and log rows together: by default 8M daily logs and 2M inspections)
 *   --keep leaves the loaded database (SQLite: the file, whose path is printed; PostgreSQL: the schema), --file PATH
 *   and --schema NAME say where to load; --reuse PATH|SCHEMA skips the load on a kept database: it runs the newer
 *   migrations on it (timed), refreshes the statistics and times the list and the report again.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { addDays } from '../common/domain/period-compare.ts';
import { zonedDate } from '../common/domain/zoned-time.ts';
import { rebuildLogRollup } from '../server/src/db/migrations/0091_asset_log_rollup.ts';
import { rebuildInspectionRollup } from '../server/src/db/migrations/0095_asset_inspection_rollup.ts';
import { rebuildAssetCounts } from '../server/src/db/migrations/0096_asset_type_counts.ts';
import { rebuildAssetSearch } from '../server/src/db/migrations/0100_asset_search_table.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { refreshStatistics } from '../server/src/platform/db-statistics.ts';
import { signedInApp } from './lib/signed-in-app.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { TEST_PG_URL } from '../server/src/testing/test-db.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    assets: { type: 'string', default: '1000000' },
    // the issue's "inspection and log rows": this many in all, `--inspection-share` of them inspections
    logs: { type: 'string', default: '10000000' },
    'inspection-share': { type: 'string', default: '0.2' },
    requests: { type: 'string', default: '240' },
    runs: { type: 'string', default: '5' },
    // leave the loaded database (SQLite: the file, its path printed; PostgreSQL: the schema) for EXPLAIN or --reuse
    keep: { type: 'boolean', default: false },
    // where to load: SQLite file (default: in a temporary folder) / PostgreSQL schema (default: bench_assets_<pid>)
    file: { type: 'string' },
    schema: { type: 'string' },
    // a kept database (SQLite file / PostgreSQL schema): no load, only the newer migrations and the timings
    reuse: { type: 'string' },
  },
});
const N = Math.round(Number(values.assets));
const ROWS = Math.round(Number(values.logs));
const INSPECTIONS = Math.round(ROWS * Number(values['inspection-share']));
const M = ROWS - INSPECTIONS;
const REQUESTS = Number(values.requests);
const RUNS = Number(values.runs);
const DAYS = 400;
const LIST_GOAL_MS = 20;
const REPORT_GOAL_MS = 3000;
const pg = values.db === 'postgres';

const reuse = values.reuse;
const keep = values.keep || !!reuse;
const schema = (pg && reuse) || values.schema || `bench_assets_${process.pid}`;
const dir = reuse || values.file ? null : mkdtempSync(join(tmpdir(), 'cityloop-assets-scale-'));
const file = (!pg && reuse) || values.file || join(dir ?? tmpdir(), 'bench.db');
if (reuse && !pg && !existsSync(file)) throw new Error(`--reuse ${file}: no such file`);
const database = pg ? openDatabase(TEST_PG_URL, { schema }) : openDatabase(`sqlite:${file}`);
const { db } = database;
const log = (s: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${s}`);

/** `0 ≤ i < n` as a row source, in each dialect. */
const series = (n: number) =>
  pg
    ? sql`(select generate_series(0, ${n - 1})::bigint as i) s`
    : sql`(with recursive s(i) as (select 0 union all select i + 1 from s where i < ${n - 1}) select i from s) s`;
/** Zero-padded text of an integer expression. */
const pad = (e: ReturnType<typeof sql>, w: number) =>
  pg ? sql`lpad((${e})::text, ${w}, '0')` : sql`printf('%0${sql.raw(String(w))}d', ${e})`;
/** ISO timestamp text of an epoch-seconds expression. */
const iso = (e: ReturnType<typeof sql>) =>
  pg
    ? sql`to_char(to_timestamp(${e}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%S.000Z', ${e}, 'unixepoch')`;

try {
  if (reuse && pg) {
    const found = await sql`select 1 from information_schema.schemata where schema_name = ${schema}`.execute(db);
    if (!found.rows.length) throw new Error(`--reuse ${schema}: no such schema`);
  }
  const tm = performance.now();
  await migrateToLatest(db, pg ? { schema } : {});
  const migrateS = (performance.now() - tm) / 1000;
  if (reuse) log(`reusing ${pg ? `schema ${schema}` : file}: migrations in ${migrateS.toFixed(1)} s`);
  else await seedDemoCity(db, systemClock);
  const tenant = await db
    .selectFrom('tenants')
    .select(['id', 'timezone'])
    .where('code', '=', '420281')
    .executeTakeFirstOrThrow();
  const zone = tenant.timezone || 'Asia/Shanghai';
  const types = await db.selectFrom('asset_types').selectAll().where('tenant_id', '=', tenant.id).execute();
  const streets = await db
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenant.id)
    .where('kind', '=', 'street')
    .execute();
  const unit = await db.selectFrom('units').select('id').where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
  const user = await db.selectFrom('users').select('id').where('username', '=', 'leader').executeTakeFirstOrThrow();
  const today = zonedDate(new Date(), zone);
  let assetsS = 0;
  let logsS = 0;
  let backfillS = 0;
  let inspectionsS = 0;
  const t0 = performance.now();
  if (!reuse) {
    log(
      `${values.db}: ${types.length} asset types, ${streets.length} streets; writing ${N.toLocaleString('en')} assets, ` +
        `${M.toLocaleString('en')} log rows and ${INSPECTIONS.toLocaleString('en')} inspections over ${DAYS} days…`,
    );

    // The bulk load writes as a migration finds existing rows: the roll-up triggers (the asset counts, the logs' and
    // the inspections' roll-ups) are off while it runs and the migrations' backfills roll the rows up after (timed on
    // their own); the forms, imports and the schedule's sweep pay the triggers row by row.
    const rollups = [
      { table: 'assets', pgTrigger: 'assets_type_count', rebuild: rebuildAssetCounts },
      { table: 'asset_daily_logs', pgTrigger: 'asset_daily_logs_rollup', rebuild: rebuildLogRollup },
      { table: 'asset_inspections', pgTrigger: 'asset_inspections_rollup', rebuild: rebuildInspectionRollup },
      // PostgreSQL's search table (migration 0100): copied from the register after the load
      { table: 'assets', pgTrigger: 'assets_search', rebuild: rebuildAssetSearch },
    ];
    const sqliteTriggers = pg
      ? []
      : (
          await sql<{
            name: string;
            sql: string;
          }>`select name, sql from sqlite_master where type = 'trigger'
            and (name like 'asset_daily_logs_rollup_%' or name like 'asset_inspections_rollup_%'
              or name like 'assets_type_count_%')`.execute(db)
        ).rows;
    for (const r of pg ? rollups : [])
      await sql`alter table ${sql.id(r.table)} disable trigger ${sql.id(r.pgTrigger)}`.execute(db);
    for (const t of sqliteTriggers) await sql`drop trigger ${sql.id(t.name)}`.execute(db);

    const now = Math.floor(Date.now() / 1000);
    // the assets: type k holds a contiguous run of numbers, each run split over the streets in turn
    const per = Math.ceil(N / types.length);
    const runs: { type: (typeof types)[number]; from: number; to: number }[] = [];
    for (const [k, type] of types.entries()) {
      const from = k * per;
      const to = Math.min(N, from + per);
      if (to > from) runs.push({ type, from, to });
    }
    const CHUNK = 50_000;
    for (const { type, from, to } of runs) {
      for (let a = from; a < to; a += CHUNK) {
        const n = Math.min(CHUNK, to - a);
        const street = streets[(a / CHUNK) % Math.max(1, streets.length)];
        const i = sql`(s.i + ${a})`;
        const lng = sql`(114.85 + ((s.i * 7919) % 4000) * 0.0001)`;
        const lat = sql`(30.05 + ((s.i * 104729) % 2500) * 0.0001)`;
        await sql`insert into assets (id, tenant_id, type_id, line, code, name, status, geometry, lng, lat, region_id,
          unit_id, address, attributes, synthetic, created_at, updated_at)
        select ${sql`'bench-' || ${pad(i, 8)}`}, ${tenant.id}, ${type.id}, ${type.line},
          ${sql`${type.code} || '-' || ${pad(i, 7)}`}, ${sql`${type.name_zh} || ' ' || ${pad(sql`(${i} * 7919) % 1000003`, 7)}`},
          case when ${i} % 97 = 0 then 'retired' when ${i} % 31 = 0 then 'maintenance' else 'active' end,
          ${sql`'{"type":"Point","coordinates":[' || ${lng} || ',' || ${lat} || ']}'`}, ${lng}, ${lat},
          ${street?.id ?? null}, ${unit.id}, ${sql`${street?.name ?? ''} || ' ' || (${i} % 500) || '号'`}, '{}', 1,
          ${iso(sql`${now - DAYS * 86400} + (${i} * 37) % ${DAYS * 86400}`)},
          ${iso(sql`${now - DAYS * 86400} + (${i} * 7933) % ${DAYS * 86400}`)}
        from ${series(n)}`.execute(db);
      }
    }
    assetsS = (performance.now() - t0) / 1000;
    log(`assets: ${N.toLocaleString('en')} in ${assetsS.toFixed(0)} s`);

    // the logs: the first ⌈M / DAYS⌉ assets of the logging types, one row a day for the last DAYS days
    const logging = runs.filter((r) => r.type.log_unit);
    const loggers = Math.ceil(M / DAYS);
    let left = loggers;
    let logRows = 0;
    const t1 = performance.now();
    for (const [k, { type, from, to }] of logging.entries()) {
      const take = Math.min(to - from, Math.ceil(left / (logging.length - k)));
      left -= take;
      for (let a = from; a < from + take; a += 2500) {
        const n = Math.min(2500, from + take - a);
        const rows = Math.min(n * DAYS, M - logRows);
        if (rows <= 0) break;
        const asset = sql`(s.i / ${DAYS} + ${a})`;
        const day = sql`(s.i % ${DAYS})`;
        const date = pg
          ? sql`to_char(cast(${today} as date) - ${day}::int, 'YYYY-MM-DD')`
          : sql`date(${today}, '-' || ${day} || ' days')`;
        await sql`insert into asset_daily_logs (id, tenant_id, asset_id, line, log_date, quantity_milli, unit, source,
          created_by, created_at, updated_at)
        select ${sql`'bench-' || ${pad(asset, 8)} || '-' || ${pad(day, 3)}`}, ${tenant.id},
          ${sql`'bench-' || ${pad(asset, 8)}`}, ${type.line}, ${date}, 1000 + (s.i * 7919) % 40000, ${type.log_unit},
          'import', ${user.id}, ${iso(sql`${now}`)}, ${iso(sql`${now}`)}
        from ${series(rows)}`.execute(db);
        logRows += rows;
      }
      if (logRows >= M) break;
      log(`  logs: ${logRows.toLocaleString('en')} rows, ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    }
    logsS = (performance.now() - t1) / 1000;
    log(`logs: ${logRows.toLocaleString('en')} rows in ${logsS.toFixed(0)} s`);

    // 巡检: one plan per type; inspection k of asset a is due on day (37 a + 200 k) mod DAYS (two per asset at most
    // 400 days apart, so (plan, asset, day) stays unique); four in five done, one done in ten with a failed item.
    const ti = performance.now();
    await sql`insert into asset_inspection_plans (id, tenant_id, name, type_id, checklist, schedule_kind, schedule,
      unit_id, inspector_id, active, created_by, created_at, updated_at)
    select 'bench-plan-' || t.code, t.tenant_id, t.name_zh || '巡检', t.id, '[]', 'daily', '{}', ${unit.id}, ${user.id},
      1, ${user.id}, ${iso(sql`${now}`)}, ${iso(sql`${now}`)}
    from asset_types t where t.tenant_id = ${tenant.id}`.execute(db);
    for (let a = 0; a < INSPECTIONS; a += CHUNK * 4) {
      const n = Math.min(CHUNK * 4, INSPECTIONS - a);
      const i = sql`(s.i + ${a})`;
      const asset = sql`(${i} % ${N})`;
      const day = sql`((${asset} * 37 + (${i} / ${N}) * 200) % ${DAYS})`;
      const date = pg
        ? sql`to_char(cast(${today} as date) - ${day}::int, 'YYYY-MM-DD')`
        : sql`date(${today}, '-' || ${day} || ' days')`;
      const done = sql`${i} % 5 <> 0`;
      await sql`insert into asset_inspections (id, tenant_id, plan_id, asset_id, line, region_id, unit_id, inspector_id,
        due_date, state, results, failed_count, done_by, done_at, created_at, updated_at)
      select ${sql`'bench-in-' || ${pad(i, 8)}`}, a.tenant_id, p.id, a.id, a.line, a.region_id, a.unit_id, ${user.id},
        ${date}, case when ${done} then 'done' else 'due' end, '[]',
        case when ${done} and ${i} % 10 = 1 then 1 else 0 end, case when ${done} then ${user.id} end,
        case when ${done} then ${iso(sql`${now}`)} end, ${iso(sql`${now}`)}, ${iso(sql`${now}`)}
      from ${series(n)} join assets a on a.id = ${sql`'bench-' || ${pad(asset, 8)}`}
        join asset_inspection_plans p on p.type_id = a.type_id and p.id like 'bench-plan-%'`.execute(db);
    }
    inspectionsS = (performance.now() - ti) / 1000;
    log(`inspections: ${INSPECTIONS.toLocaleString('en')} in ${inspectionsS.toFixed(0)} s`);

    // 养护工单: one asset in 50 has one, finished over the last DAYS days
    const orders = Math.floor(N / 50);
    for (let a = 0; a < orders; a += CHUNK) {
      const n = Math.min(CHUNK, orders - a);
      const i = sql`(s.i + ${a})`;
      const done = sql`${now - DAYS * 86400} + (${i} * 6037) % ${DAYS * 86400}`;
      await sql`insert into asset_work_orders (id, tenant_id, order_no, asset_id, line, region_id, title, unit_id, state,
        due_at, cost_fen, before_photo_ids, after_photo_ids, created_by, done_at, accepted_at, created_at, updated_at)
      select 'bench-wo-' || ${pad(i, 7)}, a.tenant_id, 'YHB-' || ${pad(i, 7)}, a.id, a.line, a.region_id, '养护',
        a.unit_id, 'accepted', ${iso(sql`${done} + ((${i} % 5) - 1) * 86400`)}, 10000 + (${i} * 13) % 90000, '[]', '[]',
        ${user.id}, ${iso(done)}, ${iso(done)}, ${iso(sql`${done} - 86400`)}, ${iso(done)}
      from ${series(n)} join assets a on a.id = ${sql`'bench-' || ${pad(sql`${i} * 50`, 8)}`}`.execute(db);
    }
    const tb = performance.now();
    for (const r of rollups) {
      await r.rebuild(db);
      if (pg) await sql`alter table ${sql.id(r.table)} enable trigger ${sql.id(r.pgTrigger)}`.execute(db);
    }
    for (const t of sqliteTriggers) await sql.raw(t.sql).execute(db);
    backfillS = (performance.now() - tb) / 1000;
    log(`roll-up backfills (asset counts, logs, inspections, search table) in ${backfillS.toFixed(0)} s`);
  }
  // on a reused database: the register (the newer migrations' indexes) and the roll-ups' tables
  await refreshStatistics(
    db,
    reuse
      ? [
          'assets',
          'asset_log_monthly',
          'asset_log_asset_months',
          'asset_inspection_daily',
          'asset_type_counts',
          ...(pg ? ['asset_search'] : []),
        ]
      : [
          'assets',
          'asset_daily_logs',
          'asset_work_orders',
          'asset_inspections',
          'asset_log_monthly',
          'asset_log_asset_months',
          'asset_inspection_daily',
          'asset_type_counts',
          ...(pg ? ['asset_search'] : []),
        ],
  );
  // PostgreSQL: the register vacuumed as autovacuum would after a million inserts (the test server runs with
  // autovacuum off): without the visibility map the capped counts' index-only scans read the heap row by row
  if (pg) await sql`vacuum (analyze) assets`.execute(db);
  if (reuse) log(`statistics refreshed in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const loadS = (performance.now() - t0) / 1000;
  const count = async (t: 'assets' | 'asset_daily_logs' | 'asset_work_orders' | 'asset_inspections') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const loaded = {
    assets: await count('assets'),
    logs: await count('asset_daily_logs'),
    orders: await count('asset_work_orders'),
    inspections: await count('asset_inspections'),
  };
  const size = pg
    ? Number(
        (
          await sql<{
            n: string;
          }>`select sum(pg_total_relation_size(quote_ident(${schema}) || '.' || quote_ident(tablename)))::bigint as n from pg_tables where schemaname = ${schema}`.execute(
            db,
          )
        ).rows[0]?.n ?? 0,
      )
    : statSync(file).size +
      (() => {
        try {
          return statSync(`${file}-wal`).size;
        } catch {
          return 0;
        }
      })();
  log(
    `loaded ${loaded.assets.toLocaleString('en')} assets, ${loaded.logs.toLocaleString('en')} logs, ` +
      `${loaded.orders.toLocaleString('en')} work orders, ${loaded.inspections.toLocaleString('en')} inspections in ` +
      `${loadS.toFixed(0)} s (analyze included; roll-up backfills ${backfillS.toFixed(0)} s); ` +
      `database ${(size / 2 ** 30).toFixed(2)} GiB`,
  );

  const { get, close } = await signedInApp(database, 'assets-scale');
  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

  const lines = [...new Set(types.map((t) => t.line))];
  const kinds: [string, (k: number) => string][] = [
    ['first page by code', () => ''],
    ['deep page (50) by code', () => 'page=50'],
    ['by line', (k) => `line=${lines[k % lines.length]}`],
    ['by type, page 20', (k) => `typeCode=${types[k % types.length]?.code}&page=20`],
    ['by status maintenance', () => 'status=maintenance'],
    ['sort name', () => 'sort=name'],
    ['sort updated desc', () => 'sort=updatedAt&order=desc'],
    ['line + sort updated desc', (k) => `line=${lines[k % lines.length]}&sort=updatedAt&order=desc`],
    ['search a code', (k) => `q=${encodeURIComponent(`${types[k % types.length]?.code}-00${k}12`)}`],
    // names are "<type name> <7 digits>", addresses "<street> <n>号": a name word and digits, a house number
    [
      'search a name',
      (k) => `q=${encodeURIComponent(`${types[k % types.length]?.name_zh} ${(k * 7919) % 10}${k % 10}`)}`,
    ],
    ['search an address', (k) => `q=${encodeURIComponent(` ${(k * 37) % 500}号`)}`],
  ];
  const startLoad = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  log(`load average at the start of the timings: ${startLoad}`);
  await get('/api/assets/items');
  const all: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let r = 0; r < REQUESTS; r++) {
    const [name, query] = kinds[r % kinds.length] as (typeof kinds)[number];
    const t = performance.now();
    await get(`/api/assets/items?pageSize=20&${query(r)}`);
    const ms = performance.now() - t;
    all.push(ms);
    byKind.set(name, [...(byKind.get(name) ?? []), ms]);
  }
  const rows: [string, number, string, string][] = [];
  const verdict = (v: number, goal: number) => (v <= goal ? 'met' : 'MISSED');
  rows.push(['asset list p50 (mix)', pct(all, 0.5), '', '']);
  rows.push(['asset list p95 (mix)', pct(all, 0.95), `≤ ${LIST_GOAL_MS} ms`, verdict(pct(all, 0.95), LIST_GOAL_MS)]);
  for (const [name, xs] of byKind) rows.push([`  ${name} p95`, pct(xs, 0.95), `p50 ${pct(xs, 0.5).toFixed(1)}`, '']);
  const year = today.slice(0, 4);
  const report = `/api/reports/statistics?period=year&at=${year}`;
  await get(report);
  const reportMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now();
    await get(report);
    reportMs.push(performance.now() - t);
  }
  const med = pct(reportMs, 0.5);
  rows.push([`yearly report ${year}, median of ${RUNS}`, med, `≤ ${REPORT_GOAL_MS} ms`, verdict(med, REPORT_GOAL_MS)]);
  console.log('');
  for (const [name, ms, goal, v] of rows)
    console.log(`${name.padEnd(42)} ${ms.toFixed(1).padStart(9)} ms  ${goal.padEnd(10)} ${v}`);
  console.log(
    `\n${values.db}: ${loaded.assets.toLocaleString('en')} assets, ${loaded.logs.toLocaleString('en')} logs, ` +
      `${loaded.orders.toLocaleString('en')} work orders, ${loaded.inspections.toLocaleString('en')} inspections; ` +
      `load ${loadS.toFixed(0)} s (assets ${assetsS.toFixed(0)} s, logs ${logsS.toFixed(0)} s, roll-up backfill ${backfillS.toFixed(0)} s, ` +
      `inspections ${inspectionsS.toFixed(0)} s${reuse ? `; reused, newer migrations ${migrateS.toFixed(0)} s` : ''}); database ${(size / 2 ** 30).toFixed(2)} GiB; ` +
      `load average ${startLoad} → ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')} (logs from ${addDays(today, -(DAYS - 1))})`,
  );
  await close();
} finally {
  if (pg && !keep) await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await database.close();
  if (keep) console.log(`kept ${pg ? `schema ${schema}` : file}`);
  else if (dir) rmSync(dir, { recursive: true, force: true });
  else if (!pg) for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}
