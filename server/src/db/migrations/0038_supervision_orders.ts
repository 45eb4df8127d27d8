import { sql, type Kysely } from 'kysely';

/**
 * 督办单 as a document (docs/supervision.md): one row per order on a case, to a target unit, with its level, the
 * reply deadline on the work calendar, the reply with its evidence, and the escalations of an unanswered order.
 * `first_due_at` stays as issued, so 按期回复率 is measured against the deadline the unit was first given.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('supervision_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('street_id', 'text')
    .addColumn('community_id', 'text')
    .addColumn('level', 'text', (c) => c.notNull().check(sqlIn('level', ['general', 'key', 'listed'])))
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['open', 'replied'])))
    .addColumn('issuer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('issuer_name', 'text', (c) => c.notNull())
    .addColumn('target_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('first_due_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_at', 'text')
    .addColumn('reply_text', 'text')
    .addColumn('reply_photo_ids', 'text')
    .addColumn('replied_by', 'text', (c) => c.references('users.id'))
    .addColumn('replied_by_name', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supervision_orders_no', ['tenant_id', 'order_no'])
    .execute();
  await db.schema
    .createIndex('supervision_orders_issued')
    .on('supervision_orders')
    .columns(['tenant_id', 'issued_at'])
    .execute();
  // The sweep reads the open orders past their deadline; the case page reads a case's orders.
  await db.schema
    .createIndex('supervision_orders_due')
    .on('supervision_orders')
    .columns(['status', 'due_at'])
    .execute();
  await db.schema.createIndex('supervision_orders_case').on('supervision_orders').columns(['case_id']).execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
