/** Identity and access: sessions, passwords, the acting user and permission checks scoped by unit and region. */
export { createAuthService, type AuthService, type AuthAuditTrail } from './auth.service.ts';
export { installAuthHooks, actorOf, SESSION_COOKIE } from './auth.plugin.ts';
export { registerAuthRoutes } from './auth.routes.ts';
export { can, requirePermission, scopeOf, type Actor, type Scope } from './actor.ts';
export { scopeRule, type ScopeColumns, type ScopeRule } from './scope-rule.ts';
export { hashPassword, assertPasswordPolicy } from './password.ts';
export { blockedUsernames, deleteAccountThrottles } from './login-throttle.repository.ts';
export { deleteUserSessions } from './auth.repository.ts';
export { forgetCachedSessions } from './session-cache.ts';
export type { AccountDirectory, GrantWithNames } from './account-directory.ts';
export { registerScope, reaches } from './register-scope.ts';
