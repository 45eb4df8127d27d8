import { createHash, createHmac } from 'node:crypto';
import {
  NEARBY_DEFAULT_RADIUS_M,
  NEARBY_MAX_ITEMS,
  PUBLIC_LIST_PAGE_SIZE,
  type PublicNearby,
  type PublicNearbyQuery,
  type PublicReportCard,
  type PublicReportsPage,
  type PublicReportsQuery,
  type PublicSubscribe,
  type PublicSubscribeChannels,
  type PublicSubscribed,
  type PublicSupport,
  type PublicSupportResult,
} from '../../../../common/contracts/participation.ts';
import type { PublicCaseSummary } from '../../../../common/contracts/case-public.ts';
import { TERMINAL_STATES, type CaseState } from '../../../../common/domain/case-status.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { translate } from '../../platform/messages.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import type { CaseService } from '../cases/index.ts';
import { enqueueNotice } from '../notify/index.ts';
import { boxAround, metresBetween } from './participation-geo.ts';
import { participationErrors } from './participation.errors.ts';
import * as repo from './participation.repository.ts';

export interface ParticipationDeps {
  cases: Pick<CaseService, 'publicList' | 'findByNo' | 'get'>;
  audit: Pick<AuditService, 'record'>;
  /** keys the supporters' fingerprints and the unsubscribe tokens */
  secret: string;
  /** which channels have a gateway that delivers (no WeChat gateway exists yet: always false) */
  channels: PublicSubscribeChannels;
}

/** The notice kind of a subscribed case's status change (sent with its stored message as it is). */
export const STATUS_NOTICE_KIND = 'case.status';
const MOBILE = /^1[3-9]\d{9}$/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Citizens taking part in reported cases (docs/participation.md): nearby reports before submitting, "我也遇到",
 * the public list, and subscriptions to a case's updates. Cases are read only through the case module's public
 * functions, which apply the public-output rule; this module adds counts and keeps its own two tables.
 */
