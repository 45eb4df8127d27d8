import { forgetCachedSessions, type AccountDirectory } from '../auth/index.ts';
import type { Executor } from '../../platform/db.ts';
import { innerJoinUsers, leftJoinUserGrants } from './org-read-model.ts';

/**
 * The accounts auth signs people in with: tenants, users and their grants are org's rows (org creates, edits and
 * disables them), and auth reads and stamps them through these functions, which the composition root hands it as
 * its `AccountDirectory` (auth sits below org: docs/decisions/0008-join-helpers.md).
 */

export function findTenantByCode(db: Executor, code: string) {
  return db.selectFrom('tenants').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The only tenant, when the installation has exactly one (login may then omit the tenant code). */
export async function soleTenant(db: Executor) {
  const rows = await db.selectFrom('tenants').selectAll().limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export function findTenant(db: Executor, id: string) {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Executor, tenantId: string, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findUser(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Grants with the names the console shows, in one query (no N+1). */
export async function grantsWithNames(db: Executor, tenantId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_grants as g')
    .leftJoin('units as u', 'u.id', 'g.unit_id')
    .leftJoin('regions as r', 'r.id', 'g.region_id')
    .select(['g.user_id', 'g.role', 'g.unit_id', 'u.name as unit_name', 'g.region_id', 'r.name as region_name'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.user_id', 'in', userIds)
    .orderBy('g.role')
    .execute();
}

/** A successful sign-in clears the failure count and any lock. */
export async function recordSignIn(db: Executor, userId: string, now: string) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function setUserPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
  now: string,
) {
  forgetCachedSessions();
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      password_changed_at: now,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
}

/** The accounts as auth's `AccountDirectory`, passed to auth by the composition root. */
export const accountDirectory: AccountDirectory = {
  findTenantByCode,
  soleTenant,
  findTenant,
  findUserByUsername,
  findUser,
  grantsWithNames,
  recordSignIn,
  setUserPassword,
  innerJoinUsers,
  leftJoinUserGrants,
};
