/** The penalty against its discretion band, the gap-free 文号 of a decision, and the fine with its late fee. */
import type { Penalty } from '../../../../common/contracts/enforcement.ts';
import { daysBetween } from '../../../../common/domain/enforcement-lifecycle.ts';
import { lateFeeFen } from '../../../../common/domain/enforcement-money.ts';

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

/** 加处罚款 runs from the day after the payment due date until the fine is covered (art. 72(1)). */
export function money(
  r: CaseRow,
  payments: readonly { amount_fen: number; paid_on: string }[],
  asOf: string,
): { lateFee: number; outstanding: number } {
  const fine = Number(r.fine_fen ?? 0);
  const paid = payments.reduce((s, p) => s + Number(p.amount_fen), 0);
  if (fine === 0 || !r.payment_due) return { lateFee: 0, outstanding: Math.max(0, fine - paid) };
  let covered = 0;
  let stop = asOf;
  for (const p of [...payments].sort((a, b) => a.paid_on.localeCompare(b.paid_on))) {
    covered += Number(p.amount_fen);
    if (covered >= fine) {
      stop = p.paid_on < asOf ? p.paid_on : asOf;
      break;
    }
  }
  const lateFee = lateFeeFen(fine, Math.max(0, daysBetween(r.payment_due, stop)));
  return { lateFee, outstanding: Math.max(0, fine + lateFee - paid) };
}

/** The 文号 of a decision: one gap-free sequence per tenant, type and year, drawn inside the decision's transaction. */
export async function drawDecisionNo(ex: Executor, tenantId: string, prefix: string, kind: string, year: string) {
  const seq = await nextSequence(ex, tenantId, `enforcement.${kind}:${year}`);
  return `${prefix}〔${year}〕第${seq}号`;
}
