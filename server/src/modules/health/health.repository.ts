import type { Executor } from '../../platform/db.ts';

/** Upserts the module's one heartbeat row: a write, because a read alone succeeds on a locked or read-only database. */
export async function writeHeartbeat(db: Executor, beatAt: string): Promise<void> {
  await db
    .insertInto('health_heartbeat')
    .values({ id: 'heartbeat', beat_at: beatAt })
    .onConflict((oc) => oc.column('id').doUpdateSet({ beat_at: beatAt }))
    .execute();
}
