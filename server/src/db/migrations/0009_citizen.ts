import type { Kysely } from 'kysely';

/**
 * Citizen notices (issue 5): delivery bookkeeping on the `notifications` outbox so the message gateway can retry
 * with back-off and give up visibly (attempts, last_error, next_attempt_at, failed_at), and an index for the
 * dispatcher's "unsent, due" scan.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const name of ['last_error', 'next_attempt_at', 'failed_at', 'provider_id']) {
    await db.schema.alterTable('notifications').addColumn(name, 'text').execute();
  }
  await db.schema.createIndex('notifications_outbox').on('notifications').columns(['sent_at', 'failed_at', 'next_attempt_at']).execute();
  await db.schema.createIndex('notifications_case').on('notifications').columns(['case_id', 'kind']).execute();
}
