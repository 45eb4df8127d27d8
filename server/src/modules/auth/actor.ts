import { ROLE_PERMISSIONS, type Grant, type Permission } from '../../../../common/domain/roles.ts';
import { forbidden } from '../../platform/errors.ts';

/** Who is acting: resolved once per request from the session, passed first to every service call. */
export interface Actor {
  userId: string;
  tenantId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  grants: readonly Grant[];
  permissions: ReadonlySet<Permission>;
  requestId: string;
}

/** Where a record sits, for scoped checks. `regionPath` is the record's region path ('/street/community/'). */
export interface Scope {
  unitId?: string | null;
  regionPath?: string | null;
}

function grantCovers(grant: Grant, scope: Scope | undefined): boolean {
  if (!scope) return true;
  if (grant.unitId && scope.unitId !== undefined && grant.unitId !== scope.unitId) return false;
  if (grant.regionId && scope.regionPath !== undefined) {
    if (!scope.regionPath || !scope.regionPath.includes(`/${grant.regionId}/`)) return false;
  }
  return true;
}

/** True when some grant of the actor carries the verb and covers the scope (a street grant covers its communities). */
export function can(actor: Actor, permission: Permission, scope?: Scope): boolean {
  return actor.grants.some((g) => ROLE_PERMISSIONS[g.role].includes(permission) && grantCovers(g, scope));
}

export function requirePermission(actor: Actor, permission: Permission, scope?: Scope): void {
  if (!can(actor, permission, scope)) throw forbidden(permission);
}

/** For list queries: the unit and region restrictions of the grants that carry a verb (`all` = unrestricted). */
export function scopeOf(
  actor: Actor,
  permission: Permission,
): { all: boolean; unitIds: string[]; regionIds: string[] } {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  const all = grants.some((g) => !g.unitId && !g.regionId);
  return {
    all,
    unitIds: [...new Set(grants.flatMap((g) => (g.unitId ? [g.unitId] : [])))],
    regionIds: [...new Set(grants.flatMap((g) => (g.regionId ? [g.regionId] : [])))],
  };
}
