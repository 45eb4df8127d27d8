import type {
  CaseCreate,
  CaseDetail,
  CaseQuery,
  CaseSummary,
  CaseTransition,
  CasePhoto,
  CountsQuery,
  InboxCounts,
} from '../../../../common/contracts/cases.ts';
import { INBOXES, type Inbox } from '../../../../common/domain/case-channels.ts';
import { CASE_ACTIONS, type CaseState } from '../../../../common/domain/case-status.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CaseEventsTable, CasesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { once } from '../../platform/idempotency.ts';

import { listWindow } from '../../platform/paging.ts';

import { can, requirePermission, type Actor } from '../auth/index.ts';
import { wgs84 } from '../geo/index.ts';
import type { CaseDeps } from './case-deps.ts';
import { TRANSITIONS } from './case-lifecycle.ts';
import { insertNewCase } from './case-intake.ts';
import { createExternalCases } from './case-external.ts';
import { caseMapQueries } from './case-map.ts';
import { photosRequired, photoSteps } from './case-photo-rules.ts';
import { workflowFor } from './case-workflow.ts';
import { holdsGridTask } from './case-workflow-step.ts';
import { optionForbidding } from '../../../../common/domain/workflow-options.ts';
import { AppError, invalidFieldOf, notFound } from '../../platform/errors.ts';
import { caseErrors } from './case.errors.ts';
import { canDo, canSee, holdsTask, intakeChannel, visibilityFilter } from './case.policy.ts';
import * as repo from './case.repository.ts';
import { timelineWriter } from './case-timeline.ts';
import { caseTransfers } from './case-transfer.ts';
import { sweepSla } from './case-sweep.ts';
import { fitsRequests, isPublicCase, routingQuery, stepTaker } from './case-step.ts';
import { detailOf, summaryOf } from './case-views.ts';

const INBOX_STATUSES: Partial<Record<Inbox, CaseState[]>> = {
  reported: ['reported'],
  verifying: ['verifying'],
  pending_filing: ['pending_filing'],
  pending_dispatch: ['pending_dispatch'],
  handling: ['handling'],
  suspended: ['suspended'],
  transferred: ['transferred'],
  reported_back: ['reported_back'],
  checking: ['checking'],
  pending_close: ['pending_close'],
  closed: ['closed', 'voided'],
};
const OPEN_STATES = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'handling',
  'suspended',
  'reported_back',
  'checking',
  'pending_close',
];

/** Counted in the badges besides the open steps: a transferred case waits at the peer, never overdue here. */
const COUNTED_STATES = [...OPEN_STATES, 'transferred'];

/** Requests (回退, 延期, 挂账) are made while handling, and decided there (case-lifecycle.ts). */
const REQUEST_STATES = ['handling'];

