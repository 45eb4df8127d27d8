import type { Kysely } from 'kysely';

/**
 * Whether a work order's 办理答复 was also sent to the caller by SMS (docs/hotline.md "Replies to the caller"):
 * 'queued' (a notice is in the outbox), 'off' (the source does not reply to callers), 'no_phone'; null before the
 * reply. The time is when that decision was made.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('hotline_orders').addColumn('caller_reply_status', 'text').execute();
  await db.schema.alterTable('hotline_orders').addColumn('caller_replied_at', 'text').execute();
}
