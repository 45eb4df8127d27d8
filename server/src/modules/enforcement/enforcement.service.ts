import type {
  EnforcementCaseCreate,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
  Penalty,
  PartyLookup,
} from '../../../../common/contracts/enforcement.ts';
import {
  ENFORCEMENT_TRANSITIONS,
  addCalendarDays,
  enforcementActions,
  enforcementTarget,
  type EnforcementStage,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import { PAYMENT_DAYS, SUMMARY_LIMIT_FEN, summaryFineAllowed } from '../../../../common/domain/enforcement-money.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Insertable } from 'kysely';
import type { EnforcementCasesTable } from '../../db/schema-enforcement.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
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
import type { EvidenceStore } from './evidence.store.ts';
import type { CaseChain } from './documents/chain.ts';
import { createEnforcementActions } from './enforcement-actions.ts';
import { createEnforcementBases, settingsOf as settingsOfTenant } from './enforcement-bases.ts';
import { checkPenalty, drawDecisionNo, money } from './enforcement-decisions.ts';
import { checkOfficers, lookupParty, partyColumns, summaryOf, type CaseRow } from './enforcement-parties.ts';

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
  chain: CaseChain;
}

export { ENFORCEMENT_SETTINGS_KEY, DEFAULT_ENFORCEMENT_SETTINGS } from './enforcement-bases.ts';

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
  const settingsOf = (tenantId: string, ex: Executor = db) => settingsOfTenant(deps.settings, tenantId, ex);

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
  async function create(actor: Actor, input: EnforcementCaseCreate): Promise<EnforcementCaseDetail> {
    requirePermission(actor, 'enforcement.file');
    const party = partyColumns(deps.pii, input.party);
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
      await deps.chain.sync(tx, actor.tenantId, id);
    });
    return detail(actor, await load(db, actor, id));
  }
  const act = createEnforcementActions({ db, clock, deps, today, settingsOf, load, detail });

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
    lookupParty: (actor: Actor, q: PartyLookup) => lookupParty(db, deps.pii, actor, q),

    ...createEnforcementBases(database, clock, deps),
  };
}
export type EnforcementService = ReturnType<typeof createEnforcementService>;
