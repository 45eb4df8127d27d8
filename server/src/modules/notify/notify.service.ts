import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { LeftJoinOf } from '../../platform/read-joins.ts';
import { translate } from '../../platform/messages.ts';
import {
  gatewayFromConfig,
  ONE_TIME_NOTICES,
  silentLog,
  type MessageGateway,
  type NoticeLog,
} from './notify-gateway.ts';
import { enqueueNotice } from './notify-outbox.ts';
import * as repo from './notify.repository.ts';

/**
 * Kinds of notices to citizens. The case module writes `case.received` (intake with a phone), `case.closed` and
 * `merged_parent_closed` (closing); partner integrations write `case.reply` (a hotline reply, 办理答复) via
 * `enqueue`. Any other kind is sent with its stored message as it is.
 */
export const NOTICE_KINDS = {
  received: 'case.received',
  closed: 'case.closed',
  reply: 'case.reply',
  mergedClosed: 'merged_parent_closed',
  lookupCode: 'lookup.code',
} as const;

const TEMPLATES: Record<string, 'received' | 'closed' | 'reply' | 'merged' | 'lookupCode'> = {
  [NOTICE_KINDS.received]: 'received',
  [NOTICE_KINDS.closed]: 'closed',
  [NOTICE_KINDS.reply]: 'reply',
  [NOTICE_KINDS.mergedClosed]: 'merged',
  [NOTICE_KINDS.lookupCode]: 'lookupCode',
};

/** Mainland mobile numbers only: an SMS to a landline (common for hotline callers) can never arrive. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
const BATCH = 50;
/**
 * Wall time one run may spend sending: below the scheduler's 15 s lease, so a slow provider never lets a second
 * instance start the same batch (the rest waits for the next run). Delivery is at least once: a crash between the
 * provider's answer and the row update sends that notice again, with the same id for providers that de-duplicate.
 */
const RUN_BUDGET_MS = 10_000;
/** Back-off after the n-th failed try: 1 min, 5 min, 30 min, 2 h, then 6 h. */
const BACKOFF_MS = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** The SMS text of a notice, in Chinese (citizens' notices; the English catalog has the same keys for reference). */
export function noticeText(
  n: { kind: string; message: string; case_no: string | null; tenant_name: string },
  sign: string,
): string {
  const template = TEMPLATES[n.kind];
  const params = { sign: sign || n.tenant_name, caseNo: n.case_no ?? '', message: n.message };
  const text = template ? translate('zh-CN', `public.sms.${template}`, params) : undefined;
  return text ?? translate('zh-CN', 'public.sms.generic', params) ?? n.message;
}

/**
 * The message gateway: a scheduled dispatcher sends unsent rows of the `notifications` outbox through a
 * pluggable gateway, recording attempts and the last error, retrying with back-off and giving up after
 * SMS_MAX_ATTEMPTS. The outbox row is written in the transaction of the change it reports, so no notice is lost.
 */
/**
 * `joinCase` is the case module's join of a notice's case (for the case number in the text), passed in by the
 * composition root because the case module sits above notify (docs/decisions/0008-join-helpers.md).
 */
export function createNotifyService(
  database: Database,
  clock: Clock,
  sms: Config['sms'],
  joinCase: LeftJoinOf<CasesTable>,
  gateway?: MessageGateway,
) {
  let log: NoticeLog = silentLog;
  let active = gateway ?? gatewayFromConfig(sms, () => log);

  return {
    get gateway(): MessageGateway {
      return active;
    },
    /** Where the log gateway writes (the app's logger, set once the app exists). */
    setLogger(logger: NoticeLog) {
      log = logger;
    },
    /** Tests and embedders: replace the gateway. */
    useGateway(next: MessageGateway) {
      active = next;
    },

    /** Adds a notice to the outbox inside the caller's transaction (e.g. a hotline reply, kind `case.reply`). */
    async enqueue(
      executor: Executor,
      notice: { tenantId: string; caseId: string | null; phone: string; kind: string; message: string },
    ): Promise<string> {
      return enqueueNotice(executor, { ...notice, createdAt: clock.now().toISOString() });
    },

    /** One dispatcher run (scheduler job `notify.dispatch`): sends what is due, one batch. */
    async dispatch(now: Date = clock.now()): Promise<DispatchResult> {
      const out: DispatchResult = { sent: 0, retrying: 0, failed: 0 };
      const nowIso = now.toISOString();
      const started = performance.now();
      for (const row of await repo.due(database.db, joinCase, nowIso, BATCH)) {
        if (performance.now() - started > RUN_BUDGET_MS) break;
        const attempts = row.attempts + 1;
        const validMs = ONE_TIME_NOTICES[row.kind];
        const secret = validMs !== undefined;
        if (secret && Date.parse(row.created_at) + validMs <= now.getTime()) {
          await repo.markFailed(database.db, row.id, attempts, 'expired before it was sent', null, nowIso, true);
          out.failed += 1;
          continue;
        }
        const phone = row.phone.replace(/[\s-]/g, '');
        if (!MOBILE.test(phone)) {
          await repo.markFailed(database.db, row.id, attempts, 'not a mobile number', null, nowIso, secret);
          out.failed += 1;
          continue;
        }
        try {
          const { providerId } = await active.send({
            id: row.id,
            phone,
            text: noticeText(row, sms.sign),
            kind: row.kind,
            caseNo: row.case_no,
          });
          await repo.markSent(database.db, row.id, clock.now().toISOString(), attempts, providerId, secret);
          out.sent += 1;
        } catch (err) {
          const reason = err instanceof Error ? err.message : String(err);
          const giveUp = attempts >= sms.maxAttempts;
          const next = giveUp
            ? null
            : new Date(now.getTime() + (BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? 0)).toISOString();
          await repo.markFailed(database.db, row.id, attempts, reason, next, giveUp ? nowIso : null, secret && giveUp);
          log.warn({ notice: { id: row.id, kind: row.kind, attempts, giveUp }, reason }, 'citizen notice not sent');
          if (giveUp) out.failed += 1;
          else out.retrying += 1;
        }
      }
      return out;
    },

    /** The outbox rows of one case (tests, support). */
    noticesOfCase: (caseId: string) => repo.noticesOfCase(database.db, caseId),
  };
}
export type NotifyService = ReturnType<typeof createNotifyService>;
