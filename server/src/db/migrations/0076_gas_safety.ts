import { sql, type Kysely } from 'kysely';

/**
 * 燃气安全 (docs/gas-safety.md): the safety checks, the hazards they find with rectification and re-inspection, and
 * the household 三件套 installed per community with the year's targets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('gas_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('check_no', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('bureau', 'superior')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('team', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('gas_checks_no', ['tenant_id', 'check_no'])
    .execute();
  await db.schema.createIndex('gas_checks_day').on('gas_checks').columns(['tenant_id', 'checked_on']).execute();

  await db.schema
    .createTable('gas_hazards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('hazard_no', 'text', (c) => c.notNull())
    .addColumn('check_id', 'text', (c) => c.notNull().references('gas_checks.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('bureau', 'superior')`))
    .addColumn('asset_id', 'text', (c) => c.references('assets.id'))
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('general', 'major')`))
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'rectified', 'closed')`))
    .addColumn('rectified_on', 'text')
    .addColumn('rectify_note', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('reinspections', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reinspect_note', 'text')
    .addColumn('reinspected_by_name', 'text')
    .addColumn('photo_ids', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('gas_hazards_no', ['tenant_id', 'hazard_no'])
    .execute();
  await db.schema.createIndex('gas_hazards_found').on('gas_hazards').columns(['tenant_id', 'found_on']).execute();
  await db.schema
    .createIndex('gas_hazards_due')
    .on('gas_hazards')
    .columns(['tenant_id', 'status', 'deadline'])
    .execute();
  await db.schema.createIndex('gas_hazards_closed').on('gas_hazards').columns(['tenant_id', 'closed_on']).execute();
  await db.schema.createIndex('gas_hazards_check').on('gas_hazards').columns(['check_id']).execute();

  await db.schema
    .createTable('gas_installs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('alarm', 'valve', 'hose')`))
    .addColumn('households', 'integer', (c) => c.notNull().check(sql`households > 0`))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gas_installs_day').on('gas_installs').columns(['tenant_id', 'on_date']).execute();

  await db.schema
    .createTable('gas_install_targets')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('alarm', 'valve', 'hose')`))
    .addColumn('households', 'integer', (c) => c.notNull().check(sql`households >= 0`))
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('gas_install_targets_pk', ['tenant_id', 'year', 'region_id', 'kind'])
    .execute();
}
