import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import { INTERNAL_CHANNELS, type CaseChannel } from '../../../../common/domain/case-channels.ts';
import { TERMINAL_STATES, type CaseAction, type CaseState } from '../../../../common/domain/case-status.ts';
import { followUps } from '../../../../common/domain/workflow-options.ts';
import { isPublicChannel, PUBLIC_CHANNELS_SETTING, publicChannelsOf } from '../../../../common/domain/public-output.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import type { Actor } from '../auth/index.ts';
import { enqueueNotice, NOTICE_KINDS } from '../notify/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { TRANSITIONS } from './case-lifecycle.ts';
import { caseErrors } from './case.errors.ts';
import { canDo, holdsTask, maySelfHandle } from './case.policy.ts';
import * as repo from './case.repository.ts';
import type { timelineWriter } from './case-timeline.ts';
import { decide } from './case-transitions.ts';
import { workflowFor } from './case-workflow.ts';
import { holdsGridTask, workflowGate } from './case-workflow-step.ts';

/**
 * One step of the lifecycle for a case the caller can see: the checks (permission, task, approvals, reason, version),
 * the outcome decided in case-transitions.ts, the optimistic write with its timeline event and, on closing, the
 * notices to the reporters. case.service.ts reads the case before and renders it after.
 */
export function stepTaker(
  database: Database,
  clock: Clock,
  deps: CaseDeps,
  appendEvent: ReturnType<typeof timelineWriter>,
) {
  const { db, dialect } = database;

  return async function takeStep(
    actor: Actor,
    c: CasesTable,
    asked: CaseTransition,
  ): Promise<{ updated: CasesTable; calendar: WorkCalendar }> {
    const t = TRANSITIONS[asked.action];
    if (!canDo(actor, t.permission, c)) throw notFound('case');
    if (c.status === 'transferred') throw caseErrors.transferred(asked.action);
    const wf = await workflowFor(deps.settings, c.tenant_id);
    const gridHolder = await holdsGridTask(deps, actor, c);
    if (t.from.includes(c.status as CaseState) && !holdsTask(actor, asked.action, c, gridHolder))
      throw caseErrors.taskNotAssigned(asked.action);
    if (asked.action === 'self_handle' && !maySelfHandle(actor)) throw caseErrors.selfHandleForbidden('body.action');
    if (!fitsRequests(asked.action, c, actor)) throw caseErrors.transitionNotAllowed(c.status, asked.action);
    if (t.needsNote && !asked.note?.trim()) throw caseErrors.field('body.note', 'required', 'a reason is required');
    if (asked.version !== c.version) throw caseErrors.stale(c.version);
    if (!t.from.includes(c.status as CaseState)) throw caseErrors.transitionNotAllowed(c.status, asked.action);
    const { input, gridTask } = await workflowGate(deps, c, asked, wf);
    if (input.action === 'close' && !input.publicReply?.trim() && (await isPublicCase(deps, c)))
      throw caseErrors.field('body.publicReply', 'required', 'write the reply the citizen will see (答复市民)');
    if (input.action === 'void' && input.parentId) {
      const parent = await repo.findCase(db, actor.tenantId, input.parentId);
      if (!parent || parent.id === c.id || TERMINAL_STATES.includes(parent.status as CaseState))
        throw caseErrors.field('body.parentId', 'exists', 'merge into an open case');
    }
    const calendar = await deps.calendar.forTenant(actor.tenantId);
    const limits = await deps.stepLimits.forTenant(actor.tenantId);
    const suggestion =
      c.status === 'pending_dispatch' && !input.unitId && deps.routing
        ? ((await deps.routing.suggestUnit(c.tenant_id, routingQuery(c)))?.unitId ?? c.unit_id)
        : c.unit_id;
    const now = clock.now();
    const updated = await db.transaction().execute(async (tx) => {
      const apply = async (cur: CasesTable, step: CaseTransition, extra: Record<string, unknown>) => {
        const out = await decide({
          tx,
          c: cur,
          input: step,
          actorId: actor.userId,
          calendar,
          now,
          stepLimits: limits,
          suggestUnit: async () => suggestion,
          gridTask: step === input ? gridTask : null,
        });
        const patch: Partial<CasesTable> = { ...out.patch, status: out.to, updated_at: now.toISOString() };
        // The sweep's 单位无人处置 mark belongs to one unit's handling: it goes when either changes.
        if (cur.unstaffed_since && (out.to !== 'handling' || out.patch.unit_id !== undefined))
          patch.unstaffed_since = null;
        if (!(await repo.updateCase(tx, actor.tenantId, cur.id, cur.version, patch)))
          throw caseErrors.stale(cur.version);
        if (patch.search_text !== undefined) await repo.updateSearchIndex(tx, dialect, cur.id, patch.search_text);
        if (step === input && input.photoIds?.length && deps.photos)
          await deps.photos.attachPhotos(
            tx,
            actor.tenantId,
            cur.id,
            input.photoIds,
            out.photoPhase ?? 'check',
            actor.userId,
          );
        await appendEvent(tx, {
          tenantId: actor.tenantId,
          caseId: cur.id,
          at: now.toISOString(),
          actorId: actor.userId,
          actorName: actor.displayName,
          actorRole: actor.grants[0]?.role ?? null,
          action: step.action,
          fromStatus: cur.status,
          toStatus: out.to,
          note: step === input ? input.note?.trim() || null : null,
          data: {
            ...out.data,
            ...extra,
            ...(step === input && input.photoIds?.length ? { photos: input.photoIds } : {}),
          },
        });
        if (step.action === 'escalate' && deps.escalationWatch)
          await deps.escalationWatch.escalated(tx, actor, { ...cur, ...patch }, step, now.toISOString());
        if (out.to !== cur.status && deps.statusWatch)
          await deps.statusWatch.changed(tx, { ...cur, ...patch }, out.to, now.toISOString());
        return { ...cur, ...patch, version: cur.version + 1 };
      };
      let cur = await apply(c, input, {});
      // 受理即派遣: the steps that follow run in the same transaction, each a step of the table with its own row, taken
      // by the same person and so only as far as that person may go: each chained step asks its own verb with scope
      // (立案 case.file, 派遣 case.dispatch), as a request for it alone would. The chain stops where the actor lacks
      // it or no filing condition or unit can be found, and whoever holds that step takes the case from there
      // (docs/workflow-options.md, "受理即派遣 and permissions").
      for (const action of followUps(wf, input.action, { channel: c.channel, matterCode: c.matter_code })) {
        if (!canDo(actor, TRANSITIONS[action].permission, cur)) break;
        const next = await followUpInput(tx, cur, action, input);
        if (!next) break;
        cur = await apply(cur, next, { workflow: 'dispatchOnAccept' });
      }
      if (input.action === 'close') {
        await notifyMerged(tx, c, now);
        await notifyReporterClosed(tx, c, now);
      }
      return cur;
    });
    return { updated, calendar };
  };

  /** The input of a 受理即派遣 step: the filing condition and unit the caller named, else the defaults. */
  async function followUpInput(
    tx: Executor,
    cur: CasesTable,
    action: CaseAction,
    asked: CaseTransition,
  ): Promise<CaseTransition | null> {
    const base = { action, version: cur.version };
    if (action === 'file') {
      const cond = await repo.conditionForMatter(tx, cur.tenant_id, cur.matter_code, asked.filingConditionId);
      return cond ? { ...base, filingConditionId: cond.id } : null;
    }
    const unitId =
      asked.unitId ?? (await deps.routing?.suggestUnit(cur.tenant_id, routingQuery(cur), tx))?.unitId ?? cur.unit_id;
    return unitId ? { ...base, unitId } : null;
  }

  /** A citizen or hotline caller who left a phone number hears that the case is closed, via the outbox. */
  async function notifyReporterClosed(tx: Executor, c: CasesTable, now: Date) {
    if (!c.reporter_phone || INTERNAL_CHANNELS.includes(c.channel as CaseChannel)) return;
    await enqueueNotice(tx, {
      tenantId: c.tenant_id,
      caseId: c.id,
      phone: c.reporter_phone,
      kind: NOTICE_KINDS.closed,
      message: `您反映的问题（案件号${c.case_no}）已办结，欢迎对办理结果进行评价。`,
      createdAt: now.toISOString(),
    });
  }

  /** The parent's closing notifies every merged reporter: rows in the notification outbox. */
  async function notifyMerged(tx: Executor, parent: CasesTable, now: Date) {
    const children = await repo.mergedChildren(tx, parent.tenant_id, parent.id);
    for (const child of children) {
      await enqueueNotice(tx, {
        tenantId: parent.tenant_id,
        caseId: child.id,
        userId: child.reporter_id,
        phone: child.reporter_phone,
        kind: NOTICE_KINDS.mergedClosed,
        message: `${child.case_no} → ${parent.case_no}`,
        createdAt: now.toISOString(),
      });
    }
  }
}

