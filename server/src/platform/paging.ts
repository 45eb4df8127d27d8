import { pageWindow } from '../../../common/domain/paging.ts';
import { invalidField } from './errors.ts';

/**
 * Turns page/pageSize/sort/order into a window. `sorts` maps the API's sort names to columns; a name outside it
 * is a 400 naming `query.sort` (never interpolated into SQL unchecked).
 */
export function listWindow<C extends string>(
  query: { page?: number; pageSize?: number; sort?: string; order?: 'asc' | 'desc' },
  sorts: Record<string, C>,
  defaultSort: string,
) {
  const name = query.sort ?? defaultSort;
  const column = Object.hasOwn(sorts, name) ? sorts[name] : undefined;
  if (column === undefined)
    throw invalidField('query.sort', 'enum', `sort must be one of: ${Object.keys(sorts).join(', ')}`);
  const { limit, offset } = pageWindow(query.page, query.pageSize);
  return { limit, offset, sort: column, order: query.order ?? 'asc', page: query.page ?? 1 } as const;
}
