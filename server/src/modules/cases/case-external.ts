import { createHash, randomBytes } from 'node:crypto';
import type {
  PublicCaseSummary,
  PublicCaseView,
  Satisfaction,
  SatisfactionSource,
} from '../../../../common/contracts/case-public.ts';
import type { CaseState } from '../../../../common/domain/case-status.ts';
import {
  PUBLIC_CHANNELS_SETTING,
  publicChannelsOf,
  type PublishableChannel,
} from '../../../../common/domain/public-output.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { once } from '../../platform/idempotency.ts';

import { wgs84 } from '../geo/index.ts';
import { enqueueNotice, NOTICE_KINDS } from '../notify/index.ts';
import { startStep } from './case-sla.ts';
import { insertNewCase } from './case-intake.ts';
import { readPublicCases } from './case-public-rows.ts';
import { publicView, reopenUntil, type PublicListQuery } from './case-public-view.ts';
import { timelineWriter } from './case-timeline.ts';
import { caseErrors } from './case.errors.ts';
import type { CaseDeps } from './case-deps.ts';
import * as repo from './case.repository.ts';

/** Channels that arrive from outside the bureau (common/domain/case-channels.ts). */
export type ExternalChannel = 'public' | 'hotline' | 'petition' | 'sensor' | 'camera' | 'transfer';

export interface ExternalReport {
  channel: ExternalChannel;
  matterCode: string;
  description: string;
  lng: number;
  lat: number;
  crs?: 'wgs84' | 'cgcs2000' | 'gcj02' | 'bd09';
  address?: string | null;
  photoIds?: readonly string[];
  reporterName?: string | null;
  reporterPhone?: string | null;
  reporterEmail?: string | null;
  externalNo?: string | null;
  deviceId?: string | null;
  /** who uploaded `photoIds` (photos module); the idempotency scope when absent, as Open311 uploads under it */
  uploader?: string;
  /** shown as the actor on the timeline, e.g. 市民随手拍, Open311 · FixMyStreet, 12345热线 */
  source: string;
}

export interface IntakeResult {
  status: number;
  replayed: boolean;
  caseId: string;
  caseNo: string;
  /** the reporter's private tracking token (only its sha256 is stored) */
  token: string;
}

/** Setting: days after closing during which the reporter may reopen, default 7. */
export const REOPEN_DAYS_KEY = 'case.reopenDays';
export const DEFAULT_REOPEN_DAYS = 7;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Cases from citizens and partner systems: intake without a staff actor, tracking by token,
 * satisfaction (满意率, docs/standards.md, "KPI indicators") and reopening within a configurable window.
 */
