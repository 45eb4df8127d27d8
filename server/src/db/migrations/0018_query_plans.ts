import type { Kysely } from 'kysely';

/**
 * Indexes whose use must not depend on planner statistics (docs/decisions/0006-query-plans-and-statistics.md).
 * Without statistics SQLite guesses that an equality on any indexed column matches about ten rows, so an index
 * led by tenant_id alone looks as good as one on the real key — and reads the whole city. An index that carries
 * tenant_id and the key together is the better match by the planner's own rules, with or without statistics.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Merged children of a case (every case detail): only merged duplicates have a parent, so the index holds
  // just those rows; `parent_id = ?` implies `parent_id is not null` on both databases, so the partial index applies.
  await db.schema.createIndex('cases_tenant_parent').on('cases').columns(['tenant_id', 'parent_id'])
    .where('parent_id', 'is not', null).execute();
  // The single-column index it replaces held a NULL entry for every other case; cases are never deleted, so no
  // foreign-key check needs it either.
  await db.schema.dropIndex('cases_parent').execute();
  // Open311 request rows of a page of cases (`tenant_id = ? and case_id in (…)`).
  await db.schema.createIndex('open311_requests_tenant_case').on('open311_requests').columns(['tenant_id', 'case_id']).execute();
}
