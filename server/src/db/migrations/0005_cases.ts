import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The closed loop (issue 4): cases, their timeline (hash-chained per case), approval requests, photos, routing
 * rules, warnings raised by the SLA sweep, human-number sequences, idempotency keys and job locks.
 * Deadlines are columns swept by the scheduler, never in-memory timers (DESIGN.md §2).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.notNull())
    .addColumn('component_code', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('grid_code', 'text')
    .addColumn('community_id', 'text', (c) => c.references('regions.id'))
    .addColumn('street_id', 'text', (c) => c.references('regions.id'))
    .addColumn('reporter_id', 'text', (c) => c.references('users.id'))
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('filing_condition_id', 'text')
    .addColumn('filing_condition', 'text')
    .addColumn('handling_limit_value', 'double precision')
    .addColumn('handling_limit_unit', 'text')
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('handler_id', 'text', (c) => c.references('users.id'))
    .addColumn('task_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('parent_id', 'text', (c) => c.references('cases.id'))
    .addColumn('step_limit_value', 'double precision')
    .addColumn('step_limit_unit', 'text')
    .addColumn('step_started_at', 'text')
    .addColumn('step_deadline', 'text')
    .addColumn('step_warn_at', 'text')
    .addColumn('step_warned', 'text')
    .addColumn('handling_deadline', 'text')
    .addColumn('handling_remaining_ms', 'double precision')
    .addColumn('suspended_until', 'text')
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('suspension_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rework_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('self_handled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pending_request', 'text')
    .addColumn('close_type', 'text')
    .addColumn('void_reason', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_tenant_case_no', ['tenant_id', 'case_no'])
    .execute();
  // One index per inbox query shape: status (+unit) ordered by deadline; overdue sweep; duplicates by time.
  await db.schema.createIndex('cases_inbox').on('cases').columns(['tenant_id', 'status', 'step_deadline']).execute();
  await db.schema.createIndex('cases_unit_inbox').on('cases').columns(['tenant_id', 'unit_id', 'status', 'step_deadline']).execute();
  await db.schema.createIndex('cases_sweep').on('cases').columns(['step_deadline']).execute();
  await db.schema.createIndex('cases_warn_sweep').on('cases').columns(['step_warn_at']).execute();
  await db.schema.createIndex('cases_resume_sweep').on('cases').columns(['suspended_until']).execute();
  await db.schema.createIndex('cases_reported').on('cases').columns(['tenant_id', 'reported_at']).execute();
  await db.schema.createIndex('cases_matter_time').on('cases').columns(['tenant_id', 'matter_code', 'reported_at']).execute();
  await db.schema.createIndex('cases_parent').on('cases').columns(['parent_id']).execute();

  if (isPg) {
    // The extension lives in public so every schema (one per test file, or the app's) finds its operator class.
    await sql`create extension if not exists pg_trgm schema public`.execute(db);
    await sql`create index cases_search_trgm on cases using gin (search_text public.gin_trgm_ops)`.execute(db);
  } else {
    // Chinese substring search for terms of 3+ characters (stack-notes §1); shorter terms fall back to LIKE.
    await sql`create virtual table cases_fts using fts5(case_id unindexed, body, tokenize = 'trigram')`.execute(db);
  }

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('data_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_events_case_seq', ['case_id', 'seq'])
    .execute();

  await db.schema
    .createTable('case_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('return', 'extension', 'suspension')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount_value', 'double precision')
    .addColumn('amount_unit', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('case_requests_case').on('case_requests').columns(['case_id', 'status']).execute();
  await db.schema.createIndex('case_requests_pending').on('case_requests').columns(['tenant_id', 'status', 'kind']).execute();

  await db.schema
    .createTable('case_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('phase', 'text', (c) => c.notNull().check(sql`phase in ('before', 'after', 'check')`))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('thumb_path', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_photos_case').on('case_photos').columns(['case_id']).execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('matter_code', 'text')
    .addColumn('major_code', 'text')
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('routing_rules_tenant').on('routing_rules').columns(['tenant_id', 'matter_code']).execute();

  await db.schema
    .createTable('case_warnings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('yellow', 'red', 'resumed')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('case_warnings_tenant').on('case_warnings').columns(['tenant_id', 'at']).execute();

  // The outbox of notices to people (merged reporters, later SMS to citizens): written in the case transaction,
  // delivered by a gateway that marks sent_at.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('phone', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['tenant_id', 'user_id', 'created_at']).execute();

  await db.schema
    .createTable('sequences')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sequences_pk', ['tenant_id', 'name'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'key'])
    .execute();

  await db.schema
    .createTable('job_locks')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .execute();
}
