/**
 * Distance arithmetic for duplicate detection. Pure. The SQL prefilter is a bbox (index-friendly comparisons on
 * lng/lat columns, identical on SQLite and PostgreSQL without PostGIS); the exact test is geo's haversineM.
 */
import { EARTH_RADIUS_M } from '../geo/index.ts';

const RAD = Math.PI / 180;

export interface LngLatBox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

/**
 * A box that surely contains every point within `radiusM` of the centre. 1 % slack covers the sphere-vs-flat
 * approximation; the longitude span uses the cosine of the latitude nearer the pole, where degrees are shortest.
 */
export function boxAround(lng: number, lat: number, radiusM: number): LngLatBox {
  const dLat = (radiusM * 1.01) / EARTH_RADIUS_M / RAD;
  const poleward = Math.min(89.9, Math.abs(lat) + dLat);
  const dLng = Math.min(180, dLat / Math.cos(poleward * RAD));
  return { minLng: lng - dLng, minLat: lat - dLat, maxLng: lng + dLng, maxLat: lat + dLat };
}

/** Inclusive range of the 5-digit matter codes of a major class: `between` can use the (tenant, matter) index. */
export function majorCodeRange(majorCode: string): { from: string; to: string } {
  return { from: `${majorCode}000`, to: `${majorCode}999` };
}
