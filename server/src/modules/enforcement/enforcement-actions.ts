/** The steps of the ordinary procedure: each one checked against the state machine and written with its event. */
import type {
  EnforcementActionBody,
  EnforcementCaseDetail,
  EnforcementSettings,
} from '../../../../common/contracts/enforcement.ts';
import {
  ENFORCEMENT_PERIODS,
  ENFORCEMENT_TRANSITIONS,
  addCalendarDays,
  addWorkingDays,
  enforcementTarget,
  type EnforcementStage,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import { PAYMENT_DAYS } from '../../../../common/domain/enforcement-money.ts';
import type { Updateable } from 'kysely';
import type { EnforcementCasesTable } from '../../db/schema-enforcement.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement.repository.ts';
import type { EvidenceStore } from './evidence.store.ts';
import type { CaseChain } from './documents/chain.ts';
import { checkPenalty, drawDecisionNo, money } from './enforcement-decisions.ts';
import type { CaseRow } from './enforcement-parties.ts';
import { procedureStep } from './enforcement-procedure.ts';
import { checkOfficers } from './enforcement-register.ts';

/** What a step needs from the service around it. */
export interface EnforcementActionContext {
  db: Database['db'];
  clock: Clock;
  deps: { evidence: EvidenceStore; chain: CaseChain; audit: AuditService };
  today: (tenantId: string, ex?: Executor) => Promise<{ date: string; isWorkingDay: (d: string) => boolean }>;
  settingsOf: (tenantId: string, ex?: Executor) => Promise<EnforcementSettings>;
  load: (ex: Executor, actor: Actor, id: string) => Promise<CaseRow>;
  detail: (actor: Actor, r: CaseRow) => Promise<EnforcementCaseDetail>;
}

export function createEnforcementActions({
  db,
  clock,
  deps,
  today,
  settingsOf,
  load,
  detail,
}: EnforcementActionContext) {
  async function act(actor: Actor, id: string, body: EnforcementActionBody): Promise<EnforcementCaseDetail> {
    requirePermission(actor, 'enforcement.read');
    const t = ENFORCEMENT_TRANSITIONS[body.action];
    requirePermission(actor, t.permission);
    const settings = await settingsOf(actor.tenantId);
    const day = await today(actor.tenantId);
    const now = clock.now().toISOString();
    await db.transaction().execute(async (tx) => {
      const r = await load(tx, actor, id);
      const stage = r.stage as EnforcementStage;
      const flags = { major: r.major === 1, discussion: r.discussion === 1 };
      const target = enforcementTarget(stage, body.action, flags);
      if (!target) throw E.transition(stage, body.action);
      if (r.version !== body.version) throw E.stale(r.version);
      const note = body.note?.trim() || null;
      if (t.needsNote && !note) throw E.field('body.note', 'required', 'this step needs a written note');
      const officers = t.needsOfficers
        ? await checkOfficers(tx, actor.tenantId, body.officers, 'body.officers', day.date)
        : [];
      let patch: Updateable<EnforcementCasesTable> & { hearing?: number; extension_days?: number } = {
        stage: target,
        updated_at: now,
      };
      let data: Record<string, unknown> | null = null;
      const eventId = newId();
      /** set when a payment settles the fine and late fee in full: the case closes in the same transaction */
      let settled: { paidFen: number } | null = null;

      switch (body.action) {
        case 'approve_filing':
          patch.filed_on = day.date;
          // 90 calendar days from 立案 to the decision (art. 60).
          patch.decision_due = addCalendarDays(day.isWorkingDay, day.date, ENFORCEMENT_PERIODS.decisionDays);
          break;
        case 'record_step':
          if (!body.stepKind) throw E.field('body.stepKind', 'required', 'which record this step is');
          data = { stepKind: body.stepKind };
          break;
        case 'add_evidence': {
          if (!body.evidence?.length) throw E.field('body.evidence', 'required', 'at least one evidence item');
          // Each item names a file uploaded to this case, so its hash is one the server computed.
          for (const [i, item] of body.evidence.entries())
            if (!(await deps.evidence.has(actor.tenantId, id, item.sha256)))
              throw E.field(`body.evidence.${i}.sha256`, 'uploaded', 'no file with this SHA-256 uploaded to the case');
          data = { items: body.evidence.length };
          break;
        }
        case 'order_correction':
          if (!body.correctBy) throw E.field('body.correctBy', 'required', 'the date by which to correct');
          if (body.correctBy < day.date) throw E.field('body.correctBy', 'future', 'the date is in the past');
          data = { correctBy: body.correctBy };
          break;
        case 'finish_investigation': {
          if (!body.proposal) throw E.field('body.proposal', 'required', 'the proposed penalty');
          const p = await checkPenalty(tx, actor, r.violation_code, body.proposal, 'body.proposal');
          patch.basis_id = body.proposal.basisId;
          patch.band_id = body.proposal.bandId;
          patch.proposed_fine_fen = p.fine;
          // A hearing notice is due when the fine reaches the tenant's "large amount" (art. 63).
          patch.hearing = p.fine >= settings.hearingThresholdFen[r.party_kind] ? 1 : 0;
          data = { proposedFineFen: p.fine, hearing: patch.hearing === 1 };
          break;
        }
        case 'end_notice': {
          const until = [r.statement_due, r.hearing_due]
            .filter((d): d is string => !!d)
            .sort()
            .pop();
          if (until && day.date <= until && body.waived !== true) throw E.periodRunning(until);
          // A requested hearing is held (and its outcome written) before the decision (art. 64–65).
          if (r.hearing_requested_on && !r.hearing_held_on)
            throw E.field('body.action', 'hearing', 'the requested hearing has not been held');
          data = { waived: body.waived === true };
          break;
        }
        case 'decide': {
          if (!body.decision) throw E.field('body.decision', 'required', 'the decision');
          const p = await checkPenalty(tx, actor, r.violation_code, body.decision, 'body.decision');
          // An amount outside the band is an exception approved by whoever holds that verb (局领导).
          if (p.outside && !can(actor, 'enforcement.exception')) throw forbidden('enforcement.exception');
          patch.basis_id = body.decision.basisId;
          patch.band_id = body.decision.bandId;
          patch.decision_kind = body.decision.kind;
          patch.fine_fen = p.fine;
          patch.band_exception_reason = p.outside ? p.reason : null;
          patch.band_exception_by = p.outside ? actor.userId : null;
          patch.decided_on = day.date;
          patch.decision_no = await drawDecisionNo(
            tx,
            actor.tenantId,
            settings.decisionPrefix,
            'decision',
            day.date.slice(0, 4),
          );
          // Served within 7 working days (art. 61, 85).
          patch.service_due = addWorkingDays(day.isWorkingDay, day.date, ENFORCEMENT_PERIODS.serviceWorkingDays);
          data = { decisionNo: patch.decision_no, kind: body.decision.kind, fineFen: p.fine, outsideBand: p.outside };
          break;
        }
        case 'serve': {
          if (!body.servedOn) throw E.field('body.servedOn', 'required', 'the date the decision was served');
          if (body.servedOn > day.date || (r.decided_on && body.servedOn < r.decided_on))
            throw E.field('body.servedOn', 'range', 'between the decision date and today');
          patch.served_on = body.servedOn;
          // Payable within 15 days of receipt (art. 67).
          if (Number(r.fine_fen ?? 0) > 0)
            patch.payment_due = addCalendarDays(day.isWorkingDay, body.servedOn, PAYMENT_DAYS);
          data = { servedOn: body.servedOn };
          break;
        }
        case 'record_payment': {
          const pay = body.payment;
          if (!pay) throw E.field('body.payment', 'required', 'the payment');
          if (pay.paidOn > day.date) throw E.field('body.payment.paidOn', 'past', 'the payment date is in the future');
          // More than the fine and its 加处罚款 is not a payment of this decision: refused, naming what is owed.
          const before = await repo.casePayments(tx, id);
          const owed = money(r, before, pay.paidOn).outstanding;
          if (pay.amountFen > owed)
            throw E.field('body.payment.amountFen', 'range', `at most ${owed} fen is owed on ${pay.paidOn}`);
          patch.paid_fen = Number(r.paid_fen) + pay.amountFen;
          await repo.insertPayment(tx, {
            id: newId(),
            tenant_id: actor.tenantId,
            case_id: id,
            amount_fen: pay.amountFen,
            channel: pay.channel,
            reference: pay.reference,
            paid_on: pay.paidOn,
            recorded_by: actor.userId,
            at: now,
          });
          data = { amountFen: pay.amountFen, channel: pay.channel, reference: pay.reference, paidOn: pay.paidOn };
          // Paying the fine and any 加处罚款 in full (for instalments: the last one) executes the decision, which
          // closes the case; a partial payment leaves it in 执行.
          const payments = await repo.casePayments(tx, id);
          if (money(r, payments, day.date).outstanding === 0) {
            patch.stage = 'closed';
            patch.closed_on = day.date;
            settled = { paidFen: patch.paid_fen };
          }
          break;
        }
        case 'close': {
          const { outstanding } = money(r, await repo.casePayments(tx, id), day.date);
          if (outstanding > 0) throw E.notPaid(outstanding);
          patch.closed_on = day.date;
          break;
        }
        case 'archive':
          patch.archived_on = day.date;
          break;
        case 'extend': {
          if (!body.extensionDays) throw E.field('body.extensionDays', 'required', 'how many days to extend');
          if (!r.filed_on) throw E.transition(stage, body.action);
          patch.extension_days = r.extension_days + body.extensionDays;
          patch.decision_due = addCalendarDays(
            day.isWorkingDay,
            r.filed_on,
            ENFORCEMENT_PERIODS.decisionDays + patch.extension_days,
          );
          data = { extensionDays: body.extensionDays, decisionDue: patch.decision_due };
          break;
        }
        default: {
          const step = procedureStep(r, body, day.date, await repo.casePayments(tx, id), day.isWorkingDay);
          if (step) {
            patch = { ...patch, ...step.patch };
            data = step.data;
          }
          break;
        }
      }

      // Entering 告知: 陈述申辩 3 working days, and 5 for asking a hearing when one is due (art. 44–45, 63–64, 85).
      if (target === 'notifying' && stage !== 'notifying') {
        patch.statement_due = addWorkingDays(day.isWorkingDay, day.date, ENFORCEMENT_PERIODS.statementWorkingDays);
        const hearing = patch.hearing ?? r.hearing;
        patch.hearing_due =
          hearing === 1 ? addWorkingDays(day.isWorkingDay, day.date, ENFORCEMENT_PERIODS.hearingWorkingDays) : null;
        data = { ...data, statementDue: patch.statement_due, hearingDue: patch.hearing_due };
      }

      if ((await repo.updateCase(tx, id, r.version, patch)) === 0) throw E.stale(r.version);
      if (officers.length) await repo.addOfficers(tx, id, officers);
      await repo.insertEvent(tx, {
        id: eventId,
        tenant_id: actor.tenantId,
        case_id: id,
        action: body.action,
        from_stage: stage,
        to_stage: target,
        actor_id: actor.userId,
        note,
        officers: officers.length ? JSON.stringify(officers) : null,
        data: data ? JSON.stringify(data) : null,
        at: now,
      });
      if (body.action === 'add_evidence')
        await repo.insertEvidence(
          tx,
          (body.evidence ?? []).map((v) => ({
            id: newId(),
            tenant_id: actor.tenantId,
            case_id: id,
            event_id: eventId,
            kind: v.kind,
            title: v.title,
            sha256: v.sha256,
            collected_at: now,
          })),
        );
      if (settled) await closeSettled(tx, actor, id, now, day.date, settled.paidFen);
      await deps.chain.sync(tx, actor.tenantId, id);
    });
    return detail(actor, await load(db, actor, id));
  }

  /** The closing event of a case settled by a payment: its own row (so it goes on the chain) and an audit row. */
  async function closeSettled(tx: Executor, actor: Actor, id: string, at: string, today: string, paidFen: number) {
    const data = { paidInFull: true, paidFen };
    await repo.insertEvent(tx, {
      id: newId(),
      tenant_id: actor.tenantId,
      case_id: id,
      action: 'close',
      from_stage: 'executing',
      to_stage: 'closed',
      actor_id: actor.userId,
      note: null,
      officers: null,
      data: JSON.stringify(data),
      at,
    });
    await deps.audit.record(tx, actor, actor.tenantId, {
      action: 'enforcement.case.close',
      entity: 'enforcement_case',
      entityId: id,
      before: { stage: 'executing' },
      after: { stage: 'closed', closedOn: today, ...data },
    });
  }

  return act;
}
