import type { Executor } from '../../platform/db.ts';
import { orgGeography, tenantColumns } from '../org/index.ts';

/**
 * The city outline and its streets/towns for the citizen's map: public administrative areas only (no grids, no
 * components). Read here rather than through the geo service, whose layer calls are staff-only (org.read).
 */
export async function cityOutline(db: Executor, tenantId: string) {
  return tenantColumns(db, tenantId, ['code', 'name', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat']);
}

/** Streets and towns that have a polygon, in code order (org owns the rows). */
export async function streetShapes(db: Executor, tenantId: string) {
  return orgGeography.regionShapes(db, tenantId, ['street', 'town']);
}

/** The newest code of a case (index public_lookup_codes_case): only the newest one can be used. */
export async function latestCode(db: Executor, tenantId: string, caseId: string) {
  return db
    .selectFrom('public_lookup_codes')
    .select(['id', 'code_hash', 'created_at', 'expires_at', 'attempts', 'used_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertCode(
  db: Executor,
  row: { id: string; tenant_id: string; case_id: string; code_hash: string; created_at: string; expires_at: string },
): Promise<void> {
  await db
    .insertInto('public_lookup_codes')
    .values({ ...row, attempts: 0, used_at: null, access_hash: null, access_expires_at: null })
    .execute();
}

/** Rows of a case that can no longer be used for anything: neither a code nor an access token still valid. */
export async function dropSpentCodes(db: Executor, tenantId: string, caseId: string, nowIso: string): Promise<void> {
  await db
    .deleteFrom('public_lookup_codes')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('expires_at', '<=', nowIso)
    .where((eb) => eb.or([eb('access_expires_at', 'is', null), eb('access_expires_at', '<=', nowIso)]))
    .execute();
}

/**
 * Takes one try of a code, atomically: counted only while the code is unused, unexpired and under the limit, so
 * concurrent guesses on several instances cannot exceed it. False when no try was left.
 */
export async function takeAttempt(db: Executor, id: string, nowIso: string, maxAttempts: number): Promise<boolean> {
  const result = await db
    .updateTable('public_lookup_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks the code used and stores the access token's hash; false if another try used it first (a code works once). */
export async function useCode(
  db: Executor,
  id: string,
  nowIso: string,
  accessHash: string,
  accessExpiresAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('public_lookup_codes')
    .set({ used_at: nowIso, access_hash: accessHash, access_expires_at: accessExpiresAt })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The case an unexpired access token opens (unique index public_lookup_codes_access). */
export async function caseOfAccess(db: Executor, tenantId: string, accessHash: string, nowIso: string) {
  const row = await db
    .selectFrom('public_lookup_codes')
    .select('case_id')
    .where('access_hash', '=', accessHash)
    .where('tenant_id', '=', tenantId)
    .where('access_expires_at', '>', nowIso)
    .executeTakeFirst();
  return row?.case_id ?? null;
}
