import { sql, type Kysely } from 'kysely';

/**
 * Alarm rules on the rate of change and in daily time windows (docs/iot.md, "Rules"): a rule measures the value or
 * its change per minute, and may raise only inside windows of the day; the watch keeps the previous value a rate
 * needs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('alarm_rules')
    .addColumn('measure', 'text', (c) => c.notNull().defaultTo('value').check(sql`measure in ('value', 'rate')`))
    .execute();
  await db.schema.alterTable('alarm_rules').addColumn('windows', 'text').execute();
  await db.schema.alterTable('alarm_watches').addColumn('last_value', 'double precision').execute();
}
