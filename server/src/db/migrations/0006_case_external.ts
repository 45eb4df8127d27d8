import type { Kysely } from 'kysely';

/**
 * Cases from outside the bureau (issue 5): citizens (市民随手拍, Open311) and partner systems (12345, 民情通, 信访).
 * A citizen tracks a case with a private token (only its sha256 is kept); satisfaction and reopening are recorded
 * on the case because the KPIs count them (cn-standards.md §4.2 满意率, §6 回访).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const columns: [string, 'text' | 'integer'][] = [
    ['external_no', 'text'],
    ['public_token_hash', 'text'],
    ['reporter_email', 'text'],
    ['device_id', 'text'],
    ['satisfaction', 'text'],
    ['satisfaction_source', 'text'],
    ['satisfaction_at', 'text'],
    ['reopened_at', 'text'],
  ];
  for (const [name, type] of columns) await db.schema.alterTable('cases').addColumn(name, type).execute();
  await db.schema.alterTable('cases').addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('cases_public_token').on('cases').column('public_token_hash').unique().execute();
  await db.schema.createIndex('cases_external_no').on('cases').columns(['tenant_id', 'external_no']).execute();
  await db.schema.createIndex('cases_updated').on('cases').columns(['tenant_id', 'updated_at']).execute();
}
