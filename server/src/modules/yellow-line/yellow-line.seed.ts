import type { YlInspectionsTable, YlZonesTable } from '../../db/schema-yellow-line.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { holderKey } from './yl-context.ts';
import { placeZone } from './yl-geometry.ts';
import * as repo from './yellow-line.repository.ts';

type Given = 'id' | 'tenant_id' | 'created_by' | 'created_at' | 'updated_at' | 'holder_key' | 'zone_no';
type Derived = 'min_lng' | 'min_lat' | 'max_lng' | 'max_lat' | 'lng' | 'lat';
export interface YlSeed {
  /** zones in order (numbered HX-0001…); their geometry must not overlap another holder's, the caller sees to it */
  zones: (Omit<YlZonesTable, Given | Derived> & {
    inspections: Omit<YlInspectionsTable, 'id' | 'tenant_id' | 'zone_id' | 'inspector_id' | 'created_at'>[];
  })[];
}

/** Writes demo zones for the seed (server/src/seed/); not audited: no person made them. `by` is the recording user. */
export async function seedYellowLine(db: Executor, tenantId: string, clock: Clock, by: string, seed: YlSeed) {
  const now = clock.now().toISOString();
  const everywhere = { insideTenant: () => true };
  const zones = seed.zones.map(({ inspections, ...z }, i) => {
    const p = placeZone(JSON.parse(z.geometry) as { type: string; coordinates: unknown }, everywhere, 'geometry');
    const row: YlZonesTable = {
      ...z,
      id: newId(),
      tenant_id: tenantId,
      zone_no: `HX-${String(i + 1).padStart(4, '0')}`,
      holder_key: holderKey(z.holder_kind, z.holder_name),
      geometry: JSON.stringify(p.geometry),
      min_lng: p.bbox.minLng,
      min_lat: p.bbox.minLat,
      max_lng: p.bbox.maxLng,
      max_lat: p.bbox.maxLat,
      lng: p.lng,
      lat: p.lat,
      created_by: by,
      created_at: now,
      updated_at: now,
    };
    return { row, inspections };
  });
  await repo.insertZones(
    db,
    zones.map((z) => z.row),
  );
  await repo.insertInspections(
    db,
    zones.flatMap((z) =>
      z.inspections.map((i) => ({
        ...i,
        id: newId(),
        tenant_id: tenantId,
        zone_id: z.row.id,
        inspector_id: by,
        created_at: now,
      })),
    ),
  );
}

export const hasYellowLine = (db: Executor, tenantId: string) => repo.hasZones(db, tenantId);
