import { createCallerPopup, type CallDeps } from './hotline-calls.ts';
import {
  channelOfSource,
  type HotlineAction,
  type HotlineConvert,
  type HotlineOrderDetail,
  type HotlineOrderSummary,
  type HotlineQuery,
  type HotlineReply,
  type HotlineReturn,
  type HotlineRevisit,
  type HotlineSource,
  type HotlineVersioned,
} from '../../../../common/contracts/hotline.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { HotlineOrdersTable } from '../../db/schema-hotline.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { refreshStatistics } from '../../platform/db-statistics.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { createHotlineIntake, type IntakeDeps } from './hotline-intake.ts';
import { ACTION_FROM } from './hotline-lifecycle.ts';
import type { PushAdapter } from './hotline-push.ts';
import { CALLER_REPLY_KEY, NOTICE_KIND_REPLY, SOURCE_NAMES, callerReplyAllowed, draftReply } from './hotline-reply.ts';
import { detailOf, summaryOf, type OrderRow } from './hotline-views.ts';
import { hotlineErrors } from './hotline.errors.ts';
import * as repo from './hotline.repository.ts';

/** What the hotline needs of the case module (server/src/modules/cases/case-external.ts). */
export interface HotlineCases {
  intake(
    tenantId: string,
    input: {
      channel: 'hotline' | 'petition';
      matterCode: string;
      description: string;
      lng: number;
      lat: number;
      crs?: 'wgs84' | 'gcj02' | 'bd09';
      address?: string | null;
      reporterName?: string | null;
      reporterPhone?: string | null;
      externalNo?: string | null;
      source: string;
    },
    idem: { scope: string; key: string | null },
  ): Promise<{ caseId: string; caseNo: string }>;
  rate(
    tenantId: string,
    caseId: string,
    r: { value: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; source: 'hotline_revisit'; note?: string | null },
  ): Promise<void>;
  reopen(tenantId: string, caseId: string, r: { reason: string; source: string }): Promise<void>;
}

export interface HotlineDeps extends IntakeDeps {
  cases: HotlineCases;
  push: PushAdapter;
  /** the notice outbox (notify module): the 办理答复 also goes to the caller's phone where the source allows it */
  notify?: {
    enqueue(
      executor: Executor,
      notice: { tenantId: string; caseId: string | null; phone: string; kind: string; message: string },
    ): Promise<string>;
  };
  timeZone: string;
  /** 来电弹屏: the live hub the pop-up goes through and the secrets that encrypt the call centre's secret */
  calls?: Omit<CallDeps, 'audit'>;
}