/** Whether the case shows on the public side (tracking page, Open311): its channel is one of the tenant's public ones. */
export async function isPublicCase(deps: CaseDeps, c: Pick<CasesTable, 'tenant_id' | 'channel'>): Promise<boolean> {
  const channels = publicChannelsOf((await deps.settings?.current(c.tenant_id, PUBLIC_CHANNELS_SETTING))?.value);
  return isPublicChannel(c.channel, channels);
}

/**
 * Approval flows one at a time: a request only when none of its kind is pending, an approval only for the
 * pending kind; 改派 and 收回 only while no request waits; 自行处置 of an existing report only by its own reporter, and only an inspector.
 */
export function fitsRequests(action: string, c: CasesTable, actor: Actor): boolean {
  if (action.startsWith('request_')) return c.pending_request === null;
  if (action.startsWith('approve_')) return c.pending_request === action.slice('approve_'.length);
  if (action === 'self_handle') return c.reporter_id === actor.userId && maySelfHandle(actor);
  // A unit's pending request is decided first: approving a return already does what 收回 would.
  if (action === 'redispatch' || action === 'recall') return c.pending_request === null;
  return true;
}

/** What routing needs; the unit set at filing is the filing condition's default (precedence in routing-precedence.ts). */
export function routingQuery(c: CasesTable) {
  return {
    matterCode: c.matter_code,
    streetId: c.street_id,
    communityId: c.community_id,
    filingConditionUnitId: c.unit_id,
  };
}
