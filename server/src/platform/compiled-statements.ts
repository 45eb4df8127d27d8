import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import type { Executor } from './db.ts';

/**
 * Statements of hot paths (intake) built and compiled by Kysely once, then run with new parameters: building and
 * compiling a query cost about a fifth of an intake's CPU (docs/decisions/0010-intake-cost.md), and a statement
 * that runs a thousand times a second has the same SQL text every time.
 *
 * `build` receives stand-ins for its parameters, so it must use them only as values (in `where`, `values`, `set`),
 * never look at them (`if (p.x)`, `p.list.length`): the text compiled from the stand-ins is reused for every call.
 * The shape of the parameters is part of the key: an object's keys that are not `undefined` (an insert's columns,
 * Kysely leaves undefined ones out) and the length of a list (an IN list), so a different shape compiles anew.
 * Each dialect compiles its own text (one map per Kysely adapter class: SQLite `?`, PostgreSQL `$1`).
 */
class Slot {
  constructor(readonly path: readonly (string | number)[]) {}
}

type Entry = { compiled: CompiledQuery; bind: readonly (Slot | { value: unknown })[] };

const MAX_SHAPES = 200;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The text of `value`'s shape: which members are defined, how long each list is (no stand-ins made). */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shapeOf).join(',')}]`;
  if (isPlainObject(value)) {
    let text = '{';
    for (const k in value) if (value[k] !== undefined) text += `${k.length}#${k}:${shapeOf(value[k])},`;
    return `${text}}`;
  }
  return value === undefined ? 'u' : '_';
}

/** The stand-in for `value`: its shape, with a slot naming its path at each leaf (made once per shape). */
function standIn(value: unknown, path: (string | number)[]): unknown {
  if (Array.isArray(value)) return value.map((v, i) => standIn(v, [...path, i]));
  if (isPlainObject(value)) {
    const stub: Record<string, unknown> = {};
    for (const k of Object.keys(value)) if (value[k] !== undefined) stub[k] = standIn(value[k], [...path, k]);
    return stub;
  }
  return value === undefined ? undefined : new Slot(path);
}

function valueAt(params: unknown, path: readonly (string | number)[]): unknown {
  let v = params;
  for (const step of path) v = (v as Record<string | number, unknown>)[step];
  return v;
}

export interface CompiledStatement<P, R> {
  /** The statement run on `db` (the database or a transaction) with these parameters. */
  execute(db: Executor, params: P): Promise<QueryResult<R>>;
  rows(db: Executor, params: P): Promise<R[]>;
  first(db: Executor, params: P): Promise<R | undefined>;
}

export function compiledStatement<P extends object, R>(
  build: (db: Executor, p: P) => Compilable<R>,
): CompiledStatement<P, R> {
  const byAdapter = new Map<unknown, Map<string, Entry>>();

  function entryFor(db: Executor, params: P): Entry {
    const adapter = db.getExecutor().adapter.constructor;
    let shapes = byAdapter.get(adapter);
    if (!shapes) byAdapter.set(adapter, (shapes = new Map<string, Entry>()));
    const shape = shapeOf(params);
    let entry = shapes.get(shape);
    if (!entry) {
      const compiled = build(db, standIn(params, []) as P).compile();
      const bind = compiled.parameters.map((v) => (v instanceof Slot ? v : { value: v }));
      if (shapes.size >= MAX_SHAPES) shapes.clear();
      shapes.set(shape, (entry = { compiled, bind }));
    }
    return entry;
  }

  async function execute(db: Executor, params: P): Promise<QueryResult<R>> {
    const { compiled, bind } = entryFor(db, params);
    const parameters = bind.map((b) => (b instanceof Slot ? valueAt(params, b.path) : b.value));
    const query: CompiledQuery<R> = { ...compiled, parameters };
    return db.executeQuery<R>(query);
  }

  return {
    execute,
    rows: async (db, params) => (await execute(db, params)).rows,
    first: async (db, params) => (await execute(db, params)).rows[0],
  };
}
