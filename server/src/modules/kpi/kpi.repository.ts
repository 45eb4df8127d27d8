import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { splitByMonths } from '../../../../common/domain/month-ranges.ts';
import type { KpiCaseItem } from '../../../../common/contracts/kpi.ts';
import { KPI_COUNTERS, zeroCounts, type KpiCounts, type KpiSubject } from '../../../../common/domain/kpi.ts';
import type { Executor } from '../../platform/db.ts';
import { col } from './kpi-rollup.ts';
import { caseRows, innerJoinCases } from '../cases/index.ts';
import { orgNames, orgReadModel, tenantColumns } from '../org/index.ts';
import { gridReads } from '../geo/index.ts';
import { catalogLookups } from '../catalog/index.ts';

/** Kysely queries of the KPI engine: sums over the daily roll-up, subject members, drill-down and case lists. */
export const DIM_OF: Record<KpiSubject, string> = {
  tenant: 'all',
  street: 'street',
  community: 'community',
  grid: 'grid',
  unit: 'unit',
  inspector: 'user',
  operator: 'user',
  shiftLeader: 'user',
  dispatcher: 'user',
};

const COUNTER_COLUMNS = KPI_COUNTERS.map((k) => [k, col(k)] as const);

/**
 * Σ counters per member of one dimension over [from, to] (local dates), for one tenant (optionally some members).
 */
export function sumsByMember(
  db: Executor,
  tenantId: string,
  dim: string,
  from: string,
  to: string,
  ids?: readonly string[],
): Promise<Map<string, KpiCounts>> {
  return periodSums(db, { tenantIds: [tenantId], dim, ...(ids ? { dimIds: ids } : {}) }, 'dim_id', from, to);
}

/**
 * Σ roll-up counters over [from, to] (local dates), grouped by member, tenant or calendar month: the whole months of
 * the range from the monthly roll-up and the days at its ends from the daily one, so at most (months + edge days) ×
 * groups rows are read (docs/decisions/0014-kpi-monthly-rollup.md). Every period sum of the KPI engine goes here.
 */
export async function periodSums(
  db: Executor,
  where: { tenantIds: readonly string[]; dim: string; dimIds?: readonly string[] },
  by: 'dim_id' | 'tenant_id' | 'month',
  from: string,
  to: string,
): Promise<Map<string, KpiCounts>> {
  const out = new Map<string, KpiCounts>();
  if (!where.tenantIds.length || (where.dimIds && !where.dimIds.length)) return out;
  const { months, days } = splitByMonths(from, to);
  const sums = KPI_COUNTERS.map((k) => sql<number>`sum(${sql.ref(col(k))})`.as(col(k)));
  const filtered = <Q extends SelectQueryBuilder<DB, 'kpi_daily' | 'kpi_monthly', object>>(q: Q): Q => {
    let f = q.where('tenant_id', 'in', where.tenantIds).where('dim', '=', where.dim) as Q;
    if (where.dimIds) f = f.where('dim_id', 'in', where.dimIds) as Q;
    return f;
  };
  const parts: Promise<Record<string, unknown>[]>[] = days.map(([a, b]) => {
    const key = by === 'month' ? sql<string>`substr(day, 1, 7)` : sql.ref(by);
    return filtered(db.selectFrom('kpi_daily'))
      .select(key.as('k'))
      .select(sums)
      .where('day', '>=', a)
      .where('day', '<=', b)
      .groupBy(key)
      .execute();
  });
  if (months) {
    const key = sql.ref(by);
    parts.push(
      filtered(db.selectFrom('kpi_monthly'))
        .select(key.as('k'))
        .select(sums)
        .where('month', '>=', months[0])
        .where('month', '<=', months[1])
        .groupBy(key)
        .execute(),
    );
  }
  for (const rows of await Promise.all(parts)) {
    for (const r of rows) {
      const id = String(r.k);
      let c = out.get(id);
      if (!c) out.set(id, (c = zeroCounts()));
      for (const [k, column] of COUNTER_COLUMNS) c[k] += Number(r[column] ?? 0);
    }
  }
  for (const c of out.values()) c.handlingHours = Math.round(c.handlingHours * 100) / 100;
  return out;
}

export interface Member {
  id: string;
  name: string;
  streetId?: string | null;
  path?: string | null;
  /** the region the member sits in (a grid's community), named next to it */
  parentId?: string | null;
}

