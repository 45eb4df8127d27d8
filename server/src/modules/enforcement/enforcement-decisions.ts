/** The penalty against its discretion band, the gap-free 文号 of a decision, and the fine with its late fee. */
import type { Penalty } from '../../../../common/contracts/enforcement.ts';
import { daysBetween } from '../../../../common/domain/enforcement-lifecycle.ts';
import { scheduleLateFee, type Instalment } from '../../../../common/domain/enforcement-money.ts';

import type { Executor } from '../../platform/db.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { type Actor } from '../auth/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement.repository.ts';
import { type CaseRow } from './enforcement-parties.ts';

/** The band a penalty names, checked against the case's violation; the amount must fall inside or carry a reason. */
export async function checkPenalty(ex: Executor, actor: Actor, violationCode: string, p: Penalty, field: string) {
  const band = await repo.findBand(ex, actor.tenantId, p.bandId);
  if (!band || band.basis_id !== p.basisId || band.violation_code !== violationCode)
    throw E.field(`${field}.bandId`, 'exists', 'no discretion band of this legal basis for the violation');
  const fine = p.kind === 'fine' ? p.fineFen : 0;
  if (p.kind !== 'fine' && p.fineFen !== 0) throw E.field(`${field}.fineFen`, 'zero', 'only a fine has an amount');
  const outside = p.kind === 'fine' && (fine < band.min_fen || fine > band.max_fen);
  const reason = p.reason?.trim() ?? '';
  if (outside && !reason) throw E.outsideBand(`${field}.reason`, band.min_fen, band.max_fen);
  return { band, fine, outside, reason };
}

export type PaymentRow = { amount_fen: number; paid_on: string };

interface StoredPlan {
  kind: 'deferral' | 'instalment';
  instalments: Instalment[];
  /** what had been paid when the plan was asked for: still due on the original payment date */
  paidBefore: number;
}

export function planOf(r: CaseRow): StoredPlan | null {
  return r.payment_plan ? (JSON.parse(r.payment_plan) as StoredPlan) : null;
}

/**
 * When what is owed falls due: the whole fine on the payment date, or, under an approved deferral or instalment plan
 * (art. 66), what was paid before the plan on the payment date and the rest on the plan's dates.
 */
export function scheduleOf(r: CaseRow): Instalment[] {
  const fine = Number(r.fine_fen ?? 0);
  if (!r.payment_due || fine === 0) return [];
  const plan = r.payment_plan_status === 'approved' ? planOf(r) : null;
  if (!plan) return [{ dueOn: r.payment_due, amountFen: fine }];
  return [{ dueOn: r.payment_due, amountFen: plan.paidBefore }, ...plan.instalments];
}

/** The last date anything is due (the payment date, or the last approved instalment). */
export function lastDue(r: CaseRow): string | null {
  return scheduleOf(r).reduce<string | null>((d, i) => (!d || i.dueOn > d ? i.dueOn : d), null);
}

/** 加处罚款 over the schedule (capped at the fine, art. 72(1)) and what is still owed as of `asOf`. */
export function money(
  r: CaseRow,
  payments: readonly PaymentRow[],
  asOf: string,
): { lateFee: number; outstanding: number } {
  const fine = Number(r.fine_fen ?? 0);
  const paid = payments.reduce((s, p) => s + Number(p.amount_fen), 0);
  const lateFee = Math.min(
    fine,
    scheduleLateFee(
      scheduleOf(r),
      payments.map((p) => ({ amountFen: Number(p.amount_fen), paidOn: p.paid_on })),
      asOf,
      daysBetween,
    ),
  );
  return { lateFee, outstanding: Math.max(0, fine + lateFee - paid) };
}

/** The 文号 of a decision: one gap-free sequence per tenant, type and year, drawn inside the decision's transaction. */
export async function drawDecisionNo(ex: Executor, tenantId: string, prefix: string, kind: string, year: string) {
  const seq = await nextSequence(ex, tenantId, `enforcement.${kind}:${year}`);
  return `${prefix}〔${year}〕第${seq}号`;
}