export function createExternalCases(
  database: Database,
  clock: Clock,
  deps: CaseDeps,
  publish: (c: CasesTable, action: string) => void,
) {
  const { db, dialect } = database;
  const appendEvent = timelineWriter(deps.chainKeys);

  const daysOf = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : DEFAULT_REOPEN_DAYS);
  /** The stored window, read for the decision to reopen. */
  async function reopenDays(tenantId: string): Promise<number> {
    return daysOf((await deps.settings?.get(tenantId, REOPEN_DAYS_KEY))?.value);
  }
  /** The window as public reads show it ("may still be reopened"): through the settings cache, like the channels. */
  async function shownReopenDays(tenantId: string): Promise<number> {
    return daysOf((await deps.settings?.current(tenantId, REOPEN_DAYS_KEY))?.value);
  }

  /** The tenant's public channels (setting public.channels, common/domain/public-output.ts). */
  async function publicChannels(tenantId: string): Promise<PublishableChannel[]> {
    return publicChannelsOf((await deps.settings?.current(tenantId, PUBLIC_CHANNELS_SETTING))?.value);
  }

  async function closedCase(tenantId: string, caseId: string) {
    const c = await repo.findCase(db, tenantId, caseId);
    if (!c) throw notFound('case');
    return c;
  }

  return {
    async intake(
      tenantId: string,
      input: ExternalReport,
      idem: { scope: string; key: string | null },
    ): Promise<IntakeResult> {
      const matter = await repo.activeMatter(db, tenantId, input.matterCode);
      if (!matter) throw caseErrors.unknownMatter();
      const [lng, lat] = wgs84(input.lng, input.lat, input.crs ?? 'wgs84', 'body');
      const place = await deps.geo.locatePoint(tenantId, lng, lat);
      if (!place) throw caseErrors.outsideTenant();
      const calendar = await deps.calendar.forTenant(tenantId);
      const limits = await deps.stepLimits.forTenant(tenantId);
      const code = await repo.tenantCode(db, tenantId);
      const now = clock.now();
      const result = await once(
        database,
        `case.intake:${tenantId}:${idem.scope}`,
        idem.key,
        () => clock.now().toISOString(),
        async (tx) => {
          const token = randomBytes(18).toString('base64url');
          const row = await insertNewCase(
            tx,
            dialect,
            {
              tenantId,
              tenantCode: code,
              channel: input.channel,
              matter,
              description: input.description,
              address: input.address,
              lng,
              lat,
              place,
              reporterId: null,
              reporterName: input.reporterName,
              reporterPhone: input.reporterPhone,
              extra: {
                external_no: input.externalNo ?? null,
                public_token_hash: tokenHash(token),
                reporter_email: input.reporterEmail ?? null,
                device_id: input.deviceId ?? null,
              },
            },
            calendar,
            limits,
            now,
          );
          if (input.photoIds?.length)
            await deps.photos?.attachExternal?.(
              tx,
              tenantId,
              row.id,
              input.photoIds,
              'before',
              input.uploader ?? idem.scope,
            );
          await appendEvent(
            tx,
            {
              tenantId,
              caseId: row.id,
              at: row.reported_at,
              actorId: null,
              actorName: input.source,
              actorRole: 'external',
              action: 'report',
              fromStatus: null,
              toStatus: 'reported',
              note: null,
              data: {
                channel: input.channel,
                photos: input.photoIds ?? [],
                ...(input.externalNo ? { externalNo: input.externalNo } : {}),
              },
            },
            { written: row, photos: !!input.photoIds?.length },
          );
          if (input.reporterPhone) {
            await enqueueNotice(tx, {
              tenantId,
              caseId: row.id,
              phone: input.reporterPhone,
              kind: NOTICE_KINDS.received,
              message: `您反映的问题已受理，案件号${row.case_no}，可凭查询码查看办理进度。`,
              createdAt: now.toISOString(),
            });
          }
          return { status: 201, body: { row, token } };
        },
        input,
      );
      if (!result.replayed) publish(result.body.row, 'report');
      return {
        status: result.status,
        replayed: result.replayed,
        caseId: result.body.row.id,
        caseNo: result.body.row.case_no,
        token: result.body.token,
      };
    },

    /**
     * A machine source (a sensor alarm, a camera event) joined an open case instead of filing its own: the case's
     * timeline says so, beside the person who reported it, without changing its state or clocks. Once per source
     * (`externalNo`): a retry writes nothing more.
     */
    async joinSource(
      tenantId: string,
      caseId: string,
      src: { channel: ExternalChannel; source: string; externalNo: string; note: string | null },
    ): Promise<void> {
      const c = await closedCase(tenantId, caseId);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const known = await repo.timelineOf(tx, c.id);
        if (
          known.some(
            (e) =>
              e.action === 'source_joined' && e.data_json?.includes(`"externalNo":${JSON.stringify(src.externalNo)}`),
          )
        )
          return;
        await appendEvent(tx, {
          tenantId,
          caseId: c.id,
          at: now,
          actorId: null,
          actorName: src.source,
          actorRole: 'external',
          action: 'source_joined',
          fromStatus: c.status,
          toStatus: c.status,
          note: src.note,
          data: { channel: src.channel, externalNo: src.externalNo },
        });
      });
      publish(c, 'source_joined');
    },

    /** 满意 / 基本满意 / 不满意 on a closed case; a later rating replaces the earlier one. */
    async rate(
      tenantId: string,
      caseId: string,
      r: { value: Satisfaction; source: SatisfactionSource; note?: string | null },
    ): Promise<void> {
      const c = await closedCase(tenantId, caseId);
      if (c.status !== 'closed') throw caseErrors.notClosed('rate');
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const patch: Partial<CasesTable> = {
          satisfaction: r.value,
          satisfaction_source: r.source,
          satisfaction_at: now,
          updated_at: now,
        };
        if (!(await repo.updateCase(tx, tenantId, c.id, c.version, patch))) throw caseErrors.stale(c.version);
        await appendEvent(tx, {
          tenantId,
          caseId: c.id,
          at: now,
          actorId: null,
          actorName: r.source,
          actorRole: 'external',
          action: 'rate',
          fromStatus: c.status,
          toStatus: c.status,
          note: r.note?.trim() || null,
          data: { satisfaction: r.value, source: r.source },
        });
      });
    },

    /** The reporter is not satisfied: back to the dispatcher (待派遣) with a new step clock, counted in reopen_count. */
    async reopen(tenantId: string, caseId: string, r: { reason: string; source: string }): Promise<void> {
      const c = await closedCase(tenantId, caseId);
      if (c.status !== 'closed') throw caseErrors.notClosed('reopen');
      const days = await reopenDays(tenantId);
      const until = reopenUntil(c, days);
      const now = clock.now();
      if (!until || until <= now.toISOString()) throw caseErrors.reopenExpired(until);
      const calendar = await deps.calendar.forTenant(tenantId);
      const limits = await deps.stepLimits.forTenant(tenantId);
      const to: CaseState = 'pending_dispatch';
      const iso = now.toISOString();
      const patch: Partial<CasesTable> = {
        status: to,
        ...startStep(calendar, now, limits.pending_dispatch ?? { value: 0.5, unit: 'work_hours' }),
        close_type: null,
        closed_at: null,
        handling_deadline: null,
        reopen_count: (c.reopen_count ?? 0) + 1,
        reopened_at: iso,
        updated_at: iso,
      };
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateCase(tx, tenantId, c.id, c.version, patch))) throw caseErrors.stale(c.version);
        await appendEvent(tx, {
          tenantId,
          caseId: c.id,
          at: iso,
          actorId: null,
          actorName: r.source,
          actorRole: 'external',
          action: 'reopen',
          fromStatus: c.status,
          toStatus: to,
          note: r.reason.trim() || null,
          data: { reopenCount: patch.reopen_count },
        });
      });
      publish({ ...c, ...patch }, 'reopen');
    },

    /** A case as the public may see it; a case of a non-public channel is the same 404 as a missing one. */
    async publicView(tenantId: string, caseId: string): Promise<PublicCaseView> {
      const c = await repo.findCase(db, tenantId, caseId);
      const view = c
        ? await publicView(db, c, await publicChannels(tenantId), await shownReopenDays(tenantId), clock.now())
        : null;
      if (!view) throw notFound('case');
      return view;
    },

    async publicList(tenantId: string, q: PublicListQuery): Promise<{ items: PublicCaseSummary[] }> {
      const channels = await publicChannels(tenantId);
      // from the public read model (case-public-rows.ts): one statement, rows already built by the rule
      return { items: await readPublicCases(db, tenantId, channels, q, await shownReopenDays(tenantId), clock.now()) };
    },

    /** The case of a tracking token, if its channel is public (tokens are for public callers only). */
    async findByToken(tenantId: string, token: string): Promise<string | null> {
      if (!token || token.length > 200) return null;
      const channels = await publicChannels(tenantId);
      if (channels.length === 0) return null;
      const row = await db
        .selectFrom('cases')
        .select('id')
        .where('public_token_hash', '=', tokenHash(token))
        .where('tenant_id', '=', tenantId)
        .where('channel', 'in', channels)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** The case of a number, if its channel is public (walking numbers finds nothing else). */
    async findByNo(tenantId: string, caseNo: string): Promise<string | null> {
      const channels = await publicChannels(tenantId);
      if (channels.length === 0) return null;
      const row = await db
        .selectFrom('cases')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('case_no', '=', caseNo)
        .where('channel', 'in', channels)
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /**
     * The case of a number with its reporter's phone, if its channel is public: for the citizen lookup by number
     * and phone, which compares the phone on the server and never shows it (docs/security.md).
     */
    async reporterOfNo(tenantId: string, caseNo: string): Promise<{ id: string; phone: string | null } | null> {
      const channels = await publicChannels(tenantId);
      if (channels.length === 0) return null;
      const row = await db
        .selectFrom('cases')
        .select(['id', 'reporter_phone'])
        .where('tenant_id', '=', tenantId)
        .where('case_no', '=', caseNo)
        .where('channel', 'in', channels)
        .executeTakeFirst();
      return row ? { id: row.id, phone: row.reporter_phone } : null;
    },

    publicChannels,

    reopenDays,
  };
}
