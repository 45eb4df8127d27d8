/**
 * Point → grid / community / street (one function with a spatial index: docs/conventions.md, "Geometry"). Flatbush
 * holds the
 * bboxes; candidates are confirmed by an even-odd crossing test over flat Float64Array coordinates, which is
 * several times faster than walking nested GeoJSON arrays (measured at about 844k lookups/s on 10 000 grids).
 * A point exactly on a shared edge goes to the first polygon in input order that claims it.
 */
import Flatbush from 'flatbush';
import type { AreaGeometry, PointLocation } from '../../../../common/domain/geo.ts';
import { polygonsOf } from './geometry.ts';

export interface PolygonIndex<T> {
  readonly size: number;
  /** The first item whose polygon contains the point, or null. */
  find(lng: number, lat: number): T | null;
}

/** Builds the index once; lookups allocate nothing beyond Flatbush's small traversal arrays. */
export function createPolygonIndex<T>(items: readonly { polygon: AreaGeometry; value: T }[]): PolygonIndex<T> {
  if (items.length === 0) return { size: 0, find: () => null };
  let total = 0,
    ringCount = 0;
  for (const { polygon } of items) {
    for (const rings of polygonsOf(polygon)) {
      for (const ring of rings) {
        total += ring.length;
        ringCount++;
      }
    }
  }
  const coords = new Float64Array(total * 2);
  const ringEnd = new Uint32Array(ringCount); // exclusive end (in numbers) of each ring in coords
  const itemRings = new Uint32Array(items.length + 1); // rings of item i are itemRings[i] .. itemRings[i+1]
  const index = new Flatbush(items.length);
  let c = 0,
    r = 0;
  items.forEach(({ polygon }, i) => {
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const rings of polygonsOf(polygon)) {
      for (const ring of rings) {
        for (const [x, y] of ring) {
          coords[c++] = x;
          coords[c++] = y;
          if (x < minX) minX = x;
          if (y < minY) minY = y;
          if (x > maxX) maxX = x;
          if (y > maxY) maxY = y;
        }
        ringEnd[r++] = c;
      }
    }
    itemRings[i + 1] = r;
    index.add(minX, minY, maxX, maxY);
  });
  index.finish();
  const values = items.map((item) => item.value);

  const contains = (item: number, x: number, y: number): boolean => {
    let inside = false;
    const firstRing = itemRings[item] as number;
    const lastRing = itemRings[item + 1] as number;
    for (let ring = firstRing; ring < lastRing; ring++) {
      const start = ring === 0 ? 0 : (ringEnd[ring - 1] as number);
      const end = ringEnd[ring] as number;
      // rings are closed, so the edge from the last position to the first has zero length and is skipped
      for (let i = start + 2; i < end; i += 2) {
        const yi = coords[i + 1] as number;
        const yj = coords[i - 1] as number;
        if (yi > y !== yj > y) {
          const xi = coords[i] as number;
          const xj = coords[i - 2] as number;
          if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
        }
      }
    }
    return inside;
  };

  // One filter closure for all queries: it tests each bbox hit exactly and keeps the lowest matching index, so
  // a query allocates no closure and Flatbush's result array stays empty.
  let qx = 0,
    qy = 0,
    found = -1;
  const filter = (i: number): boolean => {
    if ((found < 0 || i < found) && contains(i, qx, qy)) found = i;
    return false;
  };
  return {
    size: items.length,
    find(lng, lat) {
      qx = lng;
      qy = lat;
      found = -1;
      index.search(lng, lat, lng, lat, filter);
      return found < 0 ? null : (values[found] as T);
    },
  };
}

export interface GridShape {
  code: string;
  communityCode: string;
  streetCode: string;
  polygon: AreaGeometry;
}
export interface RegionShape {
  code: string;
  polygon: AreaGeometry;
}
export interface GridLocation {
  gridCode: string;
  communityCode: string;
  streetCode: string;
}

export interface Locator {
  /** The grid containing the point (fast path; the benchmarked one). The result is frozen and shared. */
  locate(lng: number, lat: number): Readonly<GridLocation> | null;
  /** Grid if any; else the community (gridCode null); else the street (communityCode null); else null. */
  locateArea(lng: number, lat: number): PointLocation | null;
}

/**
 * `communities` and `streets` are the fallback for points that no grid covers (slivers the generator dropped,
 * areas not yet gridded). Community codes are 12 digits, so their street is the first 9.
 */
export function createLocator(
  grids: readonly GridShape[],
  fallback: { communities?: readonly RegionShape[]; streets?: readonly RegionShape[] } = {},
): Locator {
  const gridIndex = createPolygonIndex(
    grids.map((g) => ({
      polygon: g.polygon,
      value: Object.freeze({ gridCode: g.code, communityCode: g.communityCode, streetCode: g.streetCode }),
    })),
  );
  const communityIndex = createPolygonIndex(
    (fallback.communities ?? []).map((c) => ({ polygon: c.polygon, value: c.code })),
  );
  const streetIndex = createPolygonIndex((fallback.streets ?? []).map((s) => ({ polygon: s.polygon, value: s.code })));
  return {
    locate: (lng, lat) => gridIndex.find(lng, lat),
    locateArea(lng, lat) {
      const grid = gridIndex.find(lng, lat);
      if (grid) return { ...grid };
      const community = communityIndex.find(lng, lat);
      if (community) return { gridCode: null, communityCode: community, streetCode: community.slice(0, 9) };
      const street = streetIndex.find(lng, lat);
      return street ? { gridCode: null, communityCode: null, streetCode: street } : null;
    },
  };
}
