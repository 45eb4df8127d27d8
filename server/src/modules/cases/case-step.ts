import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import { INTERNAL_CHANNELS, type CaseChannel } from '../../../../common/domain/case-channels.ts';
import { TERMINAL_STATES, type CaseState } from '../../../../common/domain/case-status.ts';
import { isPublicChannel, PUBLIC_CHANNELS_SETTING, publicChannelsOf } from '../../../../common/domain/public-output.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { invalidFieldOf, notFound } from '../../platform/errors.ts';
import type { Actor } from '../auth/index.ts';
import { enqueueNotice, NOTICE_KINDS } from '../notify/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { TRANSITIONS } from './case-lifecycle.ts';
import { caseErrors } from './case.errors.ts';
import { photosRequired } from './case-photo-rules.ts';
import { canDo, holdsTask, maySelfHandle } from './case.policy.ts';
import * as repo from './case.repository.ts';
import type { timelineWriter } from './case-timeline.ts';
import { decide } from './case-transitions.ts';

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
    input: CaseTransition,
  ): Promise<{ updated: CasesTable; calendar: WorkCalendar }> {
    const t = TRANSITIONS[input.action];
    if (!canDo(actor, t.permission, c)) throw notFound('case');
    if (t.from.includes(c.status as CaseState) && !holdsTask(actor, input.action, c))
      throw caseErrors.taskNotAssigned(input.action);
    if (input.action === 'self_handle' && !maySelfHandle(actor)) throw caseErrors.selfHandleForbidden('body.action');
    if (!fitsRequests(input.action, c, actor)) throw caseErrors.transitionNotAllowed(c.status, input.action);
    if (t.needsNote && !input.note?.trim()) throw caseErrors.field('body.note', 'required', 'a reason is required');
    if (input.version !== c.version) throw caseErrors.stale(c.version);
    if (
      (input.action === 'report_back' || input.action === 'check_pass') &&
      !input.photoIds?.length &&
      (await photosRequired(deps, c.tenant_id, c.matter_code, input.action))
    )
      throw invalidFieldOf('body.photoIds', 'required', `details.afterPhotos.${input.action}`, {}, 'CASE_INVALID');
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
      const out = await decide({
        tx,
        c,
        input,
        actorId: actor.userId,
        calendar,
        now,
        stepLimits: limits,
        suggestUnit: async () => suggestion,
      });
      const patch: Partial<CasesTable> = { ...out.patch, status: out.to, updated_at: now.toISOString() };
      // The sweep's 单位无人处置 mark belongs to one unit's handling: it goes when either changes.
      if (c.unstaffed_since && (out.to !== 'handling' || out.patch.unit_id !== undefined)) patch.unstaffed_since = null;
      if (!(await repo.updateCase(tx, actor.tenantId, c.id, c.version, patch))) throw caseErrors.stale(c.version);
      if (patch.search_text !== undefined) await repo.updateSearchIndex(tx, dialect, c.id, patch.search_text);
      if (input.photoIds?.length && deps.photos)
        await deps.photos.attachPhotos(
          tx,
          actor.tenantId,
          c.id,
          input.photoIds,
          out.photoPhase ?? 'check',
          actor.userId,
        );
      await appendEvent(tx, {
        tenantId: actor.tenantId,
        caseId: c.id,
        at: now.toISOString(),
        actorId: actor.userId,
        actorName: actor.displayName,
        actorRole: actor.grants[0]?.role ?? null,
        action: input.action,
        fromStatus: c.status,
        toStatus: out.to,
        note: input.note?.trim() || null,
        data: { ...out.data, ...(input.photoIds?.length ? { photos: input.photoIds } : {}) },
      });
      if (input.action === 'escalate' && deps.escalationWatch)
        await deps.escalationWatch.escalated(tx, actor, { ...c, ...patch }, input, now.toISOString());
      if (out.to !== c.status && deps.statusWatch)
        await deps.statusWatch.changed(tx, { ...c, ...patch }, out.to, now.toISOString());
      if (input.action === 'close') {
        await notifyMerged(tx, c, now);
        await notifyReporterClosed(tx, c, now);
      }
      return { ...c, ...patch, version: c.version + 1 };
    });
    return { updated, calendar };
  };

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
