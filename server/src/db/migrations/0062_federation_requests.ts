import type { Kysely } from 'kysely';

/**
 * 互认 and 联合执法邀请 (docs/federation.md, "Recognition requests" and "Joint-action invitations"): a request sent to a
 * peer keeps the peer's answer on its outbound message (accepted or declined, with the peer's note), and an offence
 * record a peer sent that an operator accepted is kept by the enforcement module, which counts it as a prior
 * offence of the same party (docs/enforcement.md, "Recognised offences of peer cities").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('fed_messages').addColumn('reply_status', 'text').execute();
  await db.schema.alterTable('fed_messages').addColumn('reply_note', 'text').execute();

  await db.schema
    .createTable('enforcement_peer_offences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    /** the peer city's name and tenant code, and its own record number (decision 文号 or case number) */
    .addColumn('peer_name', 'text', (c) => c.notNull())
    .addColumn('peer_code', 'text', (c) => c.notNull())
    .addColumn('record_no', 'text', (c) => c.notNull())
    .addColumn('violation_code', 'text', (c) => c.notNull())
    .addColumn('violation_on', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('party_name', 'text')
    /** blind indexes of the person's ID number (platform/pii-cipher.ts), never the number itself */
    .addColumn('party_id_index', 'text')
    .addColumn('party_credit_code', 'text')
    .addColumn('decision', 'text')
    /** the federation message that carried it: one record per message */
    .addColumn('source_message_id', 'text', (c) => c.notNull())
    .addColumn('accepted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('enforcement_peer_offences_source', ['tenant_id', 'source_message_id'])
    .execute();
  await db.schema
    .createIndex('enforcement_peer_offences_party')
    .on('enforcement_peer_offences')
    .columns(['tenant_id', 'violation_code', 'violation_on'])
    .execute();
}
