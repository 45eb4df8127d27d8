import type { Kysely } from 'kysely';

/**
 * Report-up by HTTP push and the monthly statistics (docs/federation.md, "Report-up"): the tenant's report-up settings
 * (mode, the higher platform's endpoint, its bearer token and HMAC secret stored only encrypted), a watermark per
 * channel and kind with its retry state, and the log of runs an administrator reads back.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fed_report_config')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    /** 'file' (the daily drop only, the default), 'push', or 'both' */
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('endpoint', 'text')
    .addColumn('token_cipher', 'text')
    .addColumn('hmac_cipher', 'text')
    .addColumn('batch_size', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('fed_report_cursors')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    /** 'file' or 'push' */
    .addColumn('channel', 'text', (c) => c.notNull())
    /** 'day' (case records) or 'month' (statistics) */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** the last complete day (YYYY-MM-DD) or month (YYYY-MM) delivered */
    .addColumn('last', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fed_report_cursors_pk', ['tenant_id', 'channel', 'kind'])
    .execute();

  await db.schema
    .createTable('fed_report_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** the day or month the run covered */
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fed_report_runs_list').on('fed_report_runs').columns(['tenant_id', 'at']).execute();
}
