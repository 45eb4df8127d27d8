import type { Kysely } from 'kysely';

/**
 * Lookup of a citizen's case by case number and the last four digits of the reporter's phone, confirmed by a
 * one-time SMS code (docs/security.md, "Lookup by case number and phone"). A row is one code: only its HMAC is
 * kept, with its expiry, the wrong tries and when it was used. A used code carries the short-lived access token
 * (its sha256) that stands in for the tracking token on the public routes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_lookup_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('used_at', 'text')
    .addColumn('access_hash', 'text')
    .addColumn('access_expires_at', 'text')
    .execute();
  await db.schema
    .createIndex('public_lookup_codes_case')
    .on('public_lookup_codes')
    .columns(['tenant_id', 'case_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('public_lookup_codes_access')
    .on('public_lookup_codes')
    .column('access_hash')
    .unique()
    .execute();
}
