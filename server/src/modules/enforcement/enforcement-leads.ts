import type {
  EnforcementLead,
  EnforcementLeadQuery,
  LeadDecline,
  LeadEvidence,
  LeadFile,
  LeadSubmission,
} from '../../../../common/contracts/enforcement-leads.ts';
import type { EnforcementCaseCreate, EnforcementCaseDetail } from '../../../../common/contracts/enforcement.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { EnforcementLeadsTable } from '../../db/schema-enforcement.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { AuditService } from '../audit/index.ts';
import { orgNames, tenantColumns } from '../org/index.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement-leads.repository.ts';

export const LEAD_READ = 'lead.read';
export const LEAD_DECIDE = 'lead.decide';

/** Opens a case inside the intake's transaction step (the enforcement service's create with the lead hook). */
export type CaseOpener = (
  actor: Actor,
  input: EnforcementCaseCreate,
  withinTx: (tx: Executor, caseId: string, caseNo: string) => Promise<void>,
) => Promise<EnforcementCaseDetail>;

/** What other modules call (through enforcement's index.ts) to hand over a lead, in their own transaction. */
export interface LeadIntake {
  submit(
    tx: Executor,
    actor: Actor | null,
    tenantId: string,
    lead: LeadSubmission,
  ): Promise<{ id: string; leadNo: string }>;
}

async function views(ex: Executor, rows: readonly repo.LeadRow[]): Promise<EnforcementLead[]> {
  const users = await orgNames.userNames(ex, [
    ...new Set(rows.flatMap((r) => [r.submitted_by, r.decided_by].filter((u): u is string => Boolean(u)))),
  ]);
  return rows.map((r) => ({
    id: r.id,
    leadNo: r.lead_no,
    source: r.source,
    sourceId: r.source_id,
    matter: r.matter,
    matterCode: r.matter_code,
    matterParams: r.matter_params ? (JSON.parse(r.matter_params) as Record<string, string>) : {},
    originCaseId: r.origin_case_id,
    originCaseNo: r.origin_case_no,
    violationCode: r.violation_code,
    place: r.place,
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
    occurredAt: r.occurred_at,
    evidence: JSON.parse(r.evidence) as LeadEvidence[],
    note: r.note,
    status: r.status,
    reason: r.reason,
    caseId: r.case_id,
    caseNo: r.case_no,
    submittedByName: r.submitted_by ? (users.get(r.submitted_by) ?? null) : null,
    decidedByName: r.decided_by ? (users.get(r.decided_by) ?? null) : null,
    decidedAt: r.decided_at,
    version: Number(r.version),
    createdAt: r.created_at,
  }));
}

/**
 * The lead intake (docs/enforcement-leads.md): modules submit 线索 with their evidence links; 研判 decides 立案, which
 * opens an enforcement case prefilled from the lead in the same transaction as the lead's decision, or 不予立案 with
 * the reason. Reading needs lead.read, deciding lead.decide (and 立案 the case's own enforcement.file).
 */
