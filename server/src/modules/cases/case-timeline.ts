import { createHash } from 'node:crypto';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';

/** Every action is a row, hash-chained per case so an edited or deleted row is detectable (DESIGN.md §4 Audit). */
export interface EventInput {
  tenantId: string;
  caseId: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export const CASE_GENESIS = '0'.repeat(64);

export function eventHash(seq: number, e: EventInput, dataJson: string | null, prevHash: string): string {
  return createHash('sha256')
    .update(JSON.stringify([e.tenantId, e.caseId, seq, e.at, e.actorId, e.action, e.fromStatus, e.toStatus, e.note, dataJson, prevHash]))
    .digest('hex');
}

export async function appendEvent(tx: Executor, e: EventInput): Promise<void> {
  const last = await tx.selectFrom('case_events').select(['seq', 'hash']).where('case_id', '=', e.caseId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const seq = (last ? Number(last.seq) : 0) + 1;
  const prev = last?.hash ?? CASE_GENESIS;
  const dataJson = e.data ? JSON.stringify(e.data) : null;
  await tx.insertInto('case_events').values({
    id: newId(), tenant_id: e.tenantId, case_id: e.caseId, seq, at: e.at, actor_id: e.actorId, actor_name: e.actorName,
    actor_role: e.actorRole, action: e.action, from_status: e.fromStatus, to_status: e.toStatus, note: e.note,
    data_json: dataJson, prev_hash: prev, hash: eventHash(seq, e, dataJson, prev),
  }).execute();
}
