import type { Kysely } from 'kysely';

/**
 * The asset list's filters at a million rows (docs/assets.md, "At scale"): the status filter had no index, so its
 * page and its capped count walked the tenant's whole register; a line filtered list sorted by the last change read
 * the line's entries in code order and sorted them. Each filter now has an index that gives the list's default order
 * (code) or, for the line, the last change, so a page and the count stop after the rows they need.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('assets_status').on('assets').columns(['tenant_id', 'status', 'code']).execute();
  await db.schema
    .createIndex('assets_line_updated')
    .on('assets')
    .columns(['tenant_id', 'line', 'updated_at'])
    .execute();
}
