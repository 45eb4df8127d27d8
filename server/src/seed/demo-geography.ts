/**
 * Writes the demo city's SYNTHETIC geography and component census (daye-geography.ts, daye-census.ts) into a
 * tenant whose streets exist (seedDemoCity creates them first), through the geo and components modules' seed
 * functions: tenant boundary, street polygons (updated by full code), 15 communities, ~6,000 unit grids and ~5,600
 * components, every row marked synthetic. Multi-row inserts in chunks keep it to a second or two on SQLite. Seeds
 * are not audited: no person made the change.
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { seedComponents, type ComponentSeed } from '../modules/components/index.ts';
import { buildComponentId, createLocator, seedGeography } from '../modules/geo/index.ts';
import { dayeCensus } from './daye-census.ts';
import { dayeCommunities, dayeGrids, dayeStreets, dayeTenantBoundary, type SeedGrid } from './daye-geography.ts';
import { DAYE } from './daye-org.ts';

let grids: SeedGrid[] | undefined;
/** The generator takes ~0.2 s for the whole city; one run per process is enough. */
const demoGrids = () => (grids ??= dayeGrids());

export async function seedDemoGeography(
  db: Executor,
  tenantId: string,
  clock: Clock,
): Promise<{ grids: number; components: number }> {
  const {
    streetIds,
    communityIds,
    grids: gridCount,
  } = await seedGeography(db, tenantId, clock, {
    boundary: dayeTenantBoundary().geometry,
    streets: dayeStreets(),
    communities: dayeCommunities(),
    grids: demoGrids(),
  });

  const locator = createLocator(
    demoGrids().map((g) => ({
      code: g.code,
      communityCode: g.communityCode,
      streetCode: g.streetCode,
      polygon: g.polygon,
    })),
    {
      communities: dayeCommunities().map((c) => ({ code: c.fullCode, polygon: c.geometry })),
      streets: dayeStreets().map((s) => ({ code: s.fullCode, polygon: s.geometry })),
    },
  );
  const serials = new Map<string, number>();
  const componentRows: ComponentSeed[] = dayeCensus().map((c) => {
    const serial = (serials.get(c.classCode) ?? 0) + 1;
    serials.set(c.classCode, serial);
    const at = locator.locateArea(c.lng, c.lat);
    return {
      code: buildComponentId(DAYE.code, c.classCode, serial),
      class_code: c.classCode,
      name: c.name,
      state: c.state,
      dept_name: c.deptName,
      owner_name: c.ownerName,
      maintainer_name: c.maintainerName,
      grid_code: at?.gridCode ?? null,
      street_id: at ? (streetIds.get(at.streetCode) ?? null) : null,
      community_id: at?.communityCode ? (communityIds.get(at.communityCode) ?? null) : null,
      lng: c.lng,
      lat: c.lat,
      initial_date: c.initialDate,
      change_date: null,
      source: c.source,
      notes: c.notes,
    };
  });
  return { grids: gridCount, components: await seedComponents(db, tenantId, clock, componentRows) };
}
