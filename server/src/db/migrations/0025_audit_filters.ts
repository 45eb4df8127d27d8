import type { Kysely } from 'kysely';

/**
 * The audit log is filtered by who, by what and by when (docs/security.md, "Reading the audit log"): one index per filter, each
 * in the list's newest-first order, so a page reads only its rows however long the log grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_log_actor')
    .on('audit_log')
    .columns(['tenant_id', 'actor_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_log_action')
    .on('audit_log')
    .columns(['tenant_id', 'action', 'seq'])
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['tenant_id', 'at']).execute();
}
