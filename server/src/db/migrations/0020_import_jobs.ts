import { sql, type Kysely } from 'kysely';

/**
 * Imports run as jobs off the request (docs/imports.md): the request stores the upload here and answers 202; a
 * runner parses, checks and writes it, reporting progress on the row. The upload is kept (base64 text, portable to
 * both databases) until the job ends, so a job whose runner died is taken up again after a restart.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`))
    // the import's own options as JSON (source, mode, crs, level, file name)
    .addColumn('params', 'text', (c) => c.notNull())
    // the uploaded bytes as base64; null once the job has ended
    .addColumn('payload', 'text')
    .addColumn('payload_bytes', 'integer', (c) => c.notNull())
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    // null until known (a sheet's own row count, or the rows read)
    .addColumn('rows_total', 'integer')
    // the import's result as JSON (the shape the import has always returned)
    .addColumn('result', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_status', 'integer')
    // field/row-level messages as JSON
    .addColumn('error_details', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // the runner holding the job and until when: an expired lease on a running job means its runner died
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('import_jobs_tenant_kind').on('import_jobs').columns(['tenant_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('import_jobs_pending').on('import_jobs').columns(['status', 'lease_until']).execute();
  await db.schema.createIndex('import_jobs_key').on('import_jobs').columns(['tenant_id', 'created_by', 'kind', 'idempotency_key']).unique().execute();
}
