/** The row views of 建议提案 (docs/proposals.md): what the list, the detail and the task list show. */
import type { Proposal, ProposalEvent, ProposalSummary, ProposalTask } from '../../../../common/contracts/proposals.ts';
import { taskOverdue } from '../../../../common/domain/proposals.ts';
import type { ProposalsTable, ProposalTasksTable } from '../../db/schema-proposals.ts';

export const historyOf = (row: Pick<ProposalsTable, 'history'>): ProposalEvent[] =>
  JSON.parse(row.history) as ProposalEvent[];

export const withEvent = (row: Pick<ProposalsTable, 'history'>, event: ProposalEvent): string =>
  JSON.stringify([...historyOf(row), event]);

type TaskRow = ProposalTasksTable & { proposal_no: string; title: string; body: ProposalsTable['body'] };

export function taskView(t: TaskRow, unitName: string | null, today: string, canComplete: boolean): ProposalTask {
  return {
    id: t.id,
    proposalId: t.proposal_id,
    proposalNo: t.proposal_no,
    proposalTitle: t.title,
    body: t.body,
    unitId: t.unit_id,
    unitName,
    requirement: t.requirement,
    assignedAt: t.assigned_at,
    dueOn: t.due_on,
    status: t.status,
    overdue: taskOverdue({ status: t.status, dueOn: t.due_on }, today),
    result: t.result,
    doneByName: t.done_by_name,
    doneAt: t.done_at,
    canComplete,
  };
}

export function summaryView(p: ProposalsTable, tasks: readonly ProposalTasksTable[], today: string): ProposalSummary {
  const open = tasks.filter((t) => t.status === 'open');
  return {
    id: p.id,
    proposalNo: p.proposal_no,
    body: p.body,
    session: p.session,
    proposer: p.proposer,
    title: p.title,
    handlingRole: p.handling_role,
    leadAgency: p.lead_agency,
    assignedOn: p.assigned_on,
    dueOn: p.due_on,
    status: p.status,
    replyStatus: p.reply_status,
    satisfaction: p.satisfaction,
    overdue:
      (p.replied_at === null && today > p.due_on) ||
      open.some((t) => taskOverdue({ status: t.status, dueOn: t.due_on }, today)),
    taskCount: tasks.length,
    openTasks: open.length,
    createdAt: p.created_at,
  };
}

export function proposalView(p: ProposalsTable, tasks: readonly ProposalTask[], summary: ProposalSummary): Proposal {
  return {
    ...summary,
    content: p.content,
    reply: {
      status: p.reply_status,
      text: p.reply_text,
      draftedByName: p.reply_drafted_by_name,
      submittedAt: p.reply_submitted_at,
      decidedByName: p.reply_decided_by_name,
      decidedAt: p.reply_decided_at,
      decisionNote: p.reply_decision_note,
      sentAt: p.replied_at,
    },
    satisfactionNote: p.satisfaction_note,
    ratedAt: p.rated_at,
    tasks: [...tasks],
    history: historyOf(p),
  };
}
