/** Paging is everywhere (brief: performance): every list takes page/pageSize and answers total. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow(page = 1, pageSize = DEFAULT_PAGE_SIZE): { limit: number; offset: number } {
  const size = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
  return { limit: size, offset: (Math.max(1, page) - 1) * size };
}
