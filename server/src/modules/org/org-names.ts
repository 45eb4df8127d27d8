import type { Executor } from '../../platform/db.ts';

/** Names of units and regions for other modules' lists and reports (docs/architecture.md, "Table ownership"). */

/** Unit id → name for the given ids (no query for none). */
export async function unitNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Region id → name for the given ids (no query for none). */
export async function regionNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active units of the tenant, id → name. */
export async function activeUnitNames(db: Executor, tenantId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Regions of the given kinds, id → name in code order. */
export async function regionNamesOfKinds(
  db: Executor,
  tenantId: string,
  kinds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('regions')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', 'in', kinds)
    .orderBy('code')
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Active users of the tenant among the given ids, id → display name (no query for none). */
export async function activeUserNames(
  db: Executor,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** User id → display name for the given ids, active or not (no query for none). */
export async function userNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Active users of the tenant holding any of the roles, with their unit, by name (for pickers of other modules). */
export async function activeUsersWithRoles(db: Executor, tenantId: string, roles: readonly string[]) {
  if (!roles.length) return [];
  return db
    .selectFrom('users as u')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['u.id', 'u.display_name', 'n.name as unit_name'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.active', '=', 1)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_grants as g')
          .select('g.user_id')
          .whereRef('g.user_id', '=', 'u.id')
          .where('g.role', 'in', roles),
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(500)
    .execute();
}

/**
 * Users holding a role, with their unit and the region of that role's grant (the scope a supervisor's grant is
 * matched against), active ones only; one row per user and grant.
 */
export async function usersOfRoleWithScope(db: Executor, tenantId: string, role: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_grants as g', 'g.user_id', 'u.id')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .select(['u.id', 'u.display_name', 'u.unit_id', 'g.region_id', 'n.name as unit_name'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.active', '=', 1)
    .where('g.role', '=', role)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}
