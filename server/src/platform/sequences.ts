import { sql } from 'kysely';
import type { Executor } from './db.ts';

/**
 * Human-facing sequence numbers (case numbers, later permit and enforcement numbers): one atomic upsert, so 50
 * concurrent creators never get the same number on SQLite or PostgreSQL.
 */
export async function nextSequence(db: Executor, tenantId: string, name: string): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ tenant_id: tenantId, name, value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doUpdateSet({ value: sql`sequences.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
