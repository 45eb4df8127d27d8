/**
 * 综合分析 at 10 million cases (docs/analysis.md, "At 10 million cases"), without generating the cases: the daily
 * roll-up rows that 10M cases over several years would produce are written through the KPI module's own
 * `addDailyRows`, spread over the demo city's grids (with their communities and streets), units, channels, matter
 * classes, matters, hours of the day and component classes; then the analysis and KPI endpoints are timed through
 * the real app (in-process `inject`, signed in as the demo leader). Prints figures and the load average; asserts
 * nothing.
 *   node --import tsx bench/analysis-scale.bench.ts                      SQLite (a file in a temporary folder)
 *   node --import tsx bench/analysis-scale.bench.ts --db postgres        a fresh schema on TEST_PG_URL
 *   options: --cases 10000000 --years 3 --runs 5 --keep /tmp/file.db (SQLite: keep the loaded file, reuse it next run)
 * Only the roll-up is loaded: the repeat-hotspot scan reads the case facts of its 30-day window (positions, not
 * counts), so here it has no case to read; bench/analysis.bench.ts times it on generated cases.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KpiCounter } from '../common/domain/kpi.ts';
import { addDays, weekOf } from '../common/domain/period-compare.ts';
import { zonedDate } from '../common/domain/zoned-time.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import { catalogLookups } from '../server/src/modules/catalog/index.ts';
import { gridReads } from '../server/src/modules/geo/index.ts';
import { addDailyRows } from '../server/src/modules/kpi/index.ts';
import { orgNames } from '../server/src/modules/org/index.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { refreshStatistics } from '../server/src/platform/db-statistics.ts';
import { signedInApp } from './lib/signed-in-app.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { TEST_PG_URL } from '../server/src/testing/test-db.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite' },
    cases: { type: 'string', default: '10000000' },
    years: { type: 'string', default: '3' },
    /** days written, ending today: the answers timed read the last 13 months; older rows only make the table larger */
    written: { type: 'string' },
    runs: { type: 'string', default: '5' },
    /** SQLite only: the database file, kept after the run; a file already loaded is timed again without writing */
    keep: { type: 'string' },
    /** time only the answers whose label holds this text */
    only: { type: 'string' },
  },
});
const TOTAL = Number(values.cases);
const DAYS = Math.round(Number(values.years) * 365.25);
const RUNS = Number(values.runs);
const WRITTEN = Math.min(DAYS, Number(values.written ?? DAYS));

/** Deterministic PRNG (mulberry32): every run writes the same roll-up. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);

/** Zipf-like shares (a few members take most cases, as a few matters and busy grids do), summing to 1. */
function shares(n: number, s = 0.9): number[] {
  const w = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const shuffled = w.map((x) => ({ x, k: random() })).sort((a, b) => a.k - b.k);
  const sum = w.reduce((a, b) => a + b, 0);
  return shuffled.map((o) => o.x / sum);
}
/** `n` split by shares, each part drawn around its expectation and made whole by random rounding (no bias). */
const split = (n: number, p: readonly number[]) =>
  p.map((x) => {
    const v = n * x * (0.75 + random() * 0.5);
    const whole = Math.floor(v);
    return whole + (random() < v - whole ? 1 : 0);
  });

/** The counters a day's `c` reported cases of one member give, in the proportions of a working city. */
function caseCounts(c: number): Partial<Record<KpiCounter, number>> {
  const f = (r: number) => Math.round(c * r);
  return {
    reported: c,
    inspectorReported: f(0.72),
    validReported: f(0.93),
    publicReported: f(0.18),
    selfHandled: f(0.22),
    voided: f(0.06),
    accepted: f(0.9),
    needVerify: f(0.2),
    verifiedOnTime: f(0.19),
    filed: f(0.7),
    filedOnTime: f(0.68),
    needDispatch: f(0.62),
    dispatched: f(0.62),
    dispatchedOnTime: f(0.6),
    needHandle: f(0.62),
    handled: f(0.6),
    handledOnTime: f(0.55),
    overdue: f(0.03),
    extended: f(0.02),
    needClose: f(0.68),
    closed: f(0.66),
    closedOnTime: f(0.62),
    reworked: f(0.015),
    escalated: f(0.01),
    rated: f(0.1),
    satisfied: f(0.09),
    handlingHours: f(0.6) * 20,
    handlingTimed: f(0.6),
  };
}
/** Analysis dimensions count report-day counters only (docs/analysis.md, "Roll-up dimensions"). */
const reportCounts = (c: number): Partial<Record<KpiCounter, number>> => ({
  reported: c,
  inspectorReported: Math.round(c * 0.72),
  validReported: Math.round(c * 0.93),
  publicReported: Math.round(c * 0.18),
});

