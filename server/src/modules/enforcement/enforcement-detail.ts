/** The full view of one case: its party (unmasked only for its officers), clocks, money, steps and warnings. */
import type { EnforcementCaseDetail } from '../../../../common/contracts/enforcement.ts';
import {
  ENFORCEMENT_TRANSITIONS,
  enforcementActions,
  type EnforcementClock,
  type EnforcementStage,
  type PleaOutcome,
  type ReviewOutcome,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import { can, type Actor } from '../auth/index.ts';
import { caseRows } from '../cases/index.ts';
import { orgNames } from '../org/index.ts';
import * as repo from './enforcement.repository.ts';
import { money, planOf } from './enforcement-decisions.ts';
import { summaryOf, type CaseRow } from './enforcement-parties.ts';
import { applicable } from './enforcement-procedure.ts';

function planView(r: CaseRow): EnforcementCaseDetail['paymentPlan'] {
  const plan = planOf(r);
  if (!plan || !r.payment_plan_status) return null;
  return { kind: plan.kind, status: r.payment_plan_status, instalments: plan.instalments };
}

export function createDetail(
  db: Database['db'],
  pii: PiiCipher,
  today: (tenantId: string, ex?: Executor) => Promise<{ date: string }>,
) {
  return async function detail(actor: Actor, r: CaseRow, ex: Executor = db): Promise<EnforcementCaseDetail> {
    const [officers, events, evidence, payments, sourceCase, day, warnings, unitNames] = await Promise.all([
      repo.caseOfficers(ex, r.id),
      repo.caseEvents(ex, r.id),
      repo.caseEvidence(ex, r.id),
      repo.casePayments(ex, r.id),
      r.source_case_id
        ? caseRows(ex).select('c.case_no').where('c.id', '=', r.source_case_id).executeTakeFirst()
        : Promise.resolve(undefined),
      today(actor.tenantId, ex),
      repo.caseWarnings(ex, r.id),
      r.unit_id ? orgNames.unitNames(ex, [r.unit_id]) : Promise.resolve(new Map<string, string>()),
    ]);
    const names = await orgNames.userNames(
      ex,
      officers.map((o) => o.user_id),
    );
    const isOfficer = officers.some((o) => o.user_id === actor.userId);
    const unmasked = r.party_kind === 'person' && isOfficer && r.party_id_cipher !== null;
    const { lateFee, outstanding } = money(r, payments, day.date);
    const stage = r.stage as EnforcementStage;
    return {
      ...summaryOf(r),
      partyIdentifier: unmasked ? pii.decrypt(r.party_id_cipher as string) : summaryOf(r).partyIdentifier,
      partyUnmasked: unmasked,
      version: r.version,
      sourceCaseId: r.source_case_id,
      sourceCaseNo: sourceCase?.case_no ?? null,
      sourceRef: r.source_ref,
      major: r.major === 1,
      discussion: r.discussion === 1,
      facts: r.facts,
      address: r.address,
      violationOn: r.violation_on,
      basisId: r.basis_id,
      bandId: r.band_id,
      proposedFineFen: r.proposed_fine_fen === null ? null : Number(r.proposed_fine_fen),
      decisionKind: r.decision_kind,
      bandExceptionReason: r.band_exception_reason,
      decidedOn: r.decided_on,
      filedOn: r.filed_on,
      extensionDays: r.extension_days,
      hearing: r.hearing === 1,
      statementDue: r.statement_due,
      hearingDue: r.hearing_due,
      serviceDue: r.service_due,
      servedOn: r.served_on,
      demandServedOn: r.demand_served_on,
      paymentDue: r.payment_due,
      paidFen: Number(r.paid_fen),
      lateFeeFen: lateFee,
      outstandingFen: outstanding,
      closedOn: r.closed_on,
      archivedOn: r.archived_on,
      unitName: r.unit_id ? (unitNames.get(r.unit_id) ?? null) : null,
      priorCaseId: r.prior_case_id,
      hearingRequestedOn: r.hearing_requested_on,
      hearingHeldOn: r.hearing_held_on,
      hearingOutcome: r.hearing_outcome as PleaOutcome | null,
      statementOutcome: r.statement_outcome as PleaOutcome | null,
      paymentPlan: planView(r),
      courtAppliedOn: r.court_applied_on,
      reconsiderationOutcome: r.reconsideration_outcome as ReviewOutcome | null,
      litigationOutcome: r.litigation_outcome as ReviewOutcome | null,
      warnings: warnings.map((w) => ({
        clock: w.clock as EnforcementClock,
        due: w.due,
        level: w.level,
        at: w.at,
      })),
      officers: officers.map((o) => ({ userId: o.user_id, name: names.get(o.user_id) ?? '', certNo: o.cert_no })),
      allowedActions: enforcementActions(stage).filter(
        (a) => can(actor, ENFORCEMENT_TRANSITIONS[a].permission) && applicable(r, a, day.date, outstanding),
      ),
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        fromStage: e.from_stage,
        toStage: e.to_stage,
        actorId: e.actor_id,
        note: e.note,
        officers: e.officers ? (JSON.parse(e.officers) as { userId: string; name: string; certNo: string }[]) : [],
        data: e.data ? (JSON.parse(e.data) as unknown) : null,
        at: e.at,
      })),
      evidence: evidence.map((v) => ({
        id: v.id,
        kind: v.kind,
        title: v.title,
        sha256: v.sha256,
        collectedAt: v.collected_at,
      })),
      payments: payments.map((p) => ({
        id: p.id,
        amountFen: Number(p.amount_fen),
        channel: p.channel,
        reference: p.reference,
        paidOn: p.paid_on,
      })),
    };
  };
}
