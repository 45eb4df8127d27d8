import type { DB } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { innerJoinRows, leftJoinRows, type InnerJoinOf, type LeftJoinOf } from '../../platform/read-joins.ts';

/**
 * The read model of org's tables for other modules (docs/architecture.md, "Table ownership"; decision 0008):
 * joins of units, regions, users, grants and tenants into the caller's own query, under the alias it chooses and on
 * the columns it names, so names and scope still come in the one statement; scalar subqueries for a record's names;
 * and the few finished reads other modules need. The columns of these tables are a published contract of org.
 */

export const leftJoinUnits: LeftJoinOf<DB['units']> = (qb, alias, on) => leftJoinRows('units', qb, alias, { refs: on });
export const innerJoinUnits: InnerJoinOf<DB['units']> = (qb, alias, on) =>
  innerJoinRows('units', qb, alias, { refs: on });
export const leftJoinRegions: LeftJoinOf<DB['regions']> = (qb, alias, on) =>
  leftJoinRows('regions', qb, alias, { refs: on });
export const innerJoinRegions: InnerJoinOf<DB['regions']> = (qb, alias, on) =>
  innerJoinRows('regions', qb, alias, { refs: on });
export const innerJoinUsers: InnerJoinOf<DB['users']> = (qb, alias, on) =>
  innerJoinRows('users', qb, alias, { refs: on });
export const leftJoinUserGrants: LeftJoinOf<DB['user_grants']> = (qb, alias, on) =>
  leftJoinRows('user_grants', qb, alias, { refs: on });
export const innerJoinTenants: InnerJoinOf<DB['tenants']> = (qb, alias, on) =>
  innerJoinRows('tenants', qb, alias, { refs: on });

// ---- scalar subqueries: one name each, for a statement that gathers a record's names

/** The unit's name (no row: null). */
export const unitNameQuery = (db: Executor, id: string) => db.selectFrom('units').select('name').where('id', '=', id);

/** The region's name (no row: null). */
export const regionNameQuery = (db: Executor, id: string) =>
  db.selectFrom('regions').select('name').where('id', '=', id);

/** The user's display name (no row: null). */
export const userNameQuery = (db: Executor, id: string) =>
  db.selectFrom('users').select('display_name').where('id', '=', id);

// ---- finished reads

/** An active unit of the tenant (id, name), or undefined. */
export function activeUnit(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Every unit of the tenant, active or not (id, name, active). */
export function tenantUnits(db: Executor, tenantId: string) {
  return db.selectFrom('units').select(['id', 'name', 'active']).where('tenant_id', '=', tenantId).execute();
}

/** Active units of the tenant in code order (id, name). */
/** Active units by code; `only` narrows to one (a check of one member, not a list of all). */
export function activeUnitsByCode(db: Executor, tenantId: string, only?: string) {
  return db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .$if(only !== undefined, (q) => q.where('id', '=', only as string))
    .orderBy('code')
    .execute();
}

export async function unitExists(db: Executor, tenantId: string, id: string): Promise<boolean> {
  return (
    (await db
      .selectFrom('units')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()) !== undefined
  );
}

export async function regionExists(db: Executor, tenantId: string, id: string): Promise<boolean> {
  return !!(await db
    .selectFrom('regions')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst());
}

/** Regions of the given kinds in code order, with their paths. */
export function regionsOfKinds(db: Executor, tenantId: string, kinds: readonly string[], only?: string) {
  return db
    .selectFrom('regions')
    .select(['id', 'name', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('kind', 'in', kinds)
    .$if(only !== undefined, (q) => q.where('id', '=', only as string))
    .orderBy('code')
    .execute();
}

/** Regions that have a bounding box: name, kind and the box. */
export function regionBoxes(db: Executor, tenantId: string) {
  return db
    .selectFrom('regions')
    .select(['name', 'kind', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('tenant_id', '=', tenantId)
    .where('min_lng', 'is not', null)
    .execute();
}

/** An active user of the tenant (id, unit, display name), or undefined. */
export function activeUser(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'unit_id', 'display_name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** Users holding a grant of `role` (each once) by display name; `activeOnly` leaves disabled accounts out. */
export function usersWithRole(db: Executor, tenantId: string, role: string, activeOnly: boolean, only?: string) {
  let q = db
    .selectFrom('users as u')
    .innerJoin('user_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.display_name'])
    .where('u.tenant_id', '=', tenantId);
  if (activeOnly) q = q.where('u.active', '=', 1);
  if (only !== undefined) q = q.where('u.id', '=', only);
  return q.where('g.role', '=', role).distinct().orderBy('u.display_name').execute();
}

/** Active users holding a grant of `role`, with their phone: whom a module alerts by SMS and in the app. */
export function activeStaffContacts(db: Executor, tenantId: string, role: string) {
  return db
    .selectFrom('users as u')
    .innerJoin('user_grants as g', 'g.user_id', 'u.id')
    .select(['u.id', 'u.phone'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.active', '=', 1)
    .where('g.role', '=', role)
    .distinct()
    .execute();
}

/**
 * Every unit of the tenant with its parent and the ancestry path of its region ('/<street>/<community>/', null for a
 * unit without a region): what a check of "is this unit inside that grant's unit or region" needs.
 */
export function unitsWithPlace(db: Executor, tenantId: string) {
  return db
    .selectFrom('units as u')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .select(['u.id', 'u.name', 'u.parent_id', 'u.region_id', 'u.active', 'r.path as region_path'])
    .where('u.tenant_id', '=', tenantId)
    .execute();
}
