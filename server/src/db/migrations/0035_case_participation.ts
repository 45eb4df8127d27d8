import type { Kysely } from 'kysely';

/**
 * Citizens taking part in a reported case (docs/participation.md): a supporter row per case and per person ("我也遇到",
 * one per phone or device, kept as a keyed hash of it), and subscriptions to a case's status changes by SMS or
 * WeChat, each with its own unsubscribe token (its sha256 is stored, never the token).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_supports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_supports_once')
    .on('case_supports')
    .columns(['case_id', 'fingerprint'])
    .unique()
    .execute();
  await db.schema
    .createTable('case_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_subscriptions_case')
    .on('case_subscriptions')
    .columns(['case_id', 'channel', 'address'])
    .execute();
  await db.schema
    .createIndex('case_subscriptions_token')
    .on('case_subscriptions')
    .column('token_hash')
    .unique()
    .execute();
}
