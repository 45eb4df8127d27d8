import { sql, type Kysely } from 'kysely';

/**
 * 行政审批 (docs/approvals.md): the tenant's application types with their materials checklists and promised
 * limits, the applications through 受理 → 审查 → 补正 → 决定 → 办结, the 补正 requests (the clock paused while they
 * are open), the generic permit record of a granted application and the consultations log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ap_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull().check(sql`promised_days > 0`))
    .addColumn('statutory_days', 'integer', (c) => c.notNull().check(sql`statutory_days > 0`))
    /** JSON array of { code, name, required } */
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ap_types_code', ['tenant_id', 'code'])
    .execute();

  await db.schema
    .createTable('ap_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('application_no', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull().references('ap_types.id'))
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    /** JSON array of the material codes received */
    .addColumn('materials', 'text', (c) => c.notNull())
    /** JSON object of the type-specific facts */
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sqlIn('status', ['accepted', 'reviewing', 'correction', 'decided', 'closed'])),
    )
    .addColumn('accepted_at', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('promised_days', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('paused_ms', 'integer', (c) => c.notNull().defaultTo(0).check(sql`paused_ms >= 0`))
    .addColumn('paused_at', 'text')
    .addColumn('decision', 'text', (c) => c.check(sqlIn('decision', ['grant', 'deny'])))
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('register_kind', 'text')
    .addColumn('register_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ap_applications_no', ['tenant_id', 'application_no'])
    .execute();
  await db.schema
    .createIndex('ap_applications_list')
    .on('ap_applications')
    .columns(['tenant_id', 'accepted_on', 'status'])
    .execute();
  await db.schema
    .createIndex('ap_applications_status')
    .on('ap_applications')
    .columns(['tenant_id', 'status', 'due_at'])
    .execute();

  await db.schema
    .createTable('ap_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('ap_applications.id'))
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('resumed_at', 'text')
    .addColumn('resumed_by', 'text', (c) => c.references('users.id'))
    .addColumn('paused_ms', 'integer')
    .execute();
  await db.schema
    .createIndex('ap_corrections_holder')
    .on('ap_corrections')
    .columns(['application_id', 'requested_at'])
    .execute();

  await db.schema
    .createTable('ap_permits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('application_id', 'text', (c) => c.notNull().references('ap_applications.id'))
    .addColumn('permit_no', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('ap_permits_no', ['tenant_id', 'permit_no'])
    .addUniqueConstraint('ap_permits_application', ['application_id'])
    .execute();

  await db.schema
    .createTable('ap_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sqlIn('channel', ['walk_in', 'phone'])))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('type_id', 'text', (c) => c.references('ap_types.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('consulted_at', 'text', (c) => c.notNull())
    .addColumn('consulted_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ap_consultations_list')
    .on('ap_consultations')
    .columns(['tenant_id', 'consulted_on'])
    .execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