/** The members of a subject, or only the one named by `only` (a drill-down checks one member, not a city's grids). */
export async function members(db: Executor, tenantId: string, subject: KpiSubject, only?: string): Promise<Member[]> {
  switch (subject) {
    case 'tenant': {
      const t = await tenantColumns(db, tenantId, ['name']);
      return [{ id: '', name: t?.name ?? '' }];
    }
    case 'street':
    case 'community': {
      const kinds = subject === 'street' ? ['street', 'town'] : ['community'];
      const rows = await orgReadModel.regionsOfKinds(db, tenantId, kinds, only);
      return rows.map((r) => ({ id: r.id, name: r.name, path: r.path }));
    }
    case 'grid': {
      const rows = await gridReads.gridsByCodeOrder(db, tenantId, only);
      return rows.map((r) => ({
        id: r.code,
        name: r.code,
        path: `/${r.street_id}/${r.community_id}/`,
        parentId: r.community_id,
      }));
    }
    case 'unit': {
      const rows = await orgReadModel.activeUnitsByCode(db, tenantId, only);
      return rows.map((r) => ({ id: r.id, name: r.name }));
    }
    default: {
      const rows = await orgReadModel.usersWithRole(db, tenantId, subject, false, only);
      return rows.map((r) => ({ id: r.id, name: r.display_name }));
    }
  }
}

export const CASE_ITEM_COLUMNS = [
  'c.id',
  'c.case_no',
  'c.status',
  'c.channel',
  'c.matter_code',
  'c.address',
  'c.reported_at',
  'c.filed_at',
  'c.closed_at',
  'c.handling_deadline',
  'c.overdue',
  'c.escalation_count',
  'c.unit_id',
  'c.street_id',
] as const;

/** The columns of a case that a KPI case list shows (CASE_ITEM_COLUMNS). */
export interface CaseItemRow {
  id: string;
  case_no: string;
  status: KpiCaseItem['status'];
  channel: KpiCaseItem['channel'];
  matter_code: string;
  address: KpiCaseItem['address'];
  reported_at: string;
  filed_at: string | null;
  closed_at: string | null;
  handling_deadline: string | null;
  overdue: number;
  escalation_count: number;
  unit_id: string | null;
  street_id: string | null;
}

/** Case rows as the API's case items, with the names of their matter, unit and street read in one query each. */
export async function caseItems(db: Executor, tenantId: string, rows: readonly CaseItemRow[]): Promise<KpiCaseItem[]> {
  const matters = [...new Set(rows.map((r) => r.matter_code))];
  const units = [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))];
  const streets = [...new Set(rows.flatMap((r) => (r.street_id ? [r.street_id] : [])))];
  const [matter, unit, street] = await Promise.all([
    catalogLookups.matterNames(db, tenantId, matters),
    orgNames.unitNames(db, units),
    orgNames.regionNames(db, streets),
  ]);
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    status: r.status,
    channel: r.channel,
    matterCode: r.matter_code,
    matterName: matter.get(r.matter_code) ?? null,
    address: r.address,
    streetName: r.street_id ? (street.get(r.street_id) ?? null) : null,
    unitName: r.unit_id ? (unit.get(r.unit_id) ?? null) : null,
    reportedAt: r.reported_at,
    filedAt: r.filed_at,
    closedAt: r.closed_at,
    handlingDeadline: r.handling_deadline,
    overdue: r.overdue === 1,
    escalationCount: r.escalation_count,
  }));
}

/** Which facts stand behind one counter: anchor day in [from, to], within the member if one is named, counter > 0. */
export interface DrillWhere {
  dayColumn: 'report_day' | 'filed_day';
  from: string;
  to: string;
  memberColumn: string | null;
  memberId: string | null;
  /** the counter's column */
  counter: string;
  /** SQL filter on `cases as c` (the reader's scope), null for the whole tenant */
  visibility: Expression<SqlBool> | null;
}

/** The facts of a drill-down, as a range of one of migration 0021's indexes (tenant [, member], anchor day). */
function drillFacts(db: Executor, tenantId: string, q: DrillWhere) {
  let f = db.selectFrom('kpi_case_facts as f').where('f.tenant_id', '=', tenantId);
  if (q.memberColumn) f = f.where(sql.ref(`f.${q.memberColumn}`), '=', q.memberId);
  return f
    .where(sql.ref(`f.${q.dayColumn}`), '>=', q.from)
    .where(sql.ref(`f.${q.dayColumn}`), '<=', q.to)
    .where(sql.ref(`f.${q.counter}`), '>', 0);
}

/**
 * One page of the cases behind a counter, newest anchor day first, then by case id (UUIDv7, so newest first within a
 * day): the order of the index, walked backwards, so a page reads its offset and its rows and sorts nothing. With a
 * scope the cases are joined before the limit (each fact is checked as the walk meets it); without one the page of
 * facts is cut first and only its cases are read.
 */
