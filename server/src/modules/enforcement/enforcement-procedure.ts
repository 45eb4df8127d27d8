/**
 * The steps around the decision that do not move the case (docs/enforcement.md): 听证 asked for and held, the
 * 陈述申辩 outcome, deferral and instalments approved by a leader (art. 66), the 催告 and 申请法院强制执行 (art. 72(4),
 * 行政强制法 art. 53–54) and the
 * 行政复议 / 行政诉讼 outcomes. Each returns the columns it changes and the data its event row keeps.
 */
import type { EnforcementActionBody } from '../../../../common/contracts/enforcement.ts';
import type { Instalment } from '../../../../common/domain/enforcement-money.ts';
import type { Updateable } from 'kysely';
import type { EnforcementCasesTable } from '../../db/schema-enforcement.ts';
import { courtRefusal, courtWindow } from '../../../../common/domain/enforcement-court.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import { lastDue, money, type PaymentRow } from './enforcement-decisions.ts';
import type { CaseRow } from './enforcement-parties.ts';

export interface StepResult {
  patch: Updateable<EnforcementCasesTable>;
  data: Record<string, unknown> | null;
}

export function procedureStep(
  r: CaseRow,
  body: EnforcementActionBody,
  today: string,
  payments: readonly PaymentRow[],
  isWorkingDay: (d: string) => boolean,
): StepResult | null {
  switch (body.action) {
    case 'record_statement':
      return body.outcome ? { patch: { statement_outcome: body.outcome }, data: { outcome: body.outcome } } : null;
    case 'request_hearing':
      // Only where a hearing notice was given, and within its 5 working days (art. 64).
      if (r.hearing !== 1 || !r.hearing_due) throw E.field('body.action', 'hearing', 'no hearing notice was given');
      if (r.hearing_requested_on) throw E.field('body.action', 'once', 'a hearing was already requested');
      if (today > r.hearing_due)
        throw E.period('body.action', 'hearingDue', 'the hearing period has run', r.hearing_due);
      return { patch: { hearing_requested_on: today }, data: { requestedOn: today } };
    case 'record_hearing':
      if (!r.hearing_requested_on) throw E.field('body.action', 'requested', 'no hearing was requested');
      if (!body.heldOn) throw E.field('body.heldOn', 'required', 'the day the hearing was held');
      if (body.heldOn < r.hearing_requested_on || body.heldOn > today)
        throw E.field('body.heldOn', 'range', 'between the request and today');
      if (!body.outcome) throw E.field('body.outcome', 'required', 'the outcome of the hearing');
      return {
        patch: { hearing_held_on: body.heldOn, hearing_outcome: body.outcome },
        data: { heldOn: body.heldOn, outcome: body.outcome },
      };
    case 'request_plan':
      return { patch: requestPlan(r, body, today, payments), data: { plan: body.plan } };
    case 'approve_plan':
    case 'reject_plan':
      if (r.payment_plan_status !== 'requested') throw E.field('body.action', 'plan', 'no plan awaits approval');
      return {
        patch: { payment_plan_status: body.action === 'approve_plan' ? 'approved' : 'rejected' },
        data: null,
      };
    case 'serve_demand': {
      // The 催告 follows a failure to pay: once the fine (or the last instalment) is overdue with money owed.
      const outstanding = overdue(r, today, payments);
      if (!body.servedOn) throw E.field('body.servedOn', 'required', 'the date the 催告书 was served');
      if (body.servedOn > today || body.servedOn <= (lastDue(r) as string))
        throw E.field('body.servedOn', 'range', 'after the payment date and not after today');
      if (r.demand_served_on) throw E.field('body.action', 'once', 'a 催告书 was already served');
      return { patch: { demand_served_on: body.servedOn }, data: { servedOn: body.servedOn, outstanding } };
    }
    case 'apply_court': {
      const outstanding = overdue(r, today, payments);
      if (r.court_applied_on) throw E.field('body.action', 'once', 'court enforcement was already applied for');
      const window = courtWindow(isWorkingDay, r.served_on as string, r.demand_served_on);
      const refused = courtRefusal(window, today);
      if (refused) throw E.court(refused.reason, refused.date);
      return {
        patch: { court_applied_on: today, court_ref: body.note?.trim() ?? null },
        data: { outstanding, closesOn: window.closesOn },
      };
    }
    case 'record_review': {
      if (!body.reviewKind) throw E.field('body.reviewKind', 'required', '行政复议 or 行政诉讼');
      if (!body.reviewOutcome) throw E.field('body.reviewOutcome', 'required', 'the outcome');
      const patch: Updateable<EnforcementCasesTable> =
        body.reviewKind === 'reconsideration'
          ? { reconsideration_outcome: body.reviewOutcome }
          : { litigation_outcome: body.reviewOutcome };
      return { patch, data: { kind: body.reviewKind, outcome: body.reviewOutcome } };
    }
    default:
      return null;
  }
}

