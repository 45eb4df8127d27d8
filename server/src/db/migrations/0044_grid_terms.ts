import { sql, type Kysely } from 'kysely';

/**
 * The history of responsibility grids (docs/monitor.md, "Per-inspector 漏报"): one row per term of an inspector
 * on a grid, from `valid_from` to `valid_to` (open while in force), so a case counts against whoever was
 * responsible for its grid when it was reported, not whoever holds the grid today. `inspector_grids` stays the
 * current assignment the other screens read. The assignments already made are carried over as in force since
 * before history was kept (1970), which keeps their past figures as they were.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspector_grid_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.check(sql`valid_to is null or valid_to >= valid_from`))
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('ended_by', 'text')
    .execute();
  await db.schema
    .createIndex('inspector_grid_terms_inspector')
    .on('inspector_grid_terms')
    .columns(['tenant_id', 'inspector_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('inspector_grid_terms_grid')
    .on('inspector_grid_terms')
    .columns(['tenant_id', 'grid_code', 'valid_from'])
    .execute();
  await sql`insert into inspector_grid_terms (id, tenant_id, inspector_id, grid_code, valid_from, valid_to, assigned_by)
    select inspector_id || '/' || grid_code, tenant_id, inspector_id, grid_code, '1970-01-01T00:00:00.000Z', null, assigned_by
    from inspector_grids`.execute(db);
}
