import { sql, type Kysely } from 'kysely';

/**
 * 门前三包 (docs/frontage.md): responsibility agreements with shops (a street or township of the tenant, the area in
 * front of the shop, the signing date), scored inspections, the monthly red and black lists as published, the
 * 城管体验岗 volunteers signed up on the citizen page and their shifts, and the 商街自治 committees with their
 * self-inspection reports.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fr_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('agreement_no', 'text', (c) => c.notNull())
    .addColumn('shop_name', 'text', (c) => c.notNull())
    .addColumn('credit_code', 'text')
    .addColumn('shop_key', 'text', (c) => c.notNull())
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('operator_phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('area', 'text')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['active', 'terminated'])))
    .addColumn('terminated_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('fr_agreements_period', sql`period_to >= period_from`)
    .addUniqueConstraint('fr_agreements_no', ['tenant_id', 'agreement_no'])
    // the last line behind the service's overlap check: the same shop cannot start two agreements on one day
    .addUniqueConstraint('fr_agreements_shop_start', ['tenant_id', 'shop_key', 'period_from'])
    .execute();
  await db.schema
    .createIndex('fr_agreements_list')
    .on('fr_agreements')
    .columns(['tenant_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('fr_agreements_region')
    .on('fr_agreements')
    .columns(['tenant_id', 'region_id', 'signed_on'])
    .execute();
  await db.schema.createIndex('fr_agreements_signed').on('fr_agreements').columns(['tenant_id', 'signed_on']).execute();
  await db.schema.createIndex('fr_agreements_shop').on('fr_agreements').columns(['tenant_id', 'shop_key']).execute();

  await db.schema
    .createTable('fr_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('fr_agreements.id'))
    .addColumn('inspected_on', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score >= 0 and score <= 100`))
    .addColumn('findings', 'text')
    .addColumn('rectify_by', 'text')
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fr_inspections_list')
    .on('fr_inspections')
    .columns(['tenant_id', 'inspected_on'])
    .execute();
  await db.schema
    .createIndex('fr_inspections_agreement')
    .on('fr_inspections')
    .columns(['agreement_id', 'inspected_on'])
    .execute();

  await db.schema
    .createTable('fr_publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull().references('users.id'))
    .addUniqueConstraint('fr_publications_month', ['tenant_id', 'month'])
    .execute();

  await db.schema
    .createTable('fr_list_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('publication_id', 'text', (c) => c.notNull().references('fr_publications.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['red', 'black'])))
    .addColumn('rank', 'integer', (c) => c.notNull().check(sql`rank > 0`))
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('fr_agreements.id'))
    .addColumn('shop_name', 'text', (c) => c.notNull())
    .addColumn('average_x10', 'integer', (c) => c.notNull())
    .addColumn('inspections', 'integer', (c) => c.notNull())
    .addUniqueConstraint('fr_list_entries_shop', ['publication_id', 'agreement_id'])
    .execute();
  await db.schema
    .createIndex('fr_list_entries_list')
    .on('fr_list_entries')
    .columns(['publication_id', 'kind', 'rank'])
    .execute();

  await db.schema
    .createTable('fr_volunteers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('volunteer_no', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['applied', 'active', 'withdrawn'])))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fr_volunteers_no', ['tenant_id', 'volunteer_no'])
    // one sign-up per phone number (docs/frontage.md, "城管体验岗")
    .addUniqueConstraint('fr_volunteers_phone', ['tenant_id', 'phone'])
    .execute();
  await db.schema
    .createIndex('fr_volunteers_list')
    .on('fr_volunteers')
    .columns(['tenant_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('fr_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('fr_volunteers.id'))
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sqlIn('status', ['scheduled', 'served', 'absent'])))
    .addColumn('minutes_served', 'integer', (c) => c.notNull().defaultTo(0).check(sql`minutes_served >= 0`))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('fr_shifts_order', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('fr_shifts_list').on('fr_shifts').columns(['tenant_id', 'starts_at']).execute();
  await db.schema
    .createIndex('fr_shifts_volunteer')
    .on('fr_shifts')
    .columns(['volunteer_id', 'status', 'starts_at'])
    .execute();

  await db.schema
    .createTable('fr_committees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street_name', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('chair_phone', 'text', (c) => c.notNull())
    .addColumn('shop_count', 'integer', (c) => c.notNull().check(sql`shop_count > 0`))
    .addColumn('founded_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fr_committees_name', ['tenant_id', 'name'])
    .execute();
  await db.schema
    .createIndex('fr_committees_list')
    .on('fr_committees')
    .columns(['tenant_id', 'region_id', 'founded_on'])
    .execute();

  await db.schema
    .createTable('fr_self_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('committee_id', 'text', (c) => c.notNull().references('fr_committees.id'))
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('shops_checked', 'integer', (c) => c.notNull().check(sql`shops_checked >= 0`))
    .addColumn('problems_found', 'integer', (c) => c.notNull().check(sql`problems_found >= 0`))
    .addColumn('problems_fixed', 'integer', (c) => c.notNull().check(sql`problems_fixed >= 0`))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('fr_self_reports_fixed', sql`problems_fixed <= problems_found`)
    .execute();
  await db.schema
    .createIndex('fr_self_reports_list')
    .on('fr_self_reports')
    .columns(['tenant_id', 'reported_on'])
    .execute();
  await db.schema
    .createIndex('fr_self_reports_committee')
    .on('fr_self_reports')
    .columns(['committee_id', 'reported_on'])
    .execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
