import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../../../common/domain/paging.ts';
import { useResource } from '../api/use-resource.ts';

export type SortOrder = 'asc' | 'desc';

export interface PageRequest {
  page: number;
  pageSize: number;
  q?: string;
  sort?: string;
  order?: SortOrder;
}

export type FetchPage<T, F> = (request: PageRequest & F, signal: AbortSignal) => Promise<Page<T>>;

export interface PagedQueryOptions<F> {
  filters: F;
  pageSize?: number;
  sort?: string;
  order?: SortOrder;
  /** The search text to start with. */
  q?: string;
  /** Bump to fetch again with the same parameters (after a create or an edit). */
  reloadKey?: number;
}

/**
 * List state for a server-paged endpoint on top of useResource: page, size, search text, sort; the last good page
 * stays on screen while the next one loads. A change of search or filters goes back to page 1.
 */
export function usePagedQuery<T, F extends object>(fetchPage: FetchPage<T, F>, options: PagedQueryOptions<F>) {
  const { filters, reloadKey = 0 } = options;
  const [request, setRequest] = useState<PageRequest>({
    page: 1,
    pageSize: options.pageSize ?? 20,
    sort: options.sort,
    order: options.order,
    ...(options.q?.trim() ? { q: options.q.trim() } : {}),
  });
  const filterKey = JSON.stringify(filters);
  const [seenFilterKey, setSeenFilterKey] = useState(filterKey);
  if (seenFilterKey !== filterKey) {
    // Adjusting state while rendering (not in an effect) avoids one wasted request for the old page.
    setSeenFilterKey(filterKey);
    if (request.page !== 1) setRequest({ ...request, page: 1 });
  }

  // `filters` is compared by value through filterKey, not by identity.
  const resource = useResource(
    (signal) => fetchPage({ ...filters, ...request }, signal),
    [fetchPage, filterKey, request, reloadKey],
  );
  const { data } = resource;

  useEffect(() => {
    // The last row of the last page was removed: step back instead of showing an empty page.
    if (data && data.items.length === 0 && data.total > 0 && request.page > 1) {
      setRequest((r) => ({ ...r, page: Math.max(1, Math.ceil(data.total / r.pageSize)) }));
    }
  }, [data, request.page]);

  const search = useCallback((q: string) => {
    const text = q.trim();
    setRequest((r) => ({ ...r, q: text || undefined, page: 1 }));
  }, []);
  const setPage = useCallback((page: number, pageSize: number) => {
    setRequest((r) => ({ ...r, page: pageSize === r.pageSize ? page : 1, pageSize }));
  }, []);
  const setSort = useCallback((sort: string | undefined, order: SortOrder | undefined) => {
    setRequest((r) => ({ ...r, sort: order ? sort : undefined, order: sort ? order : undefined, page: 1 }));
  }, []);

  return {
    request,
    data,
    loading: resource.loading,
    error: resource.error,
    search,
    setPage,
    setSort,
    retry: resource.reload,
  };
}
