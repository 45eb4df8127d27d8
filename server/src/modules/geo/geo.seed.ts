/**
 * Writes a tenant's geography for the demo seed (server/src/seed/): the boundary, street polygons (updating streets
 * that exist by full code), communities and unit grids, every row marked synthetic. Seeds are not audited: no person
 * made the change.
 */
import type { AreaGeometry, Bbox } from '../../../../common/domain/geo.ts';
import type { GridsTable, RegionsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { bboxOf, pointInPolygon } from './geometry.ts';
import { orgGeography } from '../org/index.ts';
import * as repo from './geo.repository.ts';

export interface GeographySeed {
  boundary: AreaGeometry;
  streets: readonly { code: string; fullCode: string; name: string; geometry: AreaGeometry }[];
  communities: readonly {
    code: string;
    fullCode: string;
    parentCode?: string | null;
    name: string;
    geometry: AreaGeometry;
  }[];
  grids: readonly {
    code: string;
    communityCode: string;
    streetCode: string;
    polygon: AreaGeometry;
    bbox: Bbox;
    areaM2: number;
  }[];
}

const bboxColumns = (g: AreaGeometry) => {
  const [min_lng, min_lat, max_lng, max_lat] = bboxOf(g);
  return { min_lng, min_lat, max_lng, max_lat };
};

/** Returns the ids of the streets and communities by full code, for seeds that place rows in them (components). */
export async function seedGeography(db: Executor, tenantId: string, clock: Clock, seed: GeographySeed) {
  const now = clock.now().toISOString();
  await orgGeography.updateTenantBoundary(db, tenantId, {
    geometry: JSON.stringify(seed.boundary),
    ...bboxColumns(seed.boundary),
    boundary_synthetic: 1,
    updated_at: now,
  });
  await orgGeography.bumpGeoVersion(db, tenantId);

  const existing = new Map((await orgGeography.allRegions(db, tenantId)).map((r) => [r.full_code, r]));
  const streetIds = new Map<string, string>();
  for (const s of seed.streets) {
    const shape = { geometry: JSON.stringify(s.geometry), ...bboxColumns(s.geometry), synthetic: 1, updated_at: now };
    const row = existing.get(s.fullCode);
    if (row) {
      await orgGeography.updateRegionShape(db, tenantId, row.id, shape);
      streetIds.set(s.fullCode, row.id);
    } else {
      const id = newId();
      await orgGeography.insertRegions(db, [
        {
          id,
          tenant_id: tenantId,
          parent_id: null,
          kind: 'street',
          code: s.code,
          full_code: s.fullCode,
          name: s.name,
          path: `/${id}/`,
          ...shape,
          created_at: now,
        },
      ]);
      streetIds.set(s.fullCode, id);
    }
  }

  const communityIds = new Map<string, string>();
  const communityRows: RegionsTable[] = seed.communities.map((c) => {
    const id = newId();
    const streetId = streetIds.get(c.parentCode ?? '') ?? null;
    communityIds.set(c.fullCode, id);
    return {
      id,
      tenant_id: tenantId,
      parent_id: streetId,
      kind: 'community',
      code: c.code,
      full_code: c.fullCode,
      name: c.name,
      path: `${streetId ? `/${streetId}/` : '/'}${id}/`,
      geometry: JSON.stringify(c.geometry),
      ...bboxColumns(c.geometry),
      synthetic: 1,
      created_at: now,
      updated_at: now,
    };
  });
  await orgGeography.insertRegions(db, communityRows);

  const gridRows: GridsTable[] = seed.grids.map((g) => ({
    id: newId(),
    tenant_id: tenantId,
    code: g.code,
    community_id: communityIds.get(g.communityCode) as string,
    street_id: streetIds.get(g.streetCode) as string,
    geometry: JSON.stringify(g.polygon),
    min_lng: g.bbox[0],
    min_lat: g.bbox[1],
    max_lng: g.bbox[2],
    max_lat: g.bbox[3],
    area_m2: g.areaM2,
    synthetic: 1,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertGrids(db, gridRows);
  return { streetIds, communityIds, grids: gridRows.length };
}

/** A point inside a seeded grid, with the grid and its community and street. */
export interface SeededPlace {
  lng: number;
  lat: number;
  gridCode: string;
  communityId: string;
  streetId: string;
}

/**
 * `count` points spread over a tenant's grids (each grid equally likely), each inside its grid's polygon, for seeds
 * that place cases (the demo history). `random` returns numbers in [0, 1), so a seed gives the same points each run.
 */
export async function seededPlaces(
  db: Executor,
  tenantId: string,
  count: number,
  random: () => number,
): Promise<SeededPlace[]> {
  const grids = (await repo.gridOutlines(db, tenantId)).map((g) => ({
    ...g,
    polygon: JSON.parse(g.geometry) as AreaGeometry,
  }));
  if (!grids.length) return [];
  const out: SeededPlace[] = [];
  for (let tries = 0; out.length < count && tries < count * 40; tries++) {
    const g = grids[Math.floor(random() * grids.length)]!;
    const lng = g.min_lng + random() * (g.max_lng - g.min_lng);
    const lat = g.min_lat + random() * (g.max_lat - g.min_lat);
    if (pointInPolygon(g.polygon, lng, lat))
      out.push({ lng, lat, gridCode: g.code, communityId: g.community_id, streetId: g.street_id });
  }
  return out;
}
