import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * 12345 / 民情通 / 阳光信访 work orders (issue 5; cn-standards.md §6): one row per external work order, unique per
 * (tenant, source, external number) so a resent order is never registered twice; the 签收 deadline is a column
 * swept by the scheduler (DESIGN.md §2). Webhook secrets are kept hashed; replies go through an outbox table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('hotline_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('12345', 'minqingtong', 'petition')`))
    .addColumn('external_no', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text')
    .addColumn('requester_phone', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('normal', 'urgent', 'emergency')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending_sign', 'signed', 'converted', 'replied', 'closed', 'returned')`))
    .addColumn('received_via', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('sign_deadline', 'text', (c) => c.notNull())
    .addColumn('sign_overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_at', 'text')
    .addColumn('signed_by', 'text')
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('returned_at', 'text')
    .addColumn('case_id', 'text', (c) => c.references('cases.id'))
    .addColumn('converted_at', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('revisit_note', 'text')
    .addColumn('revisit_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hotline_orders_external', ['tenant_id', 'source', 'external_no'])
    .execute();
  // The list's shapes: by received time (default), by status, by source, each sort column; the 签收 sweep; the case link.
  await db.schema.createIndex('hotline_orders_received').on('hotline_orders').columns(['tenant_id', 'received_at']).execute();
  await db.schema.createIndex('hotline_orders_status').on('hotline_orders').columns(['tenant_id', 'status', 'received_at']).execute();
  await db.schema.createIndex('hotline_orders_source').on('hotline_orders').columns(['tenant_id', 'source', 'received_at']).execute();
  await db.schema.createIndex('hotline_orders_sign_sweep').on('hotline_orders').columns(['status', 'sign_overdue', 'sign_deadline']).execute();
  await db.schema.createIndex('hotline_orders_due').on('hotline_orders').columns(['tenant_id', 'due_at']).execute();
  await db.schema.createIndex('hotline_orders_sign').on('hotline_orders').columns(['tenant_id', 'sign_deadline']).execute();
  await db.schema.createIndex('hotline_orders_no').on('hotline_orders').columns(['tenant_id', 'external_no']).execute();
  await db.schema.createIndex('hotline_orders_case').on('hotline_orders').columns(['case_id']).execute();
  if (isPg) {
    // Chinese substring search (DESIGN.md §4 Search); pg_trgm is created by 0005 in public.
    await sql`create index hotline_orders_search_trgm on hotline_orders using gin (search_text public.gin_trgm_ops)`.execute(db);
  }

  await db.schema
    .createTable('hotline_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('hotline_orders.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('hotline_events_order').on('hotline_events').columns(['order_id', 'at']).execute();

  await db.schema
    .createTable('hotline_sources')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('secret_hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hotline_sources_pk', ['tenant_id', 'source'])
    .execute();
  await db.schema.createIndex('hotline_sources_secret').on('hotline_sources').columns(['source', 'secret_hash']).unique().execute();

  await db.schema
    .createTable('hotline_pushes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('hotline_orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reply', 'return')`))
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'sent')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('hotline_pushes_order').on('hotline_pushes').columns(['order_id', 'created_at']).execute();
  await db.schema.createIndex('hotline_pushes_pending').on('hotline_pushes').columns(['status', 'created_at']).execute();
}
