import type { CasesTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import type { LeftJoinOf } from '../../platform/read-joins.ts';
import { orgReadModel } from '../org/index.ts';
import '../../db/schema-citizen.ts';

export interface DueNotice {
  id: string;
  tenant_id: string;
  case_id: string | null;
  phone: string;
  kind: string;
  message: string;
  attempts: number;
  created_at: string;
  case_no: string | null;
  tenant_name: string;
}

/**
 * Unsent notices with a phone whose next try is due, oldest first (index notifications_outbox). Rows without a
 * phone are in-app notices for staff and are not this gateway's business.
 */
export async function due(
  db: Executor,
  joinCase: LeftJoinOf<CasesTable>,
  nowIso: string,
  limit: number,
): Promise<DueNotice[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .$call((q) => orgReadModel.innerJoinTenants(q, 't', { id: 'n.tenant_id' }))
    .$call((q) => joinCase(q, 'c', { id: 'n.case_id' }))
    .select([
      'n.id',
      'n.tenant_id',
      'n.case_id',
      'n.phone',
      'n.kind',
      'n.message',
      'n.attempts',
      'n.created_at',
      'c.case_no',
      't.name as tenant_name',
    ])
    .where('n.sent_at', 'is', null)
    .where('n.failed_at', 'is', null)
    .where('n.phone', 'is not', null)
    .where((eb) => eb.or([eb('n.next_attempt_at', 'is', null), eb('n.next_attempt_at', '<=', nowIso)]))
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    ...r,
    phone: r.phone ?? '',
    attempts: Number(r.attempts ?? 0),
    case_no: r.case_no ?? null,
  }));
}

export async function markSent(
  db: Executor,
  id: string,
  at: string,
  attempts: number,
  providerId: string | null,
  /** blank the message: it carried a one-time secret that is of no use any more */
  scrub = false,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      sent_at: at,
      attempts,
      provider_id: providerId,
      last_error: null,
      next_attempt_at: null,
      ...(scrub ? { message: '' } : {}),
    })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function markFailed(
  db: Executor,
  id: string,
  attempts: number,
  error: string,
  nextAttemptAt: string | null,
  failedAt: string | null,
  scrub = false,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({
      attempts,
      last_error: error.slice(0, 300),
      next_attempt_at: nextAttemptAt,
      failed_at: failedAt,
      ...(scrub ? { message: '' } : {}),
    })
    .where('id', '=', id)
    .where('sent_at', 'is', null)
    .execute();
}

export async function insertNotice(
  db: Executor,
  row: {
    id: string;
    tenant_id: string;
    case_id: string | null;
    user_id: string | null;
    phone: string | null;
    kind: string;
    message: string;
    created_at: string;
  },
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({ ...row, sent_at: null })
    .execute();
}

/** `insertNotice` for many rows, 500 to a statement. */
export async function insertNotices(db: Executor, rows: readonly Parameters<typeof insertNotice>[1][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500).map((row) => ({ ...row, sent_at: null })))
      .execute();
}

export async function noticesOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
