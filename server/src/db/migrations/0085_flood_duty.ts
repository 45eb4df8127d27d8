import type { Kysely } from 'kysely';

/**
 * 防汛排渍 duty roster of the 排水 line (docs/lines.md): who is on duty on each day of the flood season, one row per
 * tenant and date, edited in the console.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('flood_duty_days')
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('duty_date', 'text', (c) => c.notNull())
    .addColumn('leader', 'text', (c) => c.notNull())
    /** JSON array of names */
    .addColumn('staff', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('flood_duty_days_pk', ['tenant_id', 'duty_date'])
    .execute();
}

