/**
 * 人大代表建议 and 政协委员提案 (docs/proposals.md): the closed vocabularies, the reply deadline and the two rates.
 * Pure, shared by the server and the console.
 */
/** 人大 (npc) or 政协 (cppcc) */
export const PROPOSAL_BODIES = ['npc', 'cppcc'] as const;
export type ProposalBody = (typeof PROPOSAL_BODIES)[number];

/** 主办 (lead) or 协办 (co): the bureau's part in handling it */
export const HANDLING_ROLES = ['lead', 'co'] as const;
export type HandlingRole = (typeof HANDLING_ROLES)[number];

/** registered → handling (tasks out) → replied (the approved reply sent) → closed (the proposer's rating in) */
export const PROPOSAL_STATUSES = ['registered', 'handling', 'replied', 'closed'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** The reply's own steps: drafted, submitted for approval, approved (then sent) or returned to the drafter. */
export const REPLY_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** 满意 / 基本满意 / 不满意 */
export const SATISFACTION_LEVELS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number];

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** The tenant setting that holds the reply limit in months, and its default: three months from assignment. */
export const REPLY_MONTHS_KEY = 'proposals.replyMonths';
export const DEFAULT_REPLY_MONTHS = 3;
export const MAX_REPLY_MONTHS = 12;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** `date` plus whole months; a day the target month lacks (31 → 30 April) becomes its last day. */
export function addMonths(date: string, months: number): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`date "${date}" is not YYYY-MM-DD`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(Number(m[3]), last))}`;
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The last day to reply: `months` after the day of assignment, moved to the next working day when it falls on a
 * weekend or a statutory holiday (a period's last day that is a rest day runs to the next working day; see
 * docs/proposals.md, "Deadlines"). `isWorkingDay` is the tenant's work calendar.
 */
export function replyDueDate(assignedOn: string, months: number, isWorkingDay: (date: string) => boolean): string {
  let due = addMonths(assignedOn, months);
  for (let i = 0; i < 31 && !isWorkingDay(due); i++) due = nextDay(due);
  return due;
}

/** A task is overdue once the local date is past its last day and it is still open. */
export const taskOverdue = (t: { status: TaskStatus; dueOn: string }, today: string): boolean =>
  t.status === 'open' && today > t.dueOn;

export interface ProposalCounts {
  total: number;
  lead: number;
  /** 办结: the approved reply was sent */
  replied: number;
  rated: number;
  satisfied: number;
  basically: number;
  dissatisfied: number;
}

/**
 * 办结率 = replied ÷ handled, 满意率 = (满意 + 基本满意) ÷ rated, both in percent; null without a denominator
 * (docs/proposals.md, "Figures").
 */
export function proposalRates(c: ProposalCounts): { closeRate: number | null; satisfactionRate: number | null } {
  return {
    closeRate: c.total ? (c.replied / c.total) * 100 : null,
    satisfactionRate: c.rated ? ((c.satisfied + c.basically) / c.rated) * 100 : null,
  };
}
