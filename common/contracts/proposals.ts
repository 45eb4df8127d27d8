import { Type, type Static } from 'typebox';
import {
  HANDLING_ROLES,
  MAX_REPLY_MONTHS,
  PROPOSAL_BODIES,
  PROPOSAL_STATUSES,
  REPLY_STATUSES,
  SATISFACTION_LEVELS,
  TASK_STATUSES,
} from '../domain/proposals.ts';
import { Id, Literals, Nullable, PageQuery } from './common.ts';

/** 人大代表建议 and 政协委员提案 (docs/proposals.md). */
const LocalDate = Type.String({ format: 'date', description: 'local calendar date YYYY-MM-DD' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const ProposalCreate = Type.Object({
  /** the number the 人大/政协 gave it, e.g. 第0123号 */
  proposalNo: Text(40),
  body: Literals(PROPOSAL_BODIES),
  /** the session, e.g. 市七届人大三次会议 */
  session: Type.Optional(Type.String({ maxLength: 60 })),
  /** the deputy or member (or the group) who raised it */
  proposer: Text(100),
  title: Text(200),
  content: Text(10_000),
  handlingRole: Literals(HANDLING_ROLES),
  /** for a 协办 item: the agency that leads it */
  leadAgency: Type.Optional(Type.String({ maxLength: 100 })),
  /** 交办日期: the day it was assigned to the bureau; the reply limit runs from it */
  assignedOn: LocalDate,
});
export type ProposalCreate = Static<typeof ProposalCreate>;

export const TaskCreate = Type.Object({
  unitId: Id,
  /** what the unit is asked to do */
  requirement: Type.Optional(Type.String({ maxLength: 1000 })),
  /** an earlier last day for this unit; absent: the item's own */
  dueOn: Type.Optional(LocalDate),
});
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskComplete = Type.Object({ result: Text(4000) });
export type TaskComplete = Static<typeof TaskComplete>;

export const ReplyDraft = Type.Object({ text: Text(10_000) });
export type ReplyDraft = Static<typeof ReplyDraft>;

export const ReplyDecision = Type.Object({ note: Type.Optional(Type.String({ maxLength: 1000 })) });
export type ReplyDecision = Static<typeof ReplyDecision>;

export const ReplyReturn = Type.Object({ note: Text(1000) });
export type ReplyReturn = Static<typeof ReplyReturn>;

export const SatisfactionRecord = Type.Object({
  level: Literals(SATISFACTION_LEVELS),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type SatisfactionRecord = Static<typeof SatisfactionRecord>;

export const ProposalTask = Type.Object({
  id: Type.String(),
  proposalId: Type.String(),
  proposalNo: Type.String(),
  proposalTitle: Type.String(),
  body: Literals(PROPOSAL_BODIES),
  unitId: Type.String(),
  unitName: Nullable(Type.String()),
  requirement: Nullable(Type.String()),
  assignedAt: Type.String(),
  dueOn: Type.String(),
  status: Literals(TASK_STATUSES),
  overdue: Type.Boolean(),
  result: Nullable(Type.String()),
  doneByName: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  /** the caller may report this task done (their unit, still open) */
  canComplete: Type.Boolean(),
});
export type ProposalTask = Static<typeof ProposalTask>;

export const ProposalEvent = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  by: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type ProposalEvent = Static<typeof ProposalEvent>;

export const ProposalReply = Type.Object({
  status: Nullable(Literals(REPLY_STATUSES)),
  text: Nullable(Type.String()),
  draftedByName: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  sentAt: Nullable(Type.String()),
});

export const ProposalSummary = Type.Object({
  id: Type.String(),
  proposalNo: Type.String(),
  body: Literals(PROPOSAL_BODIES),
  session: Nullable(Type.String()),
  proposer: Type.String(),
  title: Type.String(),
  handlingRole: Literals(HANDLING_ROLES),
  leadAgency: Nullable(Type.String()),
  assignedOn: Type.String(),
  dueOn: Type.String(),
  status: Literals(PROPOSAL_STATUSES),
  replyStatus: Nullable(Literals(REPLY_STATUSES)),
  satisfaction: Nullable(Literals(SATISFACTION_LEVELS)),
  /** past its last day without a sent reply, or a task of it past its own */
  overdue: Type.Boolean(),
  taskCount: Type.Integer(),
  openTasks: Type.Integer(),
  createdAt: Type.String(),
});
export type ProposalSummary = Static<typeof ProposalSummary>;

export const Proposal = Type.Object({
  ...ProposalSummary.properties,
  content: Type.String(),
  reply: ProposalReply,
  satisfactionNote: Nullable(Type.String()),
  ratedAt: Nullable(Type.String()),
  tasks: Type.Array(ProposalTask),
  history: Type.Array(ProposalEvent),
});
export type Proposal = Static<typeof Proposal>;

export const ProposalQuery = Type.Object({
  ...PageQuery.properties,
  body: Type.Optional(Literals(PROPOSAL_BODIES)),
  status: Type.Optional(Literals(PROPOSAL_STATUSES)),
  handlingRole: Type.Optional(Literals(HANDLING_ROLES)),
  /** the reply's state, e.g. submitted: waiting for approval */
  replyStatus: Type.Optional(Literals(REPLY_STATUSES)),
  /** assigned in this year */
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  overdue: Type.Optional(Type.Boolean()),
});
export type ProposalQuery = Static<typeof ProposalQuery>;

export const TaskQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Literals(TASK_STATUSES)),
  overdue: Type.Optional(Type.Boolean()),
});
export type TaskQuery = Static<typeof TaskQuery>;

export const ProposalFiguresQuery = Type.Object({ from: LocalDate, to: LocalDate });
export type ProposalFiguresQuery = Static<typeof ProposalFiguresQuery>;

const BodyCount = Type.Object({ total: Type.Integer(), lead: Type.Integer() });

/** The items assigned in [from, to] (local dates, inclusive) that the caller may see. */
export const ProposalFigures = Type.Object({
  npc: BodyCount,
  cppcc: BodyCount,
  total: Type.Integer(),
  replied: Type.Integer(),
  rated: Type.Integer(),
  satisfied: Type.Integer(),
  basically: Type.Integer(),
  dissatisfied: Type.Integer(),
  /** percent; null without a denominator */
  closeRate: Nullable(Type.Number()),
  satisfactionRate: Nullable(Type.Number()),
  overdueTasks: Type.Integer(),
});
export type ProposalFigures = Static<typeof ProposalFigures>;

export const ProposalSettings = Type.Object({
  replyMonths: Type.Integer({ minimum: 1, maximum: MAX_REPLY_MONTHS }),
});
export type ProposalSettings = Static<typeof ProposalSettings>;