/** The closed loop's use cases: intake, reading, inboxes and every transition. */
export function createCaseService(database: Database, clock: Clock, deps: CaseDeps) {
  const { db, dialect } = database;
  const appendEvent = timelineWriter(deps.chainKeys);

  const roleOf = (actor: Actor) => actor.grants[0]?.role ?? null;

  async function photosFor(tenantId: string, caseId: string): Promise<CasePhoto[]> {
    if (!deps.photos) return [];
    const res = await deps.photos.photosOfCase(db, tenantId, [caseId]);
    return Array.isArray(res) ? res : (res.get(caseId) ?? []);
  }

  /**
   * `written`: the case was created by this request, so its timeline is the one event written and nothing is merged
   * into it yet: the answer is built from what was written instead of read back.
   */
  async function detail(
    actor: Actor,
    c: CasesTable,
    calendar?: WorkCalendar,
    written?: { event: CaseEventsTable; photos: boolean },
  ): Promise<CaseDetail> {
    const cal = calendar ?? (await deps.calendar.forTenant(c.tenant_id));
    const [names, timeline, photos, merged, publicCase, photosRequiredFor, wf, gridHolder] = await Promise.all([
      repo.namesFor(db, c.tenant_id, c),
      written ? [written.event] : repo.timelineOf(db, c.id),
      written && !written.photos ? [] : photosFor(c.tenant_id, c.id),
      written ? [] : repo.mergedChildren(db, c.tenant_id, c.id),
      isPublicCase(deps, c),
      photoSteps(deps, c.tenant_id, c.matter_code),
      workflowFor(deps.settings, c.tenant_id),
      holdsGridTask(deps, actor, c),
    ]);
    const allowedActions = CASE_ACTIONS.filter(
      (a) =>
        TRANSITIONS[a].from.includes(c.status as CaseState) &&
        canDo(actor, TRANSITIONS[a].permission, c) &&
        holdsTask(actor, a, c, gridHolder) &&
        fitsRequests(a, c, actor) &&
        !optionForbidding(wf, a, { channel: c.channel, matterCode: c.matter_code }),
    );
    let suggestedUnitId: string | null = null;
    if (c.status === 'pending_dispatch') {
      suggestedUnitId = (await deps.routing?.suggestUnit(c.tenant_id, routingQuery(c)))?.unitId ?? c.unit_id;
    }
    return detailOf(
      c,
      {
        names,
        timeline,
        photos,
        mergedCount: merged.length,
        allowedActions,
        suggestedUnitId,
        showReporterName: can(actor, 'case.accept'),
        publicCase,
        photosRequiredFor,
        checkBy: wf.checkBy,
      },
      cal,
      clock.now(),
    );
  }

  async function load(actor: Actor, id: string): Promise<CasesTable> {
    const c = await repo.findCase(db, actor.tenantId, id);
    if (!c || !canSee(actor, c)) throw notFound('case');
    return c;
  }

  /** 自行处置 at intake follows the same workflow options as the step: allowed for the matter, photos if required. */
  async function selfHandleGate(tenantId: string, input: CaseCreate, channel: string) {
    const wf = await workflowFor(deps.settings, tenantId);
    const option = optionForbidding(wf, 'self_handle', { channel, matterCode: input.matterCode });
    if (option) throw new AppError('CASE_WORKFLOW_STEP_OFF', 409, { option, action: 'self_handle' });
    if (!input.photoIds?.length && (await photosRequired(deps, tenantId, input.matterCode, 'self_handle')))
      throw invalidFieldOf('body.photoIds', 'required', 'details.afterPhotos.self_handle', {}, 'CASE_INVALID');
  }

  const stepLimits = (tenantId: string) => deps.stepLimits.forTenant(tenantId);
  const takeStep = stepTaker(database, clock, deps, appendEvent);

  function publish(c: CasesTable, action: string) {
    deps.live.publish({
      type: 'case',
      tenantId: c.tenant_id,
      data: {
        id: c.id,
        caseNo: c.case_no,
        status: c.status,
        unitId: c.unit_id,
        streetId: c.street_id,
        communityId: c.community_id,
        action,
      },
    });
  }

  return {
    ...createExternalCases(database, clock, deps, publish),
    ...caseMapQueries(database, clock, deps),
    /** The origin's side of a 移送, applied by the federation module in its own transaction. */
    transfers: caseTransfers(deps, appendEvent),

    canView: async (actor: Actor, caseId: string) => {
      const c = await repo.findCase(db, actor.tenantId, caseId);
      return !!c && canSee(actor, c);
    },

    async create(actor: Actor, input: CaseCreate, key: string | null) {
      requirePermission(actor, 'case.report');
      const channel = intakeChannel(actor, input);
      const matter = await repo.activeMatter(db, actor.tenantId, input.matterCode);
      if (!matter) throw caseErrors.unknownMatter();
      const [lng, lat] = wgs84(input.lng, input.lat, input.crs ?? 'wgs84', 'body');
      const place = await deps.geo.locatePoint(actor.tenantId, lng, lat);
      if (!place) throw caseErrors.outsideTenant();
      const calendar = await deps.calendar.forTenant(actor.tenantId);
      const limits = await stepLimits(actor.tenantId);
      const code = await repo.tenantCode(db, actor.tenantId);
      const now = clock.now();
      const selfHandled = input.selfHandled === true;
      if (selfHandled) await selfHandleGate(actor.tenantId, input, channel);
      const status: CaseState = selfHandled ? 'closed' : 'reported';
      let written: { event: CaseEventsTable; photos: boolean } | undefined;
      const result = await once(
        database,
        `case.create:${actor.tenantId}:${actor.userId}`,
        key,
        () => clock.now().toISOString(),
        async (tx) => {
          const row = await insertNewCase(
            tx,
            dialect,
            {
              tenantId: actor.tenantId,
              tenantCode: code,
              channel,
              matter,
              componentCode: input.componentCode,
              description: input.description,
              address: input.address,
              lng,
              lat,
              place,
              reporterId: actor.userId,
              reporterName: input.reporterName,
              reporterPhone: input.reporterPhone,
              selfHandled,
            },
            calendar,
            limits,
            now,
          );
          const id = row.id;
          if (input.photoIds?.length)
            await deps.photos?.attachPhotos(
              tx,
              actor.tenantId,
              id,
              input.photoIds,
              selfHandled ? 'after' : 'before',
              actor.userId,
            );
          const event = await appendEvent(
            tx,
            {
              tenantId: actor.tenantId,
              caseId: id,
              at: row.reported_at,
              actorId: actor.userId,
              actorName: actor.displayName,
              actorRole: roleOf(actor),
              action: selfHandled ? 'self_handle' : 'report',
              fromStatus: null,
              toStatus: status,
              note: null,
              data: { channel, photos: input.photoIds ?? [] },
            },
            { written: row, photos: !!input.photoIds?.length },
          );
          written = { event, photos: !!input.photoIds?.length };
          return { status: 201, body: row };
        },
        input,
      );
      const created = result.body;
      if (!result.replayed) publish(created, 'report');
      // A replay answers the case as it is now; a new case as it was written (the row and event just committed).
      const body =
        result.replayed || !written
          ? await detail(actor, (await repo.findCase(db, actor.tenantId, created.id)) ?? created, calendar)
          : await detail(actor, created, calendar, written);
      return { status: result.status, replayed: result.replayed, body };
    },

    async get(actor: Actor, id: string): Promise<CaseDetail> {
      requirePermission(actor, 'case.read');
      return detail(actor, await load(actor, id));
    },

    async list(actor: Actor, query: CaseQuery): Promise<Page<CaseSummary> & { totalCapped?: boolean }> {
      requirePermission(actor, 'case.read');
      // Requests waiting for a decision are listed to those who decide them, within the cases they may decide on:
      // the same visibility rule, for the verb case.approve.
      const approvals = query.awaitingApproval === true;
      if (approvals) requirePermission(actor, 'case.approve');
      const inbox = query.inbox ?? 'all';
      const w = listOrder(inbox, query);
      const now = clock.now();
      // The page and the calendar (for SLA colours) at once: on PostgreSQL every sequential round trip adds latency.
      const [{ rows, total, capped }, calendar] = await Promise.all([
        repo.listCases(
          db,
          dialect,
          actor.tenantId,
          {
            statuses: approvals ? REQUEST_STATES : inbox === 'overdue' ? OPEN_STATES : INBOX_STATUSES[inbox],
            overdueAt: inbox === 'overdue' ? now.toISOString() : undefined,
            matterCode: query.matterCode,
            regionId: query.regionId,
            unitId: query.unitId,
            channel: query.channel,
            deadlineBefore: query.deadlineBefore,
            taskUserId: query.mine ? actor.userId : undefined,
            q: query.q,
            ...(approvals ? { pendingRequest: true } : {}),
            visibility: approvals ? visibilityFilter(actor, 'c', 'case.approve') : visibilityFilter(actor),
          },
          w,
        ),
        deps.calendar.forTenant(actor.tenantId),
      ]);
      return {
        items: rows.map((r) => summaryOf(r, r.matter_name ?? null, calendar, now)),
        total,
        page: w.page,
        pageSize: w.limit,
        ...(capped ? { totalCapped: true } : {}),
      };
    },

    async counts(actor: Actor, query: CountsQuery = {}): Promise<InboxCounts> {
      requirePermission(actor, 'case.read');
      const terminal = INBOX_STATUSES.closed ?? [];
      const taskUserId = query.mine ? actor.userId : undefined;
      const { byStatus, overdue, archived } = await repo.countByStatus(
        db,
        actor.tenantId,
        visibilityFilter(actor),
        clock.now().toISOString(),
        COUNTED_STATES,
        terminal,
        taskUserId,
      );
      // Past repo.COUNT_CAP a badge reads COUNT_CAP (shown "9999+"): the archive and overdue are counted only that far.
      const cap = (n: number) => Math.min(n, repo.COUNT_CAP);
      const open = [...byStatus.values()].reduce((a, b) => a + b, 0);
      const out: InboxCounts = {};
      for (const inbox of INBOXES) {
        if (inbox === 'overdue') out[inbox] = cap(overdue);
        else if (inbox === 'all')
          out[inbox] = archived > repo.COUNT_CAP ? Math.max(repo.COUNT_CAP, open) : open + archived;
        else if (inbox === 'closed') out[inbox] = cap(archived);
        else out[inbox] = (INBOX_STATUSES[inbox] ?? []).reduce((a, s) => a + (byStatus.get(s) ?? 0), 0);
      }
      return out;
    },

    /**
     * Inspectors intake staff may send to verify or check (operators hold no user.read): with a case the caller may
     * open, on duty first and nearest to it by their last position (docs/monitor.md, "The 核实/核查 picker").
     */
    async inspectors(actor: Actor, caseId?: string) {
      requirePermission(actor, 'case.accept');
      const target = caseId ? await load(actor, caseId) : null;
      if (deps.inspectorChoices)
        return deps.inspectorChoices(
          actor.tenantId,
          target ? { lng: Number(target.lng), lat: Number(target.lat) } : null,
        );
      return (await repo.inspectors(db, actor.tenantId)).map((i) => ({ ...i, onDuty: false, distanceM: null }));
    },

    async duplicates(actor: Actor, id: string) {
      requirePermission(actor, 'case.read');
      const c = await load(actor, id);
      if (!deps.routing) return [];
      // Candidates obey the list's rule: a nearby case the caller cannot open is not offered either.
      return deps.routing.findDuplicates(actor.tenantId, {
        caseId: c.id,
        matterCode: c.matter_code,
        lng: c.lng,
        lat: c.lat,
        at: new Date(c.reported_at),
        visibility: visibilityFilter(actor),
      });
    },

    async transition(actor: Actor, id: string, input: CaseTransition): Promise<CaseDetail> {
      const { updated, calendar } = await takeStep(actor, await load(actor, id), input);
      publish(updated, input.action);
      return detail(actor, updated, calendar);
    },

    /** The SLA sweep (scheduler job): yellow and red warnings, overdue marks, suspensions resumed at their cap. */
    sweep: (now: Date) => sweepSla(database, deps, now),
  };
}
export type CaseService = ReturnType<typeof createCaseService>;

/**
 * The list's order: a search without a sort is newest first; the closed archive (no step deadline) sorts
 * by closing time, newest first unless asked otherwise, on the (tenant, closed_at) index.
 */
function listOrder(inbox: Inbox, query: CaseQuery) {
  const w = listWindow(
    query,
    { deadline: 'step_deadline', reportedAt: 'reported_at', caseNo: 'case_no', updatedAt: 'updated_at' },
    query.q?.trim() ? 'reportedAt' : 'deadline',
  );
  const newestFirst = query.order === undefined && w.sort === 'reported_at' && !query.sort;
  if (inbox === 'closed' && (w.sort === 'step_deadline' || w.sort === 'updated_at'))
    return { ...w, sort: 'closed_at' as const, order: query.order ?? 'desc' };
  return newestFirst ? { ...w, order: 'desc' as const } : w;
}