/** 12345 / 民情通 / 阳光信访 work orders: list, 签收, 退回, 转为案件, 办理答复, 回访, and the 签收 sweep. */
export function createHotlineService(database: Database, clock: Clock, deps: HotlineDeps) {
  const { db, dialect } = database;
  const intake = createHotlineIntake(database, clock, deps);

  async function load(actor: Actor, id: string): Promise<OrderRow> {
    const o = await repo.orderWithCase(db, actor.tenantId, id);
    if (!o) throw notFound('hotline_order');
    return o;
  }

  async function get(actor: Actor, id: string): Promise<HotlineOrderDetail> {
    requirePermission(actor, 'hotline.read');
    const o = await load(actor, id);
    const [events, push] = await Promise.all([repo.eventsOf(db, o.id), repo.lastPush(db, o.id)]);
    const signedBy = [...events].reverse().find((e) => e.action === 'sign')?.actor_name ?? null;
    return detailOf(o, clock.now().toISOString(), {
      canHandle: can(actor, 'hotline.handle'),
      signedBy,
      pushStatus: push?.status ?? null,
      events,
    });
  }

  /** Loads the order for an action: permission, existence, the state the action needs, and the caller's version. */
  async function forAction(actor: Actor, id: string, action: HotlineAction, version: number): Promise<OrderRow> {
    requirePermission(actor, 'hotline.handle');
    const o = await load(actor, id);
    if (!(ACTION_FROM[action] as readonly string[]).includes(o.status))
      throw hotlineErrors.transition(o.status, action);
    if (o.version !== version) throw hotlineErrors.stale(o.version);
    return o;
  }

  /** One guarded write plus its event row (and an outbox row when something goes back to the hotline). */
  async function apply(
    actor: Actor,
    o: OrderRow,
    action: HotlineAction | 'reopen',
    patch: Partial<HotlineOrdersTable>,
    note: string | null,
    push?: { kind: 'reply' | 'return'; payload: object },
    alsoInTx?: (tx: Executor) => Promise<void>,
  ) {
    const now = clock.now().toISOString();
    let pushId: string | null = null;
    await db.transaction().execute(async (tx: Executor) => {
      if (!(await repo.updateOrder(tx, actor.tenantId, o.id, o.version, { ...patch, updated_at: now })))
        throw hotlineErrors.stale(o.version);
      await repo.insertEvent(tx, {
        id: newId(),
        tenant_id: actor.tenantId,
        order_id: o.id,
        at: now,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action,
        from_status: o.status,
        to_status: patch.status ?? o.status,
        note,
      });
      if (push) {
        pushId = newId();
        await tx
          .insertInto('hotline_pushes')
          .values({
            id: pushId,
            tenant_id: actor.tenantId,
            order_id: o.id,
            kind: push.kind,
            payload_json: JSON.stringify(push.payload),
            status: 'pending',
            created_at: now,
            sent_at: null,
          })
          .execute();
      }
      if (alsoInTx) await alsoInTx(tx);
    });
    if (pushId && push)
      await deps.push.deliver(
        database,
        { id: pushId, source: o.source, externalNo: o.external_no, kind: push.kind, payload: push.payload },
        clock.now(),
      );
    return get(actor, o.id);
  }

  async function closedCase(actor: Actor, o: OrderRow) {
    const c = o.case_id ? await repo.caseForReply(db, actor.tenantId, o.case_id) : undefined;
    if (!o.case_id || !c || c.status !== 'closed') throw hotlineErrors.caseNotClosed();
    return { ...c, id: o.case_id };
  }

  return {
    ...intake,
    calls: createCallerPopup(database, clock, { ...deps.calls, audit: deps.audit }),
    importFile: async (...a: Parameters<typeof intake.importFile>) => {
      const r = await intake.importFile(...a);
      await refreshStatistics(db, ['hotline_orders', 'hotline_events']);
      return r;
    },
    get,
    /** The 'log' push adapter writes to the application log. */
    useLogger: (log: { info(obj: object, msg: string): void }) => deps.push.useLogger(log),

    async list(actor: Actor, query: HotlineQuery): Promise<Page<HotlineOrderSummary>> {
      requirePermission(actor, 'hotline.read');
      const w = listWindow(
        query,
        { receivedAt: 'received_at', signDeadline: 'sign_deadline', dueAt: 'due_at', externalNo: 'external_no' },
        'receivedAt',
      );
      const now = clock.now().toISOString();
      const { rows, total } = await repo.listOrders(
        db,
        dialect,
        actor.tenantId,
        {
          source: query.source,
          status: query.status,
          overdueAt: query.overdue ? now : undefined,
          q: query.q?.trim() || undefined,
        },
        { ...w, order: query.order ?? (query.sort ? 'asc' : 'desc') },
      );
      return { items: rows.map((r) => summaryOf(r, now)), total, page: w.page, pageSize: w.limit };
    },

    /** 签收: the order is the bureau's now; signing after the deadline is recorded as 响应超时. */
    async sign(actor: Actor, id: string, body: HotlineVersioned) {
      const o = await forAction(actor, id, 'sign', body.version);
      const now = clock.now().toISOString();
      return apply(
        actor,
        o,
        'sign',
        {
          status: 'signed',
          signed_at: now,
          signed_by: actor.userId,
          sign_overdue: o.sign_deadline < now ? 1 : o.sign_overdue,
        },
        null,
      );
    },

    /** 退回: not the bureau's responsibility; the reason goes back to the hotline through the outbox. */
    async returnOrder(actor: Actor, id: string, body: HotlineReturn) {
      const o = await forAction(actor, id, 'return', body.version);
      const reason = body.reason.trim();
      if (!reason) throw hotlineErrors.field('body.reason', 'minLength', 'returnReason');
      const now = clock.now().toISOString();
      return apply(actor, o, 'return', { status: 'returned', return_reason: reason, returned_at: now }, reason, {
        kind: 'return',
        payload: { source: o.source, externalNo: o.external_no, action: 'return', reason, at: now },
      });
    },

    /**
     * 转为案件: a case of channel hotline/petition at the operator's matter and map point, keeping the external
     * number. The intake is idempotent per order, so a retry after a failure links the same case, never a second one.
     */
    async convert(actor: Actor, id: string, body: HotlineConvert) {
      const o = await forAction(actor, id, 'convert', body.version);
      const source = o.source as HotlineSource;
      const created = await deps.cases.intake(
        actor.tenantId,
        {
          channel: channelOfSource(source),
          matterCode: body.matterCode,
          description: body.description?.trim() || o.content,
          lng: body.lng,
          lat: body.lat,
          crs: body.crs ?? 'wgs84',
          address: body.address?.trim() || o.address,
          reporterName: o.requester_name,
          reporterPhone: o.requester_phone,
          externalNo: o.external_no,
          source: SOURCE_NAMES[source] ?? source,
        },
        { scope: 'hotline', key: o.id },
      );
      const now = clock.now().toISOString();
      return apply(
        actor,
        o,
        'convert',
        { status: 'converted', case_id: created.caseId, converted_at: now },
        created.caseNo,
      );
    },

    /** The 办理答复 draft from the closed case's timeline. */
    async replyDraft(actor: Actor, id: string): Promise<{ text: string }> {
      requirePermission(actor, 'hotline.read');
      const o = await load(actor, id);
      if (o.reply_text) return { text: o.reply_text };
      const c = await closedCase(actor, o);
      const timeline = await repo.caseTimeline(db, c.id);
      return {
        text: draftReply(
          {
            source: o.source,
            externalNo: o.external_no,
            content: o.content,
            caseNo: c.case_no,
            matterName: c.matter_name,
            unitName: c.unit_name,
            filingCondition: c.filing_condition,
            closedAt: c.closed_at,
            timeline,
          },
          deps.timeZone,
        ),
      };
    },

    /**
     * 答复: the (edited) reply is recorded and pushed back to the hotline through the outbox and, where the source
     * allows it (setting hotline.callerReply), queued in the same transaction as an SMS to the caller's phone.
     */
    async reply(actor: Actor, id: string, body: HotlineReply) {
      const o = await forAction(actor, id, 'reply', body.version);
      const c = await closedCase(actor, o);
      const text = body.text.trim();
      if (!text) throw hotlineErrors.field('body.text', 'minLength', 'replyText');
      const now = clock.now().toISOString();
      const allowed =
        callerReplyAllowed(await deps.settings.get(actor.tenantId, CALLER_REPLY_KEY), o.source) &&
        deps.notify !== undefined;
      const phone = o.requester_phone?.trim() || null;
      const callerReply = !allowed ? 'off' : phone ? 'queued' : 'no_phone';
      return apply(
        actor,
        o,
        'reply',
        {
          status: 'replied',
          reply_text: text,
          replied_at: now,
          caller_reply_status: callerReply,
          caller_replied_at: now,
        },
        null,
        {
          kind: 'reply',
          payload: {
            source: o.source,
            externalNo: o.external_no,
            action: 'reply',
            caseNo: c.case_no,
            text,
            closedAt: c.closed_at,
            at: now,
          },
        },
        async (tx) => {
          if (callerReply === 'queued' && phone && deps.notify) {
            await deps.notify.enqueue(tx, {
              tenantId: actor.tenantId,
              caseId: c.id,
              phone,
              kind: NOTICE_KIND_REPLY,
              message: text,
            });
          }
        },
      );
    },

    /**
     * 回访满意度 reported by the hotline: kept on the order and rated on the case (source hotline_revisit) for the KPIs.
     * 不满意 with `reopen` sends the case back to dispatch (重办) and opens the order again for a new reply.
     */
    async revisit(actor: Actor, id: string, body: HotlineRevisit) {
      const o = await forAction(actor, id, 'revisit', body.version);
      if (!o.case_id) throw hotlineErrors.caseNotClosed();
      if (body.reopen && body.satisfaction !== 'unsatisfied')
        throw hotlineErrors.field('body.reopen', 'const', 'reopenNeedsDissatisfied');
      const note = body.note?.trim() || null;
      await deps.cases.rate(actor.tenantId, o.case_id, { value: body.satisfaction, source: 'hotline_revisit', note });
      const now = clock.now().toISOString();
      const revisit = { satisfaction: body.satisfaction, revisit_note: note, revisit_at: now };
      if (!body.reopen) return apply(actor, o, 'revisit', { status: 'closed', ...revisit }, note);
      const source = SOURCE_NAMES[o.source] ?? o.source;
      await deps.cases.reopen(actor.tenantId, o.case_id, {
        reason: note ?? `${source}回访不满意`,
        source: `${source}回访`,
      });
      return apply(
        actor,
        o,
        'reopen',
        {
          status: 'converted',
          ...revisit,
          reply_text: null,
          replied_at: null,
          caller_reply_status: null,
          caller_replied_at: null,
        },
        note,
      );
    },

    /** Scheduler job: open orders past their 签收 deadline are marked 响应超时. */
    async sweep(now: Date) {
      return { signOverdue: await repo.markSignOverdue(db, now.toISOString()) };
    },
  };
}
export type HotlineService = ReturnType<typeof createHotlineService>;
