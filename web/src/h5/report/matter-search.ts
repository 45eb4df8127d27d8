/**
 * The matter picker's data: the server's search when online (codes, names, pinyin initials, polyphones), and the
 * same kind of search over a cached copy of the tenant's active matters when offline, so "zdjy" finds 占道经营
 * on a street without signal too.
 */
import { h5Api } from '../api/h5.api.ts';
import { isFresh, readCache, writeCache } from '../offline/local-cache.ts';

export interface MatterOption {
  code: string;
  name: string;
  pinyinInitials: string;
  pinyin: string;
}

const DAY_MS = 24 * 3600 * 1000;
const cacheKey = (tenantId: string) => `matters.${tenantId}`;

export function cachedMatters(tenantId: string): MatterOption[] | null {
  return readCache<MatterOption[]>(cacheKey(tenantId))?.value ?? null;
}

/** Refreshes the cached matter list at most once a day (about 250 entries, ~30 KB). */
export async function refreshMatterCache(tenantId: string, signal?: AbortSignal): Promise<MatterOption[]> {
  const cached = readCache<MatterOption[]>(cacheKey(tenantId));
  if (cached && isFresh(cached, DAY_MS)) return cached.value;
  const items: MatterOption[] = [];
  for (let page = 1; page <= 10; page += 1) {
    const result = await h5Api.matterPage(page, signal);
    items.push(
      ...result.items.map(({ code, name, pinyinInitials, pinyin }) => ({ code, name, pinyinInitials, pinyin })),
    );
    if (items.length >= result.total || result.items.length === 0) break;
  }
  writeCache(cacheKey(tenantId), items);
  return items;
}

/** Ranks code and initials prefixes first, then name and full-pinyin matches anywhere. */
export function searchMatters(items: readonly MatterOption[], query: string, limit = 20): MatterOption[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return items.slice(0, limit);
  const scored: { item: MatterOption; score: number }[] = [];
  for (const item of items) {
    const initials = item.pinyinInitials.toLowerCase();
    const pinyin = item.pinyin.toLowerCase();
    let score = -1;
    if (item.code.startsWith(q) || initials.startsWith(q)) score = 0;
    else if (item.name.startsWith(q) || pinyin.startsWith(q)) score = 1;
    else if (item.name.includes(q) || initials.includes(q) || pinyin.includes(q)) score = 2;
    if (score >= 0) scored.push({ item, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.item.code.localeCompare(b.item.code))
    .slice(0, limit)
    .map((s) => s.item);
}
