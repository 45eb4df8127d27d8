import type {
  Application,
  ApplicationClose,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationQuery,
  APPLICATION_SORTS,
  CorrectionCreate,
  CorrectionResume,
  DecisionCreate,
} from '../../../../common/contracts/approvals.ts';
import {
  canDo,
  missingMaterials,
  type ApprovalAction,
  type MaterialItem,
} from '../../../../common/domain/approvals.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { ApApplicationsTable, ApTypesTable } from '../../db/schema-approvals.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import {
  applicationView,
  audited,
  createApContext,
  DECIDE,
  dueAt,
  HANDLE,
  parseJson,
  READ,
  type ApDeps,
  type ApplicationRow,
} from './ap-context.ts';
import { createApConsultations } from './ap-consultations.ts';
import { createApTypes } from './ap-types.ts';
import type { DetailValue } from './approvals-effects.ts';
import { apErrors } from './approvals.errors.ts';
import * as repo from './approvals.repository.ts';

const SORTS = {
  acceptedAt: 'accepted_at',
  dueAt: 'due_at',
  applicationNo: 'application_no',
  status: 'status',
} as const satisfies Record<(typeof APPLICATION_SORTS)[number], string>;

/** Codes of `codes` outside the checklist, with their index in the request. */
function outsideChecklist(checklist: readonly MaterialItem[], codes: readonly string[]) {
  const known = new Set(checklist.map((i) => i.code));
  return codes.flatMap((code, index) => (known.has(code) ? [] : [{ index, code }]));
}

/**
 * 行政审批 (docs/approvals.md): the window accepts an application against its type's checklist, reviews it, may
 * ask for 补正 (the promised-time clock stops until the materials arrive), a decider grants or refuses it, and the
 * window closes it (办结). A grant writes the permit and, through the effects registry, the entry of the type's
 * register, in the decision's transaction. Every step is audited in its own transaction.
 */
