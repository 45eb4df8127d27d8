/**
 * Writing places (import and demo seed): each row upserts by its ref (road:<name>, poi:<name>,
 * house:<road>:<from>-<to>), rewriting its search keys. A house range without its own line is laid along its road,
 * found in the same file or already stored; one that has neither is a row error (docs/gazetteer.md, "Import formats").
 */
import type { LineStringGeometry, PointGeometry } from '../../../../common/domain/geo.ts';
import type { GazetteerKeysTable, GazetteerPlacesTable } from '../../db/schema-gazetteer.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { anchorOf, bboxOfShape } from './gazetteer-geometry.ts';
import type { PlaceRow, RowIssue } from './gazetteer-io.ts';
import { placeKeys } from './gazetteer-keys.ts';
import * as repo from './gazetteer.repository.ts';

export const refOf = (r: Pick<PlaceRow, 'kind' | 'name' | 'road' | 'from' | 'to'>) =>
  r.kind === 'house_range' ? `house:${r.road ?? ''}:${r.from ?? 0}-${r.to ?? 0}` : `${r.kind}:${r.name}`;

/** Lays house ranges without a line along their road; the rows it cannot place come back as issues. */
export async function resolveRanges(
  db: Executor,
  tenantId: string,
  rows: readonly PlaceRow[],
): Promise<{ rows: (PlaceRow & { geometry: PointGeometry | LineStringGeometry })[]; issues: RowIssue[] }> {
  const inFile = new Map(rows.filter((r) => r.kind === 'road').map((r) => [r.name, r.geometry]));
  const wanted = [
    ...new Set(rows.filter((r) => !r.geometry && r.road && !inFile.has(r.road)).map((r) => r.road as string)),
  ];
  const stored = new Map(
    (await repo.roadsByName(db, tenantId, wanted)).map((p) => [
      p.name,
      JSON.parse(p.geometry) as PointGeometry | LineStringGeometry,
    ]),
  );
  const issues: RowIssue[] = [];
  const out: (PlaceRow & { geometry: PointGeometry | LineStringGeometry })[] = [];
  for (const r of rows) {
    const geometry = r.geometry ?? inFile.get(r.road ?? '') ?? stored.get(r.road ?? '') ?? null;
    if (!geometry) {
      issues.push({
        field: `${r.path}.road`,
        rule: 'road',
        message: `road ${r.road ?? ''} is neither in this file nor in the gazetteer: give the range its own line`,
      });
    } else out.push({ ...r, geometry });
  }
  return { rows: out, issues };
}

/** Upserts the rows (already resolved); returns how many were created and updated. */
export async function writePlaces(
  db: Executor,
  tenantId: string,
  rows: readonly (PlaceRow & { geometry: PointGeometry | LineStringGeometry })[],
  now: string,
  synthetic = false,
): Promise<{ created: number; updated: number }> {
  // The last row of a ref wins, as a spreadsheet read top to bottom would.
  const byRef = new Map(rows.map((r) => [refOf(r), r]));
  const existing = await repo.existingRefs(db, tenantId, [...byRef.keys()]);
  await repo.deletePlaces(
    db,
    existing.map((e) => e.id),
  );
  const places: GazetteerPlacesTable[] = [];
  const keys: GazetteerKeysTable[] = [];
  for (const [ref, r] of byRef) {
    const id = newId();
    const [lng, lat] = anchorOf(r.geometry);
    const [minLng, minLat, maxLng, maxLat] = bboxOfShape(r.geometry);
    places.push({
      id,
      tenant_id: tenantId,
      kind: r.kind,
      ref,
      name: r.name,
      road_name: r.road,
      num_from: r.from,
      num_to: r.to,
      parity: r.parity,
      geometry: JSON.stringify(r.geometry),
      lng,
      lat,
      min_lng: minLng,
      min_lat: minLat,
      max_lng: maxLng,
      max_lat: maxLat,
      synthetic: synthetic ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    // House ranges are found through their road and number, not by their own name.
    if (r.kind !== 'house_range')
      for (const k of placeKeys(r.name))
        keys.push({ tenant_id: tenantId, key: k.key, place_id: id, pos: k.pos, whole: k.whole });
  }
  await repo.insertPlaces(db, places, keys);
  return { created: places.length - existing.length, updated: existing.length };
}