export async function drillPage(db: Executor, tenantId: string, q: DrillWhere & { limit: number; offset: number }) {
  const day = sql.ref<string>(`f.${q.dayColumn}`);
  if (q.visibility)
    return drillFacts(db, tenantId, q)
      .$call((p) => innerJoinCases(p, 'c', { id: 'f.case_id' }))
      .where(q.visibility)
      .select(CASE_ITEM_COLUMNS)
      .orderBy(day, 'desc')
      .orderBy('f.case_id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute();
  const page = drillFacts(db, tenantId, q)
    .select(['f.case_id', day.as('day')])
    .orderBy(day, 'desc')
    .orderBy('f.case_id', 'desc')
    .limit(q.limit)
    .offset(q.offset);
  return db
    .selectFrom(page.as('p'))
    .$call((p) => innerJoinCases(p, 'c', { id: 'p.case_id' }))
    .select(CASE_ITEM_COLUMNS)
    .orderBy('p.day', 'desc')
    .orderBy('p.case_id', 'desc')
    .execute();
}

/** How many cases stand behind a counter, counted from the facts: the fallback when the roll-up cannot tell. */
export async function drillCount(db: Executor, tenantId: string, q: DrillWhere): Promise<number> {
  const f = drillFacts(db, tenantId, q);
  const scoped = q.visibility ? f.$call((p) => innerJoinCases(p, 'c', { id: 'f.case_id' })).where(q.visibility) : f;
  const row = await scoped.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Σ one counter of one roll-up member over [from, to]: at most one row per day (index kpi_daily_member). */
export async function memberSum(
  db: Executor,
  tenantId: string,
  q: { dim: string; dimId: string; counter: string; from: string; to: string },
): Promise<number> {
  const row = await db
    .selectFrom('kpi_daily')
    .select(sql<number | null>`sum(${sql.ref(q.counter)})`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('dim', '=', q.dim)
    .where('dim_id', '=', q.dimId)
    .where('day', '>=', q.from)
    .where('day', '<=', q.to)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

const OPEN = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'handling',
  'suspended',
  'reported_back',
  'checking',
  'pending_close',
];

/** 超期: with the unit and past the handling deadline (most overdue first); 督办: open cases escalated at least once. */
export async function caseList(
  db: Executor,
  tenantId: string,
  kind: 'overdue' | 'escalated',
  q: {
    nowIso: string;
    unitId?: string;
    streetId?: string;
    visibility: Expression<SqlBool> | null;
    limit: number;
    offset: number;
  },
) {
  let base = caseRows(db).where('c.tenant_id', '=', tenantId);
  base =
    kind === 'overdue'
      ? base.where('c.status', '=', 'handling').where('c.step_deadline', '<', q.nowIso)
      : base.where('c.escalation_count', '>', 0).where('c.status', 'in', OPEN);
  if (q.unitId) base = base.where('c.unit_id', '=', q.unitId);
  if (q.streetId) base = base.where('c.street_id', '=', q.streetId);
  if (q.visibility) base = base.where(q.visibility);
  const ordered = kind === 'overdue' ? base.orderBy('c.step_deadline', 'asc') : base.orderBy('c.updated_at', 'desc');
  const [rows, total] = await Promise.all([
    ordered.select(CASE_ITEM_COLUMNS).orderBy('c.id').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** 上报数 per local day of the whole tenant from the daily roll-up (dimension 'all'), days `from`–`to` inclusive. */
export async function reportedPerDay(
  db: Executor,
  tenantId: string,
  from: string,
  to: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('kpi_daily')
    .select(['day', (eb) => eb.fn.sum<number>('reported').as('n')])
    .where('tenant_id', '=', tenantId)
    .where('dim', '=', 'all')
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('day')
    .execute();
  return new Map(rows.map((r) => [r.day, Number(r.n)]));
}

/** Names of regions by id, one query for a page of rows (a grid's community). */
export function regionNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  return orgNames.regionNames(db, [...new Set(ids)]);
}

/** The grids in a map's viewport as KPI members, with their polygons (GeoJSON text), at most `limit`. */
export async function gridsInBox(
  db: Executor,
  tenantId: string,
  bbox: readonly [number, number, number, number],
  limit: number,
) {
  const rows = await gridReads.gridsInBox(db, tenantId, bbox, limit);
  return rows.map((r) => ({
    member: {
      id: r.code,
      name: r.code,
      path: `/${r.street_id}/${r.community_id}/`,
      parentId: r.community_id,
    } satisfies Member,
    geometry: r.geometry,
  }));
}

/**
 * Where the cases reported in a short window stand (repeat hotspots, docs/analysis.md): voided cases (duplicates,
 * invalid reports) left out. Read through the (tenant, report_day, case_id) index, so it costs the window only.
 */
export function factPositions(db: Executor, tenantId: string, from: string, to: string) {
  return db
    .selectFrom('kpi_case_facts')
    .select(['case_id', 'report_day', 'lng', 'lat', 'component_code', 'component_type', 'matter_code'])
    .where('tenant_id', '=', tenantId)
    .where('report_day', '>=', from)
    .where('report_day', '<=', to)
    .where('voided', '=', 0)
    .orderBy('report_day')
    .orderBy('case_id')
    .execute();
}
