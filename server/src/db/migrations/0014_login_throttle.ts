import type { Kysely } from 'kysely';

/**
 * Sign-in throttle per client address and account (docs/security.md, "Sign-in, sessions and passwords"). It replaces
 * the per-account lockout in users.failed_logins / users.locked_until, which anyone could trigger against any
 * account and which told existing accounts from unknown ones; those two columns are no longer written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    // sha256 of (tenant, username, address): one row per pair, whatever the username's length
    .addColumn('id', 'text', (c) => c.primaryKey())
    // the tenant's id, or `?<code>` for a tenant code that names no tenant
    .addColumn('tenant_key', 'text', (c) => c.notNull())
    // as typed at sign-in (it may name no account)
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    // blocks so far; each doubles the next one
    .addColumn('level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('blocked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttles_account').on('login_throttles').columns(['tenant_key', 'username']).execute();
  await db.schema.createIndex('login_throttles_updated').on('login_throttles').column('updated_at').execute();
}
