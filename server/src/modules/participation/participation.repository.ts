import type { Executor } from '../../platform/db.ts';
import type { CaseSubscriptionsTable } from '../../db/schema-participation.ts';

/** Supporters per case, for the cases asked (one query for a whole list). */
export async function supportCounts(db: Executor, caseIds: readonly string[]): Promise<Map<string, number>> {
  if (caseIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('case_supports')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_id', 'in', caseIds)
    .groupBy('case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, Number(r.n)]));
}

/** Adds a support unless this fingerprint already supports the case; true when a row was added. */
export async function addSupport(
  db: Executor,
  row: { id: string; tenant_id: string; case_id: string; fingerprint: string; created_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('case_supports')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'fingerprint']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function activeSubscription(db: Executor, caseId: string, channel: string, address: string) {
  return db
    .selectFrom('case_subscriptions')
    .select(['id'])
    .where('case_id', '=', caseId)
    .where('channel', '=', channel as CaseSubscriptionsTable['channel'])
    .where('address', '=', address)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}

export async function insertSubscription(db: Executor, row: CaseSubscriptionsTable): Promise<void> {
  await db.insertInto('case_subscriptions').values(row).execute();
}

export async function activeSubscriptionsOf(db: Executor, tenantId: string, caseId: string) {
  return db
    .selectFrom('case_subscriptions')
    .select(['id', 'channel', 'address'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('cancelled_at', 'is', null)
    .execute();
}

/** Cancels the subscription of a token; true when one was active. */
export async function cancelByToken(db: Executor, tokenHash: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('case_subscriptions')
    .set({ cancelled_at: at })
    .where('token_hash', '=', tokenHash)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
