import type { Kysely } from 'kysely';

/**
 * Open311 GeoReport v2 (issue 5, open311-georeport-v2.md §1.1, §1.10, §1.12 item 8): client applications with
 * their own API key (only a prefix to find it and the sha256 of the whole key are kept) and rate limit; what each
 * POST requests carried beyond the case (attributes, media URLs, which client sent it); and the mySociety
 * service request updates clients POST, unique per (tenant, update_id) because FixMyStreet dedupes on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('api_clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('key_prefix', 'text', (c) => c.notNull().unique())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('rate_limit_per_minute', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('api_clients_tenant_name', ['tenant_id', 'name'])
    .execute();
  await db.schema.createIndex('api_clients_tenant').on('api_clients').columns(['tenant_id', 'created_at']).execute();

  await db.schema
    .createTable('open311_requests')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('api_clients.id'))
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('media_urls_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('open311_requests_client').on('open311_requests').columns(['tenant_id', 'client_id', 'case_id']).execute();

  await db.schema
    .createTable('open311_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('api_clients.id'))
    .addColumn('update_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('updated_datetime', 'text', (c) => c.notNull())
    .addColumn('media_urls_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('open311_updates_tenant_update', ['tenant_id', 'update_id'])
    .execute();
  await db.schema.createIndex('open311_updates_case').on('open311_updates').columns(['tenant_id', 'case_id']).execute();
}
