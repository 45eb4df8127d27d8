import { sql } from 'kysely';
import type { Dialect, Executor } from '../../platform/db.ts';
import type { AuditLogTable } from '../../db/schema.ts';
import { containsAny } from '../../platform/search.ts';

export async function lastLink(
  db: Executor,
  dialect: Dialect,
  tenantId: string,
): Promise<{ seq: number; hash: string } | undefined> {
  // Serialise appends per tenant on PostgreSQL (SQLite transactions are already serial) so seq has no gaps or twins.
  if (dialect === 'postgres') await sql`select id from tenants where id = ${tenantId} for update`.execute(db);
  return db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertEntry(db: Executor, row: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  q?: string;
}

export async function listEntries(db: Executor, tenantId: string, f: AuditFilter, limit: number, offset: number) {
  let query = db.selectFrom('audit_log').where('tenant_id', '=', tenantId);
  if (f.entity) query = query.where('entity', '=', f.entity);
  if (f.entityId) query = query.where('entity_id', '=', f.entityId);
  if (f.actorId) query = query.where('actor_id', '=', f.actorId);
  if (f.action) query = query.where('action', '=', f.action);
  if (f.from) query = query.where('at', '>=', f.from);
  if (f.to) query = query.where('at', '<', f.to);
  if (f.q) query = query.where(containsAny(['action', 'actor_name', 'entity'], f.q));
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('seq', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function chainRows(db: Executor, tenantId: string) {
  return db.selectFrom('audit_log').selectAll().where('tenant_id', '=', tenantId).orderBy('seq', 'asc').execute();
}
