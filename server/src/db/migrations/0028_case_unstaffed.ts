import type { Kysely } from 'kysely';

/**
 * 单位无人处置: the SLA sweep marks a handling case whose unit has no active handler (docs/standards.md, "Abnormal
 * flows"), so the inbox can show it to the dispatcher. The index on (status, unit_id) lets the sweep find the units
 * that hold handling cases without reading every case; the one on the mark finds the marked cases to clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('unstaffed_since', 'text').execute();
  await db.schema.createIndex('cases_status_unit').on('cases').columns(['status', 'unit_id']).execute();
  await db.schema.createIndex('cases_unstaffed').on('cases').columns(['unstaffed_since']).execute();
}
