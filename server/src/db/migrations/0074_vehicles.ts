import { sql, type Kysely } from 'kysely';

/**
 * 车辆监管 (docs/vehicles.md): vehicles with their GPS credential and, for 渣土 trucks, the permit, route and hours;
 * GPS points keyed by vehicle and instant (a repeated point is the same row); road coverage per day, road and
 * vehicle kind; and the leads (线索) the muck checks raise, one per truck, kind and day, with the track as evidence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('plate', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sqlIn('kind', ['sprinkler', 'sweeper', 'muck', 'other'])))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('company', 'text')
    .addColumn('permit_asset_id', 'text')
    .addColumn('route', 'text')
    .addColumn('window_from', 'text')
    .addColumn('window_to', 'text')
    .addColumn('speed_limit_kmh', 'integer')
    .addColumn('key_sealed', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('key_issued_at', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_at', 'text')
    .addColumn('last_lng', 'double precision')
    .addColumn('last_lat', 'double precision')
    .addColumn('last_speed', 'double precision')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vehicles_code', ['tenant_id', 'code'])
    .addUniqueConstraint('vehicles_plate', ['tenant_id', 'plate'])
    .execute();
  await db.schema.createIndex('vehicles_kind').on('vehicles').columns(['tenant_id', 'kind', 'plate']).execute();

  await db.schema
    .createTable('vehicle_points')
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('speed_kmh', 'double precision')
    .addColumn('heading_deg', 'double precision')
    .addColumn('flag', 'text', (c) => c.notNull().check(sqlIn('flag', ['ok', 'jump'])))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_points_pk', ['vehicle_id', 'at'])
    .execute();
  await db.schema.createIndex('vehicle_points_day').on('vehicle_points').columns(['tenant_id', 'at']).execute();

  await db.schema
    .createTable('vehicle_coverage')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('road', 'text', (c) => c.notNull())
    .addColumn('length_m', 'integer', (c) => c.notNull())
    .addColumn('covered_m', 'integer', (c) => c.notNull())
    .addColumn('passes', 'double precision', (c) => c.notNull())
    .addColumn('vehicles', 'integer', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('vehicle_coverage_pk', ['tenant_id', 'day', 'kind', 'road'])
    .execute();

  await db.schema
    .createTable('vehicle_leads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('vehicle_id', 'text', (c) => c.notNull().references('vehicles.id'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sqlIn('kind', ['off_route', 'outside_hours', 'unregistered_site', 'unknown_stop', 'speeding'])),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('episodes', 'integer', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_sha256', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['open', 'dismissed', 'referred'])))
    .addColumn('note', 'text')
    .addColumn('handled_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('vehicle_leads_window', ['tenant_id', 'vehicle_id', 'kind', 'day'])
    .execute();
  await db.schema.createIndex('vehicle_leads_list').on('vehicle_leads').columns(['tenant_id', 'state', 'day']).execute();
}

function sqlIn(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;
}
