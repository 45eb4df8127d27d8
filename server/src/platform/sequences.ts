import { sql } from 'kysely';
import type { Executor } from './db.ts';
import { compiledStatement } from './compiled-statements.ts';

// Compiled once: every case number comes from it (platform/compiled-statements.ts).
const upsertNext = compiledStatement((db, p: { tenantId: string; name: string }) =>
  db
    .insertInto('sequences')
    .values({ tenant_id: p.tenantId, name: p.name, value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doUpdateSet({ value: sql`sequences.value + 1` }))
    .returning('value'),
);

/**
 * Human-facing sequence numbers (case numbers, later permit and enforcement numbers): one atomic upsert, so 50
 * concurrent creators never get the same number on SQLite or PostgreSQL.
 */
export async function nextSequence(db: Executor, tenantId: string, name: string): Promise<number> {
  const row = await upsertNext.first(db, { tenantId, name });
  if (!row) throw new Error(`sequence ${name} answered no row`);
  return Number(row.value);
}

/**
 * Reserves `count` numbers of one sequence at once and answers the first (a bulk load numbers its rows from it);
 * creators running meanwhile get the numbers after the block.
 */
export async function reserveSequence(db: Executor, tenantId: string, name: string, count: number): Promise<number> {
  const row = await db
    .insertInto('sequences')
    .values({ tenant_id: tenantId, name, value: count })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doUpdateSet({ value: sql`sequences.value + ${count}` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value) - count + 1;
}
