import type { Expression, SqlBool } from 'kysely';
import type { SupervisionOrdersTable } from '../../db/schema-supervision.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';

/** Kysely queries over supervision_orders only. */
export interface OrderFilter {
  level?: string;
  status?: 'open' | 'replied' | 'overdue';
  targetUnitId?: string;
  caseId?: string;
  from?: string;
  to?: string;
  q?: string;
  visibility: Expression<SqlBool> | null;
}

export type OrderSort = 'issued_at' | 'due_at' | 'order_no' | 'level';

export async function insertOrder(db: Executor, row: SupervisionOrdersTable): Promise<void> {
  await db.insertInto('supervision_orders').values(row).execute();
}

export function findOrder(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The newest order of a case (issued just now by the same transaction that wrote the 督办 row). */
export function newestOfCase(db: Executor, tenantId: string, caseId: string) {
  return db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('issued_at', 'desc')
    .orderBy('order_no', 'desc')
    .executeTakeFirst();
}

function filtered(db: Executor, tenantId: string, f: OrderFilter) {
  let q = db.selectFrom('supervision_orders as o').where('o.tenant_id', '=', tenantId);
  if (f.visibility) q = q.where(f.visibility);
  if (f.level) q = q.where('o.level', '=', f.level as SupervisionOrdersTable['level']);
  if (f.status === 'overdue') q = q.where('o.overdue', '=', 1);
  else if (f.status) q = q.where('o.status', '=', f.status);
  if (f.targetUnitId) q = q.where('o.target_unit_id', '=', f.targetUnitId);
  if (f.caseId) q = q.where('o.case_id', '=', f.caseId);
  if (f.from) q = q.where('o.issued_at', '>=', f.from);
  if (f.to) q = q.where('o.issued_at', '<', f.to);
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['o.order_no', 'o.case_no', 'o.reason'], term));
  return q;
}

export function listOrders(db: Executor, tenantId: string, f: OrderFilter, w: SortedWindow<OrderSort>) {
  return pageWithTotal(
    filtered(db, tenantId, f),
    (q) => q.selectAll('o').orderBy(`o.${w.sort}`, w.order).orderBy('o.id', w.order),
    w,
  );
}

/** The columns the figures need, for the orders issued in the window that the caller may see. */
export function figureRows(db: Executor, tenantId: string, f: OrderFilter) {
  return filtered(db, tenantId, f)
    .select(['o.level', 'o.status', 'o.first_due_at', 'o.replied_at', 'o.escalation_count'])
    .execute();
}

/** Open orders past their deadline, oldest deadline first (the sweep's batch). */
export function overdueOpen(db: Executor, now: string, limit: number) {
  return db
    .selectFrom('supervision_orders')
    .selectAll()
    .where('status', '=', 'open')
    .where('due_at', '<', now)
    .orderBy('due_at')
    .limit(limit)
    .execute();
}

/** Writes a change guarded by the row as read (status and deadline), so two sweeps or a reply never both win. */
export async function updateOrder(
  db: Executor,
  row: Pick<SupervisionOrdersTable, 'id' | 'tenant_id' | 'status' | 'due_at'>,
  patch: Partial<SupervisionOrdersTable>,
): Promise<boolean> {
  const res = await db
    .updateTable('supervision_orders')
    .set(patch)
    .where('tenant_id', '=', row.tenant_id)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('due_at', '=', row.due_at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
