import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import type {
  VisionConfirmed,
  VisionEvent,
  VisionEventQuery,
  VisionRates,
  VisionReview,
} from '../../../../common/contracts/vision.ts';
import {
  FP_WINDOW_DAYS,
  suggestThreshold,
  VISION_CLASS_DEFAULTS,
  VISION_CLASSES,
  type ReviewOutcome,
  type VisionClass,
} from '../../../../common/domain/vision.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { VisionEventsTable } from '../../db/schema-vision.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { caseVisibility } from '../cases/index.ts';
import type { LeadIntake } from '../enforcement/index.ts';
import type { PhotoService } from '../photos/index.ts';
import type { VisionSources } from './vision-sources.ts';
import { visionErrors } from './vision.errors.ts';
import { createVisionMissions } from './vision-missions.ts';
import * as repo from './vision.repository.ts';

/** What the review desk needs of the cases module: read a case and take a step on it as the reviewer. */
export interface ReviewCases {
  get(actor: Actor, id: string): Promise<{ id: string; status: string; version: number }>;
  transition(actor: Actor, id: string, input: CaseTransition): Promise<{ status: string }>;
  /** the 发核实 picker: inspectors on duty first, nearest to the case */
  inspectors(actor: Actor, caseId?: string): Promise<readonly { id: string }[]>;
}

const stepOff = (err: unknown) => err instanceof AppError && err.code === 'CASE_WORKFLOW_STEP_OFF';
/** the case module refused the inspector named for 核实 (not an inspector of the case's area) */
const inspectorRefused = (err: unknown) =>
  err instanceof AppError && err.status === 400 && JSON.stringify(err.details ?? '').includes('body.userId');

export interface VisionReviewDeps {
  sources: VisionSources;
  cases: ReviewCases;
  audit: AuditService;
  /** enforcement's lead intake: a confirmed event of an enforcement matter is referred as a 线索 */
  leads?: LeadIntake;
  /** the stored image's SHA-256 for the lead's evidence link (the photo's file tag is that hash) */
  photos?: Pick<PhotoService, 'file'>;
}

/** Before 立案 a wrong report is voided (作废) as invalid; the desk's rejection is exactly that step. */
const VOIDABLE = new Set(['reported', 'verifying', 'pending_filing', 'pending_dispatch']);
const DAY_MS = 86_400_000;

type EventRow = VisionEventsTable & {
  source_name: string;
  source_kind: 'camera' | 'drone';
  case_status: string | null;
  case_version: number | null;
};

const eventView = (r: EventRow): VisionEvent => ({
  id: r.id,
  sourceId: r.source_id,
  sourceName: r.source_name,
  sourceKind: r.source_kind,
  eventId: r.event_id,
  missionId: r.mission_id,
  class: r.class,
  confidence: Number(r.confidence),
  threshold: Number(r.threshold),
  at: r.at,
  lng: Number(r.lng),
  lat: Number(r.lat),
  heading: r.heading === null ? null : Number(r.heading),
  status: r.status,
  caseId: r.case_id,
  caseNo: r.case_no,
  caseStatus: r.case_status ?? null,
  caseVersion: r.case_version === null ? null : Number(r.case_version),
  photoUrl: r.photo_id ? `/api/photos/${r.photo_id}` : null,
  imageUrl: r.image_url,
  reviewedAt: r.reviewed_at,
  reviewNote: r.review_note,
  receivedAt: r.received_at,
});

/**
 * The review desk (核实 of machine reports), the false-positive rates that tune the thresholds, and drone missions
 * (docs/vision.md, "Review", "False positives", "Missions"; the missions are vision-missions.ts).
 */
