import type { SupervisionOrder } from '../../../../common/contracts/supervision.ts';
import type { SupervisionLevel } from '../../../../common/domain/supervision.ts';
import type { SupervisionOrdersTable } from '../../db/schema-supervision.ts';

export interface OrderEvent {
  at: string;
  kind: 'issued' | 'escalated' | 'replied';
  level: SupervisionLevel;
  by: string | null;
}

export const historyOf = (row: Pick<SupervisionOrdersTable, 'history'>): OrderEvent[] =>
  JSON.parse(row.history) as OrderEvent[];

export const photoIdsOf = (row: Pick<SupervisionOrdersTable, 'reply_photo_ids'>): string[] =>
  row.reply_photo_ids ? (JSON.parse(row.reply_photo_ids) as string[]) : [];

/** A row as the API shows it; `onTime` compares the reply with the deadline first given. */
export function orderView(row: SupervisionOrdersTable, unitName: string | null, canReply: boolean): SupervisionOrder {
  return {
    id: row.id,
    orderNo: row.order_no,
    caseId: row.case_id,
    caseNo: row.case_no,
    level: row.level,
    status: row.status,
    issuerName: row.issuer_name,
    targetUnitId: row.target_unit_id,
    targetUnitName: unitName,
    reason: row.reason,
    issuedAt: row.issued_at,
    firstDueAt: row.first_due_at,
    dueAt: row.due_at,
    overdue: row.overdue === 1,
    onTime: row.replied_at === null ? null : row.replied_at <= row.first_due_at,
    escalationCount: row.escalation_count,
    replyText: row.reply_text,
    replyPhotoIds: photoIdsOf(row),
    repliedByName: row.replied_by_name,
    repliedAt: row.replied_at,
    history: historyOf(row),
    canReply,
  };
}
