import { sql, type SqlBool } from 'kysely';
import type { HotlineEventsTable, HotlineOrdersTable } from '../../db/schema-hotline.ts';
import type { Dialect, Executor } from '../../platform/db.ts';
import { likePattern } from '../../platform/search.ts';
import { caseRows, caseTimelineBrief, leftJoinCases } from '../cases/index.ts';
import { orgReadModel } from '../org/index.ts';
import { catalogReadModel } from '../catalog/index.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries of the hotline module; every query is scoped by tenant. */
export const OPEN_STATUSES = ['pending_sign', 'signed', 'converted'] as const;

export interface OrderFilter {
  source?: string;
  status?: string;
  overdueAt?: string;
  q?: string;
}

export async function insertOrders(tx: Executor, rows: readonly HotlineOrdersTable[]) {
  // Chunked: one statement per 100 rows stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 100)
    await tx
      .insertInto('hotline_orders')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function insertEvent(tx: Executor, row: HotlineEventsTable) {
  await tx.insertInto('hotline_events').values(row).execute();
}

export async function insertEvents(tx: Executor, rows: readonly HotlineEventsTable[]) {
  for (let i = 0; i < rows.length; i += 100)
    await tx
      .insertInto('hotline_events')
      .values(rows.slice(i, i + 100))
      .execute();
}

export async function findOrder(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('hotline_orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findByExternal(db: Executor, tenantId: string, source: string, externalNo: string) {
  return db
    .selectFrom('hotline_orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .where('external_no', '=', externalNo)
    .executeTakeFirst();
}

export async function existingExternalNos(db: Executor, tenantId: string, source: string, nos: readonly string[]) {
  const found = new Set<string>();
  for (let i = 0; i < nos.length; i += 500) {
    const rows = await db
      .selectFrom('hotline_orders')
      .select('external_no')
      .where('tenant_id', '=', tenantId)
      .where('source', '=', source)
      .where('external_no', 'in', nos.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.external_no);
  }
  return found;
}

/** A guarded update: applies only when the order is still at `version` (optimistic concurrency); true when it did. */
export async function updateOrder(
  tx: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<HotlineOrdersTable>,
) {
  return updateVersioned(tx, 'hotline_orders', { tenantId, id, version }, patch);
}

function filtered(db: Executor, dialect: Dialect, tenantId: string, f: OrderFilter) {
  let q = db.selectFrom('hotline_orders as o').where('o.tenant_id', '=', tenantId);
  if (f.source) q = q.where('o.source', '=', f.source);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.overdueAt) {
    const now = f.overdueAt;
    q = q
      .where('o.status', 'in', [...OPEN_STATUSES])
      .where((eb) =>
        eb.or([
          eb.and([eb('o.status', '=', 'pending_sign'), eb('o.sign_deadline', '<', now)]),
          eb('o.due_at', '<', now),
        ]),
      );
  }
  if (f.q) {
    // pg_trgm serves 3+ characters on PostgreSQL; on SQLite a LIKE over the tenant's orders (hundreds a year).
    const op = dialect === 'postgres' ? sql`ilike` : sql`like`;
    q = q.where(sql<SqlBool>`o.search_text ${op} ${likePattern(f.q)} escape '\\'`);
  }
  return q;
}

export async function listOrders(
  db: Executor,
  dialect: Dialect,
  tenantId: string,
  f: OrderFilter,
  w: { limit: number; offset: number; sort: string; order: 'asc' | 'desc' },
) {
  const q = filtered(db, dialect, tenantId, f);
  const [rows, count] = await Promise.all([
    q
      .$call((p) => leftJoinCases(p, 'c', { id: 'o.case_id' }))
      .selectAll('o')
      .select(['c.case_no', 'c.status as case_status'])
      .orderBy(`o.${w.sort}` as 'o.received_at', w.order)
      .orderBy('o.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function orderWithCase(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('hotline_orders as o')
    .$call((p) => leftJoinCases(p, 'c', { id: 'o.case_id' }))
    .selectAll('o')
    .select(['c.case_no', 'c.status as case_status'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function eventsOf(db: Executor, orderId: string) {
  return db
    .selectFrom('hotline_events')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export async function lastPush(db: Executor, orderId: string) {
  return db
    .selectFrom('hotline_pushes')
    .select(['status', 'kind'])
    .where('order_id', '=', orderId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Reference reads of the case module's tables (it owns the writes) for the 办理答复 draft: the case, its unit and
 * matter names, and its timeline.
 */
export async function caseForReply(db: Executor, tenantId: string, caseId: string) {
  return caseRows(db)
    .$call((q) => orgReadModel.leftJoinUnits(q, 'u', { id: 'c.unit_id' }))
    .$call((q) => catalogReadModel.leftJoinMatters(q, 'm', { tenant_id: 'c.tenant_id', code: 'c.matter_code' }))
    .select([
      'c.case_no',
      'c.status',
      'c.closed_at',
      'c.close_type',
      'c.filing_condition',
      'c.description',
      'u.name as unit_name',
      'm.name as matter_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.id', '=', caseId)
    .executeTakeFirst();
}

export async function caseTimeline(db: Executor, caseId: string) {
  return caseTimelineBrief(db, caseId);
}

/** Marks open orders past their 签收 deadline (响应超时); one statement, safe to repeat. */
export async function markSignOverdue(db: Executor, now: string) {
  const res = await db
    .updateTable('hotline_orders')
    .set({ sign_overdue: 1 })
    .where('status', '=', 'pending_sign')
    .where('sign_overdue', '=', 0)
    .where('sign_deadline', '<', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function sourceByHash(db: Executor, source: string, hash: string) {
  return db
    .selectFrom('hotline_sources')
    .select(['tenant_id', 'source'])
    .where('source', '=', source)
    .where('secret_hash', '=', hash)
    .executeTakeFirst();
}

export async function sourcesOf(db: Executor, tenantId: string) {
  return db
    .selectFrom('hotline_sources')
    .select(['source', 'secret_hint', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .execute();
}

/**
 * The orders received in [fromIso, toIso) with what the report counts of each: the source, the reply and the
 * revisit, the converted case's status and matter (read through the case and catalog modules' read models).
 */
export function ordersForReport(db: Executor, tenantId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('hotline_orders as o')
    .$call((p) => leftJoinCases(p, 'c', { id: 'o.case_id' }))
    .$call((q) => catalogReadModel.leftJoinMatters(q, 'm', { tenant_id: 'c.tenant_id', code: 'c.matter_code' }))
    .select([
      'o.source',
      'o.status',
      'o.received_at',
      'o.case_id',
      'o.replied_at',
      'o.satisfaction',
      'c.status as case_status',
      'c.matter_code',
      'm.name as matter_name',
    ])
    .where('o.tenant_id', '=', tenantId)
    .where('o.received_at', '>=', fromIso)
    .where('o.received_at', '<', toIso)
    .execute();
}
