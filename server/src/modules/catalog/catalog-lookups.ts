import type { Executor } from '../../platform/db.ts';

/**
 * Reads of the matter catalog for other modules (names for lists and reports, existence checks for routing rules,
 * the active matter for intake); the catalog owns the table (docs/architecture.md, "Table ownership").
 */

/** Matter code → name for the given codes (no query for none). */
export async function matterNames(
  db: Executor,
  tenantId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (!codes.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Every matter code → its major class code (inactive matters included: old cases keep their matter). */
export async function matterMajors(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['code', 'major_code'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .execute();
  return new Map(rows.map((r) => [r.code, r.major_code]));
}

/** Major class code → name (a major class has no row of its own: its name is on every matter of the class). */
export async function majorNames(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['major_code', 'major_name'])
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .execute();
  return new Map(rows.map((r) => [r.major_code, r.major_name]));
}

/** The matter with this code if it is active. */
export async function activeMatter(db: Executor, tenantId: string, code: string) {
  return db
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('code', '=', code)
    .where('active', '=', 1)
    .executeTakeFirst();
}

export async function matterExists(db: Executor, tenantId: string, code: string): Promise<boolean> {
  return !!(await db
    .selectFrom('catalog_entries')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('code', '=', code)
    .executeTakeFirst());
}

export async function majorExists(db: Executor, tenantId: string, majorCode: string): Promise<boolean> {
  return !!(await db
    .selectFrom('catalog_entries')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'matter')
    .where('major_code', '=', majorCode)
    .limit(1)
    .executeTakeFirst());
}

/** Component class code (5 digits) → name, for the given codes (no query for none). */
export async function componentClassNames(
  db: Executor,
  tenantId: string,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (!codes.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('catalog_entries')
    .select(['code', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'component')
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
