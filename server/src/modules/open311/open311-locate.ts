import type { Executor } from '../../platform/db.ts';
import { O311Error } from './open311.errors.ts';
import * as repo from './open311.repository.ts';

/**
 * The location of a POST requests (docs/open311.md, "Creating a request"): `lat`+`long`, or `address_id`, or
 * `address_string`. Our "master address repository" is the city's own registry: a 17-digit component id or a
 * 15-digit grid code as address_id; an address_string is matched against community and street names (longest
 * name wins). FixMyStreet's `#NOTPINPOINTED#` is no address at all (docs/open311.md "What FixMyStreet sends"). A
 * point outside the city is refused
 * by the case intake (400 naming lat/long).
 */
export interface Where {
  lng: number;
  lat: number;
  address: string | null;
}

type Box = { min_lng?: number | null; min_lat?: number | null; max_lng?: number | null; max_lat?: number | null };
const center = (b: Box) =>
  b.min_lng == null || b.min_lat == null || b.max_lng == null || b.max_lat == null
    ? null
    : { lng: (b.min_lng + b.max_lng) / 2, lat: (b.min_lat + b.max_lat) / 2 };

export async function locate(
  db: Executor,
  tenantId: string,
  q: { lat?: number; lng?: number; addressString?: string; addressId?: string },
): Promise<Where> {
  const address = q.addressString ?? null;
  if ((q.lat === undefined) !== (q.lng === undefined))
    throw O311Error.badRequest('lat and long must be given together');
  if (q.lat !== undefined && q.lng !== undefined) return { lng: q.lng, lat: q.lat, address };

  const addressId = q.addressId && q.addressId !== '#NOTPINPOINTED#' ? q.addressId : undefined;
  if (addressId) {
    if (/^\d{17}$/.test(addressId)) {
      const c = await repo.componentAt(db, tenantId, addressId);
      if (c) return { lng: c.lng, lat: c.lat, address: address ?? c.name };
    }
    if (/^\d{15}$/.test(addressId)) {
      const g = await repo.gridBox(db, tenantId, addressId);
      const at = g && center(g);
      if (at) return { ...at, address };
    }
    throw O311Error.badRequest(
      `address_id not found: ${addressId} (use a 17-digit component id or a 15-digit grid code)`,
    );
  }
  if (address) {
    const regions = await repo.regionBoxes(db, tenantId);
    const hit = regions
      .filter((r) => r.name.length >= 2 && address.includes(r.name))
      .sort((a, b) => b.name.length - a.name.length || (a.kind === 'community' ? -1 : 1))[0];
    const at = hit && center(hit);
    if (at) return { ...at, address };
    throw O311Error.badRequest('address_string could not be located: send lat and long');
  }
  throw O311Error.badRequest('a location is required: lat and long, address_string or address_id');
}
