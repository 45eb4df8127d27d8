import { sql, type QueryExecutorProvider, type SelectQueryBuilder } from 'kysely';
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

/** A page of a list sorted by one of the columns `S` (what listWindow returns, typed by its columns). */
export interface SortedWindow<S extends string> {
  limit: number;
  offset: number;
  sort: S;
  order: 'asc' | 'desc';
}

/**
 * One page of a list query and the number of rows it matches. `filtered` holds the table and the filters only;
 * `page` adds the selection and the order, and the window is applied here, so the count always sees exactly the
 * filters the page saw.
 */
export async function pageWithTotal<DB, TB extends keyof DB, O>(
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  w: { limit: number; offset: number },
): Promise<{ rows: O[]; total: number }> {
  const [rows, count] = await Promise.all([
    page(filtered).limit(w.limit).offset(w.offset).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  // Kysely cannot name the alias through the generic selection; the row is { n } on both backends.
  return { rows, total: Number((count as { n: number | string }).n) };
}

/** Lists of registers that grow to millions of rows count exactly up to this many matches, and say "more" beyond. */
export const COUNT_CAP = 10_000;

/**
 * pageWithTotal for the large registers: the count stops after `cap + 1` matching rows (an index range of bounded
 * length whatever the table's size, where an exact count(*) over a million rows costs more than the page), and
 * `totalCapped` says the list holds more than `total`.
 */
export async function pageWithCappedTotal<DB, TB extends keyof DB, O>(
  db: QueryExecutorProvider,
  filtered: SelectQueryBuilder<DB, TB, object>,
  page: (q: SelectQueryBuilder<DB, TB, object>) => SelectQueryBuilder<DB, TB, O>,
  w: { limit: number; offset: number },
  cap = COUNT_CAP,
): Promise<{ rows: O[]; total: number; totalCapped: boolean }> {
  // Counting stops at cap + 1 rows; the subquery keeps the filters' parameters bound.
  const bounded = filtered.select(sql<number>`1`.as('one')).limit(cap + 1);
  const [rows, count] = await Promise.all([
    page(filtered).limit(w.limit).offset(w.offset).execute(),
    sql<{ n: number | string }>`select count(*) as n from (${bounded}) as x`.execute(db),
  ]);
  const n = Number(count.rows[0]?.n ?? 0);
  return { rows, total: Math.min(n, cap), totalCapped: n > cap };
}
