/**
 * Streets and communities as the gazetteer sees them (docs/gazetteer.md, "Data model"): the org module's regions
 * and the geo module's shapes, never copied; their centres and search keys are computed once per geo version and
 * kept in memory (a city has tens of them, so matching them in memory costs nothing).
 */
import type { AreaGeometry } from '../../../../common/domain/geo.ts';
import type { Executor } from '../../platform/db.ts';
import { centroid, pointInPolygon, type TenantGeography } from '../geo/index.ts';
import { orgGeography } from '../org/index.ts';
import { placeKeys, type PlaceKey } from './gazetteer-keys.ts';

export interface Area {
  id: string;
  kind: 'street' | 'community';
  fullCode: string;
  parentId: string | null;
  name: string;
  lng: number;
  lat: number;
  keys: ReadonlyMap<string, PlaceKey>;
}

/** A point inside the shape: its centroid when that lies inside, else the first vertex nudged inwards. */
function insidePoint(shape: AreaGeometry): [number, number] {
  const [x, y] = centroid(shape);
  if (pointInPolygon(shape, x, y)) return [x, y];
  const ring = shape.type === 'Polygon' ? shape.coordinates[0] : shape.coordinates[0]?.[0];
  const first = ring?.[0] ?? [x, y];
  return [first[0] + (x - first[0]) * 0.1, first[1] + (y - first[1]) * 0.1];
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

export function createAreaCache() {
  const cache = new Map<string, { version: number; areas: Promise<Area[]> }>();

  async function load(db: Executor, tenantId: string): Promise<Area[]> {
    const rows = await orgGeography.regionShapes(db, tenantId, ['street', 'town', 'community']);
    return rows.map((r) => {
      const [lng, lat] = insidePoint(JSON.parse(r.geometry as string) as AreaGeometry);
      return {
        id: r.id,
        kind: r.kind === 'community' ? 'community' : 'street',
        fullCode: r.full_code,
        parentId: r.parent_id,
        name: r.name,
        lng: round6(lng),
        lat: round6(lat),
        keys: new Map(placeKeys(r.name).map((k) => [k.key, k])),
      };
    });
  }

  return {
    /** The tenant's areas as of the geography's version (a region change bumps it). */
    areasOf(db: Executor, tenantId: string, geography: TenantGeography): Promise<Area[]> {
      const hit = cache.get(tenantId);
      if (hit && hit.version === geography.version) return hit.areas;
      const areas = load(db, tenantId);
      cache.set(tenantId, { version: geography.version, areas });
      areas.catch(() => cache.delete(tenantId));
      return areas;
    },
  };
}
