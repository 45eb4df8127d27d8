/**
 * The enforcement-case (行政处罚) lifecycle, table-driven in the style of the case lifecycle
 * (server/src/modules/cases/case-lifecycle.ts): which action is allowed from which stage, which permission it needs,
 * and where it leads. Stages that only some cases go through (法制审核 for major cases, 集体讨论 where required) are
 * skipped by `nextStage`. The legal periods each stage starts are in docs/enforcement.md, "Periods and amounts".
 */
import type { Permission } from './roles.ts';
import { formatDay, parseDay } from './work-calendar-time.ts';

export const ENFORCEMENT_STAGES = [
  'filing', // 立案审批: an officer applied, a squad leader approves
  'investigating', // 调查取证: steps and evidence, two officers each
  'correcting', // 责令改正 issued; investigation may go on
  'legal_review', // 法制审核 (major cases only)
  'collective_discussion', // 集体讨论 (where required)
  'notifying', // 事先告知 (陈述申辩 3 working days) / 听证告知 (5 working days) running
  'deciding', // 决定 awaited
  'serving', // 送达 (within 7 working days of the decision)
  'executing', // 执行: payment, 加处罚款, court enforcement
  'closed', // 结案
  'archived', // 归档 (terminal)
] as const;
export type EnforcementStage = (typeof ENFORCEMENT_STAGES)[number];

export const ENFORCEMENT_PROCEDURES = ['ordinary', 'summary'] as const;
export type EnforcementProcedure = (typeof ENFORCEMENT_PROCEDURES)[number];

export const ENFORCEMENT_SOURCES = [
  'city_case',
  'patrol',
  'complaint',
  'hotline',
  'instruction',
  'transfer',
  // opened from a lead (线索) of the intake: only the intake's 立案 sets it (docs/enforcement-leads.md)
  'lead',
] as const;
export type EnforcementSource = (typeof ENFORCEMENT_SOURCES)[number];

export const DISCRETION_LEVELS = ['slight', 'general', 'serious', 'severe'] as const; // 轻微/一般/较重/严重
export type DiscretionLevel = (typeof DISCRETION_LEVELS)[number];

export const STEP_KINDS = ['inquiry', 'site_inspection', 'evidence_collection', 'correction_check'] as const; // 询问笔录/现场检查笔录/…
export type StepKind = (typeof STEP_KINDS)[number];

