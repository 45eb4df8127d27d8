import type { Kysely } from 'kysely';

/**
 * A stable code for a campaign's quantity (docs/campaigns.md, "Figures"): the member of the report's
 * `campaigns.quantity.<code>.reported` figures. Optional; unique within its campaign where set (NULLs do not collide
 * in a unique index on either database).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cp_targets').addColumn('code', 'text').execute();
  await db.schema.createIndex('cp_targets_code').on('cp_targets').columns(['campaign_id', 'code']).unique().execute();
}
