import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VisionEventPayload, VisionReceipt } from '../../../../common/contracts/vision.ts';
import { VISION_CLASS_DEFAULTS, VISION_SKEW_SECONDS } from '../../../../common/domain/vision.ts';
import type { VisionEventsTable, VisionSourcesTable } from '../../db/schema-vision.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import type { ExternalReport, IntakeResult } from '../cases/index.ts';
import type { LocatedPoint } from '../geo/index.ts';
import type { PhotoService } from '../photos/index.ts';
import type { DuplicateCandidate, DuplicateQuery } from '../routing/index.ts';
import { checkImageUrl, fetchImage } from './vision-image.ts';
import type { VisionSources } from './vision-sources.ts';
import { visionErrors } from './vision.errors.ts';
import * as repo from './vision.repository.ts';

export interface VisionIntakeDeps {
  sources: VisionSources;
  /** the cases module's intake for outside channels (channel camera) */
  intake: (
    tenantId: string,
    input: ExternalReport,
    idem: { scope: string; key: string | null },
  ) => Promise<IntakeResult>;
  /** the routing module's duplicate finder (the tenant's duplicate radius and window) */
  duplicates: (tenantId: string, q: DuplicateQuery) => Promise<DuplicateCandidate[]>;
  photos: Pick<PhotoService, 'uploadExternal' | 'attachExternal'>;
  locatePoint: (tenantId: string, lng: number, lat: number) => Promise<LocatedPoint | null>;
  /** hosts an `imageUrl` may name (empty: none) */
  imageHosts: readonly string[];
  live?: LiveHub;
}

const TERMINAL_CASE = new Set(['closed', 'voided']);
/** How far the event's own time may lie behind (queued events sent late) or ahead of the server. */
const EVENT_PAST_MS = 24 * 3_600_000;
const EVENT_FUTURE_MS = 10 * 60_000;