export function createParticipationService(database: Database, clock: Clock, deps: ParticipationDeps) {
  const { db } = database;
  const keyed = (purpose: string, value: string) =>
    createHmac('sha256', deps.secret).update(`${purpose}|${value}`).digest('base64url');
  /** The unsubscribe token of a subscription: derived, so every message can carry it and only its hash is stored. */
  const unsubscribeToken = (subscriptionId: string) => keyed('unsubscribe', subscriptionId).slice(0, 32);
  const unsubscribeUrl = (token: string) => `/public/unsubscribe/${token}`;

  async function cards(tenantId: string, items: PublicCaseSummary[]): Promise<PublicReportCard[]> {
    const counts = await repo.supportCounts(
      db,
      items.map((c) => c.id),
    );
    return items.map((c) => ({
      caseNo: c.caseNo,
      status: c.status,
      open: c.open,
      matterCode: c.matterCode,
      matterName: c.matterName,
      description: c.description,
      address: c.address,
      lng: c.lng,
      lat: c.lat,
      reportedAt: c.reportedAt,
      supporters: counts.get(c.id) ?? 0,
      thumbUrl: c.photos.find((p) => p.phase === 'before')?.thumbUrl ?? null,
    }));
  }

  async function openCaseOf(tenantId: string, caseNo: string): Promise<string> {
    const id = await deps.cases.findByNo(tenantId, caseNo);
    if (!id) throw notFound('case');
    const [c] = (await deps.cases.publicList(tenantId, { ids: [id], limit: 1, offset: 0 })).items;
    if (!c) throw notFound('case');
    if (!c.open) throw participationErrors.caseClosed();
    return id;
  }

  return {
    channels: (): PublicSubscribeChannels => deps.channels,

    /**
     * Open public reports of the same matter near a point, nearest first. Distances are measured between the coarse
     * public coordinates, so asking from several points never locates a case more finely than the map shows it.
     */
    async nearby(tenantId: string, q: PublicNearbyQuery): Promise<PublicNearby> {
      const radius = q.radius ?? NEARBY_DEFAULT_RADIUS_M;
      const { items } = await deps.cases.publicList(tenantId, {
        matterCodes: [q.matterCode],
        open: true,
        bbox: boxAround(q.lng, q.lat, radius + 150),
        order: 'reported_desc',
        limit: 50,
        offset: 0,
      });
      const near = items
        .map((c) => ({ c, d: metresBetween(q.lng, q.lat, c.lng, c.lat) }))
        .filter((x) => x.d <= radius)
        .sort((a, b) => a.d - b.d)
        .slice(0, NEARBY_MAX_ITEMS);
      const out = await cards(
        tenantId,
        near.map((x) => x.c),
      );
      return {
        radiusM: radius,
        items: out.map((card, i) => ({ ...card, distanceM: Math.round(near[i]!.d / 10) * 10 })),
      };
    },

    /** The public list and map: newest first, a page at a time, without a total. */
    async list(tenantId: string, q: PublicReportsQuery): Promise<PublicReportsPage> {
      const page = q.page ?? 1;
      const { items } = await deps.cases.publicList(tenantId, {
        ...(q.matterCode ? { matterCodes: [q.matterCode] } : {}),
        ...(q.open !== undefined ? { open: q.open } : {}),
        order: 'reported_desc',
        limit: PUBLIC_LIST_PAGE_SIZE + 1,
        offset: (page - 1) * PUBLIC_LIST_PAGE_SIZE,
      });
      return {
        items: await cards(tenantId, items.slice(0, PUBLIC_LIST_PAGE_SIZE)),
        page,
        pageSize: PUBLIC_LIST_PAGE_SIZE,
        hasMore: items.length > PUBLIC_LIST_PAGE_SIZE,
      };
    },

    /** "我也遇到": one support per phone (or per device without one) and case, audited when added. */
    async support(
      tenantId: string,
      caseNo: string,
      body: PublicSupport,
      device: { key: string },
    ): Promise<PublicSupportResult> {
      const caseId = await openCaseOf(tenantId, caseNo);
      const fingerprint = keyed(`support|${tenantId}|${caseId}`, body.phone ? `phone:${body.phone}` : device.key);
      const added = await db.transaction().execute(async (tx) => {
        const inserted = await repo.addSupport(tx, {
          id: newId(),
          tenant_id: tenantId,
          case_id: caseId,
          fingerprint,
          created_at: clock.now().toISOString(),
        });
        if (inserted)
          await deps.audit.record(tx, null, tenantId, { action: 'case.support', entity: 'case', entityId: caseId });
        return inserted;
      });
      return { added, supporters: (await repo.supportCounts(db, [caseId])).get(caseId) ?? 0 };
    },

    /** Staff: the supporters of a case they may see (the same 404 as the case otherwise). */
    async supporters(actor: Actor, caseId: string): Promise<{ supporters: number }> {
      await deps.cases.get(actor, caseId);
      return { supporters: (await repo.supportCounts(db, [caseId])).get(caseId) ?? 0 };
    },

    async subscribe(tenantId: string, caseNo: string, body: PublicSubscribe): Promise<PublicSubscribed> {
      if (!deps.channels[body.channel]) throw participationErrors.channelUnavailable(body.channel);
      const address = body.address.trim();
      if (body.channel === 'sms' && !MOBILE.test(address)) throw participationErrors.badPhone();
      const caseId = await openCaseOf(tenantId, caseNo);
      const existing = await repo.activeSubscription(db, caseId, body.channel, address);
      if (existing) return { subscribed: true, unsubscribeUrl: unsubscribeUrl(unsubscribeToken(existing.id)) };
      const id = newId();
      const token = unsubscribeToken(id);
      await repo.insertSubscription(db, {
        id,
        tenant_id: tenantId,
        case_id: caseId,
        channel: body.channel,
        address,
        token_hash: sha256(token),
        created_at: clock.now().toISOString(),
        cancelled_at: null,
      });
      return { subscribed: true, unsubscribeUrl: unsubscribeUrl(token) };
    },

    /** The unsubscribe link: the same answer whether the token was active, already used or never issued. */
    async unsubscribe(token: string): Promise<{ subscribed: false }> {
      await repo.cancelByToken(db, sha256(token), clock.now().toISOString());
      return { subscribed: false };
    },

    /** A subscribed case changed status: one outbox notice per active subscription, in the change's transaction. */
    async changed(tx: Executor, c: CasesTable, to: CaseState, at: string): Promise<void> {
      const subscriptions = await repo.activeSubscriptionsOf(tx, c.tenant_id, c.id);
      if (subscriptions.length === 0) return;
      const status = translate('zh-CN', `cases.status.${to}`) ?? to;
      for (const sub of subscriptions) {
        const link = unsubscribeUrl(unsubscribeToken(sub.id));
        await enqueueNotice(tx, {
          tenantId: c.tenant_id,
          caseId: c.id,
          phone: sub.channel === 'sms' ? sub.address : null,
          kind: STATUS_NOTICE_KIND,
          message: `您关注的案件${c.case_no}状态更新：${status}${
            TERMINAL_STATES.includes(to) ? '（已结束）' : ''
          }。退订：${link}`,
          createdAt: at,
        });
        if (TERMINAL_STATES.includes(to)) await repo.cancelByToken(tx, sha256(unsubscribeToken(sub.id)), at);
      }
    },
  };
}
export type ParticipationService = ReturnType<typeof createParticipationService>;
