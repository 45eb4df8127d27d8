/**
 * Small read caches for working offline (the matter catalog, the street layer), in localStorage under their own
 * keys, per tenant. A cache that does not fit is simply not written: the app then needs the network for it.
 */
const PREFIX = 'cityloop.h5.cache.';
/** Caches larger than this are not kept (they would eat into the drafts' localStorage budget). */
export const MAX_CACHE_CHARS = 1_000_000;

export interface Cached<T> {
  savedAt: string;
  value: T;
}

export function readCache<T>(key: string): Cached<T> | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as Cached<T>) : null;
  } catch {
    return null;
  }
}

export function writeCache<T>(key: string, value: T, now = new Date()): void {
  try {
    const text = JSON.stringify({ savedAt: now.toISOString(), value } satisfies Cached<T>);
    if (text.length <= MAX_CACHE_CHARS) localStorage.setItem(PREFIX + key, text);
  } catch {
    // no room, or storage disabled: the cache is an optimisation only
  }
}

export function isFresh(cached: Cached<unknown> | null, maxAgeMs: number, now = new Date()): boolean {
  return cached !== null && now.getTime() - Date.parse(cached.savedAt) < maxAgeMs;
}

export function removeCache(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // storage disabled: nothing was kept
  }
}
