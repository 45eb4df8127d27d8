import type {
  EnforcementActionBody,
  EnforcementCaseCreate,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
  EnforcementSettings,
  LegalBasis,
  LegalBasisCreate,
  Officer,
  OfficerOption,
  Penalty,
  PartyLookup,
} from '../../../../common/contracts/enforcement.ts';
import {
  creditCodeProblem,
  idNumberProblem,
  maskIdNumber,
  normalizeCreditCode,
  normalizeIdNumber,
} from '../../../../common/domain/enforcement-identity.ts';
import {
  ENFORCEMENT_PERIODS,
  ENFORCEMENT_TRANSITIONS,
  MIN_OFFICERS,
  addCalendarDays,
  addWorkingDays,
  daysBetween,
  enforcementActions,
  enforcementTarget,
  type EnforcementSource,
  type EnforcementStage,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import {
  PAYMENT_DAYS,
  SUMMARY_LIMIT_FEN,
  lateFeeFen,
  summaryFineAllowed,
} from '../../../../common/domain/enforcement-money.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Role } from '../../../../common/domain/roles.ts';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { EnforcementCasesTable } from '../../db/schema-enforcement.ts';

type CaseRow = Selectable<EnforcementCasesTable>;
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import { caseRows } from '../cases/index.ts';
import { orgNames } from '../org/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement.repository.ts';
import { seedStarterBases } from './enforcement.seed.ts';
import type { EvidenceStore } from './evidence.store.ts';

/** What the enforcement service needs from the cases module: whether the caller may see a 数字城管 case. */
export interface CityCaseAccess {
  canView(actor: Actor, caseId: string): Promise<boolean>;
}

export interface EnforcementDeps {
  audit: AuditService;
  calendar: CalendarService;
  settings: SettingsService;
  cityCases: CityCaseAccess;
  pii: PiiCipher;
  evidence: EvidenceStore;
}

export const ENFORCEMENT_SETTINGS_KEY = 'enforcement.settings';

/**
 * Tenant settings of the enforcement line. The hearing thresholds are set by each province's rules (art. 63):
 * the defaults are placeholders for the bureau to replace (docs/enforcement.md, "Procedures and stages").
 */
export const DEFAULT_ENFORCEMENT_SETTINGS: EnforcementSettings = {
  decisionPrefix: '城管罚决字',
  summaryPrefix: '城管当罚字',
  hearingThresholdFen: { person: 1_000_000, organisation: 10_000_000 },
};

/** Roles whose holders carry out enforcement steps (docs/enforcement.md, "Roles"). */
const OFFICER_ROLES: readonly Role[] = ['enforcementOfficer', 'squadLeader'];

const SORTS = { createdAt: 'created_at', caseNo: 'case_no' } as const;

/**
 * Enforcement cases (行政处罚): the ordinary procedure as a state machine (common/domain/enforcement-lifecycle.ts),
 * the summary procedure in one step, parties with encrypted ID numbers, steps by two officers, the decision with a
 * gap-free 文号, payments with the capped late fee, legal bases and discretion bands as tenant data.
 * Every change is one transaction that writes the case and its event row together.
 */
export function createEnforcementService(database: Database, clock: Clock, deps: EnforcementDeps) {
  const { db } = database;

  async function today(tenantId: string, ex: Executor = db) {
    const calendar = await deps.calendar.forTenant(tenantId, ex);
    return { date: calendar.localDate(clock.now()), isWorkingDay: (d: string) => calendar.isWorkingDay(d) };
  }

  async function settingsOf(tenantId: string, ex: Executor = db): Promise<EnforcementSettings> {
    const stored = await deps.settings.get(tenantId, ENFORCEMENT_SETTINGS_KEY, ex);
    return { ...DEFAULT_ENFORCEMENT_SETTINGS, ...((stored?.value as Partial<EnforcementSettings>) ?? {}) };
  }

  /** Two or more different officers, each an active user of the city (art. 42). */
  async function checkOfficers(
    ex: Executor,
    tenantId: string,
    officers: readonly Officer[] | undefined,
    field: string,
  ) {
    const list = officers ?? [];
    const ids = new Set(list.map((o) => o.userId));
    if (ids.size < MIN_OFFICERS) throw E.tooFewOfficers(field, MIN_OFFICERS);
    const names = await orgNames.activeUserNames(ex, tenantId, [...ids]);
    list.forEach((o, i) => {
      if (!names.has(o.userId)) throw E.unknownOfficer(`${field}.${i}.userId`);
    });
    // One row per officer: a repeated entry keeps its first certificate number.
    const seen = new Set<string>();
    return list
      .filter((o) => !seen.has(o.userId) && seen.add(o.userId))
      .map((o) => ({ userId: o.userId, certNo: o.certNo, name: names.get(o.userId) as string }));
  }

  /** The band a penalty names, checked against the case's violation; the amount must fall inside or carry a reason. */
  async function checkPenalty(ex: Executor, actor: Actor, violationCode: string, p: Penalty, field: string) {
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

  function partyColumns(party: EnforcementCaseCreate['party']) {
    if (party.kind === 'person') {
      if (party.creditCode !== undefined)
        throw E.field('body.party.creditCode', 'kind', 'a person has an ID number, not a credit code');
      const problem = idNumberProblem(party.idNumber ?? '');
      if (problem) throw E.invalidIdNumber('body.party.idNumber', problem);
      const id = normalizeIdNumber(party.idNumber as string);
      return {
        party_id_cipher: deps.pii.encrypt(id),
        party_id_index: deps.pii.index(id),
        party_id_masked: maskIdNumber(id),
        party_credit_code: null,
      };
    }
    if (party.idNumber !== undefined)
      throw E.field('body.party.idNumber', 'kind', 'an organisation has a credit code, not an ID number');
    const problem = creditCodeProblem(party.creditCode ?? '');
    if (problem) throw E.invalidCreditCode('body.party.creditCode', problem);
    return {
      party_id_cipher: null,
      party_id_index: null,
      party_id_masked: null,
      party_credit_code: normalizeCreditCode(party.creditCode as string),
    };
  }

  const summaryOf = (r: CaseRow): EnforcementCaseSummary => ({
    id: r.id,
    caseNo: r.case_no,
    procedure: r.procedure,
    source: r.source as EnforcementSource,
    stage: r.stage as EnforcementStage,
    violationCode: r.violation_code,
    partyKind: r.party_kind,
    partyName: r.party_name,
    partyIdentifier: r.party_kind === 'person' ? r.party_id_masked : r.party_credit_code,
    fineFen: r.fine_fen === null ? null : Number(r.fine_fen),
    decisionNo: r.decision_no,
    decisionDue: r.decision_due,
    createdAt: r.created_at,
  });

  /** 加处罚款 runs from the day after the payment due date until the fine is covered (art. 72(1)). */
  function money(
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

  async function detail(actor: Actor, r: CaseRow, ex: Executor = db): Promise<EnforcementCaseDetail> {
    const [officers, events, evidence, payments, sourceCase, day] = await Promise.all([
      repo.caseOfficers(ex, r.id),
      repo.caseEvents(ex, r.id),
      repo.caseEvidence(ex, r.id),
      repo.casePayments(ex, r.id),
      r.source_case_id
        ? caseRows(ex).select('c.case_no').where('c.id', '=', r.source_case_id).executeTakeFirst()
        : Promise.resolve(undefined),
      today(actor.tenantId, ex),
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
      partyIdentifier: unmasked ? deps.pii.decrypt(r.party_id_cipher as string) : summaryOf(r).partyIdentifier,
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
      paymentDue: r.payment_due,
      paidFen: Number(r.paid_fen),
      lateFeeFen: lateFee,
      outstandingFen: outstanding,
      closedOn: r.closed_on,
      archivedOn: r.archived_on,
      officers: officers.map((o) => ({ userId: o.user_id, name: names.get(o.user_id) ?? '', certNo: o.cert_no })),
      allowedActions: enforcementActions(stage).filter((a) => can(actor, ENFORCEMENT_TRANSITIONS[a].permission)),
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
  }

  async function load(ex: Executor, actor: Actor, id: string) {
    const r = await repo.findCase(ex, actor.tenantId, id);
    if (!r) throw notFound('enforcement_case');
    return r;
  }

  /** The 文号 of a decision: one gap-free sequence per tenant, type and year, drawn inside the decision's transaction. */
  async function drawDecisionNo(ex: Executor, tenantId: string, prefix: string, kind: string, year: string) {
    const seq = await nextSequence(ex, tenantId, `enforcement.${kind}:${year}`);
    return `${prefix}〔${year}〕第${seq}号`;
  }

  async function create(actor: Actor, input: EnforcementCaseCreate): Promise<EnforcementCaseDetail> {
    requirePermission(actor, 'enforcement.file');
    const party = partyColumns(input.party);
    // Every case names a violation the city has a legal basis for (tenant data kept by the 法制 staff).
    if (!(await repo.listBases(db, actor.tenantId, input.violationCode)).length)
      throw E.field('body.violationCode', 'exists', 'no legal basis of this city for that violation');
    if (input.source === 'city_case') {
      if (!input.sourceCaseId) throw E.field('body.sourceCaseId', 'required', 'the 数字城管 case this one comes from');
      if (!(await deps.cityCases.canView(actor, input.sourceCaseId)))
        throw E.field('body.sourceCaseId', 'exists', 'no such case visible to you');
    } else if (input.sourceCaseId !== undefined) {
      throw E.field('body.sourceCaseId', 'source', 'only a case from 数字城管 links one');
    }
    const day = await today(actor.tenantId);
    if (input.violationOn > day.date) throw E.field('body.violationOn', 'past', 'the violation date is in the future');
    const summary = input.procedure === 'summary';
    if (!summary && input.decision)
      throw E.field('body.decision', 'procedure', 'only the summary procedure decides on creation');
    if (summary && !input.decision)
      throw E.field('body.decision', 'required', 'the summary procedure decides on the spot');
    const settings = await settingsOf(actor.tenantId);
    const now = clock.now().toISOString();
    const year = day.date.slice(0, 4);
    const id = newId();
    await db.transaction().execute(async (tx) => {
      const officers = await checkOfficers(tx, actor.tenantId, input.officers, 'body.officers');
      let decision: Partial<Insertable<EnforcementCasesTable>> = {};
      if (summary) {
        const d = input.decision as Penalty;
        const p = await checkPenalty(tx, actor, input.violationCode, d, 'body.decision');
        // 简易程序 is only for small fines (art. 51); above the ceiling the ordinary procedure applies.
        if (!summaryFineAllowed(input.party.kind, p.fine))
          throw E.summaryLimit('body.decision.fineFen', SUMMARY_LIMIT_FEN[input.party.kind]);
        if (p.outside) requirePermission(actor, 'enforcement.exception');
        decision = {
          basis_id: d.basisId,
          band_id: d.bandId,
          decision_kind: d.kind,
          fine_fen: p.fine,
          band_exception_reason: p.outside ? p.reason : null,
          band_exception_by: p.outside ? actor.userId : null,
          decision_no: await drawDecisionNo(tx, actor.tenantId, settings.summaryPrefix, 'summary', year),
          decided_on: day.date,
          filed_on: day.date,
          // Handed over on the spot (art. 61): served the same day, payable within 15 days.
          served_on: day.date,
          payment_due: p.fine > 0 ? addCalendarDays(day.isWorkingDay, day.date, PAYMENT_DAYS) : null,
        };
      }
      // The case number (立案号): one gap-free sequence per tenant and year, like the 文号.
      const seq = await nextSequence(tx, actor.tenantId, `enforcement.case:${year}`);
      const stage: EnforcementStage = summary ? 'executing' : 'filing';
      await repo.insertCase(tx, {
        ...decision,
        id,
        tenant_id: actor.tenantId,
        case_no: `ZF${year}${String(seq).padStart(5, '0')}`,
        procedure: input.procedure,
        source: input.source,
        source_case_id: input.sourceCaseId ?? null,
        source_ref: input.sourceRef ?? null,
        stage,
        major: input.major ? 1 : 0,
        discussion: input.discussion ? 1 : 0,
        unit_id: actor.unitId,
        violation_code: input.violationCode,
        facts: input.facts,
        address: input.address ?? null,
        violation_on: input.violationOn,
        party_kind: input.party.kind,
        party_name: input.party.name,
        ...party,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
      await repo.addOfficers(tx, id, officers);
      await repo.insertEvent(tx, {
        id: newId(),
        tenant_id: actor.tenantId,
        case_id: id,
        action: summary ? 'summary_decision' : 'apply_filing',
        from_stage: null,
        to_stage: stage,
        actor_id: actor.userId,
        note: null,
        officers: JSON.stringify(officers),
        data: summary ? JSON.stringify({ decisionNo: decision.decision_no, fineFen: decision.fine_fen }) : null,
        at: now,
      });
    });
    return detail(actor, await load(db, actor, id));
  }

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
      const officers = t.needsOfficers ? await checkOfficers(tx, actor.tenantId, body.officers, 'body.officers') : [];
      const patch: Updateable<EnforcementCasesTable> & { hearing?: number; extension_days?: number } = {
        stage: target,
        updated_at: now,
      };
      let data: Record<string, unknown> | null = null;
      const eventId = newId();

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
        default:
          break;
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
    });
    return detail(actor, await load(db, actor, id));
  }

  /** Stores an evidence file of a case under investigation and answers the SHA-256 the server computed. */
  async function uploadEvidence(actor: Actor, id: string, bytes: Buffer): Promise<{ sha256: string; bytes: number }> {
    requirePermission(actor, 'enforcement.investigate');
    const r = await load(db, actor, id);
    const stage = r.stage as EnforcementStage;
    if (!enforcementTarget(stage, 'add_evidence', { major: r.major === 1, discussion: r.discussion === 1 }))
      throw E.transition(stage, 'add_evidence');
    if (bytes.length === 0) throw E.field('body.file', 'required', 'an empty file');
    return { sha256: await deps.evidence.put(actor.tenantId, id, bytes), bytes: bytes.length };
  }

  /** An evidence file, checked against the SHA-256 recorded when it was collected. */
  async function evidenceFile(actor: Actor, id: string, evidenceId: string) {
    requirePermission(actor, 'enforcement.read');
    await load(db, actor, id);
    const item = (await repo.caseEvidence(db, id)).find((e) => e.id === evidenceId);
    if (!item) throw notFound('evidence');
    const file = await deps.evidence.read(actor.tenantId, id, item.sha256);
    if (!file || !file.intact) throw E.evidenceAltered(evidenceId);
    return { bytes: file.bytes, sha256: item.sha256, title: item.title };
  }

  return {
    create,
    act,
    uploadEvidence,
    evidenceFile,

    async get(actor: Actor, id: string): Promise<EnforcementCaseDetail> {
      requirePermission(actor, 'enforcement.read');
      return detail(actor, await load(db, actor, id));
    },

    async list(actor: Actor, query: EnforcementCaseQuery): Promise<Page<EnforcementCaseSummary>> {
      requirePermission(actor, 'enforcement.read');
      const w = listWindow(query, SORTS, 'createdAt');
      const { rows, total } = await repo.listCases(
        db,
        actor.tenantId,
        { stage: query.stage, sourceCaseId: query.sourceCaseId, q: query.q },
        { limit: w.limit, offset: w.offset, sort: w.sort, order: query.order ?? 'desc' },
      );
      return { items: rows.map(summaryOf), total, page: w.page, pageSize: w.limit };
    },

    /** Enforcement cases opened from a 数字城管 case: the link back, shown on the case page. */
    async forCityCase(actor: Actor, caseId: string): Promise<EnforcementCaseSummary[]> {
      requirePermission(actor, 'enforcement.read');
      if (!(await deps.cityCases.canView(actor, caseId))) throw notFound('case');
      const { rows } = await repo.listCases(
        db,
        actor.tenantId,
        { sourceCaseId: caseId },
        { limit: 100, offset: 0, sort: 'created_at', order: 'asc' },
      );
      return rows.map(summaryOf);
    },

    /** Earlier cases of a party (repeat offences), by ID number or credit code; identifiers are shown masked. */
    async lookupParty(actor: Actor, q: PartyLookup): Promise<EnforcementCaseSummary[]> {
      requirePermission(actor, 'enforcement.read');
      if ((q.idNumber === undefined) === (q.creditCode === undefined))
        throw E.field('body.idNumber', 'exclusive', 'give either an ID number or a credit code');
      if (q.idNumber !== undefined) {
        const problem = idNumberProblem(q.idNumber);
        if (problem) throw E.invalidIdNumber('body.idNumber', problem);
        const rows = await repo.partyCases(db, actor.tenantId, {
          indexes: deps.pii.indexes(normalizeIdNumber(q.idNumber)),
        });
        return rows.map(summaryOf);
      }
      const problem = creditCodeProblem(q.creditCode as string);
      if (problem) throw E.invalidCreditCode('body.creditCode', problem);
      const rows = await repo.partyCases(db, actor.tenantId, {
        creditCode: normalizeCreditCode(q.creditCode as string),
      });
      return rows.map(summaryOf);
    },

    async listBases(actor: Actor, violationCode?: string): Promise<LegalBasis[]> {
      requirePermission(actor, 'enforcement.read');
      const bases = await repo.listBases(db, actor.tenantId, violationCode);
      const bands = await repo.bandsOf(
        db,
        bases.map((b) => b.id),
      );
      const order = ['slight', 'general', 'serious', 'severe'];
      return bases.map((b) => ({
        id: b.id,
        violationCode: b.violation_code,
        violationName: b.violation_name,
        law: b.law,
        article: b.article,
        provisionText: b.provision_text,
        sample: b.sample === 1,
        bands: bands
          .filter((x) => x.basis_id === b.id)
          .sort((x, y) => order.indexOf(x.level) - order.indexOf(y.level))
          .map((x) => ({
            id: x.id,
            level: x.level,
            minFen: Number(x.min_fen),
            maxFen: Number(x.max_fen),
            factors: x.factors,
          })),
      }));
    },

    async createBasis(actor: Actor, input: LegalBasisCreate): Promise<LegalBasis> {
      requirePermission(actor, 'enforcement.manage');
      const levels = new Set<string>();
      input.bands.forEach((b, i) => {
        if (b.maxFen < b.minFen) throw E.field(`body.bands.${i}.maxFen`, 'range', 'the maximum is below the minimum');
        if (levels.has(b.level)) throw E.field(`body.bands.${i}.level`, 'unique', 'each level once');
        levels.add(b.level);
      });
      const now = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        await repo.insertBasis(
          tx,
          {
            id,
            tenant_id: actor.tenantId,
            violation_code: input.violationCode,
            violation_name: input.violationName,
            law: input.law,
            article: input.article,
            provision_text: input.provisionText,
            sample: 0,
            active: 1,
            created_at: now,
            updated_at: now,
          },
          input.bands.map((b) => ({
            id: newId(),
            tenant_id: actor.tenantId,
            basis_id: id,
            level: b.level,
            min_fen: b.minFen,
            max_fen: b.maxFen,
            factors: b.factors,
          })),
        );
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'enforcement.basis.create',
          entity: 'legal_basis',
          entityId: id,
          before: null,
          after: input,
        });
      });
      const all = await this.listBases(actor, input.violationCode);
      return all.find((b) => b.id === id) as LegalBasis;
    },

    /** Loads the starter set (marked sample) into a city that has no legal bases yet. */
    async loadStarterBases(actor: Actor): Promise<{ written: number }> {
      requirePermission(actor, 'enforcement.manage');
      const written = await db.transaction().execute(async (tx) => {
        const n = await seedStarterBases(tx, actor.tenantId, clock.now().toISOString());
        if (n > 0)
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'enforcement.basis.starter',
            entity: 'legal_basis',
            entityId: actor.tenantId,
            before: null,
            after: { written: n },
          });
        return n;
      });
      return { written };
    },

    /** The officers a step may name, for the pickers (officers themselves hold no user.read). */
    async officers(actor: Actor): Promise<OfficerOption[]> {
      requirePermission(actor, 'enforcement.read');
      const rows = await orgNames.activeUsersWithRoles(db, actor.tenantId, OFFICER_ROLES);
      return rows.map((r) => ({ userId: r.id, name: r.display_name, unitName: r.unit_name }));
    },

    async getSettings(actor: Actor): Promise<EnforcementSettings> {
      requirePermission(actor, 'enforcement.read');
      return settingsOf(actor.tenantId);
    },

    async putSettings(actor: Actor, value: EnforcementSettings): Promise<EnforcementSettings> {
      requirePermission(actor, 'enforcement.manage');
      await db.transaction().execute((tx) => deps.settings.put(tx, actor, ENFORCEMENT_SETTINGS_KEY, value));
      return settingsOf(actor.tenantId);
    },
  };
}
export type EnforcementService = ReturnType<typeof createEnforcementService>;
