import type {
  EnforcementCaseCreate,
  EnforcementCaseDetail,
  EnforcementCaseQuery,
  EnforcementCaseSummary,
  EnforcementFigures,
  Penalty,
  PartyLookup,
} from '../../../../common/contracts/enforcement.ts';
import {
  addCalendarDays,
  enforcementTarget,
  type EnforcementStage,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import { PAYMENT_DAYS, SUMMARY_LIMIT_FEN, summaryFineAllowed } from '../../../../common/domain/enforcement-money.ts';
import { normalizeIdNumber } from '../../../../common/domain/enforcement-identity.ts';
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
import { requirePermission, type Actor } from '../auth/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement.repository.ts';
import type { EvidenceStore } from './evidence.store.ts';
import type { CaseChain } from './documents/chain.ts';
import { createEnforcementActions } from './enforcement-actions.ts';
import { createEnforcementBases, settingsOf as settingsOfTenant } from './enforcement-bases.ts';
import { checkPenalty, drawDecisionNo } from './enforcement-decisions.ts';
import { createDetail } from './enforcement-detail.ts';
import { enforcementFigures } from './enforcement-figures.ts';
import { createEnforcementSweep } from './enforcement-sweep.ts';
import { lookupParty, partyColumns, summaryOf } from './enforcement-parties.ts';
import { checkOfficers, createEnforcementRegisters, leniencyOf } from './enforcement-register.ts';
import { caseScope, scopeFilter, seesCase } from './enforcement-scope.ts';

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
  const detail = createDetail(db, deps.pii, today);

  /** A case the caller sees (the squad rule, enforcement-scope.ts); any other answers the same 404. */
  async function load(ex: Executor, actor: Actor, id: string) {
    const r = await repo.findCase(ex, actor.tenantId, id);
    if (!r || !(await seesCase(ex, caseScope(actor), r))) throw notFound('enforcement_case');
    return r;
  }
  /**
   * 立案. `fromLead` is the lead intake's step, run in the case's transaction (the lead is filed with its case); only
   * the intake opens a case of source `lead`.
   */
  async function create(
    actor: Actor,
    input: EnforcementCaseCreate,
    fromLead?: (tx: Executor, caseId: string, caseNo: string) => Promise<void>,
  ): Promise<EnforcementCaseDetail> {
    requirePermission(actor, 'enforcement.file');
    if ((input.source === 'lead') !== Boolean(fromLead))
      throw E.field('body.source', 'lead', 'a case from a lead is opened from the lead list (立案)');
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
      const officers = await checkOfficers(tx, actor.tenantId, input.officers, 'body.officers', day.date);
      // 首违不罚 / 轻微免罚: a first minor violation is proposed 不予处罚; a repeat within the window is flagged.
      const lenient = await leniencyOf(
        tx,
        actor.tenantId,
        input.violationCode,
        input.violationOn,
        input.party.kind === 'person'
          ? { indexes: deps.pii.indexes(normalizeIdNumber(input.party.idNumber ?? '')) }
          : { creditCode: party.party_credit_code as string },
      );
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
      const caseNo = `ZF${year}${String(seq).padStart(5, '0')}`;
      const stage: EnforcementStage = summary ? 'executing' : 'filing';
      await repo.insertCase(tx, {
        ...decision,
        id,
        tenant_id: actor.tenantId,
        case_no: caseNo,
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
        leniency: lenient?.mark ?? null,
        prior_case_id: lenient?.priorCaseId ?? null,
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
      await fromLead?.(tx, id, caseNo);
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
        scopeFilter(caseScope(actor)),
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
        scopeFilter(caseScope(actor)),
      );
      return rows.map(summaryOf);
    },

    /** KPIs over a period, within the caller's visibility (the report counts the whole city). */
    async figures(actor: Actor, q: { from: string; to: string }): Promise<EnforcementFigures> {
      requirePermission(actor, 'enforcement.read');
      if (q.to < q.from) throw E.field('query.to', 'range', 'before the start of the period');
      return enforcementFigures(db, actor.tenantId, q.from, q.to, scopeFilter(caseScope(actor)));
    },

    /** The latest deadline warnings and 督办 of the cases the caller sees. */
    async warnings(actor: Actor) {
      requirePermission(actor, 'enforcement.read');
      return repo.recentWarnings(db, actor.tenantId, scopeFilter(caseScope(actor)));
    },

    sweep: createEnforcementSweep(database, clock, deps.calendar),

    /** Earlier cases of a party (repeat offences), by ID number or credit code; identifiers are shown masked. */
    lookupParty: (actor: Actor, q: PartyLookup) => lookupParty(db, deps.pii, actor, q),

    ...createEnforcementBases(database, clock, deps),
    ...createEnforcementRegisters(database, clock, deps),
  };
}
export type EnforcementService = ReturnType<typeof createEnforcementService>;
