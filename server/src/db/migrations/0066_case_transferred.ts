import type { Kysely } from 'kysely';

/**
 * A case the peer accepted by 移送 waits in `transferred` (docs/federation.md, "The transferred status"): it keeps
 * the status it had, to go back to it if the peer returns the case, and the time it entered the wait, by which its
 * clocks move later on return.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('transfer_prior_status', 'text').execute();
  await db.schema.alterTable('cases').addColumn('transferred_at', 'text').execute();
}
