import { h5Api, type StreetLayer } from '../api/h5.api.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';

/** The street layer, fresh when online, else the copy from the last time (it is small: a few KB to ~1 MB). */
export async function loadStreets(tenantId: string, signal: AbortSignal): Promise<StreetLayer | null> {
  const key = `streets.${tenantId}`;
  try {
    const layer = await h5Api.streets(signal);
    writeCache(key, layer);
    return layer;
  } catch {
    return readCache<StreetLayer>(key)?.value ?? null;
  }
}