export const EVIDENCE_KINDS = ['photo', 'video', 'inquiry_record', 'inspection_record', 'document', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const DECISION_KINDS = ['fine', 'warning', 'no_penalty'] as const; // 罚款 / 警告 / 不予处罚
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const ENFORCEMENT_ACTIONS = [
  'approve_filing',
  'record_step',
  'add_evidence',
  'order_correction',
  'finish_investigation',
  'pass_review',
  'return_review',
  'record_discussion',
  'record_statement',
  'end_notice',
  'decide',
  'serve',
  'record_payment',
  'close',
  'archive',
  'extend',
  'request_hearing',
  'record_hearing',
  'request_plan',
  'approve_plan',
  'reject_plan',
  'serve_demand',
  'apply_court',
  'record_review',
] as const;
export type EnforcementAction = (typeof ENFORCEMENT_ACTIONS)[number];

export interface EnforcementTransition {
  from: readonly EnforcementStage[];
  /** 'next': the next stage this case goes through (nextStage); null: the stage does not change */
  to: EnforcementStage | 'next' | null;
  permission: Permission;
  needsNote?: boolean;
  /** investigation acts: at least two officers with their 执法证号 (行政处罚法 art. 42) */
  needsOfficers?: boolean;
}

const BEFORE_DECISION: readonly EnforcementStage[] = [
  'filing',
  'investigating',
  'correcting',
  'legal_review',
  'collective_discussion',
  'notifying',
  'deciding',
];

export const ENFORCEMENT_TRANSITIONS: Readonly<Record<EnforcementAction, EnforcementTransition>> = {
  approve_filing: { from: ['filing'], to: 'next', permission: 'enforcement.approve' },
  record_step: {
    from: ['investigating', 'correcting'],
    to: null,
    permission: 'enforcement.investigate',
    needsOfficers: true,
  },
  add_evidence: {
    from: ['investigating', 'correcting'],
    to: null,
    permission: 'enforcement.investigate',
    needsOfficers: true,
  },
  order_correction: {
    from: ['investigating'],
    to: 'next',
    permission: 'enforcement.investigate',
    needsNote: true,
    needsOfficers: true,
  },
  finish_investigation: { from: ['correcting'], to: 'next', permission: 'enforcement.investigate' },
  pass_review: { from: ['legal_review'], to: 'next', permission: 'enforcement.review' },
  // 法制审核 may send the case back for further investigation, with the reason.
  return_review: { from: ['legal_review'], to: 'investigating', permission: 'enforcement.review', needsNote: true },
  record_discussion: {
    from: ['collective_discussion'],
    to: 'next',
    permission: 'enforcement.decide',
    needsNote: true,
  },
  record_statement: { from: ['notifying'], to: null, permission: 'enforcement.investigate', needsNote: true },
  end_notice: { from: ['notifying'], to: 'next', permission: 'enforcement.investigate' },
  decide: { from: ['deciding'], to: 'next', permission: 'enforcement.decide' },
  serve: { from: ['serving'], to: 'next', permission: 'enforcement.investigate' },
  record_payment: { from: ['executing'], to: null, permission: 'enforcement.pay' },
  close: { from: ['executing'], to: 'next', permission: 'enforcement.approve' },
  archive: { from: ['closed'], to: 'next', permission: 'enforcement.approve' },
  // The 90 days from 立案 to the decision may be extended with approval (art. 60).
  extend: { from: BEFORE_DECISION, to: null, permission: 'enforcement.approve', needsNote: true },
  // 听证 (art. 63–65): asked for within the 5 working days, then held and its outcome written down.
  request_hearing: { from: ['notifying'], to: null, permission: 'enforcement.investigate' },
  record_hearing: { from: ['notifying'], to: null, permission: 'enforcement.investigate', needsNote: true },
  // Deferral or instalments on the party's application, approved by a squad or bureau leader (art. 66).
  request_plan: { from: ['executing'], to: null, permission: 'enforcement.pay', needsNote: true },
  approve_plan: { from: ['executing'], to: null, permission: 'enforcement.approve' },
  reject_plan: { from: ['executing'], to: null, permission: 'enforcement.approve', needsNote: true },
  // 催告书 served once the payment period has run with money owed (行政强制法 art. 35, 54).
  serve_demand: { from: ['executing'], to: null, permission: 'enforcement.investigate' },
  // 申请法院强制执行 when the fine is still unpaid after the period (art. 72(4)), on the terms of enforcement-court.ts.
  apply_court: { from: ['executing'], to: null, permission: 'enforcement.approve', needsNote: true },
  // 行政复议 / 行政诉讼 outcomes, recorded by the 法制 staff whenever they arrive.
  record_review: {
    from: ['serving', 'executing', 'closed', 'archived'],
    to: null,
    permission: 'enforcement.review',
    needsNote: true,
  },
};

/** 陈述申辩 and hearing outcomes: the party's case accepted in full, in part, or not. */
export const PLEA_OUTCOMES = ['accepted', 'partly_accepted', 'rejected'] as const;
export type PleaOutcome = (typeof PLEA_OUTCOMES)[number];

/** 行政复议 / 行政诉讼 outcomes: 维持, 变更, 撤销, 确认违法, 撤回/驳回 (withdrawn or dismissed). */
export const REVIEW_OUTCOMES = ['upheld', 'varied', 'revoked', 'confirmed_illegal', 'withdrawn'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** What the 首违不罚 / 轻微免罚 list says about a case when it is opened. */
export const LENIENCY_MARKS = ['first_offence', 'minor', 'repeat'] as const;
export type LeniencyMark = (typeof LENIENCY_MARKS)[number];

/** The clocks the deadline sweep watches, and the warning levels it raises. */
export const ENFORCEMENT_CLOCKS = ['statement', 'hearing', 'service', 'decision', 'payment'] as const;
export type EnforcementClock = (typeof ENFORCEMENT_CLOCKS)[number];
export const WARNING_LEVELS = ['yellow', 'red', 'supervise'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** What decides which optional stages a case goes through. */
export interface StageFlags {
  /** 重大案件: 法制审核 before the decision (art. 58) */
  major: boolean;
  /** 集体讨论 by the agency's heads (art. 57) */
  discussion: boolean;
}

export function stageRequired(stage: EnforcementStage, flags: StageFlags): boolean {
  if (stage === 'legal_review') return flags.major;
  if (stage === 'collective_discussion') return flags.discussion;
  return true;
}

/** The stage after `stage` for a case with these flags, or null from the last stage. */
export function nextStage(stage: EnforcementStage, flags: StageFlags): EnforcementStage | null {
  for (let i = ENFORCEMENT_STAGES.indexOf(stage) + 1; i < ENFORCEMENT_STAGES.length; i++) {
    const s = ENFORCEMENT_STAGES[i]!;
    if (stageRequired(s, flags)) return s;
  }
  return null;
}

/** Where an action leads from a stage, or null when the lifecycle forbids it. */
export function enforcementTarget(
  stage: EnforcementStage,
  action: EnforcementAction,
  flags: StageFlags,
): EnforcementStage | null {
  const t = ENFORCEMENT_TRANSITIONS[action];
  if (!t.from.includes(stage)) return null;
  if (t.to === null) return stage;
  if (t.to === 'next') return nextStage(stage, flags);
  return t.to;
}

export function enforcementActions(stage: EnforcementStage): EnforcementAction[] {
  return ENFORCEMENT_ACTIONS.filter((a) => ENFORCEMENT_TRANSITIONS[a].from.includes(stage));
}

/** Investigation acts are carried out by no fewer than two officers (art. 42). */
export const MIN_OFFICERS = 2;

/** Periods in days (docs/enforcement.md, "Periods and amounts"). */
export const ENFORCEMENT_PERIODS = {
  /** 立案 → 决定, calendar days (art. 60), extendable with approval */
  decisionDays: 90,
  /** 陈述申辩 after 事先告知, working days (art. 85; local procedure rules) */
  statementWorkingDays: 3,
  /** asking for a hearing after 听证告知, working days (art. 64, 85) */
  hearingWorkingDays: 5,
  /** 送达 after the decision, working days (art. 61, 85) */
  serviceWorkingDays: 7,
} as const;

/**
 * The date a period of `n` working days that starts on `start` ends: the day of the event is not counted, and only
 * working days of the work calendar count (art. 85: the 2, 3, 5 and 7 days of the law exclude statutory holidays).
 */
export function addWorkingDays(isWorkingDay: (date: string) => boolean, start: string, n: number): string {
  let day = dayOf(start);
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDay(formatDay(day))) left--;
  }
  return formatDay(day);
}

/**
 * The date a period of `n` calendar days that starts on `start` ends: the day of the event is not counted, and a
 * period ending on a day off ends on the next working day instead (the counting of 期间 in the Civil Procedure Law,
 * docs/enforcement.md).
 */
export function addCalendarDays(isWorkingDay: (date: string) => boolean, start: string, n: number): string {
  let day = dayOf(start) + n;
  while (!isWorkingDay(formatDay(day))) day++;
  return formatDay(day);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayOf(to) - dayOf(from);
}

function dayOf(date: string): number {
  const d = parseDay(date);
  if (d === undefined) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return d;
}
