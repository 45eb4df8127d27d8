import { Type, type Static, type TSchema } from 'typebox';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../domain/paging.ts';

/** The one error shape (docs/conventions.md, "Errors"). */
export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
    requestId: Type.String(),
  }),
});
export type ErrorBody = Static<typeof ErrorBody>;

/** Field-level validation detail: `field` is a dotted path such as `body.username`. */
export const FieldError = Type.Object({ field: Type.String(), message: Type.String(), rule: Type.String() });
export type FieldError = Static<typeof FieldError>;

export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Type.Object({ id: Id });
export type IdParams = Static<typeof IdParams>;

/**
 * Query params with defaults are wrapped in Optional so OpenAPI shows them as optional (TypeBox alone marks a
 * parameter with a default as required).
 */
export const PageQuery = Type.Object({
  // Bounded (found by the route fuzzer): page=1e309 coerced to Infinity passed as an integer → a 500.
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  sort: Type.Optional(Type.String({ maxLength: 40 })),
  order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
});
export type PageQuery = Static<typeof PageQuery>;

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    /** true when there are more than `total` rows (a capped count: show "10,000+"); absent or false = exact */
    totalCapped: Type.Optional(Type.Boolean()),
  });
}

export const Ok = Type.Object({ ok: Type.Boolean() });
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** A closed vocabulary as JSON Schema `enum`; Static gives the literal union (a mapped Union of Literals gives never). */
export const Literals = <V extends string[]>(values: readonly [...V]) => Type.Enum<V>(values);
