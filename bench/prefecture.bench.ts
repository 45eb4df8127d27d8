/**
 * 地级市 view at province scale (docs/prefecture.md, "Scale"): one prefecture tenant over 100 county tenants on one
 * database, each with a year of KPI roll-up rows (the whole-tenant row and `--members` street and unit rows per day,
 * written through the KPI module's own `addDailyRows`), then the prefecture's KPI, ranking and trend endpoints timed
 * through the real app (in-process `inject`, signed in as the prefecture account). Goal: p95 ≤ 1 s. Prints figures;
 * asserts nothing, and is not part of `npm test`.
 *   node --import tsx bench/prefecture.bench.ts                       PostgreSQL (a fresh schema on TEST_PG_URL)
 *   node --import tsx bench/prefecture.bench.ts --db sqlite           SQLite (a file in a temporary folder)
 *   options: --counties 100 --days 365 --members 20 --runs 30
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addDays } from '../common/domain/period-compare.ts';
import { zonedDate } from '../common/domain/zoned-time.ts';
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import { hashPassword } from '../server/src/modules/auth/index.ts';
import { addDailyRows } from '../server/src/modules/kpi/index.ts';
import { seedTenant, seedUser } from '../server/src/modules/org/index.ts';
import { linkCounty } from '../server/src/modules/prefecture/index.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { refreshStatistics } from '../server/src/platform/db-statistics.ts';
import { syntheticDay } from '../server/src/seed/demo-prefecture.ts';
import { login } from '../server/src/testing/test-app.ts';
import { TEST_PG_URL } from '../server/src/testing/test-db.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'postgres' },
    counties: { type: 'string', default: '100' },
    days: { type: 'string', default: '365' },
    /** street and unit rows per county and day besides the whole-tenant row (they make the table realistic) */
    members: { type: 'string', default: '20' },
    runs: { type: 'string', default: '30' },
  },
});
const COUNTIES = Number(values.counties);
const DAYS = Number(values.days);
const MEMBERS = Number(values.members);
const RUNS = Number(values.runs);

const schema = `bench_prefecture_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'cityloop-prefecture-'));
const database =
  values.db === 'postgres' ? openDatabase(TEST_PG_URL, { schema }) : openDatabase(`sqlite:${join(dir, 'bench.db')}`);
const { db } = database;
try {
  await migrateToLatest(db, values.db === 'postgres' ? { schema } : {});
  const hash = await hashPassword('Demo@12345');
  const admin = { username: 'admin', displayName: '系统管理员', passwordHash: hash };
  const pref = await seedTenant(db, systemClock, { code: '420200', name: '黄石市' }, admin);
  await seedUser(db, pref.tenantId, systemClock, {
    username: 'prefecture',
    displayName: '地级市',
    phone: null,
    passwordHash: hash,
    unitId: null,
    role: 'prefectureViewer',
    unitBound: false,
  });
  const today = zonedDate(new Date(), 'Asia/Shanghai');
  const t0 = performance.now();
  let rows = 0;
  for (let c = 0; c < COUNTIES; c++) {
    const code = String(430000 + c + 1);
    const county = await seedTenant(db, systemClock, { code, name: `县${c + 1}` }, admin);
    await linkCounty(db, systemClock, county.tenantId, pref.tenantId);
    const batch: Parameters<typeof addDailyRows>[2][number][] = [];
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(today, -d);
      const counts = syntheticDay(d * 31 + c);
      batch.push({ dim: 'all', dimId: '', day, counts });
      for (let m = 0; m < MEMBERS; m++)
        batch.push({ dim: m % 2 ? 'unit' : 'street', dimId: `m${m}`, day, counts: syntheticDay(d + m) });
    }
    await addDailyRows(db, county.tenantId, batch);
    rows += batch.length;
    if ((c + 1) % 10 === 0)
      console.log(
        `${c + 1} counties, ${rows.toLocaleString('en')} roll-up rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
  }
  await refreshStatistics(db, ['kpi_daily', 'kpi_monthly', 'prefecture_links', 'tenants']);

  const dataDir = mkdtempSync(join(tmpdir(), 'cityloop-prefecture-app-'));
  const app = await buildApp({
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIST: join(dataDir, 'no-web') }),
    database,
    clock: systemClock,
    logger: false,
  });
  await app.ready();
  const session = await login(app, 'prefecture', 'Demo@12345', '420200');
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.body;
  };
  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] ?? NaN;
  const month = today.slice(0, 7);
  const year = today.slice(0, 4);
  const endpoints: [string, string][] = [
    ['prefecture KPI, month', `/api/prefecture/kpi?period=month&at=${month}`],
    ['prefecture KPI, year', `/api/prefecture/kpi?period=year&at=${year}`],
    ['ranking, month', `/api/prefecture/ranking?period=month&at=${month}`],
    ['ranking, year, by on-time close rate', `/api/prefecture/ranking?period=year&at=${year}&sort=onTimeCloseRate`],
    ['trend, 12 months', '/api/prefecture/trend?months=12'],
  ];
  console.log(
    `\n${values.db}: ${COUNTIES} counties, ${DAYS} days, ${rows.toLocaleString('en')} roll-up rows; ` +
      `load average ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}; ${RUNS} runs after a warm-up (goal p95 ≤ 1000 ms)`,
  );
  for (const [label, url] of endpoints) {
    const body = await get(url);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await get(url);
      ms.push(performance.now() - t);
    }
    const counties = JSON.parse(body) as { counties?: unknown[]; rows?: unknown[]; months?: unknown[] };
    const n = (counties.counties ?? counties.rows ?? counties.months ?? []).length;
    console.log(
      `${label.padEnd(40)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(7)} ms   (${n} rows)`,
    );
  }
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
} finally {
  if (values.db === 'postgres') await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
