import { sql } from 'kysely';
import type { Executor } from '../../platform/db.ts';
import type { LoginThrottlesTable } from '../../db/schema-auth.ts';

export async function findThrottle(db: Executor, id: string) {
  return db.selectFrom('login_throttles').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Counts one failure in a single statement, so parallel attempts cannot slip past the limit by racing a read. */
export async function countFailure(
  db: Executor,
  row: Omit<LoginThrottlesTable, 'failures' | 'level' | 'blocked_until'>,
) {
  return db
    .insertInto('login_throttles')
    .values({ ...row, failures: 1, level: 0, blocked_until: null })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ failures: sql`login_throttles.failures + 1`, updated_at: row.updated_at }),
    )
    .returning(['failures', 'level'])
    .executeTakeFirstOrThrow();
}

/** Starts a block unless a parallel attempt already did (it reset the failures). */
export async function startBlock(
  db: Executor,
  id: string,
  minFailures: number,
  level: number,
  blockedUntil: string,
  now: string,
) {
  await db
    .updateTable('login_throttles')
    .set({ failures: 0, level, blocked_until: blockedUntil, updated_at: now })
    .where('id', '=', id)
    .where('failures', '>=', minFailures)
    .execute();
}

export async function deleteThrottle(db: Executor, id: string) {
  await db.deleteFrom('login_throttles').where('id', '=', id).execute();
}

export async function deleteAccountThrottles(db: Executor, tenantId: string, username: string) {
  await db.deleteFrom('login_throttles').where('tenant_key', '=', tenantId).where('username', '=', username).execute();
}

export async function blockedUsernames(
  db: Executor,
  tenantId: string,
  usernames: readonly string[],
  now: string,
): Promise<Set<string>> {
  if (usernames.length === 0) return new Set();
  const rows = await db
    .selectFrom('login_throttles')
    .select('username')
    .distinct()
    .where('tenant_key', '=', tenantId)
    .where('username', 'in', usernames)
    .where('blocked_until', '>', now)
    .execute();
  return new Set(rows.map((r) => r.username));
}

/** Rows quiet since `before` whose block (if any) is over. */
export async function deleteStaleThrottles(db: Executor, before: string, now: string) {
  await db
    .deleteFrom('login_throttles')
    .where('updated_at', '<', before)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<=', now)]))
    .execute();
}
