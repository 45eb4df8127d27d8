import type {
  ClustersQuery,
  ClustersResult,
  NearestQuery,
  NearestResult,
} from '../../../../common/contracts/components.ts';
import type { Bbox } from '../../../../common/domain/geo.ts';
import type { Database } from '../../platform/db.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { EARTH_RADIUS_M, haversineM, parseBbox, wgs84 } from '../geo/index.ts';
import * as repo from './component.repository.ts';

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const RAD = Math.PI / 180;
/** A bbox that holds the circle of radius r (metres) around the point, with a little slack. */
const boxAround = (lng: number, lat: number, r: number): Bbox => {
  const dLat = (r * 1.001) / M_PER_DEG;
  const dLng = dLat / Math.max(0.01, Math.cos(lat * RAD));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
};
/** A class this small is read whole for a nearest query instead of through the position index. */
const SMALL_CLASS = 2000;
/** Above this many cells the map gains nothing; the cell size doubles until the bbox fits. */
const MAX_CLUSTER_CELLS = 40_000;

/** The registry on the map: nearest components to a point, and grid clusters for a bbox and zoom. */
export function componentMapQueries(database: Database) {
  const { db } = database;
  return {
    /**
     * Nearest components within `radius` m: bbox candidates on the (tenant, lng, lat) index, exact haversine
     * sort. The box starts small and grows ×3, so a dense city answers from a few hundred rows, not thousands.
     */
    async nearest(actor: Actor, q: NearestQuery): Promise<NearestResult> {
      requirePermission(actor, 'org.read');
      const [x, y] = wgs84(q.lng, q.lat, q.crs ?? 'wgs84');
      const limit = q.limit ?? 10;
      const radius = q.radius ?? 1000;
      const rank = (candidates: { id: string; lng: number; lat: number }[], within: number) =>
        candidates
          .map((c) => ({ id: c.id, d: haversineM(x, y, c.lng, c.lat) }))
          .filter((h) => h.d <= within)
          .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
      let hits: { id: string; d: number }[];
      if (q.classCode && (await repo.classCount(db, actor.tenantId, q.classCode)) <= SMALL_CLASS) {
        // A rare class (19 pump houses) is read whole on its own index: cheaper than scanning a city-wide box.
        hits = rank(await repo.positionsOfClass(db, actor.tenantId, q.classCode), radius);
      } else {
        for (let r = Math.min(radius, 150); ; r = Math.min(radius, r * 3)) {
          hits = rank(await repo.positionsInBox(db, actor.tenantId, boxAround(x, y, r), q.classCode), r);
          // Every point closer than r is in the box, so once `limit` of them are within r they are the nearest.
          if (hits.length >= limit || r >= radius) break;
        }
      }
      const top = hits.slice(0, limit);
      const rows = new Map(
        (
          await repo.componentsWithNamesByIds(
            db,
            actor.tenantId,
            top.map((h) => h.id),
          )
        ).map((c) => [c.id, c]),
      );
      return {
        items: top.flatMap((h) => {
          const c = rows.get(h.id);
          return c
            ? [
                {
                  id: c.id,
                  code: c.code,
                  classCode: c.class_code,
                  className: c.class_name ?? null,
                  name: c.name,
                  state: c.state,
                  gridCode: c.grid_code,
                  lng: c.lng,
                  lat: c.lat,
                  distanceM: Math.round(h.d * 100) / 100,
                },
              ]
            : [];
        }),
      };
    },

    /** Grid clustering for the map: cells ~64 px wide at `zoom`; a cell of one is that component. */
    async clusters(actor: Actor, q: ClustersQuery): Promise<ClustersResult> {
      requirePermission(actor, 'org.read');
      const tenant = await repo.tenantInfo(db, actor.tenantId);
      const box: Bbox =
        parseBbox(q.bbox) ??
        (tenant?.min_lng != null && tenant.min_lat != null && tenant.max_lng != null && tenant.max_lat != null
          ? [tenant.min_lng, tenant.min_lat, tenant.max_lng, tenant.max_lat]
          : [-180, -90, 180, 90]);
      const shrink = Math.max(0.01, Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180));
      let cellLng = 90 / 2 ** q.zoom; // 64 px of a 256 px tile
      while (((box[2] - box[0]) / cellLng) * ((box[3] - box[1]) / (cellLng * shrink)) > MAX_CLUSTER_CELLS) cellLng *= 2;
      const cellLat = cellLng * shrink; // square on the screen in Web Mercator
      const rows = await repo.clusterCells(db, actor.tenantId, box, cellLng, cellLat, q.classCode);
      const items = rows.map((c) => ({
        lng: Number(c.lng),
        lat: Number(c.lat),
        count: Number(c.n),
        ...(c.class_min === c.class_max ? { classCode: c.class_min } : {}),
        ...(Number(c.n) === 1 ? { code: c.code } : {}),
      }));
      return { cellLng, cellLat, total: items.reduce((s, c) => s + c.count, 0), items };
    },
  };
}
