import { sql, type Kysely } from 'kysely';

/**
 * 监督员管理 (docs/monitor.md): responsibility grids per inspector, the duty roster, the positions the inspector app
 * reports while on duty, and one roll-up row per inspector and day (first and last position, distance, grids
 * visited) so the console's list never reads the raw track. Positions are keyed by (inspector, capture time): a
 * batch re-sent after a lost answer stores nothing twice, and one inspector-day is one index range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inspector_grids')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('grid_code', 'text', (c) => c.notNull())
    .addColumn('assigned_by', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_grids_pk', ['inspector_id', 'grid_code'])
    .execute();
  await db.schema.createIndex('inspector_grids_grid').on('inspector_grids').columns(['tenant_id', 'grid_code']).execute();

  await db.schema
    .createTable('inspector_shifts')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('starts', 'text', (c) => c.notNull())
    .addColumn('ends', 'text', (c) => c.notNull().check(sql`ends > starts`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_shifts_pk', ['inspector_id', 'day'])
    .execute();
  await db.schema.createIndex('inspector_shifts_day').on('inspector_shifts').columns(['tenant_id', 'day']).execute();

  await db.schema
    .createTable('inspector_positions')
    .addColumn('inspector_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('accuracy_m', 'integer')
    .addColumn('grid_code', 'text')
    .addColumn('implausible', 'integer', (c) => c.notNull().defaultTo(0).check(sql`implausible in (0, 1)`))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_positions_pk', ['inspector_id', 'at'])
    .execute();

  await db.schema
    .createTable('inspector_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('inspector_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('implausible_points', 'integer', (c) => c.notNull())
    .addColumn('first_at', 'text')
    .addColumn('last_at', 'text')
    .addColumn('last_lng', 'double precision')
    .addColumn('last_lat', 'double precision')
    .addColumn('distance_m', 'integer', (c) => c.notNull())
    .addColumn('grids_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspector_days_pk', ['inspector_id', 'day'])
    .execute();
  await db.schema.createIndex('inspector_days_day').on('inspector_days').columns(['tenant_id', 'day']).execute();
}
