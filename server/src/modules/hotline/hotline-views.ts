import type {
  HotlineOrderDetail,
  HotlineOrderSummary,
  HotlineSource,
  HotlineStatus,
  HotlineUrgency,
  Satisfaction,
} from '../../../../common/contracts/hotline.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { HotlineEventsTable, HotlineOrdersTable } from '../../db/schema-hotline.ts';
import { toBool } from '../../platform/db.ts';
import { allowedActions, isOverdue } from './hotline-lifecycle.ts';

export type OrderRow = HotlineOrdersTable & { case_no: string | null; case_status: string | null };

/** The list row: the phone is always masked (common/domain/privacy.ts). */
export function summaryOf(o: OrderRow, now: string, fullPhone = false): HotlineOrderSummary {
  return {
    id: o.id,
    source: o.source as HotlineSource,
    externalNo: o.external_no,
    status: o.status as HotlineStatus,
    urgency: o.urgency as HotlineUrgency,
    requesterName: o.requester_name,
    requesterPhone: fullPhone ? o.requester_phone : maskPhone(o.requester_phone),
    content: o.content,
    address: o.address,
    receivedAt: o.received_at,
    receivedVia: o.received_via === 'import' ? 'import' : 'webhook',
    signDeadline: o.sign_deadline,
    signedAt: o.signed_at,
    signOverdue: toBool(o.sign_overdue) || (o.status === 'pending_sign' && o.sign_deadline < now),
    dueAt: o.due_at,
    overdue: isOverdue(o, now),
    caseId: o.case_id,
    caseNo: o.case_no,
    satisfaction: o.satisfaction as Satisfaction | null,
    updatedAt: o.updated_at,
    version: o.version,
  };
}

/** The detail: the full phone only to those who handle orders. */
export function detailOf(
  o: OrderRow,
  now: string,
  extra: {
    canHandle: boolean;
    signedBy: string | null;
    pushStatus: string | null;
    events: readonly HotlineEventsTable[];
  },
): HotlineOrderDetail {
  const caseClosed = o.case_status === 'closed';
  return {
    ...summaryOf(o, now, extra.canHandle),
    signedBy: extra.signedBy,
    returnReason: o.return_reason,
    returnedAt: o.returned_at,
    convertedAt: o.converted_at,
    caseStatus: o.case_status,
    caseClosed,
    replyText: o.reply_text,
    repliedAt: o.replied_at,
    pushStatus: extra.pushStatus,
    revisitNote: o.revisit_note,
    revisitAt: o.revisit_at,
    callerReplyStatus: (o.caller_reply_status ?? null) as HotlineOrderDetail['callerReplyStatus'],
    callerRepliedAt: o.caller_replied_at ?? null,
    allowedActions: extra.canHandle ? allowedActions(o.status as HotlineStatus, caseClosed) : [],
    events: extra.events.map((e) => ({
      at: e.at,
      action: e.action,
      actorName: e.actor_name,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
    })),
  };
}
