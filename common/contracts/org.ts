import { Type, type Static } from 'typebox';
import { REGION_KINDS, UNIT_KINDS, USERNAME_PATTERN, PHONE_PATTERN, PASSWORD_MIN_LENGTH } from '../domain/org.ts';
import { ROLES } from '../domain/roles.ts';
import { Nullable, PageQuery, Literals } from './common.ts';

export const RegionKind = Literals(REGION_KINDS);
export const UnitKind = Literals(UNIT_KINDS);
export const RoleName = Literals(ROLES);

export const Region = Type.Object({
  id: Type.String(),
  code: Type.String(),
  fullCode: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  parentId: Nullable(Type.String()),
  parentName: Nullable(Type.String()),
  synthetic: Type.Boolean(),
  updatedAt: Type.String(),
});
export type Region = Static<typeof Region>;

export const RegionCreate = Type.Object({
  code: Type.String({ pattern: '^[0-9]{3}$', description: '3-digit code under the parent (street 3, community 3)' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: RegionKind,
  parentId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
});
export type RegionCreate = Static<typeof RegionCreate>;
export const RegionUpdate = Type.Partial(Type.Object({ name: Type.String({ minLength: 1, maxLength: 60 }) }));
export type RegionUpdate = Static<typeof RegionUpdate>;

export const RegionQuery = Type.Intersect([
  PageQuery,
  Type.Object({ kind: Type.Optional(RegionKind), parentId: Type.Optional(Type.String()) }),
]);
export type RegionQuery = Static<typeof RegionQuery>;

export const Unit = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  parentId: Nullable(Type.String()),
  parentName: Nullable(Type.String()),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  active: Type.Boolean(),
  synthetic: Type.Boolean(),
  updatedAt: Type.String(),
  /** active users who can handle the unit's cases (unit handlers and managers); 0 warns the dispatcher */
  activeHandlers: Type.Integer({ minimum: 0 }),
});
export type Unit = Static<typeof Unit>;

export const UnitCreate = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$' }),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  kind: UnitKind,
  parentId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  regionId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  phone: Type.Optional(Nullable(Type.String({ pattern: '^[0-9-]{5,20}$' }))),
});
export type UnitCreate = Static<typeof UnitCreate>;
export const UnitUpdate = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 60 }),
    kind: UnitKind,
    parentId: Nullable(Type.String({ minLength: 1 })),
    regionId: Nullable(Type.String({ minLength: 1 })),
    phone: Nullable(Type.String({ pattern: '^[0-9-]{5,20}$' })),
    active: Type.Boolean(),
  }),
);
export type UnitUpdate = Static<typeof UnitUpdate>;
export const UnitQuery = Type.Intersect([
  PageQuery,
  Type.Object({ kind: Type.Optional(UnitKind), active: Type.Optional(Type.Boolean()) }),
]);
export type UnitQuery = Static<typeof UnitQuery>;

export const GrantInput = Type.Object({
  role: RoleName,
  unitId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  regionId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
});
export type GrantInput = Static<typeof GrantInput>;

export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  phone: Nullable(Type.String({ description: 'masked in lists' })),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  active: Type.Boolean(),
  locked: Type.Boolean(),
  synthetic: Type.Boolean(),
  grants: Type.Array(
    Type.Object({
      role: Type.String(),
      unitId: Nullable(Type.String()),
      unitName: Nullable(Type.String()),
      regionId: Nullable(Type.String()),
      regionName: Nullable(Type.String()),
    }),
  ),
  lastLoginAt: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type User = Static<typeof User>;

export const UserCreate = Type.Object({
  username: Type.String({ pattern: USERNAME_PATTERN }),
  displayName: Type.String({ minLength: 1, maxLength: 40 }),
  password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 }),
  phone: Type.Optional(Nullable(Type.String({ pattern: PHONE_PATTERN }))),
  unitId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  grants: Type.Array(GrantInput, { minItems: 1, maxItems: 20 }),
});
export type UserCreate = Static<typeof UserCreate>;
export const UserUpdate = Type.Partial(
  Type.Object({
    displayName: Type.String({ minLength: 1, maxLength: 40 }),
    phone: Nullable(Type.String({ pattern: PHONE_PATTERN })),
    unitId: Nullable(Type.String({ minLength: 1 })),
    active: Type.Boolean(),
    grants: Type.Array(GrantInput, { minItems: 1, maxItems: 20 }),
  }),
);
export type UserUpdate = Static<typeof UserUpdate>;
export const ResetPasswordBody = Type.Object({
  password: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 }),
});
export type ResetPasswordBody = Static<typeof ResetPasswordBody>;
export const UserQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    unitId: Type.Optional(Type.String()),
    role: Type.Optional(RoleName),
    active: Type.Optional(Type.Boolean()),
  }),
]);
export type UserQuery = Static<typeof UserQuery>;

export const AuditEntry = Type.Object({
  id: Type.String(),
  at: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  /** what the row names the object by (its name, display name or code at the time), null when it has none */
  entityName: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Nullable(Type.String()),
});
export type AuditEntry = Static<typeof AuditEntry>;
export const AuditQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    entity: Type.Optional(Type.String({ maxLength: 64 })),
    entityId: Type.Optional(Type.String({ maxLength: 128 })),
    actorId: Type.Optional(Type.String({ maxLength: 64 })),
    action: Type.Optional(Type.String({ maxLength: 64 })),
    /** from this instant (inclusive) */
    from: Type.Optional(Type.String({ format: 'date-time' })),
    /** before this instant (exclusive) */
    to: Type.Optional(Type.String({ format: 'date-time' })),
  }),
]);
export type AuditQuery = Static<typeof AuditQuery>;

export const Tenant = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  timezone: Type.String(),
});
export type Tenant = Static<typeof Tenant>;
