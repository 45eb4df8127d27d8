import type { Kysely } from 'kysely';

/**
 * Documents the enforcement module issues for a 查违控违 site rather than a case (the 停工通知书 of a site with no
 * case yet), numbered from the same per-kind sequence as a case's documents, and the link from the site's stop-notice
 * record to its document; the day the 催告书 was served on a party, which the court application waits on
 * (docs/enforcement.md, "Court enforcement").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_site_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('template_version', 'integer', (c) => c.notNull())
    .addColumn('docx_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_site_documents_no')
    .on('enforcement_site_documents')
    .columns(['tenant_id', 'doc_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_site_documents_subject')
    .on('enforcement_site_documents')
    .columns(['subject', 'subject_id'])
    .execute();
  await db.schema.alterTable('ic_stop_notices').addColumn('document_id', 'text').execute();
  await db.schema.alterTable('enforcement_cases').addColumn('demand_served_on', 'text').execute();
}
