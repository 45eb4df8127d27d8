import type { Executor } from '../../platform/db.ts';
import type { GovernanceTasksTable } from '../../db/schema-analysis.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely only: the 源头治理 tasks this module owns. */
export const UNFINISHED = ['open', 'assigned'] as const;

export function unfinished(db: Executor, tenantId: string) {
  return db
    .selectFrom('governance_tasks')
    .select(['id', 'kind', 'hotspot_key', 'component_code', 'lng', 'lat'])
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', [...UNFINISHED])
    .execute();
}

export async function insert(db: Executor, row: GovernanceTasksTable) {
  await db.insertInto('governance_tasks').values(row).execute();
}

export function byId(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('governance_tasks')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function page(
  db: Executor,
  tenantId: string,
  q: { status?: string; limit: number; offset: number },
): Promise<{ rows: GovernanceTasksTable[]; total: number }> {
  let base = db.selectFrom('governance_tasks').where('tenant_id', '=', tenantId);
  if (q.status) base = base.where('status', '=', q.status as GovernanceTasksTable['status']);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

/** Writes the change only if nobody changed the task meanwhile; answers whether it did. */
export async function update(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  set: Partial<Pick<GovernanceTasksTable, 'status' | 'assignee_id' | 'note' | 'updated_at' | 'finished_at'>>,
): Promise<boolean> {
  return updateVersioned(db, 'governance_tasks', { tenantId, id, version }, set);
}
