import { pinyin } from 'pinyin-pro';
import type { Database } from '../../platform/db.ts';

export interface PublicTenant {
  id: string;
  code: string;
  name: string;
  /** IANA zone of the city's business day (tenants.timezone): public pages show every instant in it */
  timezone: string;
}

/** Administrative suffixes a short name may drop: 大冶市 → daye, 黄石港区 → huangshigang. */
const SUFFIXES = ['自治县', '自治州', '市', '县', '区', '旗', '州', '盟'];

/** Folds an alias for comparison: case, spaces, hyphens, underscores and dots do not matter. */
export function foldAlias(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');
}

/**
 * The names a public caller may use for a city (docs/open311.md, "Jurisdictions"): its 6-digit admin code, the
 * pinyin of its name, and the pinyin without the administrative suffix. 大冶市 420281 → 420281, dayeshi, daye.
 */
export function jurisdictionAliases(tenant: { code: string; name: string }): string[] {
  const spell = (text: string) =>
    foldAlias(pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''));
  const suffix = SUFFIXES.find((s) => tenant.name.endsWith(s) && tenant.name.length > s.length);
  const names = [tenant.name, ...(suffix ? [tenant.name.slice(0, -suffix.length)] : [])];
  return [...new Set([foldAlias(tenant.code), ...names.map(spell)].filter(Boolean))];
}

/**
 * Which city a public entry point (citizen H5, Open311, partner webhooks) serves: the tenant named by its code or
 * one of its aliases (Open311 jurisdiction_id), else the configured PUBLIC_TENANT, else the installation's only
 * tenant. Null when the name is unknown or the choice is ambiguous (an alias two cities share), so a request is
 * never filed with the wrong city.
 */
export function createPublicTenantResolver(database: Database, configured: string | null) {
  const cache = new Map<string, PublicTenant | null>();

  // The pinyin of a name is worked out once per code and name, not on every public request that uses an alias.
  const aliasesOf = new Map<string, string[]>();
  const aliases = (t: PublicTenant) => {
    const key = `${t.code}\u0000${t.name}`;
    let known = aliasesOf.get(key);
    if (!known) aliasesOf.set(key, (known = jurisdictionAliases(t)));
    return known;
  };

  async function byAlias(alias: string): Promise<PublicTenant | null> {
    // Tenants are cities or counties of one deployment: few enough rows to read whole for a cache miss.
    const all = await database.db.selectFrom('tenants').select(['id', 'code', 'name', 'timezone']).execute();
    const hits = all.filter((t) => aliases(t).includes(alias));
    return hits.length === 1 ? hits[0]! : null;
  }

  return async function publicTenant(jurisdictionId?: string | null): Promise<PublicTenant | null> {
    const wanted = foldAlias(jurisdictionId?.trim() || configured || '');
    const hit = cache.get(wanted);
    if (hit !== undefined) return hit;
    let found: PublicTenant | null;
    if (!wanted || /^\d{6}$/.test(wanted)) {
      let q = database.db
        .selectFrom('tenants')
        .select(['id', 'code', 'name', 'timezone'])
        .orderBy('created_at')
        .limit(2);
      if (wanted) q = q.where('code', '=', wanted);
      const rows = await q.execute();
      found = rows.length === 1 ? rows[0]! : null;
    } else {
      found = await byAlias(wanted);
    }
    // Only answers by code are cached (a code names one tenant for good). "The only tenant" is looked up every
    // time: a second tenant added while the process runs must make unnamed requests ambiguous at once, never
    // leave them answered as the first city. Misses are not cached either, so a tenant created later is found;
    // nor are alias answers, since a city added later may share the alias and make it ambiguous.
    if (found && /^\d{6}$/.test(wanted)) cache.set(wanted, found);
    return found;
  };
}
