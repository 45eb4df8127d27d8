import { PUBLIC_PHOTO_PHASES } from '../../../../common/domain/public-output.ts';
import type { CasePhotosTable, CasesTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import type { InnerJoinOf } from '../../platform/read-joins.ts';

/** Kysely queries for case photos; every one is scoped by tenant. */

export type PhotoPhase = CasePhotosTable['phase'];

export async function insertPhoto(db: Executor, row: CasePhotosTable): Promise<void> {
  await db.insertInto('case_photos').values(row).execute();
}

export async function findPhoto(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('case_photos')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Of `ids`, those still free to attach: not on any case yet, and uploaded by this uploader (a staff user id, or an external uploader's digest). */
export async function attachableIds(
  db: Executor,
  tenantId: string,
  uploadedBy: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('case_photos')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('uploaded_by', '=', uploadedBy)
    .where('case_id', 'is', null)
    .where('holder', 'is', null)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Guarded by the same conditions as `attachableIds`, so a concurrent attach of the same photo updates nothing. */
export async function attach(
  db: Executor,
  tenantId: string,
  uploadedBy: string,
  caseId: string,
  ids: readonly string[],
  phase: PhotoPhase,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('case_photos')
    .set({ case_id: caseId, phase })
    .where('tenant_id', '=', tenantId)
    .where('uploaded_by', '=', uploadedBy)
    .where('case_id', 'is', null)
    .where('holder', 'is', null)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The public photos (common/domain/public-output.ts) of the given cases, oldest first: id, case and phase. */
export async function publicPhotosOfCases(db: Executor, tenantId: string, caseIds: readonly string[]) {
  return db
    .selectFrom('case_photos')
    .select(['id', 'case_id', 'phase'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .where('phase', 'in', [...PUBLIC_PHOTO_PHASES])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function photosOfCases(db: Executor, tenantId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_photos')
    .select(['id', 'case_id', 'phase', 'width', 'height', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** A public photo (common/domain/public-output.ts) on a non-voided case of one of `channels`, or undefined. */
export async function publicPhoto(
  db: Executor,
  joinCase: InnerJoinOf<CasesTable>,
  tenantId: string,
  id: string,
  channels: readonly string[],
) {
  if (channels.length === 0) return undefined;
  return db
    .selectFrom('case_photos as p')
    .$call((q) => joinCase(q, 'c', { id: 'p.case_id' }))
    .select(['p.id', 'p.sha256', 'p.path', 'p.thumb_path'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.id', '=', id)
    .where('p.phase', 'in', [...PUBLIC_PHOTO_PHASES])
    .where('c.channel', 'in', [...channels])
    .where('c.status', '!=', 'voided')
    .executeTakeFirst();
}

/**
 * Unattached uploads older than `before`, across tenants: the sweep is a system job with no tenant of its own, and
 * each row still carries its tenant for the delete.
 */
export async function staleUnattached(db: Executor, before: string, limit: number) {
  return db
    .selectFrom('case_photos')
    .select(['id', 'tenant_id', 'path', 'thumb_path'])
    .where('case_id', 'is', null)
    .where('holder', 'is', null)
    .where('created_at', '<', before)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}

/** Deletes one upload only if it is still unattached, so an attach racing the sweep keeps its photo. */
export async function deleteUnattached(db: Executor, tenantId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('case_photos')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('case_id', 'is', null)
    .where('holder', 'is', null)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/**
 * Puts the uploader's own free uploads (not on a case, not held) under `holder`; returns the ids it could not hold.
 * Guarded like `attach`, so a concurrent attach or hold of the same photo takes it only once.
 */
export async function hold(
  db: Executor,
  tenantId: string,
  uploadedBy: string,
  holder: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  const free = await db
    .selectFrom('case_photos')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('uploaded_by', '=', uploadedBy)
    .where('case_id', 'is', null)
    .where('holder', 'is', null)
    .where('id', 'in', ids)
    .execute();
  const ok = new Set(free.map((r) => r.id));
  const refused = ids.filter((id) => !ok.has(id));
  if (refused.length) return refused;
  const result = await db
    .updateTable('case_photos')
    .set({ holder })
    .where('tenant_id', '=', tenantId)
    .where('uploaded_by', '=', uploadedBy)
    .where('case_id', 'is', null)
    .where('holder', 'is', null)
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === ids.length ? [] : [...ids];
}
