import { Type, type Static } from 'typebox';
import { ADMIN_CODE_PATTERN, PASSWORD_MIN_LENGTH } from '../domain/org.ts';
import { Nullable } from './common.ts';

export const LoginBody = Type.Object({
  tenantCode: Type.Optional(Type.String({ pattern: ADMIN_CODE_PATTERN })),
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const GrantView = Type.Object({
  role: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
});
export type GrantView = Static<typeof GrantView>;

export const Me = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    tenantId: Type.String(),
    tenantCode: Type.String(),
    tenantName: Type.String(),
    /** the city's IANA time zone: every date a person reads is in it, whatever the browser's zone */
    tenantTimezone: Type.String(),
    unitId: Nullable(Type.String()),
    mustChangePassword: Type.Boolean(),
  }),
  grants: Type.Array(GrantView),
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
});
export type Me = Static<typeof Me>;

/** The demo city's accounts, offered on the sign-in page only while the server seeds the demo city (SEED_DEMO). */
export const SignInHints = Type.Object({
  demo: Nullable(
    Type.Object({
      tenantCode: Type.String(),
      accounts: Type.Array(Type.Object({ username: Type.String(), role: Type.String(), password: Type.String() })),
    }),
  ),
});
export type SignInHints = Static<typeof SignInHints>;

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
