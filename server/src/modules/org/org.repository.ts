import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { RegionsTable, TenantsTable, UnitsTable, UsersTable, UserGrantsTable } from '../../db/schema.ts';
import { containsAny } from '../../platform/search.ts';
import { forgetCachedSessions } from '../auth/index.ts';

/** Kysely queries for the organisation; every one is scoped by tenant (one installation serves several cities). */

export interface ListWindow {
  limit: number;
  offset: number;
  sort: string;
  order: 'asc' | 'desc';
}

// ---- regions

/** Everything but the polygon: lists never carry geometry (the map loads it separately). */
const REGION_COLUMNS = [
  'id',
  'tenant_id',
  'parent_id',
  'kind',
  'code',
  'full_code',
  'name',
  'path',
  'synthetic',
  'created_at',
  'updated_at',
] as const;

export async function findRegion(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('regions')
    .select(REGION_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listRegions(
  db: Executor,
  tenantId: string,
  f: { q?: string; kind?: string; parentId?: string },
  w: ListWindow,
) {
  let q = db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.id', 'r.parent_id')
    .where('r.tenant_id', '=', tenantId);
  if (f.kind) q = q.where('r.kind', '=', f.kind);
  if (f.parentId) q = q.where('r.parent_id', '=', f.parentId);
  if (f.q) q = q.where(containsAny(['r.name', 'r.full_code'], f.q));
  const [rows, count] = await Promise.all([
    q
      .select(REGION_COLUMNS.map((c) => `r.${c}` as const))
      .select('p.name as parent_name')
      .orderBy(`r.${w.sort}` as 'r.full_code', w.order)
      .orderBy('r.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertRegion(db: Executor, row: RegionsTable) {
  await db.insertInto('regions').values(row).execute();
}

export async function updateRegion(db: Executor, tenantId: string, id: string, patch: Partial<RegionsTable>) {
  await db.updateTable('regions').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function deleteRegion(db: Executor, tenantId: string, id: string) {
  await db.deleteFrom('regions').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/**
 * Rows that still point at the region: children, units and grants here, and what other modules count through
 * `others` (grids, components: their modules own those rows and depend on this one).
 */
export async function regionUsage(
  db: Executor,
  tenantId: string,
  id: string,
  others: readonly RegionReferences[],
): Promise<number> {
  const [children, units, grants, ...elsewhere] = await Promise.all([
    db
      .selectFrom('regions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('region_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('user_grants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('region_id', '=', id)
      .executeTakeFirstOrThrow(),
    ...others.map(async (count) => ({ n: await count(db, tenantId, id) })),
  ]);
  return [children, units, grants, ...elsewhere].reduce((sum, c) => sum + Number(c.n), 0);
}

// ---- units

export async function findUnit(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('units').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export async function unitsByIds(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'parent_id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

export async function regionsByIds(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('regions')
    .select(['id', 'path', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

export async function listUnits(
  db: Executor,
  tenantId: string,
  f: { q?: string; kind?: string; active?: boolean },
  w: ListWindow,
) {
  let q = db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .where('u.tenant_id', '=', tenantId);
  if (f.kind) q = q.where('u.kind', '=', f.kind);
  if (f.active !== undefined) q = q.where('u.active', '=', f.active ? 1 : 0);
  if (f.q) q = q.where(containsAny(['u.name', 'u.code'], f.q));
  const [rows, count] = await Promise.all([
    q
      .selectAll('u')
      .select(['p.name as parent_name', 'r.name as region_name'])
      .orderBy(`u.${w.sort}` as 'u.code', w.order)
      .orderBy('u.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function unitWithNames(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .selectAll('u')
    .select(['p.name as parent_name', 'r.name as region_name'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function insertUnit(db: Executor, row: UnitsTable) {
  await db.insertInto('units').values(row).execute();
}

export async function updateUnit(db: Executor, tenantId: string, id: string, patch: Partial<UnitsTable>) {
  await db.updateTable('units').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function allUnitParents(db: Executor, tenantId: string) {
  return db.selectFrom('units').select(['id', 'parent_id']).where('tenant_id', '=', tenantId).execute();
}

// ---- users

export interface UserFilter {
  q?: string;
  unitId?: string;
  role?: string;
  active?: boolean;
  /** scope: only users of these units (null = no restriction) */
  unitIds: string[] | null;
}

export async function listUsers(db: Executor, tenantId: string, f: UserFilter, w: ListWindow) {
  let q = db.selectFrom('users as u').leftJoin('units as n', 'n.id', 'u.unit_id').where('u.tenant_id', '=', tenantId);
  if (f.unitIds) q = f.unitIds.length ? q.where('u.unit_id', 'in', f.unitIds) : q.where('u.id', '=', '');
  if (f.unitId) q = q.where('u.unit_id', '=', f.unitId);
  if (f.active !== undefined) q = q.where('u.active', '=', f.active ? 1 : 0);
  if (f.role) {
    const role = f.role;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('user_grants as g').select('g.id').whereRef('g.user_id', '=', 'u.id').where('g.role', '=', role),
      ),
    );
  }
  if (f.q) q = q.where(containsAny(['u.username', 'u.display_name'], f.q));
  const [rows, count] = await Promise.all([
    q
      .selectAll('u')
      .select('n.name as unit_name')
      .orderBy(`u.${w.sort}` as 'u.username', w.order)
      .orderBy('u.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function userWithUnit(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('users as u')
    .leftJoin('units as n', 'n.id', 'u.unit_id')
    .selectAll('u')
    .select('n.name as unit_name')
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export async function insertUser(db: Executor, row: UsersTable) {
  await db.insertInto('users').values(row).execute();
}

/** Users and grants are part of what a session resolves to: writes forget the resolved sessions. */
export async function updateUser(db: Executor, tenantId: string, id: string, patch: Partial<UsersTable>) {
  forgetCachedSessions();
  await db.updateTable('users').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

export async function replaceGrants(db: Executor, tenantId: string, userId: string, grants: UserGrantsTable[]) {
  forgetCachedSessions();
  await db.deleteFrom('user_grants').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  if (grants.length) await db.insertInto('user_grants').values(grants).execute();
}

// ---- tenants

export async function findTenant(db: Executor, id: string) {
  return db.selectFrom('tenants').select(['id', 'code', 'name', 'timezone']).where('id', '=', id).executeTakeFirst();
}

export async function tenantIdByCode(db: Executor, code: string): Promise<string | undefined> {
  return (await db.selectFrom('tenants').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

export async function insertTenant(db: Executor, row: Insertable<TenantsTable>) {
  await db.insertInto('tenants').values(row).execute();
}

/** Active units and all regions, the few columns seeds refer to them by. */
export async function seedDirectory(db: Executor, tenantId: string) {
  const [units, regions] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'code', 'kind', 'region_id', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('active', '=', 1)
      .execute(),
    db.selectFrom('regions').select(['id', 'name']).where('tenant_id', '=', tenantId).execute(),
  ]);
  return { units, regions };
}

/** Active accounts of a tenant by username, for seeds that act as the demo staff (the demo history). */
export async function seedAccounts(db: Executor, tenantId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1)
    .orderBy('username')
    .execute();
}

/** How many rows of another module point at a region (as street or community); the composition root passes them. */
export type RegionReferences = (db: Executor, tenantId: string, regionId: string) => Promise<number>;
