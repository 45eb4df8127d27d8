import type { Kysely, Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Executor } from './db.ts';

/** The tables whose rows carry `tenant_id`, `id` and an optimistic `version`. */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { tenant_id: string; id: string; version: number } ? T : never;
}[keyof DB];

/**
 * Optimistic concurrency in one statement: applies `patch` and moves the version on only when the row still has the
 * version the caller read. It answers whether the row changed; `false` means someone else wrote first (or the row is
 * gone, or belongs to another tenant), and the caller answers 409 or retries from a fresh read.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  row: { tenantId: string; id: string; version: number },
  patch: Updateable<DB[T]>,
): Promise<boolean> {
  // The table is generic here; the column names are those the constraint above guarantees.
  const q = db as unknown as Kysely<Record<string, { tenant_id: string; id: string; version: number }>>;
  const res = await q
    .updateTable(table as string)
    .set({ ...(patch as object), version: row.version + 1 })
    .where('tenant_id', '=', row.tenantId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
