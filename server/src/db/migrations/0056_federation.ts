import { sql, type Kysely } from 'kysely';

/**
 * 全域与跨区域 (docs/federation.md): the tenant's own Ed25519 keys (private half encrypted, never served), its peers
 * with their public keys and sharing agreements, the signed messages in and out (outbox with back-off, inbox with
 * dedup by id and by nonce), case transfers (移送) and the report-up watermark.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fed_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    /** the tenant's code as peers address it (the recipient of their messages) */
    .addColumn('tenant_code', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_cipher', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'retiring', 'retired')`))
    /** end of the overlap window of a rotated-out key */
    .addColumn('valid_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fed_keys_key_id', ['key_id'])
    .execute();
  await db.schema.createIndex('fed_keys_tenant').on('fed_keys').columns(['tenant_id', 'status']).execute();
  await db.schema.createIndex('fed_keys_code').on('fed_keys').columns(['tenant_code', 'status']).execute();

  await db.schema
    .createTable('fed_peers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('peer_code', 'text', (c) => c.notNull())
    /** JSON { notices: string[], cases: boolean, personal: string[] } */
    .addColumn('sharing', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'revoked')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fed_peers_code', ['tenant_id', 'peer_code'])
    .execute();
  await db.schema.createIndex('fed_peers_list').on('fed_peers').columns(['tenant_id', 'name']).execute();

  await db.schema
    .createTable('fed_peer_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('peer_id', 'text', (c) => c.notNull().references('fed_peers.id'))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fed_peer_keys_key', ['peer_id', 'key_id'])
    .execute();

  await db.schema
    .createTable('fed_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('peer_id', 'text', (c) => c.notNull().references('fed_peers.id'))
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('out', 'in')`))
    /** the message's own id as the sender wrote it (unique per sender: dedup) */
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    /** the signed envelope as sent or received: { message, signature } JSON */
    .addColumn('envelope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    /** the transfer this message belongs to (either side) */
    .addColumn('transfer_id', 'text')
    .addColumn('local_case_id', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('fed_messages_dedup', ['tenant_id', 'peer_id', 'direction', 'message_id'])
    .addUniqueConstraint('fed_messages_nonce', ['tenant_id', 'peer_id', 'direction', 'nonce'])
    .execute();
  await db.schema
    .createIndex('fed_messages_list')
    .on('fed_messages')
    .columns(['tenant_id', 'direction', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('fed_messages_due')
    .on('fed_messages')
    .columns(['direction', 'status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('fed_messages_transfer').on('fed_messages').columns(['transfer_id']).execute();

  await db.schema
    .createTable('fed_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('peer_id', 'text', (c) => c.notNull().references('fed_peers.id'))
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'accepted', 'returned')`))
    .addColumn('peer_case_no', 'text')
    .addColumn('peer_status', 'text')
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fed_transfers_case').on('fed_transfers').columns(['tenant_id', 'case_id']).execute();
  await db.schema.createIndex('fed_transfers_list').on('fed_transfers').columns(['tenant_id', 'created_at']).execute();

  await db.schema
    .createTable('fed_report_marks')
    .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
    /** the last calendar day (tenant time zone) whose files are written */
    .addColumn('last_day', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

