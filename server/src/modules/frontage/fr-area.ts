import type { Static } from 'typebox';
import type { AreaSchema } from '../../../../common/contracts/frontage.ts';

/**
 * Why a responsibility area is not a usable GeoJSON Polygon, or null: one closed outer ring of 4 to 200 WGS84 points
 * (the first point repeated last, RFC 7946 §3.1.6). Holes are not needed for a strip in front of a shop.
 */
export function areaProblem(area: Static<typeof AreaSchema>): string | null {
  const ring = area.coordinates[0];
  if (area.coordinates.length !== 1 || !ring) return 'rings';
  if (ring.length < 4 || ring.length > 200) return 'points';
  for (const p of ring) {
    if (p.length !== 2) return 'point';
    const [lng, lat] = p as [number, number];
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return 'range';
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  return first[0] === last[0] && first[1] === last[1] ? null : 'closed';
}
