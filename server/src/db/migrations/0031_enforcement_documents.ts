import { type Kysely } from 'kysely';

/**
 * Documents of enforcement cases and the 执法全过程记录 (docs/enforcement.md, "Documents", "Record chain", "Bundle"):
 * the tenant's document templates (title, body with placeholders, 文号 pattern), the issued documents with the
 * SHA-256 of each generated file, the per-case hash chain over every step, evidence item and document, and the
 * tenant's Ed25519 signing key for bundles (the private half only encrypted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_doc_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // e.g. 大城管责改字〔{year}〕第{n}号
    .addColumn('number_pattern', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('enforcement_doc_templates_kind')
    .on('enforcement_doc_templates')
    .columns(['tenant_id', 'kind'])
    .unique()
    .execute();

  await db.schema
    .createTable('enforcement_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
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
    .createIndex('enforcement_documents_no')
    .on('enforcement_documents')
    .columns(['tenant_id', 'doc_no'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_documents_case')
    .on('enforcement_documents')
    .columns(['case_id', 'kind'])
    .execute();

  await db.schema
    .createTable('enforcement_chain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('enforcement_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // step | evidence | document
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('mac', 'text', (c) => c.notNull())
    .execute();
  // One link per position and one per recorded thing: a second writer at the same position fails instead of forking.
  await db.schema
    .createIndex('enforcement_chain_seq')
    .on('enforcement_chain')
    .columns(['case_id', 'seq'])
    .unique()
    .execute();
  await db.schema
    .createIndex('enforcement_chain_ref')
    .on('enforcement_chain')
    .columns(['case_id', 'kind', 'ref_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('enforcement_signing_keys')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('private_key_cipher', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
