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

/**
 * pageWithCappedTotal for filters that read every match's row whatever the page (a text search through a trigram
 * index, which checks each candidate in the table): the matches are read once, at most `cap + 1` of them and only
 * their key `id` and sort value `k` (what `matches` selects), and the count and the page's keys both come from that
 * one read, where the page and the count as two statements read every match twice. `unique` says `k` orders alone;
 * otherwise the key breaks ties, in the same direction. Beyond `cap` matches the rows read are not all the matches,
 * so there is no page to cut from them: the answer is then `null`, and the caller reads its page in its order's index
 * (which, with that many matches, stops after the page).
 */
export async function pageFromMatches<DB, TB extends keyof DB>(
  db: QueryExecutorProvider,
  matches: SelectQueryBuilder<DB, TB, { id: string; k: unknown }>,
  w: { limit: number; offset: number; order: 'asc' | 'desc'; unique: boolean },
  cap = COUNT_CAP,
): Promise<{ ids: string[]; total: number } | null> {
  const m = matches.limit(cap + 1);
  const dir = sql.raw(w.order === 'desc' ? 'desc' : 'asc');
  const order = w.unique ? sql`m.k ${dir}` : sql`m.k ${dir}, m.id ${dir}`;
  const page = await sql<{ id: string; n: number | string }>`select m.id, count(*) over () as n
    from (${m}) as m order by ${order} limit ${w.limit} offset ${w.offset}`.execute(db);
  // a page past the last match has no row to carry the count
  const n = page.rows.length
    ? Number(page.rows[0]?.n)
    : w.offset === 0
      ? 0
      : Number((await sql<{ n: number | string }>`select count(*) as n from (${m}) as m`.execute(db)).rows[0]?.n ?? 0);
  return n > cap ? null : { ids: page.rows.map((r) => r.id), total: n };
}
