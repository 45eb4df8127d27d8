import { sql, type Kysely } from 'kysely';

/**
 * The enforcement lead intake (docs/enforcement-leads.md): 线索 that other modules hand over (a muck truck's
 * finding, a camera event), each waiting 待研判 until 立案 opens an enforcement case from it or 不予立案 records why
 * not. One lead per source record, so a module that submits again changes nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('enforcement_leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('lead_no', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('vehicles', 'vision')`))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('violation_code', 'text')
    .addColumn('place', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'filed', 'declined')`))
    .addColumn('reason', 'text')
    .addColumn('case_id', 'text', (c) => c.references('enforcement_cases.id'))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('enforcement_leads_no', ['tenant_id', 'lead_no'])
    .addUniqueConstraint('enforcement_leads_source', ['tenant_id', 'source', 'source_id'])
    .execute();
  await db.schema
    .createIndex('enforcement_leads_list')
    .on('enforcement_leads')
    .columns(['tenant_id', 'status', 'created_at'])
    .execute();
}
