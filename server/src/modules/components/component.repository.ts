import { sql } from 'kysely';
import type { Bbox } from '../../../../common/domain/geo.ts';
import type { ComponentsTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';
import { orgReadModel, tenantColumns } from '../org/index.ts';
import { catalogReadModel } from '../catalog/index.ts';

/** Kysely queries for the component registry; every one is scoped by tenant. */

/** 21 columns × 500 rows stays well inside SQLite's and PostgreSQL's bind-parameter limits. */
const CHUNK = 500;

export interface ComponentFilter {
  q?: string;
  classCode?: string;
  state?: string;
  gridCode?: string;
  communityId?: string;
  bbox?: Bbox;
}

export interface ListWindow {
  limit: number;
  offset: number;
  sort: string;
  order: 'asc' | 'desc';
}

/** Components with their class, street and community names in one statement (no N+1). */
function withNames(db: Executor, tenantId: string) {
  return db
    .selectFrom('components as c')
    .$call((q) => orgReadModel.leftJoinRegions(q, 's', { id: 'c.street_id' }))
    .$call((q) => orgReadModel.leftJoinRegions(q, 'm', { id: 'c.community_id' }))
    .$call((q) => catalogReadModel.leftJoinComponentClasses(q, 'k', { tenant_id: 'c.tenant_id', code: 'c.class_code' }))
    .where('c.tenant_id', '=', tenantId);
}

function filtered(db: Executor, tenantId: string, f: ComponentFilter) {
  let q = withNames(db, tenantId);
  if (f.classCode) q = q.where('c.class_code', '=', f.classCode);
  if (f.state) q = q.where('c.state', '=', f.state as ComponentsTable['state']);
  if (f.gridCode) q = q.where('c.grid_code', '=', f.gridCode);
  if (f.communityId) q = q.where('c.community_id', '=', f.communityId);
  // lng/lat ranges use the (tenant_id, lng, lat) index
  if (f.bbox)
    q = q
      .where('c.lng', '>=', f.bbox[0])
      .where('c.lng', '<=', f.bbox[2])
      .where('c.lat', '>=', f.bbox[1])
      .where('c.lat', '<=', f.bbox[3]);
  if (f.q) q = q.where(containsAny(['c.code', 'c.name'], f.q));
  return q;
}

const NAMED = [
  'k.name as class_name',
  's.full_code as street_code',
  's.name as street_name',
  'm.full_code as community_code',
  'm.name as community_name',
] as const;

export async function listComponents(db: Executor, tenantId: string, f: ComponentFilter, w: ListWindow) {
  const q = filtered(db, tenantId, f);
  const [rows, count] = await Promise.all([
    q
      .selectAll('c')
      .select(NAMED)
      .orderBy(`c.${w.sort}` as 'c.code', w.order)
      .orderBy('c.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countComponents(db: Executor, tenantId: string, f: ComponentFilter): Promise<number> {
  const row = await filtered(db, tenantId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything matching, in code order (exports). */
export async function exportComponents(db: Executor, tenantId: string, f: ComponentFilter) {
  return filtered(db, tenantId, f).selectAll('c').select(NAMED).orderBy('c.code').execute();
}

export type ComponentViewRow = Awaited<ReturnType<typeof listComponents>>['rows'][number];

export async function componentWithNames(db: Executor, tenantId: string, code: string) {
  return withNames(db, tenantId).selectAll('c').select(NAMED).where('c.code', '=', code).executeTakeFirst();
}

export async function componentsWithNamesByIds(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  // `tenant_id || ''` keeps the tenant check but not as an index key: without statistics SQLite would otherwise
  // walk a (tenant_id, …) index over the whole tenant (13 ms at 100k rows) instead of looking up ten primary keys.
  return db
    .selectFrom('components as c')
    .$call((q) => orgReadModel.leftJoinRegions(q, 's', { id: 'c.street_id' }))
    .$call((q) => orgReadModel.leftJoinRegions(q, 'm', { id: 'c.community_id' }))
    .$call((q) => catalogReadModel.leftJoinComponentClasses(q, 'k', { tenant_id: 'c.tenant_id', code: 'c.class_code' }))
    .selectAll('c')
    .select(NAMED)
    .where(sql<string>`c.tenant_id || ''`, '=', tenantId)
    .where('c.id', 'in', ids)
    .execute();
}

export async function findComponent(db: Executor, tenantId: string, code: string) {
  return db
    .selectFrom('components')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

/**
 * Serialises serial assignment per tenant on PostgreSQL (SQLite transactions are already serial), so concurrent
 * creates each read the max after the previous one committed, so concurrent creators never share a serial.
 */
export async function lockSerials(db: Executor, dialect: 'sqlite' | 'postgres', tenantId: string): Promise<void> {
  if (dialect === 'postgres') await sql`select id from tenants where id = ${tenantId} for update`.execute(db);
}

/** Highest serial used in a class (ids are fixed-width digits, so text order is numeric order). */
export async function maxSerial(db: Executor, tenantId: string, classCode: string): Promise<number> {
  const row = await db
    .selectFrom('components')
    .select((eb) => eb.fn.max('code').as('code'))
    .where('tenant_id', '=', tenantId)
    .where('class_code', '=', classCode)
    .executeTakeFirst();
  return row?.code ? Number(String(row.code).slice(11)) : 0;
}

export async function maxSerials(
  db: Executor,
  tenantId: string,
  classCodes: readonly string[],
): Promise<Map<string, number>> {
  if (classCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('components')
    .select(['class_code', (eb) => eb.fn.max('code').as('code')])
    .where('tenant_id', '=', tenantId)
    .where('class_code', 'in', classCodes)
    .groupBy('class_code')
    .execute();
  return new Map(rows.map((r) => [r.class_code, Number(String(r.code).slice(11))]));
}

export async function existingCodes(db: Executor, tenantId: string, codes: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < codes.length; i += CHUNK) {
    const rows = await db
      .selectFrom('components')
      .select('code')
      .where('tenant_id', '=', tenantId)
      .where('code', 'in', codes.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) found.add(r.code);
  }
  return found;
}

export async function insertComponents(db: Executor, rows: ComponentsTable[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('components')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

export async function updateComponent(db: Executor, tenantId: string, id: string, patch: Partial<ComponentsTable>) {
  await db.updateTable('components').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** How many components a class has (counted on the (tenant, class) index). */
export async function classCount(db: Executor, tenantId: string, classCode: string): Promise<number> {
  const row = await db
    .selectFrom('components')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('class_code', '=', classCode)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every position of one (small) class, on the (tenant, class) index. Removed ones are gone. */
export async function positionsOfClass(db: Executor, tenantId: string, classCode: string) {
  return db
    .selectFrom('components')
    .select(['id', 'lng', 'lat'])
    .where('tenant_id', '=', tenantId)
    .where('class_code', '=', classCode)
    .where('state', '<>', 'removed')
    .execute();
}

/** Candidates for the nearest query: a bbox on the (tenant, lng, lat) index, positions only. Removed ones are gone. */
export async function positionsInBox(db: Executor, tenantId: string, box: Bbox, classCode?: string) {
  let q = db
    .selectFrom('components')
    .select(['id', 'lng', 'lat'])
    .where('tenant_id', '=', tenantId)
    .where('lng', '>=', box[0])
    .where('lng', '<=', box[2])
    .where('lat', '>=', box[1])
    .where('lat', '<=', box[3])
    .where('state', '<>', 'removed');
  if (classCode) q = q.where('class_code', '=', classCode);
  return q.execute();
}

/**
 * Map clustering in the database: one GROUP BY over fixed cells anchored at 0°,0° (so clusters stay put while
 * the map pans). `group by 1, 2` names the select's cell expressions on both backends.
 */
export async function clusterCells(
  db: Executor,
  tenantId: string,
  box: Bbox,
  cellLng: number,
  cellLat: number,
  classCode?: string,
) {
  let q = db
    .selectFrom('components')
    .select([
      sql<number>`floor(lng / ${cellLng})`.as('gx'),
      sql<number>`floor(lat / ${cellLat})`.as('gy'),
      sql<number>`count(*)`.as('n'),
      sql<number>`avg(lng)`.as('lng'),
      sql<number>`avg(lat)`.as('lat'),
      sql<string>`min(class_code)`.as('class_min'),
      sql<string>`max(class_code)`.as('class_max'),
      sql<string>`min(code)`.as('code'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('lng', '>=', box[0])
    .where('lng', '<=', box[2])
    .where('lat', '>=', box[1])
    .where('lat', '<=', box[3])
    .where('state', '<>', 'removed');
  if (classCode) q = q.where('class_code', '=', classCode);
  return q.groupBy([sql`1`, sql`2`]).execute();
}

export async function tenantInfo(db: Executor, tenantId: string) {
  return tenantColumns(db, tenantId, ['code', 'timezone', 'min_lng', 'min_lat', 'max_lng', 'max_lat']);
}

/** Components of communities whose grids were re-drawn (component-relocate.ts). */
export async function componentsInCommunities(db: Executor, tenantId: string, communityIds: readonly string[]) {
  if (communityIds.length === 0) return [];
  return db
    .selectFrom('components')
    .select(['id', 'lng', 'lat', 'grid_code'])
    .where('tenant_id', '=', tenantId)
    .where('community_id', 'in', communityIds)
    .execute();
}

/** One UPDATE per target grid: at most 999 per community (the 3-digit serial), never one per component. */
export async function setComponentGrids(db: Executor, tenantId: string, moves: ReadonlyMap<string | null, string[]>) {
  for (const [gridCode, ids] of moves) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      await db
        .updateTable('components')
        .set({ grid_code: gridCode })
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids.slice(i, i + CHUNK))
        .execute();
    }
  }
}

/** Components whose street or community is the region (org refuses to delete a region still in use). */
export async function componentsInRegion(db: Executor, tenantId: string, regionId: string): Promise<number> {
  const row = await db
    .selectFrom('components')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('community_id', '=', regionId), eb('street_id', '=', regionId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The components of one class in some grids (a census task's list), by code. */
export const componentsOfClassInGrids = (
  db: Executor,
  tenantId: string,
  classCode: string,
  gridCodes: readonly string[],
) =>
  gridCodes.length
    ? db
        .selectFrom('components')
        .select(['code', 'name', 'grid_code', 'state', 'lng', 'lat'])
        .where('tenant_id', '=', tenantId)
        .where('class_code', '=', classCode)
        .where('grid_code', 'in', gridCodes)
        .where('state', '!=', 'removed')
        .orderBy('code')
        .execute()
    : Promise.resolve([]);
