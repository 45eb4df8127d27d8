/** Tables of migration 0052_proposals (modules/proposals). */
import type {
  HandlingRole,
  ProposalBody,
  ProposalStatus,
  ReplyStatus,
  SatisfactionLevel,
  TaskStatus,
} from '../../../common/domain/proposals.ts';

/** A 人大代表建议 or 政协委员提案 assigned to the bureau, with its reply, approval and the proposer's rating. */
export interface ProposalsTable {
  id: string;
  tenant_id: string;
  /** the number the 人大/政协 gave it (unique per body) */
  proposal_no: string;
  body: ProposalBody;
  session: string | null;
  proposer: string;
  title: string;
  content: string;
  handling_role: HandlingRole;
  lead_agency: string | null;
  /** local dates YYYY-MM-DD: assigned to the bureau, last day to reply */
  assigned_on: string;
  due_on: string;
  status: ProposalStatus;
  reply_status: ReplyStatus | null;
  reply_text: string | null;
  reply_drafted_by: string | null;
  reply_drafted_by_name: string | null;
  reply_submitted_at: string | null;
  reply_decided_by: string | null;
  reply_decided_by_name: string | null;
  reply_decided_at: string | null;
  reply_decision_note: string | null;
  /** when the approved reply was sent: 办结 */
  replied_at: string | null;
  satisfaction: SatisfactionLevel | null;
  satisfaction_note: string | null;
  rated_at: string | null;
  /** JSON array of { at, kind, by, note } */
  history: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** The part of an item given to one of the bureau's units, with its last day and the unit's result. */
export interface ProposalTasksTable {
  id: string;
  tenant_id: string;
  proposal_id: string;
  unit_id: string;
  requirement: string | null;
  assigned_by: string;
  assigned_at: string;
  due_on: string;
  status: TaskStatus;
  result: string | null;
  done_by: string | null;
  done_by_name: string | null;
  done_at: string | null;
}
