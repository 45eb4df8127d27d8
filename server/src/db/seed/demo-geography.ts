/**
 * Writes the demo city's SYNTHETIC geography and component census (daye-geography.ts, daye-census.ts) into a
 * tenant whose streets exist (seedDemoCity creates them first): tenant boundary, street polygons (updated by
 * full code), 15 communities, ~6,000 unit grids and ~5,600 components, every row marked synthetic. Multi-row
 * inserts in chunks keep it to a second or two on SQLite. Seeds are not audited: no person made the change.
 */
import type { AreaGeometry } from '../../../../common/domain/geo.ts';
import type { ComponentsTable, GridsTable, RegionsTable } from '../schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { bboxOf } from '../../modules/geo/geometry.ts';
import { buildComponentId } from '../../modules/geo/grid-codes.ts';
import { createLocator } from '../../modules/geo/locator.ts';
import { dayeCensus } from './daye-census.ts';
import { dayeCommunities, dayeGrids, dayeStreets, dayeTenantBoundary, type SeedGrid } from './daye-geography.ts';
import { DAYE } from './daye-org.ts';

/** 21 columns × 1,000 rows = 21,000 bind parameters: within SQLite's 32,766 and PostgreSQL's 65,535. */
const CHUNK = 1000;

const bboxColumns = (g: AreaGeometry) => {
  const [min_lng, min_lat, max_lng, max_lat] = bboxOf(g);
  return { min_lng, min_lat, max_lng, max_lat };
};

let grids: SeedGrid[] | undefined;
/** The generator takes ~0.2 s for the whole city; one run per process is enough. */
const demoGrids = () => (grids ??= dayeGrids());

export async function seedDemoGeography(db: Executor, tenantId: string, clock: Clock): Promise<{ grids: number; components: number }> {
  const now = clock.now().toISOString();
  const boundary = dayeTenantBoundary();
  await db.updateTable('tenants')
    .set((eb) => ({ geometry: JSON.stringify(boundary.geometry), ...bboxColumns(boundary.geometry), boundary_synthetic: 1, geo_version: eb('geo_version', '+', 1), updated_at: now }))
    .where('id', '=', tenantId).execute();

  const existing = new Map((await db.selectFrom('regions').select(['id', 'full_code', 'path']).where('tenant_id', '=', tenantId).execute()).map((r) => [r.full_code, r]));
  const streetIds = new Map<string, string>();
  for (const s of dayeStreets()) {
    const shape = { geometry: JSON.stringify(s.geometry), ...bboxColumns(s.geometry), synthetic: 1, updated_at: now };
    const row = existing.get(s.fullCode);
    if (row) {
      await db.updateTable('regions').set(shape).where('tenant_id', '=', tenantId).where('id', '=', row.id).execute();
      streetIds.set(s.fullCode, row.id);
    } else {
      const id = newId();
      await db.insertInto('regions').values({ id, tenant_id: tenantId, parent_id: null, kind: 'street', code: s.code, full_code: s.fullCode, name: s.name, path: `/${id}/`, ...shape, created_at: now }).execute();
      streetIds.set(s.fullCode, id);
    }
  }

  const communityIds = new Map<string, string>();
  const communityRows: RegionsTable[] = dayeCommunities().map((c) => {
    const id = newId();
    const streetId = streetIds.get(c.parentCode ?? '') ?? null;
    communityIds.set(c.fullCode, id);
    return {
      id, tenant_id: tenantId, parent_id: streetId, kind: 'community', code: c.code, full_code: c.fullCode, name: c.name,
      path: `${streetId ? `/${streetId}/` : '/'}${id}/`, geometry: JSON.stringify(c.geometry), ...bboxColumns(c.geometry), synthetic: 1, created_at: now, updated_at: now,
    };
  });
  await db.insertInto('regions').values(communityRows).execute();

  const gridRows: GridsTable[] = demoGrids().map((g) => ({
    id: newId(), tenant_id: tenantId, code: g.code, community_id: communityIds.get(g.communityCode) as string, street_id: streetIds.get(g.streetCode) as string,
    geometry: JSON.stringify(g.polygon), min_lng: g.bbox[0], min_lat: g.bbox[1], max_lng: g.bbox[2], max_lat: g.bbox[3],
    area_m2: g.areaM2, synthetic: 1, created_at: now, updated_at: now,
  }));
  for (let i = 0; i < gridRows.length; i += CHUNK) await db.insertInto('grids').values(gridRows.slice(i, i + CHUNK)).execute();

  const locator = createLocator(demoGrids().map((g) => ({ code: g.code, communityCode: g.communityCode, streetCode: g.streetCode, polygon: g.polygon })), {
    communities: dayeCommunities().map((c) => ({ code: c.fullCode, polygon: c.geometry })),
    streets: dayeStreets().map((s) => ({ code: s.fullCode, polygon: s.geometry })),
  });
  const serials = new Map<string, number>();
  const componentRows: ComponentsTable[] = dayeCensus().map((c) => {
    const serial = (serials.get(c.classCode) ?? 0) + 1;
    serials.set(c.classCode, serial);
    const at = locator.locateArea(c.lng, c.lat);
    return {
      id: newId(), tenant_id: tenantId, code: buildComponentId(DAYE.code, c.classCode, serial), class_code: c.classCode, name: c.name, state: c.state,
      dept_name: c.deptName, owner_name: c.ownerName, maintainer_name: c.maintainerName, grid_code: at?.gridCode ?? null,
      street_id: at ? streetIds.get(at.streetCode) ?? null : null, community_id: at?.communityCode ? communityIds.get(at.communityCode) ?? null : null,
      lng: c.lng, lat: c.lat, initial_date: c.initialDate, change_date: null, source: c.source, notes: c.notes, synthetic: 1, created_at: now, updated_at: now,
    };
  });
  for (let i = 0; i < componentRows.length; i += CHUNK) await db.insertInto('components').values(componentRows.slice(i, i + CHUNK)).execute();
  return { grids: gridRows.length, components: componentRows.length };
}
