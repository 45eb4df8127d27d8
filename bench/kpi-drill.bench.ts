/**
 * Yearly KPI drill-downs (the cases behind one number), before and after they were served from the roll-up and an
 * index (docs/decisions/0009-kpi-drill-down-pages.md), on an already-loaded database whose roll-up has caught up.
 * Called by bench/kpi.bench.ts (so `npm run bench` prints its rows); also runs alone:
 *   node --import tsx bench/kpi-drill.bench.ts --url sqlite:/tmp/x/cityloop.db
 *   node --import tsx bench/kpi-drill.bench.ts --url postgres://postgres@127.0.0.1:5432/test --schema bench_x
 *   options: --year 2025 (default last year)  --runs 5  --only previous|current  --migrate
 * Inside `npm run bench` "before" runs on today's indexes, which serve its member filter too, so it is faster than it
 * was. To time it as it ran, load with an older checkout (no migration 0021), run `--only previous`, then
 * `--migrate --only current`.
 * "before" is the previous query, kept here as the reference: every fact of the year within the member joined to its
 * case, sorted by report time for the page, and counted for the total. "after" is the statements the service now
 * issues (page through an index; total from the roll-up, or counted for a counter of occurrences), and the whole
 * service call besides (member check, matter/unit names, the roll-up queue check). Each figure is the median of
 * several runs after one warm-up; the query plans of both are printed for the busiest unit.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { CompiledQuery, sql } from 'kysely';
import { ROLE_PERMISSIONS } from '../common/domain/roles.ts';
import { REPORT_DAY_COUNTERS, type KpiCounter, type KpiSubject } from '../common/domain/kpi.ts';
import { pageWindow } from '../common/domain/paging.ts';
import type { Actor } from '../server/src/modules/auth/index.ts';
import type { KpiService } from '../server/src/modules/kpi/index.ts';
import { CATCH_UP_BATCH, col } from '../server/src/modules/kpi/kpi-rollup.ts';
import { isCaseCounter } from '../server/src/modules/kpi/kpi-facts.ts';
import {
  CASE_ITEM_COLUMNS,
  DIM_OF,
  drillCount,
  drillPage,
  memberSum,
  type DrillWhere,
} from '../server/src/modules/kpi/kpi.repository.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import { openDatabase, type Database, type Executor } from '../server/src/platform/db.ts';
import { refreshStatistics } from '../server/src/platform/db-statistics.ts';
import { captureStatements } from '../server/src/testing/query-plans.ts';
import { benchKpiService, benchTenant } from './lib/kpi-service.ts';
import type { Figure } from './lib/report.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timedRuns(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const MEMBER_COLUMN: Partial<Record<KpiSubject, string>> = {
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_code',
  unit: 'unit_id',
};

interface Drill {
  label: string;
  subject: KpiSubject;
  id?: string;
  counter: KpiCounter;
  page: number;
}

/** The drill-down as it was: facts of the period joined to cases, sorted by report time, and a COUNT(*) of them all. */
async function previousDrill(db: Executor, tenantId: string, d: Drill, from: string, to: string) {
  const day = REPORT_DAY_COUNTERS.includes(d.counter) ? 'report_day' : 'filed_day';
  const member = d.id !== undefined ? MEMBER_COLUMN[d.subject] : undefined;
  let base = db
    .selectFrom('kpi_case_facts as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .where('f.tenant_id', '=', tenantId)
    .where(sql.ref(`f.${day}`), '>=', from)
    .where(sql.ref(`f.${day}`), '<=', to)
    .where(sql.ref(`f.${col(d.counter)}`), '>', 0);
  if (member) base = base.where(sql.ref(`f.${member}`), '=', d.id ?? null);
  const { limit, offset } = pageWindow(d.page, 20);
  const [rows, total] = await Promise.all([
    base
      .select(CASE_ITEM_COLUMNS)
      .orderBy('c.reported_at', 'desc')
      .orderBy('c.id')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The two statements the service now issues for an unrestricted reader: a page through an index and the total. */
async function currentQueries(db: Executor, tenantId: string, d: Drill, from: string, to: string) {
  const where: DrillWhere = {
    dayColumn: REPORT_DAY_COUNTERS.includes(d.counter) ? 'report_day' : 'filed_day',
    from,
    to,
    memberColumn: d.id !== undefined ? (MEMBER_COLUMN[d.subject] ?? null) : null,
    memberId: d.id ?? null,
    counter: col(d.counter),
    visibility: null,
  };
  const member = d.id !== undefined ? { dim: DIM_OF[d.subject], dimId: d.id } : { dim: 'all', dimId: '' };
  const { limit, offset } = pageWindow(d.page, 20);
  return Promise.all([
    drillPage(db, tenantId, { ...where, limit, offset }),
    isCaseCounter(d.counter)
      ? memberSum(db, tenantId, { ...member, counter: where.counter, from, to })
      : drillCount(db, tenantId, where),
  ]);
}

/** An unrestricted reader (a leader of the whole city): the drill-downs a bureau's leaders open. */
function leaderOf(tenantId: string): Actor {
  return {
    userId: 'bench',
    tenantId,
    username: 'bench',
    displayName: 'bench',
    unitId: null,
    grants: [{ role: 'leader', unitId: null, regionId: null }],
    permissions: new Set(ROLE_PERMISSIONS.leader),
    requestId: 'bench',
  };
}

/** The member of a roll-up dimension with the most reports in the period. */
async function busiest(db: Executor, tenantId: string, dim: string, from: string, to: string): Promise<string> {
  const row = await db
    .selectFrom('kpi_daily')
    .select(['dim_id', (eb) => eb.fn.sum<number>('reported').as('n')])
    .where('tenant_id', '=', tenantId)
    .where('dim', '=', dim)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('dim_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.dim_id;
}

/** The plans of every statement `run` issues, in the database's words (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE). */
async function plansOf(database: Database, run: (captured: Database) => Promise<unknown>): Promise<string[]> {
  const capture = captureStatements(database.db);
  await run({ ...database, db: capture.db });
  const out: string[] = [];
  for (const stmt of capture.statements.values()) {
    if (!/^\s*select/i.test(stmt.sql) || !/kpi_case_facts|kpi_daily/.test(stmt.sql)) continue;
    const prefix = database.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers, timing off) ';
    const res = await database.db.executeQuery(CompiledQuery.raw(prefix + stmt.sql, [...stmt.parameters]));
    const lines = (res.rows as Record<string, unknown>[]).map((r) =>
      database.dialect === 'sqlite'
        ? `${String(r.id)}<${String(r.parent)} ${String(r.detail)}`
        : String(r['QUERY PLAN']),
    );
    out.push(`${stmt.sql.replace(/\s+/g, ' ').slice(0, 160)}…\n    ${lines.join('\n    ')}`);
  }
  return out;
}

export interface DrillBenchResult {
  figures: Omit<Figure, 'backend'>[];
  details: unknown;
}

/** Times yearly drill-downs before and after; `year` is a full year the bench's cases cover. */
export async function measureDrill(
  o: {
    database: Database;
    kpi: KpiService;
    tenantId: string;
    year: string;
    log?: (line: string) => void;
    /** 'previous' on a database of an older schema (before migration 0021), to time the query as it ran there */
    only?: 'previous' | 'current';
  },
  runs = 5,
): Promise<DrillBenchResult> {
  const { database, kpi, tenantId, year, only } = o;
  const { db } = database;
  const log = o.log ?? (() => undefined);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  await kpi.rollup.drain(tenantId, CATCH_UP_BATCH);
  const unit = await busiest(db, tenantId, DIM_OF.unit, from, to);
  const grid = await busiest(db, tenantId, DIM_OF.grid, from, to);
  const drills: Drill[] = [
    { label: 'whole city, 结案数, page 1', subject: 'tenant', counter: 'closed', page: 1 },
    { label: 'busiest unit, 结案数, page 1', subject: 'unit', id: unit, counter: 'closed', page: 1 },
    { label: 'busiest unit, 超期数, page 1', subject: 'unit', id: unit, counter: 'overdue', page: 1 },
    { label: 'busiest grid, 上报数, page 1', subject: 'grid', id: grid, counter: 'reported', page: 1 },
    { label: 'busiest unit, 结案数, page 50', subject: 'unit', id: unit, counter: 'closed', page: 50 },
    {
      label: 'busiest unit, 派遣数 (counted, not rolled up), page 1',
      subject: 'unit',
      id: unit,
      counter: 'dispatched',
      page: 1,
    },
  ];
  const actor = leaderOf(tenantId);
  const after = (d: Drill) =>
    kpi.drill(actor, {
      period: 'year',
      at: year,
      subject: d.subject,
      ...(d.id !== undefined ? { id: d.id } : {}),
      counter: d.counter,
      page: d.page,
      pageSize: 20,
    });
  const figures: Omit<Figure, 'backend'>[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const d of drills) {
    const was = only === 'current' ? null : await previousDrill(db, tenantId, d, from, to);
    const now = only === 'previous' ? null : await after(d);
    if (was && now && was.total !== now.total)
      throw new Error(`${d.label}: total ${now.total}, previously ${was.total}`);
    const total = (now ?? was)?.total ?? 0;
    const beforeMs = was
      ? await timedRuns(Math.max(3, Math.ceil(runs / 2)), () => previousDrill(db, tenantId, d, from, to))
      : NaN;
    const queriesMs = now ? await timedRuns(runs, () => currentQueries(db, tenantId, d, from, to)) : NaN;
    const afterMs = now ? await timedRuns(runs, () => after(d)) : NaN;
    log(
      `kpi drill ${year}, ${d.label}: ${total.toLocaleString('en')} cases; before ${beforeMs.toFixed(1)} ms, ` +
        `after ${queriesMs.toFixed(1)} ms (queries), ${afterMs.toFixed(1)} ms (service call)`,
    );
    rows.push({ ...d, total, beforeMs, queriesMs, afterMs });
    const note = `${year}, ${total.toLocaleString('en')} cases behind it`;
    if (was) figures.push({ name: `KPI drill-down before: ${d.label}`, value: beforeMs, unit: 'ms', note });
    if (now)
      figures.push(
        { name: `KPI drill-down after: ${d.label}`, value: queriesMs, unit: 'ms', note },
        {
          name: `KPI drill-down service call: ${d.label}`,
          value: afterMs,
          unit: 'ms',
          note: `${note}; with the member check, names and the queue check`,
        },
      );
  }
  const probe = drills[1] as Drill;
  const plans = {
    before: only === 'current' ? [] : await plansOf(database, (x) => previousDrill(x.db, tenantId, probe, from, to)),
    after:
      only === 'previous'
        ? []
        : await plansOf(database, (x) =>
            benchKpiService(x).kpi.drill(actor, {
              period: 'year',
              at: year,
              subject: 'unit',
              id: unit,
              counter: 'closed',
              pageSize: 20,
            }),
          ),
  };
  for (const [when, list] of Object.entries(plans)) for (const p of list) log(`kpi drill plan (${when}): ${p}`);
  return { figures, details: { year, unit, grid, rows, plans } };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      schema: { type: 'string' },
      year: { type: 'string' },
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      migrate: { type: 'boolean', default: false },
    },
  });
  const only = values.only === 'previous' || values.only === 'current' ? values.only : undefined;
  if (!values.url) throw new Error('--url sqlite:<file> | postgres://…');
  const database = openDatabase(values.url, values.schema ? { schema: values.schema } : {});
  try {
    if (values.migrate) await migrateToLatest(database.db, values.schema ? { schema: values.schema } : {});
    const tenant = await benchTenant(database);
    const { kpi } = benchKpiService(database);
    const year = values.year ?? String(new Date().getUTCFullYear() - 1);
    const t = performance.now();
    const drained = await kpi.rollup.drain(tenant.id, CATCH_UP_BATCH);
    if (drained) console.log(`roll-up caught up: ${drained} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // As at the end of a bulk load (docs/decisions/0006): indexes a migration just built have no statistics yet.
    await refreshStatistics(database.db, ['kpi_case_facts', 'kpi_daily', 'kpi_monthly']);
    const r = await measureDrill(
      { database, kpi, tenantId: tenant.id, year, log: console.log, ...(only ? { only } : {}) },
      Number(values.runs),
    );
    console.log(JSON.stringify(r.details, null, 2));
  } finally {
    await database.close();
  }
}