const CHANNELS = ['inspector', 'public', 'hotline', 'operator', 'camera', 'sensor', 'leader', 'petition'];
const CTYPES = Array.from({ length: 40 }, (_, i) => `0${1 + (i % 6)}${String(1 + i).padStart(3, '0')}`);
/** Reports by local hour: few at night, peaks in the morning and afternoon rounds. */
const HOUR_SHARE = (() => {
  const w = Array.from({ length: 24 }, (_, h) =>
    h < 6 ? 0.2 : h < 8 ? 1 : h < 12 ? 3 : h < 14 ? 1.5 : h < 18 ? 2.6 : 0.8,
  );
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
})();

const schema = `bench_analysis_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'cityloop-analysis-scale-'));
const database =
  values.db === 'postgres'
    ? openDatabase(TEST_PG_URL, { schema })
    : openDatabase(`sqlite:${values.keep ?? join(dir, 'bench.db')}`);
const { db } = database;
try {
  await migrateToLatest(db, values.db === 'postgres' ? { schema } : {});
  const loaded =
    values.keep !== undefined &&
    (await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirst()) !== undefined;
  if (!loaded) await seedDemoCity(db, systemClock);
  const tenant = await db
    .selectFrom('tenants')
    .select(['id', 'timezone'])
    .where('code', '=', '420281')
    .executeTakeFirstOrThrow();
  const zone = tenant.timezone || 'Asia/Shanghai';
  const grids = await gridReads.gridsByCodeOrder(db, tenant.id);
  const units = [...(await orgNames.activeUnitNames(db, tenant.id)).keys()];
  const matterMajor = await catalogLookups.matterMajors(db, tenant.id);
  const matters = [...matterMajor.keys()];
  const gridShare = shares(grids.length, 0.6);
  const unitShare = shares(units.length);
  const matterShare = shares(matters.length, 1.1);
  const channelShare = shares(CHANNELS.length, 1.5);
  const ctypeShare = shares(CTYPES.length);
  console.log(
    `database ${values.db}; demo city: ${grids.length} grids, ${units.length} units, ${matters.length} matters; ` +
      `writing the roll-up of ${TOTAL.toLocaleString('en')} cases over ${DAYS} days ` +
      `(${Math.round(TOTAL / DAYS).toLocaleString('en')} a day), the last ${WRITTEN} days of it…`,
  );

  const today = zonedDate(new Date(), zone);
  // the density of TOTAL cases over DAYS days, written for the last WRITTEN days
  const first = addDays(today, -(WRITTEN - 1));
  const perDay = TOTAL / DAYS;
  let written = 0;
  let cases = 0;
  const t0 = performance.now();
  for (let d = 0; !loaded && d < WRITTEN; d += 10) {
    const batch: Parameters<typeof addDailyRows>[2][number][] = [];
    for (let k = d; k < Math.min(WRITTEN, d + 10); k++) {
      const day = addDays(first, k);
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      const season = 1 + 0.2 * Math.sin((2 * Math.PI * k) / 365.25);
      const n = Math.round(perDay * season * (weekday === 0 || weekday === 6 ? 0.8 : 1.08));
      const byGrid = split(n, gridShare);
      const day_ = (dim: string, dimId: string, counts: Partial<Record<KpiCounter, number>>) =>
        batch.push({ dim, dimId, day, counts });
      const street = new Map<string, number>();
      const community = new Map<string, number>();
      let all = 0;
      grids.forEach((g, i) => {
        const c = byGrid[i] ?? 0;
        if (c <= 0) return;
        all += c;
        day_('grid', g.code, caseCounts(c));
        if (g.street_id) street.set(g.street_id, (street.get(g.street_id) ?? 0) + c);
        if (g.community_id) community.set(g.community_id, (community.get(g.community_id) ?? 0) + c);
      });
      cases += all;
      day_('all', '', caseCounts(all));
      for (const [id, c] of street) day_('street', id, caseCounts(c));
      for (const [id, c] of community) day_('community', id, caseCounts(c));
      split(all, unitShare).forEach((c, i) => c > 0 && day_('unit', units[i] as string, caseCounts(c)));
      split(all, channelShare).forEach((c, i) => c > 0 && day_('channel', CHANNELS[i] as string, caseCounts(c)));
      const major = new Map<string, number>();
      split(all, matterShare).forEach((c, i) => {
        if (c <= 0) return;
        const code = matters[i] as string;
        day_('matter', code, reportCounts(c));
        const m = matterMajor.get(code);
        if (m) major.set(m, (major.get(m) ?? 0) + c);
      });
      for (const [id, c] of major) day_('major', id, caseCounts(c));
      split(all, HOUR_SHARE).forEach((c, h) => c > 0 && day_('hour', String(h).padStart(2, '0'), reportCounts(c)));
      split(Math.round(all * 0.25), ctypeShare).forEach(
        (c, i) => c > 0 && day_('ctype', CTYPES[i] as string, reportCounts(c)),
      );
    }
    await db.transaction().execute((tx) => addDailyRows(tx, tenant.id, batch));
    written += batch.length;
    if ((d / 10) % 20 === 0)
      console.log(
        `  ${addDays(first, Math.min(WRITTEN, d + 10) - 1)}: ${written.toLocaleString('en')} rows, ` +
          `${cases.toLocaleString('en')} cases, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
      );
  }
  await refreshStatistics(db, ['kpi_daily', 'kpi_monthly']);
  const loadS = (performance.now() - t0) / 1000;
  console.log(
    `roll-up: ${written.toLocaleString('en')} rows standing for ${cases.toLocaleString('en')} cases, ${loadS.toFixed(0)} s`,
  );

  const { get, close } = await signedInApp(database, 'analysis-scale');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const month = (() => {
    const [y, m] = today.split('-').map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  })();
  const year = String(Number(today.slice(0, 4)) - 1);
  const week = weekOf(addDays(today, -7));
  const city = '114.6,29.8,115.3,30.4';
  const endpoints: [string, string, (body: string) => string][] = [
    ['overview, month (top N ×4, 环比/同比)', `/api/analysis/overview?period=month&at=${month}`, () => month],
    ['overview, year', `/api/analysis/overview?period=year&at=${year}`, () => year],
    ['KPI units, month, compare', `/api/kpi?period=month&at=${month}&subject=unit&compare=true`, () => month],
    ['KPI streets, month, compare', `/api/kpi?period=month&at=${month}&subject=street&compare=true`, () => month],
    [
      'KPI grids page 1, month, compare',
      `/api/kpi?period=month&at=${month}&subject=grid&compare=true&pageSize=50`,
      (b) => `${(JSON.parse(b) as { paging: { rowCount: number } }).paging.rowCount} grids`,
    ],
    ['KPI units, year, compare', `/api/kpi?period=year&at=${year}&subject=unit&compare=true`, () => year],
    [
      'heat map, one week, whole city',
      `/api/analysis/heatmap?week=${week}&bbox=${city}`,
      (b) => `${week}, ${(JSON.parse(b) as { items: unknown[] }).items.length} grids`,
    ],
    ['源头治理 tasks, first page', '/api/analysis/governance-tasks', () => 'list'],
  ];
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
  console.log(`\nload average at the start of the timings: ${load} (${values.db}, median of ${RUNS} after a warm-up)`);
  for (const [label, url, note] of endpoints) {
    if (values.only !== undefined && !label.includes(values.only)) continue;
    let body = await get(url);
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      body = await get(url);
      ms.push(performance.now() - t);
    }
    console.log(`${label.padEnd(40)} ${median(ms).toFixed(1).padStart(8)} ms   (${note(body)})`);
  }
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  await close();
} finally {
  if (values.db === 'postgres') await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
