import type { Kysely } from 'kysely';

/**
 * Storage robustness: the health check's heartbeat row (a real write, so a locked or read-only database is reported
 * unhealthy, not "ok") and the fingerprint of the request an Idempotency-Key was first used with (a reuse of the key
 * with a different request is refused instead of silently answered with the first result).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('health_heartbeat')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('beat_at', 'text', (c) => c.notNull())
    .execute();
  // Null for keys stored before this column existed: those replay as before, with no comparison possible.
  await db.schema.alterTable('idempotency_keys').addColumn('request_hash', 'text').execute();
}
