import type { Executor } from '../../platform/db.ts';
import type { SessionsTable } from '../../db/schema.ts';

export async function findTenantByCode(db: Executor, code: string) {
  return db.selectFrom('tenants').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The only tenant, when the installation has exactly one (login may then omit the tenant code). */
export async function soleTenant(db: Executor) {
  const rows = await db.selectFrom('tenants').selectAll().limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export async function findTenant(db: Executor, id: string) {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByUsername(db: Executor, tenantId: string, username: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function findUser(db: Executor, tenantId: string, id: string) {
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

export async function recordSuccess(db: Executor, userId: string, now: string) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function setPassword(
  db: Executor,
  userId: string,
  passwordHash: string,
  mustChange: boolean,
  now: string,
) {
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

export async function insertSession(db: Executor, row: SessionsTable) {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function touchSession(db: Executor, id: string, lastSeen: string, expiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeen, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