export function createVisionReview(database: Database, clock: Clock, deps: VisionReviewDeps) {
  const { db } = database;

  async function page(actor: Actor, query: VisionEventQuery): Promise<Page<VisionEvent>> {
    const w = listWindow(query, { receivedAt: 'received_at' }, 'receivedAt');
    const { rows, total } = await repo.listEvents(
      db,
      actor.tenantId,
      {
        ...(query.status ? { status: query.status } : {}),
        ...(query.sourceId ? { sourceId: query.sourceId } : {}),
        ...(query.caseId ? { caseId: query.caseId } : {}),
        ...(query.missionId ? { missionId: query.missionId } : {}),
      },
      caseVisibility(actor),
      { limit: w.limit, offset: w.offset, order: query.order ?? 'desc' },
    );
    return { items: rows.map((r) => eventView(r as EventRow)), total, page: w.page, pageSize: w.limit };
  }

  async function pendingEvent(actor: Actor, id: string) {
    requirePermission(actor, 'case.accept');
    const ev = await repo.findEvent(db, actor.tenantId, id);
    if (!ev || !ev.case_id) throw notFound('vision_event');
    // the case's own rule decides who may see it: a case outside the reviewer's scope is the same 404
    const c = await deps.cases.get(actor, ev.case_id);
    if (ev.status !== 'pending') throw visionErrors.notPending(ev.status);
    return { ev, c };
  }

  async function settle(
    actor: Actor,
    ev: VisionEventsTable,
    status: 'confirmed' | 'rejected',
    note: string | null,
    within?: (tx: Executor) => Promise<void>,
  ) {
    await db.transaction().execute(async (tx) => {
      const settled = await repo.review(tx, actor.tenantId, ev.case_id!, {
        status,
        reviewed_by: actor.userId,
        reviewed_at: clock.now().toISOString(),
        review_note: note,
      });
      // A concurrent review of the same case settled it first: its outcome (and its referral) stand.
      if (settled === 0) return;
      await within?.(tx);
      await deps.audit.record(tx, actor, actor.tenantId, {
        action: `vision.${status === 'confirmed' ? 'confirm' : 'reject'}`,
        entity: 'vision_event',
        entityId: ev.id,
        before: { status: ev.status },
        after: { status, caseNo: ev.case_no, ...(note ? { note } : {}) },
      });
    });
  }

  /**
   * 发核实 to the inspector named, else to the picker's first inspector whose area covers the case (on duty first,
   * nearest first); none → the reviewer is asked to name one (body.inspectorId).
   */
  async function sendVerify(
    actor: Actor,
    c: { id: string; version: number },
    note: string,
    inspectorId: string | undefined,
  ) {
    const step = (userId: string) =>
      deps.cases.transition(actor, c.id, { action: 'send_verify', version: c.version, userId, note });
    if (inspectorId)
      return step(inspectorId).catch((err: unknown) => {
        throw inspectorRefused(err)
          ? visionErrors.field('body.inspectorId', 'inspector', 'not an inspector of the case area')
          : err;
      });
    for (const i of (await deps.cases.inspectors(actor, c.id)).slice(0, 10)) {
      try {
        return await step(i.id);
      } catch (err) {
        if (!inspectorRefused(err)) throw err;
      }
    }
    throw visionErrors.field('body.inspectorId', 'required', 'no inspector covers the case: name one for 核实');
  }

  /**
   * A confirmed event of an enforcement matter becomes a 线索 of the enforcement intake, in the review's transaction:
   * its image linked with the SHA-256 of the stored bytes, the city case for the link back; one lead per event
   * (docs/vision.md, "Enforcement leads"). Never before a person's confirmation.
   */
  async function referral(actor: Actor, ev: VisionEventsTable, note: string | null) {
    const leads = deps.leads;
    if (!leads || !ev.photo_id || !(VISION_CLASSES as readonly string[]).includes(ev.class)) return undefined;
    const cls = ev.class as VisionClass;
    const setting = (await deps.sources.classSettings(actor.tenantId)).get(cls)!;
    if (!(await repo.enforcementMatter(db, actor.tenantId, ev.id, setting.matterCode))) return undefined;
    const source = await repo.findSource(db, actor.tenantId, ev.source_id);
    const sha256 = deps.photos ? (await deps.photos.file(actor, ev.photo_id, 'full')).etag : undefined;
    const name = VISION_CLASS_DEFAULTS[cls].name;
    const code = source?.code ?? ev.source_id;
    return (tx: Executor) =>
      leads.submit(tx, actor, actor.tenantId, {
        source: 'vision',
        sourceId: ev.id,
        matter: `城市之眼识别：${name}（${code}）`,
        matterCode: 'vision_event',
        matterParams: { class: cls, source: code },
        originCaseId: ev.case_id,
        originCaseNo: ev.case_no,
        place: source?.address ?? null,
        lng: Number(ev.lng),
        lat: Number(ev.lat),
        occurredAt: ev.at,
        evidence: [
          {
            kind: 'image',
            title: `图像 ${ev.event_id}`.slice(0, 200),
            url: `/api/photos/${ev.photo_id}`,
            ...(sha256 && /^[0-9a-f]{64}$/.test(sha256) ? { sha256 } : {}),
          },
        ],
        note: `城市之眼核实确认，案件 ${ev.case_no ?? ''}${note ? `：${note}` : ''}`.slice(0, 1000),
      });
  }

  return {
    async list(actor: Actor, query: VisionEventQuery): Promise<Page<VisionEvent>> {
      requirePermission(actor, 'device.read');
      return page(actor, query);
    },

    /** The desk: events whose case waits for 核实, oldest first. */
    async desk(actor: Actor, query: VisionEventQuery): Promise<Page<VisionEvent>> {
      requirePermission(actor, 'case.accept');
      return page(actor, { ...query, status: 'pending', order: query.order ?? 'asc' });
    },

    /** 核实 confirms: the case is accepted (受理) by the reviewer and goes on to 立案 as the workflow says. */
    async confirm(actor: Actor, id: string, input: VisionReview): Promise<VisionConfirmed> {
      const { ev, c } = await pendingEvent(actor, id);
      const note = input.note?.trim() || null;
      const text = `城市之眼核实：确认${note ? `。${note}` : ''}`;
      // Read what the lead needs before the case moves: a failure here leaves the case untouched.
      const refer = await referral(actor, ev, note);
      if (c.status === 'reported')
        await deps.cases
          .transition(actor, c.id, { action: 'accept', version: c.version, note: text })
          .catch((err: unknown) => {
            if (!stepOff(err)) throw err;
            // The city requires an on-site 核实 for camera reports (受理 is off): the desk's confirmation sends it.
            return sendVerify(actor, c, text, input.inspectorId);
          });
      else if (!VOIDABLE.has(c.status) && c.status !== 'handling') throw visionErrors.caseMovedOn(c.status);
      // The lead this confirmation handed to enforcement, for the reviewer's notice (none when the class's matter
      // names no enforcement unit, or a concurrent review settled the event first).
      let lead: VisionConfirmed['lead'] = null;
      await settle(
        actor,
        ev,
        'confirmed',
        note,
        refer &&
          (async (tx) => {
            lead = await refer(tx);
          }),
      );
      return { ...(await this.get(actor, id)), lead };
    },

    /** 核实不通过: a false positive; the case is voided as invalid through the normal step. */
    async reject(actor: Actor, id: string, input: VisionReview): Promise<VisionEvent> {
      const { ev, c } = await pendingEvent(actor, id);
      const note = input.note?.trim() || null;
      if (VOIDABLE.has(c.status))
        await deps.cases.transition(actor, c.id, {
          action: 'void',
          version: c.version,
          voidReason: 'invalid',
          note: `城市之眼核实不通过（误报）${note ? `：${note}` : ''}`,
        });
      else if (c.status !== 'voided') throw visionErrors.caseMovedOn(c.status);
      await settle(actor, ev, 'rejected', note);
      return this.get(actor, id);
    },

    async get(actor: Actor, id: string): Promise<VisionEvent> {
      requirePermission(actor, 'device.read');
      const ev = await repo.findEvent(db, actor.tenantId, id);
      if (!ev) throw notFound('vision_event');
      const found = (await page(actor, { caseId: ev.case_id ?? undefined, sourceId: ev.source_id, pageSize: 100 }))
        .items;
      const view = found.find((e) => e.id === id);
      if (!view) throw notFound('vision_event');
      return view;
    },

    /** False positives per source and class over the last 30 days, with the threshold in force and a suggestion. */
    async rates(actor: Actor): Promise<VisionRates> {
      requirePermission(actor, 'device.read');
      const since = new Date(clock.now().getTime() - FP_WINDOW_DAYS * DAY_MS).toISOString();
      const [sources, counts, reviewed, settings] = await Promise.all([
        repo.sources(db, actor.tenantId),
        repo.countsSince(db, actor.tenantId, since),
        repo.reviewedSince(db, actor.tenantId, since),
        deps.sources.classSettings(actor.tenantId),
      ]);
      const key = (s: string, c: string) => `${s}|${c}`;
      const tally = new Map<string, { events: number; confirmed: number; rejected: number }>();
      for (const r of counts) {
        const t = tally.get(key(r.source_id, r.class)) ?? { events: 0, confirmed: 0, rejected: 0 };
        const n = Number(r.n);
        t.events += n;
        if (r.status === 'confirmed') t.confirmed += n;
        if (r.status === 'rejected') t.rejected += n;
        tally.set(key(r.source_id, r.class), t);
      }
      const outcomes = new Map<string, ReviewOutcome[]>();
      for (const r of reviewed) {
        const k = key(r.source_id, r.class);
        outcomes.set(k, [
          ...(outcomes.get(k) ?? []),
          { confidence: Number(r.confidence), falsePositive: r.status === 'rejected' },
        ]);
      }
      const items = sources.flatMap((s) => {
        const own = deps.sources.parseThresholds(s.thresholds);
        return VISION_CLASSES.flatMap((c) => {
          const t = tally.get(key(s.id, c));
          if (!t && own[c] === undefined) return [];
          const counted = t ?? { events: 0, confirmed: 0, rejected: 0 };
          const reviewedN = counted.confirmed + counted.rejected;
          return [
            {
              sourceId: s.id,
              sourceName: s.name,
              class: c,
              events: counted.events,
              reviewed: reviewedN,
              rejected: counted.rejected,
              fpRate: reviewedN ? counted.rejected / reviewedN : null,
              threshold: own[c] ?? settings.get(c)!.threshold,
              suggested: suggestThreshold(outcomes.get(key(s.id, c)) ?? []),
            },
          ];
        });
      });
      return { windowDays: FP_WINDOW_DAYS, items };
    },

    ...createVisionMissions(database, clock, deps.audit),
  };
}
export type VisionReviewService = ReturnType<typeof createVisionReview>;
