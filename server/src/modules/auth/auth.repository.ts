import type { Executor } from '../../platform/db.ts';
import type { SessionsTable } from '../../db/schema.ts';
import { forgetCachedSessions } from './session-cache.ts';

/** The sessions, for a query of the account directory that joins the session's user (`sessions as s`). */
export function sessionRows(db: Executor) {
  return db.selectFrom('sessions as s');
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
  forgetCachedSessions();
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Executor, userId: string, exceptId?: string) {
  forgetCachedSessions();
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Executor, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
