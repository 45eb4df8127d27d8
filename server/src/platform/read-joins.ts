import type { Nullable, SelectQueryBuilder, StringReference } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Joins of an owner's table into another module's query, for the owners' read models (docs/architecture.md,
 * "Table ownership"; docs/decisions/0008-join-helpers.md). The owner names its table and the columns it publishes;
 * the caller chooses the alias and the columns of its own query to join on, and keeps composing one statement.
 * Call it only from the module that owns `table`: table-owners.test.ts counts `joinRows('<table>'` as a query
 * naming the table.
 */

/** `qb` with the row `R` joined under `A`; a left join makes every column of `R` nullable, as Kysely's own join does. */
export type LeftJoined<D, TB extends keyof D, O, A extends string, R> = SelectQueryBuilder<
  D & { [K in A]: Nullable<R> },
  TB | A,
  O
>;
export type InnerJoined<D, TB extends keyof D, O, A extends string, R> = SelectQueryBuilder<
  D & { [K in A]: R },
  TB | A,
  O
>;

/** The join condition: each joined column equals a column of the caller's query (`refs`) or a value (`values`). */
export interface JoinOn<D, TB extends keyof D, R> {
  refs: Partial<Record<keyof R & string, StringReference<D, TB>>>;
  values?: Partial<Record<keyof R & string, string | number>>;
}

type Untyped<O> = SelectQueryBuilder<Record<string, Record<string, string | number | null>>, string, O>;

function join<T extends keyof DB, D, TB extends keyof D, O, A extends string>(
  kind: 'left' | 'inner',
  table: T,
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: JoinOn<D, TB, DB[T]>,
) {
  const untyped = qb as unknown as Untyped<O>;
  const name: string = alias;
  const target = `${table} as ${name}` as const;
  const condition = (j: Parameters<Parameters<Untyped<O>['leftJoin']>[1]>[0]) => {
    let c = j;
    for (const [column, ref] of Object.entries(on.refs)) c = c.onRef(`${name}.${column}`, '=', ref as string);
    for (const [column, value] of Object.entries(on.values ?? {}))
      c = c.on(`${name}.${column}`, '=', value as string | number);
    return c;
  };
  return kind === 'left' ? untyped.leftJoin(target, condition) : untyped.innerJoin(target, condition);
}

/** Left-joins the owner's `table` under `alias`. */
export function leftJoinRows<T extends keyof DB, D, TB extends keyof D, O, A extends string>(
  table: T,
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: JoinOn<D, TB, DB[T]>,
): LeftJoined<D, TB, O, A, DB[T]> {
  return join('left', table, qb, alias, on) as unknown as LeftJoined<D, TB, O, A, DB[T]>;
}

/** Inner-joins the owner's `table` under `alias`. */
export function innerJoinRows<T extends keyof DB, D, TB extends keyof D, O, A extends string>(
  table: T,
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: JoinOn<D, TB, DB[T]>,
): InnerJoined<D, TB, O, A, DB[T]> {
  return join('inner', table, qb, alias, on) as unknown as InnerJoined<D, TB, O, A, DB[T]>;
}

/** An owner's join of its row `R`: the shape a module declares when the join reaches it through the composition root. */
export type LeftJoinOf<R> = <D, TB extends keyof D, O, A extends string>(
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: Partial<Record<keyof R & string, StringReference<D, TB>>>,
) => LeftJoined<D, TB, O, A, R>;
export type InnerJoinOf<R> = <D, TB extends keyof D, O, A extends string>(
  qb: SelectQueryBuilder<D, TB, O>,
  alias: A,
  on: Partial<Record<keyof R & string, StringReference<D, TB>>>,
) => InnerJoined<D, TB, O, A, R>;
