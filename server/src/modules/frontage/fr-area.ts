import type { AgreementArea } from '../../../../common/contracts/frontage.ts';
import { AREA_MAX_M2, AREA_MAX_POINTS, AREA_MIN_M2, AREA_REACH_M } from '../../../../common/domain/frontage.ts';
import type { PolygonGeometry } from '../../../../common/domain/geo.ts';
import { areaM2, haversineM, validateAreaGeometry } from '../geo/index.ts';

export interface AreaIssue {
  field: string;
  rule: string;
  message: string;
}

/**
 * Why a drawn responsibility area cannot be signed, or null (docs/frontage.md, "The responsibility area"): one closed
 * outer ring of 4 to 200 WGS84 points (RFC 7946 §3.1.6) that does not cross itself, between 1 and 5,000 m², and every
 * corner within 500 m of the shop's pinned point. Holes are not needed for a strip in front of a shop.
 */
export function areaIssue(
  area: AgreementArea,
  pin: { lng: number; lat: number },
  field = 'body.area',
): AreaIssue | null {
  const ring = area.coordinates[0];
  if (area.coordinates.length !== 1 || !ring)
    return { field: `${field}.coordinates`, rule: 'rings', message: 'one outer ring, no holes' };
  if (ring.length < 4 || ring.length > AREA_MAX_POINTS)
    return {
      field: `${field}.coordinates.0`,
      rule: 'points',
      message: `a closed ring of 4 to ${AREA_MAX_POINTS} points (3 corners at least)`,
    };
  for (const [i, p] of ring.entries()) {
    const [lng, lat] = p as [number, number];
    if (p.length !== 2 || !(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90))
      return { field: `${field}.coordinates.0.${i}`, rule: 'range', message: 'a point is [lng, lat] in WGS84' };
  }
  const first = ring[0]!;
  const last = ring[ring.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1])
    return { field: `${field}.coordinates.0`, rule: 'closed', message: 'the last point must repeat the first' };
  const crossing = validateAreaGeometry(area, field)[0];
  if (crossing) return { field: crossing.path, rule: 'shape', message: crossing.message };
  const m2 = areaM2(area as PolygonGeometry);
  if (m2 < AREA_MIN_M2 || m2 > AREA_MAX_M2)
    return {
      field,
      rule: 'size',
      message: `the area is ${Math.round(m2)} m²; it must be ${AREA_MIN_M2} to ${AREA_MAX_M2} m²`,
    };
  for (const [i, p] of ring.entries())
    if (haversineM(pin.lng, pin.lat, p[0]!, p[1]!) > AREA_REACH_M)
      return {
        field: `${field}.coordinates.0.${i}`,
        rule: 'reach',
        message: `every corner lies within ${AREA_REACH_M} m of the shop's point`,
      };
  return null;
}

/** The area in m² to one decimal, as shown in lists, exports and the 责任书. */
export const areaSquareMetres = (area: AgreementArea | null): number | null =>
  area ? Math.round(areaM2(area as PolygonGeometry) * 10) / 10 : null;
