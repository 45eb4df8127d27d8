import { sql, type Kysely } from 'kysely';

/**
 * 年度工作总结 (docs/yearbook.md): one document per tenant and year, and its sections in the bureau's structure
 * (一、工作总结 with its numbered subsections; 二、存在问题; 三、工作计划). A section's body is prose with figure
 * placeholders (`{{approvals.accepted|2023}}`), resolved when read, so no number is stored in it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('yb_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year >= 2000 and year <= 2100`))
    .addColumn('title', 'text', (c) => c.notNull())
    /** 发文机关 as printed above the title and at the signature */
    .addColumn('issuer', 'text', (c) => c.notNull())
    /** the date line (成文日期), a calendar date; null until the document is signed off */
    .addColumn('issued_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('yb_documents_year', ['tenant_id', 'year'])
    .execute();

  await db.schema
    .createTable('yb_sections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('yb_documents.id'))
    .addColumn('part', 'text', (c) => c.notNull().check(sql`part in ('summary', 'problems', 'plan')`))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('yb_sections_document')
    .on('yb_sections')
    .columns(['document_id', 'part', 'position'])
    .execute();
}
