/**
 * The inspector's city as the public info describes it (GET /api/public/info with `x-city`: its extent, centre and
 * the basemap the bureau configured), so the maps start on the tenant's own area with nothing built in. Kept in
 * the offline cache: on a street without signal the map still opens on the city.
 */
import { useEffect, useState } from 'react';
import type { PublicInfo } from '../../../../common/contracts/public.ts';
import { ApiError } from '../../api/errors.ts';
import { useAuth } from '../../features/auth/context.ts';
import { readCache, writeCache } from '../offline/local-cache.ts';

export type { PublicInfo };

/** The public info of one city (`cityCode`), or of the server's default public city when none is given. */
export async function fetchPublicInfo(cityCode: string | null, signal?: AbortSignal): Promise<PublicInfo> {
  let response: Response;
  try {
    // No session cookie: the route is public, and the city is named by its code.
    response = await fetch('/api/public/info', {
      credentials: 'omit',
      headers: { accept: 'application/json', ...(cityCode ? { 'x-city': cityCode } : {}) },
      signal,
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(cause) });
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok || typeof payload !== 'object' || payload === null)
    throw ApiError.fromResponse(response.status, payload);
  return payload as PublicInfo;
}

const cacheKey = (cityCode: string) => `info.${cityCode}`;
/** One request per city while the page lives (both maps ask); a failed one is forgotten so the next map retries. */
const asked = new Map<string, Promise<PublicInfo>>();

function tenantInfo(cityCode: string): Promise<PublicInfo> {
  let pending = asked.get(cityCode);
  if (!pending) {
    pending = fetchPublicInfo(cityCode).then((info) => {
      writeCache(cacheKey(cityCode), info);
      return info;
    });
    pending.catch(() => asked.delete(cityCode));
    asked.set(cityCode, pending);
  }
  return pending;
}

export interface TenantInfoState {
  info: PublicInfo | null;
  /** true once the info is known, or known to be unavailable (offline with nothing cached) */
  settled: boolean;
}

/** The signed-in inspector's city: the cached copy at once, then the server's when it answers. */
export function useTenantInfo(): TenantInfoState {
  const cityCode = useAuth().me?.user.tenantCode ?? '';
  const [state, setState] = useState<TenantInfoState>(() => {
    const cached = cityCode ? (readCache<PublicInfo>(cacheKey(cityCode))?.value ?? null) : null;
    return { info: cached, settled: cached !== null };
  });

  useEffect(() => {
    if (!cityCode) return;
    let live = true;
    tenantInfo(cityCode).then(
      (info) => live && setState({ info, settled: true }),
      () => live && setState((s) => ({ ...s, settled: true })),
    );
    return () => {
      live = false;
    };
  }, [cityCode]);

  return state;
}
