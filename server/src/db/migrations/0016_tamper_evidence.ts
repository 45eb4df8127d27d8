import type { Kysely } from 'kysely';

/**
 * Tamper evidence: a format version per hash-chained row (docs/security.md "Tamper evidence"). Rows already
 * written keep version 1 (unkeyed SHA-256 over part of the row) and go on verifying under that formula; the app
 * writes version 2 from now on (HMAC over every column, with a key kept outside the database).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('hash_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await db.schema.alterTable('case_events').addColumn('hash_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}
