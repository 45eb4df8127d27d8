/** Paging is everywhere (brief: performance): every list takes page/pageSize and answers total. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** true when there are more rows than `total`: the count stopped at its cap (show "10,000+") */
  totalCapped?: boolean;
}

export function pageWindow(page = 1, pageSize = DEFAULT_PAGE_SIZE): { limit: number; offset: number } {
  const size = Math.min(
    Math.max(1, Number.isFinite(pageSize) ? Math.trunc(pageSize) : DEFAULT_PAGE_SIZE),
    MAX_PAGE_SIZE,
  );
  // page=Infinity passes the integer check after coercion (found by the route fuzzer): never a NaN/∞ offset.
  const p = Number.isFinite(page)
    ? Math.min(Math.max(1, Math.trunc(page)), 10_000_000)
    : Number.isNaN(page)
      ? 1
      : 10_000_000;
  return { limit: size, offset: (p - 1) * size };
}
