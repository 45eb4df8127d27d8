/**
 * KPI bench (goals: monthly KPIs for all units and streets ≤ 300 ms and the yearly report ≤ 3 s at 10M cases),
 * on an already-loaded database. Called by bench/lib/kpi-row.ts (measureKpi) after the bulk load; also runs alone:
 *   node --import tsx bench/kpi.bench.ts --url sqlite:/tmp/x/cityloop.db
 *   node --import tsx bench/kpi.bench.ts --url postgres://postgres@127.0.0.1:5432/test --schema bench_x
 * First the roll-up catches up with the cases the bulk load queued (its own figure: a one-off after a bulk load,
 * not part of a request), then each measurement is the median of several runs after one warm-up. The yearly
 * drill-downs are timed by bench/kpi-drill.bench.ts, the analysis answers by bench/analysis.bench.ts.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase, type Database } from '../server/src/platform/db.ts';
import { refreshStatistics } from '../server/src/platform/db-statistics.ts';
import { CATCH_UP_BATCH } from '../server/src/modules/kpi/kpi-rollup.ts';
import { createReportService } from '../server/src/modules/reports/index.ts';
import { measureDrill } from './kpi-drill.bench.ts';
import { measureAnalysis } from './analysis.bench.ts';
import { benchKpiService, benchTenant } from './lib/kpi-service.ts';
import type { KpiBenchOptions, KpiBenchResult } from './lib/kpi-row.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await f();
  return [performance.now() - t, out];
}

/** Times monthly KPIs (all units + all streets) and the yearly report; answers the two goal figures and details. */
export async function measureKpi(
  o: Pick<KpiBenchOptions, 'database' | 'log'> & Partial<KpiBenchOptions>,
  runs = 5,
): Promise<KpiBenchResult> {
  const database: Database = o.database;
  const { db } = database;
  const log = o.log ?? (() => undefined);
  const tenant = await benchTenant(database);
  const { kpi } = benchKpiService(database);
  const reports = createReportService(database, systemClock, kpi);

  const queued = Number(
    (
      await db
        .selectFrom('kpi_dirty')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirst()
    )?.n ?? 0,
  );
  log(`kpi: roll-up catching up with ${queued.toLocaleString('en')} queued cases…`);
  const [catchUpMs, drained] = await timed(() => kpi.rollup.drain(tenant.id, CATCH_UP_BATCH));
  log(`kpi: roll-up caught up: ${drained.toLocaleString('en')} cases in ${(catchUpMs / 1000).toFixed(1)} s`);
  // The catch-up ends the bulk load: its tables get statistics as the load's do (docs/decisions/0006).
  await refreshStatistics(db, ['kpi_case_facts', 'kpi_daily', 'kpi_monthly']);

  // The last full month and year before now (the bench spreads cases over the past three years).
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  const month = lastMonth.toISOString().slice(0, 7);
  const year = String(now.getUTCFullYear() - 1);
  const period = {
    kind: 'month' as const,
    from: `${month}-01`,
    to: `${month}-${String(new Date(Date.UTC(lastMonth.getUTCFullYear(), lastMonth.getUTCMonth() + 1, 0)).getUTCDate()).padStart(2, '0')}`,
    label: month,
  };

  const monthly = async () =>
    Promise.all([kpi.figures(tenant.id, 'unit', period), kpi.figures(tenant.id, 'street', period)]);
  await monthly();
  const monthlyRuns: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const [ms, [units, streets]] = await timed(monthly);
    monthlyRuns.push(ms);
    rows = units.rows.length + streets.rows.length;
  }
  const yearly = () => reports.build(tenant.id, { period: 'year', at: year });
  await yearly();
  const yearlyRuns: number[] = [];
  let filed = 0;
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
    const [ms, report] = await timed(yearly);
    yearlyRuns.push(ms);
    filed = Number(report.sections.length);
  }
  const monthlyMs = median(monthlyRuns);
  const yearlyMs = median(yearlyRuns);
  log(
    `kpi: monthly KPIs (${rows} units + streets, ${month}) median ${monthlyMs.toFixed(1)} ms; yearly report ${year} median ${yearlyMs.toFixed(0)} ms`,
  );
  const drill = await measureDrill({ database, kpi, tenantId: tenant.id, year, log }, runs);
  const analysis = await measureAnalysis({ database, kpi, tenantId: tenant.id, log }, runs);
  return {
    monthlyMs,
    yearlyMs,
    figures: [
      {
        name: 'KPI roll-up catch-up after bulk load',
        value: catchUpMs,
        unit: 'ms',
        note: `${drained.toLocaleString('en')} cases recomputed (one-off; change-by-change upkeep is incremental)`,
      },
      ...drill.figures,
      ...analysis.figures,
    ],
    details: {
      month,
      year,
      monthlyRuns,
      yearlyRuns,
      subjects: rows,
      sections: filed,
      catchUp: { cases: drained, ms: catchUpMs },
      drill: drill.details,
      analysis: analysis.details,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, schema: { type: 'string' }, runs: { type: 'string', default: '5' } },
  });
  if (!values.url) throw new Error('--url sqlite:<file> | postgres://…');
  const database = openDatabase(values.url, values.schema ? { schema: values.schema } : {});
  try {
    const r = await measureKpi({ database, log: console.log }, Number(values.runs));
    console.log(JSON.stringify({ monthlyMs: r.monthlyMs, yearlyMs: r.yearlyMs, details: r.details }, null, 2));
  } finally {
    await database.close();
  }
}