export function createApprovalsService(database: Database, clock: Clock, deps: ApDeps) {
  const ctx = createApContext(database, clock, deps);
  const { db, audit, calendar, effects } = ctx;

  async function applicationIn(ex: Executor, actor: Actor, id: string) {
    const row = await repo.findApplication(ex, actor.tenantId, id);
    if (!row) throw notFound('approval_application');
    return row;
  }

  async function typeOf(ex: Executor, tenantId: string, id: string) {
    const type = await repo.findType(ex, tenantId, id);
    if (!type) throw apErrors.unknownType();
    return type;
  }

  function checklistOf(type: ApTypesTable) {
    return parseJson<MaterialItem[]>(type.materials, []);
  }

  function checkCodes(checklist: readonly MaterialItem[], codes: readonly string[], field: string) {
    const bad = outsideChecklist(checklist, codes);
    if (bad.length) throw apErrors.unknownMaterials(field, bad);
  }

  /** Moves the row on from the status it was read in, or answers 409 with the status it is in now. */
  async function move(
    tx: Executor,
    actor: Actor,
    row: ApplicationRow,
    action: ApprovalAction,
    patch: Partial<ApApplicationsTable>,
    note: string | null = null,
  ) {
    if (!canDo(action, row.status)) throw apErrors.transition(action, row.status);
    const n = await repo.moveApplication(tx, actor.tenantId, row.id, row.status, {
      ...patch,
      updated_at: ctx.now(),
    });
    if (n === 0) {
      const current = await applicationIn(tx, actor, row.id);
      throw apErrors.transition(action, current.status);
    }
    await audit.record(tx, actor, actor.tenantId, {
      action: `approval.${action}`,
      entity: 'approval_application',
      entityId: row.id,
      before: audited(row),
      after: { ...audited({ ...row, ...patch }), ...(note ? { note } : {}) },
    });
  }

  async function get(actor: Actor, id: string): Promise<ApplicationDetail> {
    requirePermission(actor, READ);
    const row = await applicationIn(db, actor, id);
    const [type, corrections, permit] = await Promise.all([
      typeOf(db, actor.tenantId, row.type_id),
      repo.correctionsOf(db, actor.tenantId, id),
      repo.permitOf(db, actor.tenantId, id),
    ]);
    const received = new Set(parseJson<string[]>(row.materials, []));
    return {
      ...applicationView(row),
      materials: checklistOf(type).map((i) => ({ ...i, received: received.has(i.code) })),
      details: parseJson<Record<string, DetailValue>>(row.details, {}),
      corrections: corrections.map((c) => ({
        id: c.id,
        items: parseJson<string[]>(c.items, []),
        note: c.note,
        requestedAt: c.requested_at,
        resumedAt: c.resumed_at,
        pausedWorkingMs: c.paused_ms === null ? null : Number(c.paused_ms),
      })),
      decisionNote: row.decision_note,
      decidedAt: row.decided_at,
      validFrom: permit?.valid_from ?? null,
      validTo: permit?.valid_to ?? null,
      register: row.register_kind && row.register_id ? { register: row.register_kind, id: row.register_id } : null,
    };
  }

  async function list(actor: Actor, q: ApplicationQuery): Promise<Page<Application>> {
    requirePermission(actor, READ);
    const w = listWindow(q, SORTS, 'acceptedAt');
    const { rows, total } = await repo.listApplications(db, actor.tenantId, q, {
      ...w,
      order: q.order ?? (q.sort ? 'asc' : 'desc'),
    });
    return { items: rows.map(applicationView), total, page: w.page, pageSize: w.limit };
  }

  async function accept(actor: Actor, input: ApplicationCreate): Promise<ApplicationDetail> {
    requirePermission(actor, HANDLE);
    const type = await typeOf(db, actor.tenantId, input.typeId);
    if (Number(type.active) !== 1) throw apErrors.unknownType();
    checkCodes(checklistOf(type), input.materials, 'body.materials');
    const details = input.details ?? {};
    const issues = effects.get(type.code)?.check?.(details) ?? [];
    if (issues.length) throw apErrors.badDetails(issues);
    const cal = await calendar.forTenant(actor.tenantId);
    const at = clock.now();
    const now = at.toISOString();
    const due = dueAt(cal, now, Number(type.promised_days), 0);
    const id = newId();
    await db.transaction().execute(async (tx) => {
      const acceptedOn = cal.localDate(at);
      const seq = await nextSequence(tx, actor.tenantId, `ap-app-${acceptedOn.slice(0, 4)}`);
      const row: ApApplicationsTable = {
        id,
        tenant_id: actor.tenantId,
        application_no: `SP${acceptedOn.slice(0, 4)}-${String(seq).padStart(5, '0')}`,
        type_id: type.id,
        applicant_name: input.applicantName.trim(),
        applicant_phone: input.applicantPhone,
        address: input.address.trim(),
        summary: input.summary?.trim() || null,
        materials: JSON.stringify(input.materials),
        details: JSON.stringify(details),
        status: 'accepted',
        accepted_at: now,
        accepted_on: acceptedOn,
        promised_days: Number(type.promised_days),
        due_at: due.toISOString(),
        due_on: cal.localDate(due),
        paused_ms: 0,
        paused_at: null,
        decision: null,
        decision_note: null,
        decided_at: null,
        decided_by: null,
        register_kind: null,
        register_id: null,
        closed_at: null,
        closed_on: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await repo.insertApplications(tx, [row]);
      await audit.record(tx, actor, actor.tenantId, {
        action: 'approval.accept',
        entity: 'approval_application',
        entityId: id,
        after: { ...audited(row), type: type.code, materials: input.materials },
      });
    });
    return get(actor, id);
  }

  return {
    get,
    list,
    accept,

    async review(actor: Actor, id: string): Promise<ApplicationDetail> {
      requirePermission(actor, HANDLE);
      await db.transaction().execute(async (tx) => {
        await move(tx, actor, await applicationIn(tx, actor, id), 'review', { status: 'reviewing' });
      });
      return get(actor, id);
    },

    /** 补正: the items asked for count as not received until they arrive; the clock stops now. */
    async correct(actor: Actor, id: string, input: CorrectionCreate): Promise<ApplicationDetail> {
      requirePermission(actor, HANDLE);
      await db.transaction().execute(async (tx) => {
        const row = await applicationIn(tx, actor, id);
        if (!canDo('correct', row.status)) throw apErrors.transition('correct', row.status);
        const type = await typeOf(tx, actor.tenantId, row.type_id);
        checkCodes(checklistOf(type), input.items, 'body.items');
        const now = ctx.now();
        const asked = new Set(input.items);
        const received = parseJson<string[]>(row.materials, []).filter((c) => !asked.has(c));
        await move(
          tx,
          actor,
          row,
          'correct',
          { status: 'correction', paused_at: now, materials: JSON.stringify(received) },
          input.note.trim(),
        );
        await repo.insertCorrection(tx, {
          id: newId(),
          tenant_id: actor.tenantId,
          application_id: id,
          items: JSON.stringify(input.items),
          note: input.note.trim(),
          requested_at: now,
          requested_by: actor.userId,
          resumed_at: null,
          resumed_by: null,
          paused_ms: null,
        });
      });
      return get(actor, id);
    },

    /** The materials arrived: the working time since the request is added to the limit and review goes on. */
    async resume(actor: Actor, id: string, input: CorrectionResume): Promise<ApplicationDetail> {
      requirePermission(actor, HANDLE);
      const cal = await calendar.forTenant(actor.tenantId);
      await db.transaction().execute(async (tx) => {
        const row = await applicationIn(tx, actor, id);
        if (!canDo('resume', row.status)) throw apErrors.transition('resume', row.status);
        const type = await typeOf(tx, actor.tenantId, row.type_id);
        checkCodes(checklistOf(type), input.materials, 'body.materials');
        const now = ctx.now();
        const paused = Math.max(0, cal.workingMsBetween(new Date(row.paused_at ?? now), new Date(now)));
        const pausedMs = Number(row.paused_ms) + paused;
        const due = dueAt(cal, row.accepted_at, Number(row.promised_days), pausedMs);
        const received = [...new Set([...parseJson<string[]>(row.materials, []), ...input.materials])];
        await move(
          tx,
          actor,
          row,
          'resume',
          {
            status: 'reviewing',
            paused_at: null,
            paused_ms: pausedMs,
            due_at: due.toISOString(),
            due_on: cal.localDate(due),
            materials: JSON.stringify(received),
          },
          input.note?.trim() || null,
        );
        const open = await repo.openCorrection(tx, actor.tenantId, id);
        if (open)
          await repo.closeCorrection(tx, open.id, { resumed_at: now, resumed_by: actor.userId, paused_ms: paused });
      });
      return get(actor, id);
    },

    /**
     * 准予 or 不予. A grant needs every required item of the checklist; it draws the permit number, writes the
     * permit and runs the type's register effect, all in one transaction with the decision and its audit row.
     */
    async decide(actor: Actor, id: string, input: DecisionCreate): Promise<ApplicationDetail> {
      requirePermission(actor, DECIDE);
      const cal = await calendar.forTenant(actor.tenantId);
      // a register's own reads happen before the transaction (see approvals-effects.ts); the type never changes code
      const before = await applicationIn(db, actor, id);
      const preparedFor =
        input.decision === 'grant' ? effects.get((await typeOf(db, actor.tenantId, before.type_id)).code) : undefined;
      const prepared = await preparedFor?.prepare?.(actor.tenantId, actor);
      await db.transaction().execute(async (tx) => {
        const row = await applicationIn(tx, actor, id);
        if (!canDo('decide', row.status)) throw apErrors.transition('decide', row.status);
        const at = clock.now();
        const now = at.toISOString();
        const today = cal.localDate(at);
        const patch: Partial<ApApplicationsTable> = {
          status: 'decided',
          decision: input.decision,
          decision_note: input.note.trim(),
          decided_at: now,
          decided_by: actor.userId,
        };
        if (input.decision === 'deny') return move(tx, actor, row, 'decide', patch);

        const type = await typeOf(tx, actor.tenantId, row.type_id);
        const missing = missingMaterials(checklistOf(type), parseJson<string[]>(row.materials, []));
        if (missing.length) throw apErrors.missingMaterials(missing);
        const validTo = input.validTo ?? null;
        if (validTo && validTo < today) throw apErrors.validTo('must not be before the decision day');
        const details = parseJson<Record<string, DetailValue>>(row.details, {});
        const effect = effects.get(type.code);
        const issues = effect?.check?.(details, validTo) ?? [];
        if (issues.length) throw apErrors.badDetails(issues);

        const seq = await nextSequence(tx, actor.tenantId, `ap-permit-${today.slice(0, 4)}`);
        const permitNo = `大城管许〔${today.slice(0, 4)}〕${String(seq).padStart(4, '0')}号`;
        const permitId = newId();
        await repo.insertPermit(tx, {
          id: permitId,
          tenant_id: actor.tenantId,
          application_id: id,
          permit_no: permitNo,
          holder_name: row.applicant_name,
          valid_from: today,
          valid_to: validTo,
          created_at: now,
        });
        const entry = effect
          ? await effect.apply(
              tx,
              {
                tenantId: actor.tenantId,
                actor,
                applicationId: id,
                applicationNo: row.application_no,
                typeCode: type.code,
                typeName: type.name,
                applicantName: row.applicant_name,
                applicantPhone: row.applicant_phone,
                address: row.address,
                details,
                permitNo,
                validFrom: today,
                validTo,
                note: input.note.trim(),
              },
              prepared,
            )
          : { register: 'permit', id: permitId };
        await move(tx, actor, row, 'decide', { ...patch, register_kind: entry.register, register_id: entry.id });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'approval.permit',
          entity: 'approval_permit',
          entityId: permitId,
          after: { applicationNo: row.application_no, permitNo, validFrom: today, validTo, register: entry },
        });
      });
      return get(actor, id);
    },

    /** 办结: the decision is served; the day counts against the promised date for 提前办结. */
    async close(actor: Actor, id: string, input: ApplicationClose): Promise<ApplicationDetail> {
      requirePermission(actor, HANDLE);
      const cal = await calendar.forTenant(actor.tenantId);
      await db.transaction().execute(async (tx) => {
        const at = clock.now();
        await move(
          tx,
          actor,
          await applicationIn(tx, actor, id),
          'close',
          { status: 'closed', closed_at: at.toISOString(), closed_on: cal.localDate(at) },
          input.note?.trim() || null,
        );
      });
      return get(actor, id);
    },

    ...createApTypes(ctx),
    ...createApConsultations(ctx),
  };
}
export type ApprovalsService = ReturnType<typeof createApprovalsService>;
