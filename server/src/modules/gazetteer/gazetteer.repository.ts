/** Kysely queries of the gazetteer tables only (docs/gazetteer.md). */
import type { GazetteerKeysTable, GazetteerPlacesTable } from '../../db/schema-gazetteer.ts';
import type { Executor } from '../../platform/db.ts';

const PLACE_COLUMNS = [
  'id',
  'kind',
  'ref',
  'name',
  'road_name',
  'num_from',
  'num_to',
  'parity',
  'geometry',
  'lng',
  'lat',
] as const;
export type PlaceRecord = Pick<GazetteerPlacesTable, (typeof PLACE_COLUMNS)[number]>;

/** Places whose keys equal `key`, best match first: one index lookup on (tenant_id, key). */
export async function placesByKey(db: Executor, tenantId: string, key: string, limit: number) {
  const hits = await db
    .selectFrom('gazetteer_keys')
    .select(['place_id'])
    .select((eb) => [eb.fn.max('whole').as('whole'), eb.fn.min('pos').as('pos')])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .groupBy('place_id')
    .orderBy('whole', 'desc')
    .orderBy('pos')
    .limit(limit)
    .execute();
  if (!hits.length) return [];
  const rows = await db
    .selectFrom('gazetteer_places')
    .select(PLACE_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where(
      'id',
      'in',
      hits.map((h) => h.place_id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const place = byId.get(h.place_id);
    return place ? [{ place, whole: Number(h.whole), pos: Number(h.pos) }] : [];
  });
}

/** The house ranges of these roads that hold number `n` (parity is checked by the caller). */
export function rangesHolding(db: Executor, tenantId: string, roads: readonly string[], n: number) {
  if (!roads.length) return Promise.resolve([]);
  return db
    .selectFrom('gazetteer_places')
    .select(PLACE_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('road_name', 'in', roads)
    .where('num_from', '<=', n)
    .where('num_to', '>=', n)
    .orderBy('num_from')
    .execute();
}

export function roadsByName(db: Executor, tenantId: string, names: readonly string[]) {
  if (!names.length) return Promise.resolve([]);
  return db
    .selectFrom('gazetteer_places')
    .select(PLACE_COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where(
      'ref',
      'in',
      names.map((n) => `road:${n}`),
    )
    .execute();
}

export function existingRefs(db: Executor, tenantId: string, refs: readonly string[]) {
  if (!refs.length) return Promise.resolve([]);
  return db
    .selectFrom('gazetteer_places')
    .select(['id', 'ref'])
    .where('tenant_id', '=', tenantId)
    .where('ref', 'in', refs)
    .execute();
}

export async function deletePlaces(db: Executor, ids: readonly string[]) {
  if (!ids.length) return;
  await db.deleteFrom('gazetteer_keys').where('place_id', 'in', ids).execute();
  await db.deleteFrom('gazetteer_places').where('id', 'in', ids).execute();
}

const CHUNK = 200;
export async function insertPlaces(db: Executor, places: GazetteerPlacesTable[], keys: GazetteerKeysTable[]) {
  for (let i = 0; i < places.length; i += CHUNK)
    await db
      .insertInto('gazetteer_places')
      .values(places.slice(i, i + CHUNK))
      .execute();
  // Bound parameters stay under SQLite's limit (5 per key row).
  for (let i = 0; i < keys.length; i += CHUNK * 2)
    await db
      .insertInto('gazetteer_keys')
      .values(keys.slice(i, i + CHUNK * 2))
      .execute();
}

/** Every place of the tenant in export order (kind, then name). */
export function allPlaces(db: Executor, tenantId: string) {
  return db
    .selectFrom('gazetteer_places')
    .select([...PLACE_COLUMNS, 'synthetic'])
    .where('tenant_id', '=', tenantId)
    .orderBy('kind')
    .orderBy('name')
    .orderBy('num_from')
    .execute();
}

/** Every road line of the tenant, by name: the map's labelled road layer (a city has hundreds, not thousands). */
export function roadLines(db: Executor, tenantId: string) {
  return db
    .selectFrom('gazetteer_places')
    .select(['name', 'geometry'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'road')
    .orderBy('name')
    .execute();
}

export async function hasPlaces(db: Executor, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('gazetteer_places')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
