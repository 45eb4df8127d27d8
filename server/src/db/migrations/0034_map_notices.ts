import type { Kysely } from 'kysely';

/**
 * 一张图 case layer: the map asks for the cases inside a box, so cases get a position index led by the tenant
 * (the open-state filter alone rides the inbox index; a box over a dense district rides this one).
 *
 * Staff notices on the 工作台: a notice is written by an administrator or leader for everyone, some roles or one
 * unit, and shown within its publish window; a read row per user and notice keeps the unread count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('cases_position').on('cases').columns(['tenant_id', 'lng', 'lat']).execute();

  await db.schema
    .createTable('staff_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('audience_roles', 'text')
    .addColumn('audience_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('publish_from', 'text', (c) => c.notNull())
    .addColumn('publish_until', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('staff_notices_window')
    .on('staff_notices')
    .columns(['tenant_id', 'publish_from'])
    .execute();

  await db.schema
    .createTable('staff_notice_reads')
    .addColumn('notice_id', 'text', (c) => c.notNull().references('staff_notices.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_notice_reads_pk', ['notice_id', 'user_id'])
    .execute();
}
