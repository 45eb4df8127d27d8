import type { TenantsTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';

/**
 * Reads of one tenant's row for other modules (names, code, time zone, bounding box), with exactly the columns
 * asked for: the boundary polygon is large and only some callers want it (docs/architecture.md, "Table ownership").
 */
export function tenantColumns<C extends keyof TenantsTable>(db: Executor, tenantId: string, columns: readonly C[]) {
  return db.selectFrom('tenants').select(columns).where('id', '=', tenantId).executeTakeFirst();
}

/**
 * Serialises writes of one tenant on PostgreSQL with a row lock on the tenant, inside the caller's transaction.
 * SQLite needs nothing: its one connection runs transactions one at a time.
 */
export async function lockTenantRow(db: Executor, dialect: 'sqlite' | 'postgres', tenantId: string): Promise<void> {
  if (dialect === 'postgres')
    await db.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().execute();
}

/** Every tenant's id (scheduled jobs that run per tenant). */
export async function tenantIds(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** A tenant's id, code and name by its admin code (the 地级市 link names its prefecture by code). */
export function tenantByCode(db: Executor, code: string) {
  return db.selectFrom('tenants').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}

/** Ids, codes and names of several tenants, by code. */
export async function tenantsByIds(db: Executor, ids: readonly string[]) {
  if (!ids.length) return [];
  return db.selectFrom('tenants').select(['id', 'code', 'name']).where('id', 'in', ids).orderBy('code').execute();
}
