import type { Database } from '../../platform/db.ts';

export interface PublicTenant {
  id: string;
  code: string;
  name: string;
}

/**
 * Which city a public entry point (citizen H5, Open311, partner webhooks) serves: the tenant named by its code
 * (Open311 jurisdiction_id), else the configured PUBLIC_TENANT, else the installation's only tenant. Null when the
 * name is unknown or the choice is ambiguous, so a request is never filed with the wrong city.
 */
export function createPublicTenantResolver(database: Database, configured: string | null) {
  const cache = new Map<string, PublicTenant | null>();
  return async function publicTenant(jurisdictionId?: string | null): Promise<PublicTenant | null> {
    const wanted = jurisdictionId?.trim() || configured || '';
    const hit = cache.get(wanted);
    if (hit !== undefined) return hit;
    let q = database.db.selectFrom('tenants').select(['id', 'code', 'name']).orderBy('created_at').limit(2);
    if (wanted) q = q.where('code', '=', wanted);
    const rows = await q.execute();
    const found = rows.length === 1 ? rows[0]! : null;
    // Only answers by code are cached (a code names one tenant for good). "The only tenant" is looked up every
    // time: a second tenant added while the process runs must make unnamed requests ambiguous at once, never
    // leave them answered as the first city. Misses are not cached either, so a tenant created later is found.
    if (found && wanted) cache.set(wanted, found);
    return found;
  };
}
