import { sql, type Kysely } from 'kysely';

/**
 * 案卷 month batches (docs/dossier.md, "Month batch"): a batch is a persistent job under a lease like an import job,
 * and each case's PDF is stored as it is printed, so a run that stops resumes after the last case printed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossier_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'downloaded')`),
    )
    .addColumn('case_ids', 'text')
    .addColumn('cases_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cases_total', 'integer')
    .addColumn('file_bytes', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_status', 'integer')
    .addColumn('error_details', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('downloaded_at', 'text')
    .execute();
  await db.schema.createIndex('dossier_batches_status').on('dossier_batches').columns(['status', 'created_at']).execute();
  await db.schema
    .createIndex('dossier_batches_creator')
    .on('dossier_batches')
    .columns(['tenant_id', 'created_by', 'created_at'])
    .execute();

  await db.schema
    .createTable('dossier_batch_files')
    .addColumn('batch_id', 'text', (c) => c.notNull().references('dossier_batches.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('pdf', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_batch_files_pk', ['batch_id', 'seq'])
    .execute();
}