/** What is still owed once the fine (or the last approved instalment) is overdue; refuses before, or when paid. */
function overdue(r: CaseRow, today: string, payments: readonly PaymentRow[]): number {
  const due = lastDue(r);
  if (!due || today <= due) throw E.period('body.action', 'paymentDue', 'the payment period is running', due);
  const { outstanding } = money(r, payments, today);
  if (outstanding <= 0) throw E.field('body.action', 'owed', 'nothing is outstanding');
  return outstanding;
}

/** A deferral (one date) or instalments (two or more) covering the unpaid fine, asked for within the payment period. */
function requestPlan(
  r: CaseRow,
  body: EnforcementActionBody,
  today: string,
  payments: readonly PaymentRow[],
): Updateable<EnforcementCasesTable> {
  const plan = body.plan;
  if (!plan) throw E.field('body.plan', 'required', 'the deferral or instalments');
  if (!r.payment_due || Number(r.fine_fen ?? 0) === 0) throw E.field('body.action', 'fine', 'there is no fine to pay');
  if (r.payment_plan_status === 'requested' || r.payment_plan_status === 'approved')
    throw E.field('body.action', 'once', 'a plan is already requested or approved');
  if (today > r.payment_due)
    throw E.period('body.action', 'paymentDue', 'ask within the payment period', r.payment_due);
  if (plan.kind === 'deferral' && plan.instalments.length !== 1)
    throw E.field('body.plan.instalments', 'deferral', 'a deferral has one date');
  if (plan.kind === 'instalment' && plan.instalments.length < 2)
    throw E.field('body.plan.instalments', 'instalment', 'at least two instalments');
  let previous = r.payment_due;
  plan.instalments.forEach((p: Instalment, i) => {
    if (p.dueOn <= previous)
      throw E.field(`body.plan.instalments.${i}.dueOn`, 'order', 'after the payment date and the previous instalment');
    previous = p.dueOn;
  });
  const unpaid = Number(r.fine_fen) - payments.reduce((s, p) => s + Number(p.amount_fen), 0);
  const total = plan.instalments.reduce((s, p) => s + p.amountFen, 0);
  if (total !== unpaid)
    throw E.field('body.plan.instalments', 'total', `the instalments must add up to the unpaid fine (${unpaid} fen)`);
  return {
    payment_plan: JSON.stringify({
      kind: plan.kind,
      instalments: plan.instalments,
      paidBefore: Number(r.fine_fen) - unpaid,
    }),
    payment_plan_status: 'requested',
  };
}

/** Whether an action the stage allows makes sense for this case now (the drawer offers only these). */
export function applicable(r: CaseRow, action: string, today: string, outstanding: number): boolean {
  switch (action) {
    case 'request_hearing':
      return r.hearing === 1 && !!r.hearing_due && !r.hearing_requested_on && today <= r.hearing_due;
    case 'record_hearing':
      return !!r.hearing_requested_on && !r.hearing_held_on;
    case 'request_plan':
      return (
        outstanding > 0 &&
        !!r.payment_due &&
        today <= r.payment_due &&
        r.payment_plan_status !== 'requested' &&
        r.payment_plan_status !== 'approved'
      );
    case 'approve_plan':
    case 'reject_plan':
      return r.payment_plan_status === 'requested';
    case 'serve_demand': {
      const due = lastDue(r);
      return !r.demand_served_on && outstanding > 0 && !!due && today > due;
    }
    case 'apply_court': {
      const due = lastDue(r);
      return !r.court_applied_on && !!r.demand_served_on && outstanding > 0 && !!due && today > due;
    }
    case 'record_payment':
      return outstanding > 0;
    case 'close':
      return outstanding === 0;
    default:
      return true;
  }
}
