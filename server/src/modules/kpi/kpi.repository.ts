import { sql, type Expression, type SqlBool } from 'kysely';
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

/** Σ counters per member of one dimension over [from, to] (local dates): at most days × members rows are read. */
export async function sumsByMember(
  db: Executor,
  tenantId: string,
  dim: string,
  from: string,
  to: string,
  ids?: readonly string[],
): Promise<Map<string, KpiCounts>> {
  let q = db
    .selectFrom('kpi_daily')
    .select('dim_id')
    .select(KPI_COUNTERS.map((k) => sql<number>`sum(${sql.ref(col(k))})`.as(col(k))))
    .where('tenant_id', '=', tenantId)
    .where('dim', '=', dim)
    .where('day', '>=', from)
    .where('day', '<=', to);
  if (ids) q = ids.length ? q.where('dim_id', 'in', ids) : q.where(sql<SqlBool>`1 = 0`);
  const rows = await q.groupBy('dim_id').execute();
  const out = new Map<string, KpiCounts>();
  for (const r of rows as Record<string, unknown>[]) {
    const c = zeroCounts();
    for (const k of KPI_COUNTERS) c[k] = Number(r[col(k)] ?? 0);
    c.handlingHours = Math.round(c.handlingHours * 100) / 100;
    out.set(String(r.dim_id), c);
  }
  return out;
}

export interface Member {
  id: string;
  name: string;
  streetId?: string | null;
  path?: string | null;
}

export async function members(db: Executor, tenantId: string, subject: KpiSubject): Promise<Member[]> {
  switch (subject) {
    case 'tenant': {
      const t = await tenantColumns(db, tenantId, ['name']);
      return [{ id: '', name: t?.name ?? '' }];
    }
    case 'street':
    case 'community': {
      const kinds = subject === 'street' ? ['street', 'town'] : ['community'];
      const rows = await orgReadModel.regionsOfKinds(db, tenantId, kinds);
      return rows.map((r) => ({ id: r.id, name: r.name, path: r.path }));
    }
    case 'grid': {
      const rows = await gridReads.gridsByCodeOrder(db, tenantId);
      return rows.map((r) => ({ id: r.code, name: r.code, path: `/${r.street_id}/${r.community_id}/` }));
    }
    case 'unit': {
      const rows = await orgReadModel.activeUnitsByCode(db, tenantId);
      return rows.map((r) => ({ id: r.id, name: r.name }));
    }
    default: {
      const rows = await orgReadModel.usersWithRole(db, tenantId, subject, false);
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

export async function caseNames(
  db: Executor,
  tenantId: string,
  rows: readonly { matter_code: string; unit_id: string | null; street_id: string | null }[],
) {
  const matters = [...new Set(rows.map((r) => r.matter_code))];
  const units = [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))];
  const streets = [...new Set(rows.flatMap((r) => (r.street_id ? [r.street_id] : [])))];
  const [matter, unit, street] = await Promise.all([
    catalogLookups.matterNames(db, tenantId, matters),
    orgNames.unitNames(db, units),
    orgNames.regionNames(db, streets),
  ]);
  return { matter, unit, street };
}

/** The cases behind one counter: facts on the counter's anchor day within the member, counter > 0. */
export async function drillCases(
  db: Executor,
  tenantId: string,
  q: {
    dayColumn: 'report_day' | 'filed_day';
    from: string;
    to: string;
    memberColumn: string | null;
    memberId: string | null;
    counter: string;
    visibility: Expression<SqlBool> | null;
    limit: number;
    offset: number;
  },
) {
  let base = db
    .selectFrom('kpi_case_facts as f')
    .$call((p) => innerJoinCases(p, 'c', { id: 'f.case_id' }))
    .where('f.tenant_id', '=', tenantId)
    .where(sql.ref(`f.${q.dayColumn}`), '>=', q.from)
    .where(sql.ref(`f.${q.dayColumn}`), '<=', q.to)
    .where(sql.ref(`f.${q.counter}`), '>', 0);
  if (q.memberColumn) base = base.where(sql.ref(`f.${q.memberColumn}`), '=', q.memberId);
  if (q.visibility) base = base.where(q.visibility);
  const [rows, total] = await Promise.all([
    base
      .select(CASE_ITEM_COLUMNS)
      .orderBy('c.reported_at', 'desc')
      .orderBy('c.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
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