/** `sha256=` and the hex HMAC-SHA256 of `{timestamp}.{body}` with the source's secret (docs/vision.md, "Signing"). */
export function signEvent(secret: string, timestamp: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * The webhook of 城市之眼 (docs/vision.md): the signature over the raw body, the freshness of its timestamp, one
 * event per source and event id, and what an event becomes: logged below its threshold; above it a case pending
 * 核实 with the image as evidence, or the image added to an open case of the same kind nearby.
 */
export function createVisionIntake(database: Database, clock: Clock, deps: VisionIntakeDeps) {
  const { db } = database;

  return {
    /** The active source a call names, before its body is read: anything else is the same 401. */
    async precheck(sourceId: string): Promise<VisionSourcesTable> {
      const source = sourceId.length <= 64 ? await repo.sourceById(db, sourceId) : undefined;
      if (!source || Number(source.active) !== 1) throw visionErrors.signature();
      return source;
    },

    /** Checks the signature over the raw bytes, then the timestamp's freshness (a signed but old call is refused). */
    verify(source: VisionSourcesTable, raw: Buffer, timestamp: string | undefined, signature: string | undefined) {
      const secret = deps.sources.secretOf(source);
      if (!secret || !timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) throw visionErrors.signature();
      const expected = Buffer.from(signEvent(secret, timestamp, raw));
      const given = Buffer.from(signature.trim());
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw visionErrors.signature();
      if (Math.abs(clock.now().getTime() / 1000 - Number(timestamp)) > VISION_SKEW_SECONDS) throw visionErrors.stale();
    },

    async receive(source: VisionSourcesTable, p: VisionEventPayload, image: Buffer | null): Promise<VisionReceipt> {
      const tenantId = source.tenant_id;
      const earlier = await repo.eventOf(db, source.id, p.eventId);
      if (earlier) return { accepted: true, duplicate: true, status: earlier.status, caseNo: earlier.case_no };
      const now = clock.now();
      const at = new Date(p.at);
      if (at.getTime() < now.getTime() - EVENT_PAST_MS || at.getTime() > now.getTime() + EVENT_FUTURE_MS)
        throw visionErrors.field('body.at', 'fresh', 'more than 24 h in the past or 10 min in the future');
      if ((p.lng === undefined) !== (p.lat === undefined))
        throw visionErrors.field(p.lng === undefined ? 'body.lng' : 'body.lat', 'pair', 'send lng and lat together');
      if (!image && !p.imageUrl)
        throw visionErrors.field('body.image', 'required', 'send the image as the multipart field image or imageUrl');
      const url = !image && p.imageUrl ? checkImageUrl(p.imageUrl, deps.imageHosts) : null;
      if (p.missionId) {
        const mission = await repo.findMission(db, tenantId, p.missionId);
        if (!mission || mission.source_id !== source.id)
          throw visionErrors.field('body.missionId', 'exists', 'no mission of this source with this id');
      }
      const lng = p.lng ?? Number(source.lng);
      const lat = p.lat ?? Number(source.lat);
      const cls = p.class;
      const setting = (await deps.sources.classSettings(tenantId)).get(cls)!;
      const threshold = deps.sources.parseThresholds(source.thresholds)[cls] ?? setting.threshold;
      const row: VisionEventsTable = {
        id: newId(),
        tenant_id: tenantId,
        source_id: source.id,
        event_id: p.eventId,
        mission_id: p.missionId ?? null,
        class: cls,
        confidence: p.confidence,
        threshold,
        at: at.toISOString(),
        lng,
        lat,
        heading: p.heading ?? (source.heading === null ? null : Number(source.heading)),
        image_url: p.imageUrl ?? null,
        photo_id: null,
        status: 'logged',
        case_id: null,
        case_no: null,
        reviewed_by: null,
        reviewed_at: null,
        review_note: null,
        received_at: now.toISOString(),
      };
      // A class switched off is logged whatever the confidence: its events stay countable.
      if (!setting.active || p.confidence < threshold) return store(row);
      if (!(await deps.locatePoint(tenantId, lng, lat)))
        throw visionErrors.field(p.lng === undefined ? 'body.eventId' : 'body.lng', 'inside', 'outside the city');
      const bytes = image ?? (await fetchImage(url!));
      const scope = `vision:${source.id}`;
      const photo = await deps.photos.uploadExternal(tenantId, bytes, p.eventId, scope);
      row.photo_id = photo.id;
      const open = (await deps.duplicates(tenantId, { matterCode: setting.matterCode, lng, lat, at })).find(
        (c) => !TERMINAL_CASE.has(c.status),
      );
      if (open) {
        // The image joins the case a person (or an earlier event) opened: one open case per place and matter.
        Object.assign(row, { status: 'merged', case_id: open.id, case_no: open.caseNo });
        return db.transaction().execute(async (tx) => {
          const fresh = await repo.insertEvent(tx, row);
          if (fresh) await deps.photos.attachExternal(tx, tenantId, open.id, [photo.id], 'before', scope);
          return receipt(row, !fresh);
        });
      }
      const name = VISION_CLASS_DEFAULTS[cls].name;
      const filed = await deps.intake(
        tenantId,
        {
          channel: 'camera',
          matterCode: setting.matterCode,
          description: `城市之眼识别：${name}（置信度 ${p.confidence.toFixed(2)}），${source.kind === 'drone' ? '无人机' : '摄像头'} ${source.code}，待核实`,
          lng,
          lat,
          address: source.address,
          photoIds: [photo.id],
          uploader: scope,
          deviceId: source.code,
          externalNo: p.eventId,
          source: `城市之眼 · ${source.name}`,
        },
        { scope, key: p.eventId },
      );
      Object.assign(row, { status: 'pending', case_id: filed.caseId, case_no: filed.caseNo });
      const out = await store(row);
      if (!out.duplicate)
        deps.live?.publish({
          type: 'vision',
          tenantId,
          permission: 'case.accept',
          data: { id: row.id, class: cls, caseNo: filed.caseNo, sourceName: source.name },
        });
      return out;
    },
  };

  async function store(row: VisionEventsTable): Promise<VisionReceipt> {
    const fresh = await repo.insertEvent(db, row);
    return receipt(row, !fresh);
  }

  function receipt(row: VisionEventsTable, duplicate: boolean): VisionReceipt {
    return { accepted: true, duplicate, status: row.status, caseNo: row.case_no };
  }
}
export type VisionIntake = ReturnType<typeof createVisionIntake>;
