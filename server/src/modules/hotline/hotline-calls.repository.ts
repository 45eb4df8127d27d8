import type { CallCentreSecretsTable, HotlineCallsTable } from '../../db/schema-census.ts';
import type { Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { caseRows } from '../cases/index.ts';

/** Queries of 来电弹屏 (docs/caller-popup.md): the secret, the announced calls, a caller's cases and orders by phone. */
export const secretOf = (db: Executor, tenantId: string) =>
  db.selectFrom('call_centre_secrets').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();

export async function putSecret(db: Executor, row: CallCentreSecretsTable) {
  await db
    .insertInto('call_centre_secrets')
    .values(row)
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        secret_enc: row.secret_enc,
        secret_hint: row.secret_hint,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteSecret(db: Executor, tenantId: string) {
  await db.deleteFrom('call_centre_secrets').where('tenant_id', '=', tenantId).execute();
}

/** false when the call id was announced before (the call centre retried). */
export async function insertCall(db: Executor, row: HotlineCallsTable): Promise<boolean> {
  try {
    await db.insertInto('hotline_calls').values(row).execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export const call = (db: Executor, tenantId: string, callId: string) =>
  db
    .selectFrom('hotline_calls')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('call_id', '=', callId)
    .executeTakeFirst();

/** The caller's latest cases (index tenant_id, reporter_phone). */
export const casesOfPhone = (db: Executor, tenantId: string, phones: readonly string[], limit: number) =>
  caseRows(db)
    .select(['c.id', 'c.case_no', 'c.status', 'c.channel', 'c.description', 'c.address', 'c.reported_at'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.reporter_phone', 'in', phones)
    .orderBy('c.reported_at', 'desc')
    .limit(limit)
    .execute();

/** The caller's latest hotline orders (index tenant_id, requester_phone). */
export const ordersOfPhone = (db: Executor, tenantId: string, phones: readonly string[], limit: number) =>
  db
    .selectFrom('hotline_orders as o')
    .select(['o.id', 'o.source', 'o.external_no', 'o.status', 'o.content', 'o.received_at', 'o.case_id'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.requester_phone', 'in', phones)
    .orderBy('o.received_at', 'desc')
    .limit(limit)
    .execute();

export const caseNos = async (db: Executor, tenantId: string, ids: readonly string[]) =>
  new Map(
    (ids.length
      ? await caseRows(db)
          .select(['c.id', 'c.case_no'])
          .where('c.tenant_id', '=', tenantId)
          .where('c.id', 'in', ids)
          .execute()
      : []
    ).map((r) => [r.id, r.case_no]),
  );
