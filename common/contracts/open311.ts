import { Type, type Static } from 'typebox';
import { Nullable, PageQuery } from './common.ts';

/**
 * Admin API of Open311 client applications (docs/open311.md, "Global rules" and "Conformance checklist" item 8): each partner
 * app (FixMyStreet, a 311 app, the 12345 system) gets its own key and rate limit. The key is shown once, at
 * creation; only its prefix is listed afterwards. The Open311 endpoints themselves (/open311/v2/*) speak the
 * GeoReport formats, not these contracts.
 */
export const OPEN311_DEFAULT_RATE_LIMIT = 60;
export const OPEN311_MAX_RATE_LIMIT = 6000;

const Name = Type.String({ minLength: 1, maxLength: 80 });
const Contact = Type.String({ maxLength: 200 });
const RateLimit = Type.Integer({
  minimum: 1,
  maximum: OPEN311_MAX_RATE_LIMIT,
  description: 'requests per minute with this key',
});

export const ApiClient = Type.Object({
  id: Type.String(),
  name: Type.String(),
  contact: Nullable(Type.String()),
  keyPrefix: Type.String({
    description: 'the first part of the key, to recognise it; the key itself is never shown again',
  }),
  rateLimitPerMinute: Type.Integer(),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type ApiClient = Static<typeof ApiClient>;

export const ApiClientCreated = Type.Intersect([
  ApiClient,
  Type.Object({ apiKey: Type.String({ description: 'shown once' }) }),
]);
export type ApiClientCreated = Static<typeof ApiClientCreated>;

export const ApiClientCreate = Type.Object(
  {
    name: Name,
    contact: Type.Optional(Nullable(Contact)),
    rateLimitPerMinute: Type.Optional(RateLimit),
  },
  { additionalProperties: false },
);
export type ApiClientCreate = Static<typeof ApiClientCreate>;

export const ApiClientUpdate = Type.Object(
  {
    name: Type.Optional(Name),
    contact: Type.Optional(Nullable(Contact)),
    rateLimitPerMinute: Type.Optional(RateLimit),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ApiClientUpdate = Static<typeof ApiClientUpdate>;

export const ApiClientQuery = Type.Pick(PageQuery, ['page', 'pageSize', 'q']);
export type ApiClientQuery = Static<typeof ApiClientQuery>;
