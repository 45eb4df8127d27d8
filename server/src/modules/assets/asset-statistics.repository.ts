import { PostgresAdapter, sql, type ExpressionBuilder } from 'kysely';
import type { AssetDailyLogsTable } from '../../db/schema-assets.ts';
import type { Executor } from '../../platform/db.ts';
import { allTypes } from './assets.repository.ts';

/**
 * The figures of the reports read from the asset tables: finished work orders per line and kind, the logs' sums
 * through their monthly roll-up, the counts kept per type and status, and the per-value tallies of attributes; each
 * with the row-by-row reference the tests compare it with where there is a roll-up (docs/assets.md, "At scale").
 */

// ---- work orders

/** Orders finished (done or accepted) in [from, to) per line: count, late ones, cost. */
export function workOrderFigures(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('asset_work_orders')
    .select((eb) => [
      'line',
      eb.fn.countAll<number>().as('done'),
      eb.fn.sum<number>(sql`case when done_at > due_at then 1 else 0 end`).as('late'),
      eb.fn.sum<number>(sql`coalesce(cost_fen, 0)`).as('cost_fen'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('done_at', '>=', from)
    .where('done_at', '<', to)
    .groupBy('line')
    .execute();
}

/**
 * Orders finished in [from, to) per asset type and work kind (kind null: none named): count and cost. The period
 * bound is the range of the (tenant, done_at) index; the join reads the few finished orders' assets.
 */
export function workOrderKindFigures(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('asset_work_orders as o')
    .innerJoin('assets as a', 'a.id', 'o.asset_id')
    .select((eb) => [
      'a.type_id',
      'o.kind',
      eb.fn.countAll<number>().as('done'),
      eb.fn.sum<number>(sql`coalesce(o.cost_fen, 0)`).as('cost_fen'),
    ])
    .where('o.tenant_id', '=', tenantId)
    .where('o.done_at', '>=', from)
    .where('o.done_at', '<', to)
    .groupBy(['a.type_id', 'o.kind'])
    .execute();
}

// ---- daily logs and counts

/** The first day of the month after `month` (YYYY-MM). */
const nextMonthStart = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/**
 * How a period of calendar dates [from, to] splits for the roll-up: the whole months inside it (YYYY-MM, inclusive;
 * null when none) and the dates before and after them, which are read from the logs themselves.
 */
export function periodMonths(from: string, to: string) {
  const first = from.endsWith('-01') ? from.slice(0, 7) : nextMonthStart(from.slice(0, 7)).slice(0, 7);
  const endMonth = to.slice(0, 7);
  const last = nextMonthStart(endMonth) === nextDate(to) ? endMonth : previousMonth(endMonth);
  if (first > last) return { months: null, edges: [{ from, to }] };
  const edges: { from: string; to: string }[] = [];
  if (from < `${first}-01`) edges.push({ from, to: previousDate(`${first}-01`) });
  const after = nextMonthStart(last);
  if (after <= to) edges.push({ from: after, to });
  return { months: { first, last }, edges };
}

const dayMs = 86_400_000;
const nextDate = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
const previousDate = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - dayMs).toISOString().slice(0, 10);
const previousMonth = (month: string) => previousDate(`${month}-01`).slice(0, 7);

/**
 * Σ quantity and the number of assets logging, per type and unit, over [from, to] calendar dates. Whole months come
 * from the monthly roll-up (a year is 12 rows per type) and the per-asset month marks (the distinct assets); the
 * dates of a partial month at either end from the logs (docs/assets.md, "At scale").
 */
export async function logSums(db: Executor, tenantId: string, from: string, to: string) {
  const { months, edges } = periodMonths(from, to);
  const inEdges = (eb: ExpressionBuilder<{ l: AssetDailyLogsTable }, 'l'>) =>
    eb.or(edges.map((e) => eb.and([eb('l.log_date', '>=', e.from), eb('l.log_date', '<=', e.to)])));
  const sums = new Map<string, { type_id: string; unit: AssetDailyLogsTable['unit']; milli: number }>();
  const add = (r: { type_id: string; unit: AssetDailyLogsTable['unit']; milli: unknown }) => {
    const k = `${r.type_id}|${r.unit}`;
    const cur = sums.get(k) ?? { type_id: r.type_id, unit: r.unit, milli: 0 };
    cur.milli += Number(r.milli ?? 0);
    sums.set(k, cur);
  };
  if (months)
    for (const r of await db
      .selectFrom('asset_log_monthly')
      .select((eb) => ['type_id', 'unit', eb.fn.sum<number>('milli').as('milli')])
      .where('tenant_id', '=', tenantId)
      .where('month', '>=', months.first)
      .where('month', '<=', months.last)
      .groupBy(['type_id', 'unit'])
      .execute())
      add(r);
  if (edges.length)
    for (const r of await db
      .selectFrom('asset_daily_logs as l')
      .innerJoin('assets as a', 'a.id', 'l.asset_id')
      .select((eb) => ['a.type_id', 'l.unit', eb.fn.sum<number>('l.quantity_milli').as('milli')])
      .where('l.tenant_id', '=', tenantId)
      .where(inEdges)
      .groupBy(['a.type_id', 'l.unit'])
      .execute())
      add(r);
  if (!sums.size) return [];
  // An asset logging in two months, or in a month and an edge, counts once: the distinct count runs over the union.
  const marks = months
    ? db
        .selectFrom('asset_log_asset_months')
        .select(['type_id', 'unit', 'asset_id'])
        .where('tenant_id', '=', tenantId)
        .where('month', '>=', months.first)
        .where('month', '<=', months.last)
    : null;
  const edgeRows = edges.length
    ? db
        .selectFrom('asset_daily_logs as l')
        .innerJoin('assets as a', 'a.id', 'l.asset_id')
        .select(['a.type_id', 'l.unit', 'l.asset_id'])
        .where('l.tenant_id', '=', tenantId)
        .where(inEdges)
    : null;
  const both = marks && edgeRows ? marks.unionAll(edgeRows) : (marks ?? edgeRows);
  const distinct = both
    ? await db
        .selectFrom(both.as('x'))
        .select((eb) => ['x.type_id', 'x.unit', eb.fn.count<number>('x.asset_id').distinct().as('assets')])
        .groupBy(['x.type_id', 'x.unit'])
        .execute()
    : [];
  const assets = new Map(distinct.map((r) => [`${r.type_id}|${r.unit}`, Number(r.assets)]));
  const types = new Map((await allTypes(db, tenantId)).map((t) => [t.id, t]));
  return [...sums.entries()]
    .flatMap(([k, s]) => {
      const t = types.get(s.type_id);
      return t
        ? [
            {
              type_id: t.id,
              line: t.line,
              code: t.code,
              name_zh: t.name_zh,
              name_en: t.name_en,
              unit: s.unit,
              milli: s.milli,
              assets: assets.get(k) ?? 0,
            },
          ]
        : [];
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

/**
 * The same figures summed from the logs themselves, row by row: the roll-up's reference (the tests compare the two;
 * it reads every log of the period, so nothing else should call it on a large register).
 */
export function logSumsFromLogs(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('asset_daily_logs as l')
    .innerJoin('assets as a', 'a.id', 'l.asset_id')
    .select((eb) => [
      'a.type_id',
      'l.unit',
      eb.fn.sum<number>('l.quantity_milli').as('milli'),
      eb.fn.count<number>('l.asset_id').distinct().as('assets'),
    ])
    .where('l.tenant_id', '=', tenantId)
    .where('l.log_date', '>=', from)
    .where('l.log_date', '<=', to)
    .groupBy(['a.type_id', 'l.unit'])
    .execute();
}

/**
 * Assets in service per type (the inventory line of each report section), from the counts kept per type and status
 * (migration 0096): a few dozen rows instead of the register.
 */
export function assetCounts(db: Executor, tenantId: string) {
  return db
    .selectFrom('asset_type_counts as c')
    .innerJoin('asset_types as t', 't.id', 'c.type_id')
    .select((eb) => ['t.line', 't.code', 't.name_zh', 't.name_en', eb.fn.sum<number>('c.n').as('n')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.status', '!=', 'retired')
    .groupBy(['t.line', 't.code', 't.name_zh', 't.name_en'])
    .having((eb) => eb.fn.sum('c.n'), '>', 0)
    .orderBy('t.code')
    .execute();
}

/** The same counted from the register row by row: the kept counts' reference (tests compare the two). */
export function assetCountsFromRows(db: Executor, tenantId: string) {
  return db
    .selectFrom('assets as a')
    .innerJoin('asset_types as t', 't.id', 'a.type_id')
    .select((eb) => ['t.line', 't.code', 't.name_zh', 't.name_en', eb.fn.countAll<number>().as('n')])
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '!=', 'retired')
    .groupBy(['t.line', 't.code', 't.name_zh', 't.name_en'])
    .orderBy('t.code')
    .execute();
}

/**
 * The attributes (JSON text) of every asset in service of one type, for a line's own tallies (the 燃气 figures read
 * the commercial users' installation flags). A type holds thousands of rows at most, so they are tallied in memory.
 */
export function attributesOfType(db: Executor, tenantId: string, typeCode: string) {
  return db
    .selectFrom('assets as a')
    .innerJoin('asset_types as t', 't.id', 'a.type_id')
    .select(['a.id', 'a.attributes'])
    .where('a.tenant_id', '=', tenantId)
    .where('t.code', '=', typeCode)
    .where('a.status', '!=', 'retired')
    .execute();
}

/**
 * How many assets in service of one type hold each string value of each named attribute: the tally is made in the
 * database (a few dozen rows back, not a row per asset), one read of the type's rows through (tenant, type, code).
 * Values other than strings (numbers, flags, lists) are not counted.
 */
export async function attributeValueCounts(db: Executor, tenantId: string, typeId: string, names: readonly string[]) {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const value = (name: string) =>
    isPg
      ? sql<
          string | null
        >`case when json_typeof(a.attributes::json -> ${name}) = 'string' then a.attributes::json ->> ${name} end`
      : sql<
          string | null
        >`case when json_type(a.attributes, ${`$."${name.replace(/"/g, '""')}"`}) = 'text' then json_extract(a.attributes, ${`$."${name.replace(/"/g, '""')}"`}) end`;
  const out = new Map(names.map((n) => [n, new Map<string, number>()]));
  for (const name of names) {
    const rows = await db
      .selectFrom('assets as a')
      .select([value(name).as('v'), sql<number>`count(*)`.as('n')])
      .where('a.tenant_id', '=', tenantId)
      .where('a.type_id', '=', typeId)
      .where('a.status', '!=', 'retired')
      .groupBy(sql`1`)
      .execute();
    const counts = out.get(name)!;
    for (const r of rows) if (r.v !== null) counts.set(r.v, Number(r.n));
  }
  return out;
}