export function createLeadIntake(database: Database, clock: Clock, deps: { audit: AuditService; open: CaseOpener }) {
  const { db } = database;

  async function load(ex: Executor, actor: Actor, id: string) {
    const r = await repo.findLead(ex, actor.tenantId, id);
    if (!r) throw notFound('enforcement_lead');
    return r;
  }
  async function decided(tx: Executor, actor: Actor, cur: repo.LeadRow, version: number, patch: repo.LeadPatch) {
    if (cur.status !== 'pending') throw E.leadDecided(cur.status);
    if (!(await repo.updateLead(tx, actor.tenantId, cur.id, version, patch))) throw E.stale(Number(cur.version));
    await deps.audit.record(tx, actor, actor.tenantId, {
      action: `enforcement_lead.${patch.status === 'filed' ? 'file' : 'decline'}`,
      entity: 'enforcement_lead',
      entityId: cur.id,
      before: { status: cur.status },
      after: { status: patch.status, leadNo: cur.lead_no, ...(patch.reason ? { reason: patch.reason } : {}) },
    });
  }

  const intake: LeadIntake = {
    async submit(tx, actor, tenantId, lead) {
      const known = await repo.leadOfSource(tx, tenantId, lead.source, lead.sourceId);
      if (known) return { id: known.id, leadNo: known.lead_no };
      const now = clock.now().toISOString();
      const year = now.slice(0, 4);
      const seq = await nextSequence(tx, tenantId, `enforcement.lead:${year}`);
      const row: EnforcementLeadsTable = {
        id: newId(),
        tenant_id: tenantId,
        lead_no: `XS${year}${String(seq).padStart(5, '0')}`,
        source: lead.source,
        source_id: lead.sourceId,
        matter: lead.matter,
        matter_code: lead.matterCode ?? null,
        matter_params: lead.matterParams ? JSON.stringify(lead.matterParams) : null,
        origin_case_id: lead.originCaseId ?? null,
        origin_case_no: lead.originCaseNo ?? null,
        violation_code: lead.violationCode ?? null,
        place: lead.place ?? null,
        lng: lead.lng ?? null,
        lat: lead.lat ?? null,
        occurred_at: lead.occurredAt,
        evidence: JSON.stringify(lead.evidence),
        note: lead.note ?? null,
        status: 'pending',
        reason: null,
        case_id: null,
        submitted_by: actor?.userId ?? null,
        decided_by: null,
        decided_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repo.insertLead(tx, row);
      if (actor)
        await deps.audit.record(tx, actor, tenantId, {
          action: 'enforcement_lead.submit',
          entity: 'enforcement_lead',
          entityId: row.id,
          after: { leadNo: row.lead_no, source: row.source, sourceId: row.source_id, matter: row.matter },
        });
      return { id: row.id, leadNo: row.lead_no };
    },
  };

  return {
    intake,
    async list(actor: Actor, q: EnforcementLeadQuery): Promise<Page<EnforcementLead>> {
      requirePermission(actor, LEAD_READ);
      const w = listWindow(q, { createdAt: 'created_at', occurredAt: 'occurred_at', leadNo: 'lead_no' }, 'createdAt');
      const { rows, total } = await repo.listLeads(
        db,
        actor.tenantId,
        { status: q.status, source: q.source, q: q.q },
        { ...w, order: q.order ?? 'desc' },
      );
      return { items: await views(db, rows), total, page: w.page, pageSize: w.limit };
    },
    async get(actor: Actor, id: string): Promise<EnforcementLead> {
      requirePermission(actor, LEAD_READ);
      return (await views(db, [await load(db, actor, id)]))[0]!;
    },
    /** 立案: an ordinary-procedure case from the lead; the lead is filed in the case's transaction. */
    async file(
      actor: Actor,
      id: string,
      input: LeadFile,
    ): Promise<{ lead: EnforcementLead; case: EnforcementCaseDetail }> {
      requirePermission(actor, LEAD_DECIDE);
      const cur = await load(db, actor, id);
      if (cur.status !== 'pending') throw E.leadDecided(cur.status);
      if (cur.version !== input.version) throw E.stale(Number(cur.version));
      const evidence = (JSON.parse(cur.evidence) as LeadEvidence[]).map((e) => `${e.title}：${e.url}`).join('；');
      const facts =
        input.facts?.trim() ||
        [`线索 ${cur.lead_no}：${cur.matter}`, cur.place, cur.note, evidence ? `证据：${evidence}` : null]
          .filter(Boolean)
          .join('。')
          .slice(0, 4000);
      const zone = (await tenantColumns(db, actor.tenantId, ['timezone']))?.timezone ?? 'Asia/Shanghai';
      const created = await deps.open(
        actor,
        {
          procedure: 'ordinary',
          source: 'lead',
          sourceRef: cur.lead_no,
          violationCode: input.violationCode,
          facts,
          ...(cur.place ? { address: cur.place.slice(0, 200) } : {}),
          violationOn: input.violationOn ?? zonedDate(cur.occurred_at, zone),
          major: input.major === true,
          discussion: input.discussion === true,
          party: input.party,
          officers: input.officers,
        },
        (tx, caseId) =>
          decided(tx, actor, cur, input.version, {
            status: 'filed',
            case_id: caseId,
            decided_by: actor.userId,
            decided_at: clock.now().toISOString(),
            updated_at: clock.now().toISOString(),
          }),
      );
      return { lead: await this.get(actor, id), case: created };
    },
    /** 不予立案, with the reason (audited). */
    async decline(actor: Actor, id: string, input: LeadDecline): Promise<EnforcementLead> {
      requirePermission(actor, LEAD_DECIDE);
      const cur = await load(db, actor, id);
      const reason = input.reason.trim();
      if (reason.length < 2) throw E.field('body.reason', 'required', 'give the reason for 不予立案');
      const now = clock.now().toISOString();
      await db.transaction().execute((tx) =>
        decided(tx, actor, cur, input.version, {
          status: 'declined',
          reason,
          decided_by: actor.userId,
          decided_at: now,
          updated_at: now,
        }),
      );
      return this.get(actor, id);
    },
  };
}
export type LeadService = ReturnType<typeof createLeadIntake>;
