import { sql, type Kysely } from 'kysely';

const sqlIn = (column: string, values: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} in (${sql.join(values.map((v) => sql.lit(v)))})`;

/**
 * 维护任务 of the device registry (docs/iot.md, "Maintenance tasks"): a device whose battery runs low gets a task for
 * the technicians, at most one open per device and reason, closed by staff or by the sweep once the device recharged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_maintenance_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sqlIn('reason', ['low_battery'])))
    .addColumn('battery_pct', 'double precision')
    .addColumn('threshold_pct', 'double precision', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sqlIn('state', ['open', 'done'])))
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('done_by_name', 'text')
    .addColumn('done_reason', 'text', (c) => c.check(sqlIn('done_reason', ['staff', 'recharged'])))
    .addColumn('done_battery_pct', 'double precision')
    .addColumn('note', 'text')
    // `${device}:${reason}` while open, null once done: one open task per device and reason
    .addColumn('open_key', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('device_maintenance_tasks_open_key', ['tenant_id', 'open_key'])
    .execute();
  await db.schema
    .createIndex('device_maintenance_tasks_raised')
    .on('device_maintenance_tasks')
    .columns(['tenant_id', 'state', 'raised_at'])
    .execute();
  await db.schema
    .createIndex('device_maintenance_tasks_device')
    .on('device_maintenance_tasks')
    .columns(['device_id', 'state'])
    .execute();
}
