import { createHmac } from 'node:crypto';
import {
  REPORT_UP_FORMAT,
  type ReportUpPayload,
  type ReportUpTestResult,
} from '../../../../common/contracts/report-up.ts';
import { zonedInstant } from '../../../../common/domain/monitor.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { FedReportConfigTable } from '../../db/schema-federation.ts';
import type { FedContext } from './fed-context.ts';
import { currentMonth, firstMonth, monthRecord, nextMonth, type FedKpi } from './fed-report-month.ts';
import { nextDay, type CaseRecords } from './fed-report-up.ts';
import * as store from './fed-report.repository.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS_PER_RUN = 31;
/** Waits between the tries of one post within a run; across runs the back-off below applies. */
const IN_RUN_DELAYS_MS = [250, 1000];
const TIMEOUT_MS = 15_000;

/** After the n-th failed run the next scheduled one waits 60 s × 2^(n−1), at most an hour. */
export const pushBackoffMs = (attempts: number): number => Math.min(3_600_000, 60_000 * 2 ** Math.max(0, attempts - 1));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface PostResult {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/**
 * Report-up by HTTP push (docs/federation.md, "Report-up: HTTP push"): each batch is posted as JSON with its batch id
 * in the Idempotency-Key header, a bearer token and an HMAC-SHA256 signature over timestamp and body when set; every
 * record carries its stable key. A watermark per kind (days of cases, months of statistics) moves only after a 2xx
 * for every batch of the period, so a crash or an outage re-sends whole periods, which a receiver that deduplicates
 * by key absorbs.
 */
export function createReportPush(ctx: FedContext, kpi: FedKpi, records: CaseRecords) {
  const { db } = ctx;

  function headersOf(cfg: FedReportConfigTable, body: string, batchId: string, at: string): Record<string, string> {
    const h: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'idempotency-key': batchId,
      'x-cityloop-timestamp': at,
    };
    if (cfg.token_cipher) h.authorization = `Bearer ${ctx.pii.decrypt(cfg.token_cipher)}`;
    if (cfg.hmac_cipher)
      h['x-cityloop-signature'] =
        `sha256=${createHmac('sha256', ctx.pii.decrypt(cfg.hmac_cipher)).update(`${at}\n${body}`).digest('hex')}`;
    return h;
  }

  async function postOnce(cfg: FedReportConfigTable, payload: ReportUpPayload): Promise<PostResult> {
    const body = JSON.stringify(payload);
    try {
      const res = await fetch(cfg.endpoint ?? '', {
        method: 'POST',
        headers: headersOf(cfg, body, payload.batchId, ctx.now()),
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = (await res.text()).slice(0, 300);
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, error: null };
      return { ok: false, status: res.status, error: `HTTP ${res.status}${text ? `: ${text}` : ''}` };
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code;
      return { ok: false, status: null, error: cause ?? (e instanceof Error ? e.message : String(e)) };
    }
  }

  async function post(cfg: FedReportConfigTable, payload: ReportUpPayload): Promise<PostResult> {
    let res = await postOnce(cfg, payload);
    for (const wait of IN_RUN_DELAYS_MS) {
      if (res.ok || (res.status !== null && res.status < 500 && res.status !== 429)) break;
      await sleep(wait);
      res = await postOnce(cfg, payload);
    }
    return res;
  }

  const header = (code: string, now: Date) => ({
    format: REPORT_UP_FORMAT,
    tenantCode: code,
    timeZone: ctx.timeZone,
    generatedAt: now.toISOString(),
  });

  /** Records a failed period: the watermark stays, the next scheduled run waits out the back-off. */
  async function failed(tenantId: string, kind: store.Kind, period: string, n: number, error: string, now: Date) {
    const key = { tenantId, channel: 'push', kind } as const;
    const attempts = ((await store.cursor(db, tenantId, 'push', kind))?.attempts ?? 0) + 1;
    const next = new Date(now.getTime() + pushBackoffMs(attempts)).toISOString();
    const at = now.toISOString();
    await store.setCursor(db, key, { attempts, nextAttemptAt: next, lastError: error, at });
    await store.logRun(db, tenantId, { ...key, period, ok: false, records: n, error, at });
  }

  async function delivered(tenantId: string, kind: store.Kind, period: string, n: number, now: Date) {
    const key = { tenantId, channel: 'push', kind } as const;
    const old = await store.cursor(db, tenantId, 'push', kind);
    const at = now.toISOString();
    const last = !old?.last || period > old.last ? period : undefined;
    await store.setCursor(db, key, { last, attempts: 0, nextAttemptAt: null, lastError: null, at });
    await store.logRun(db, tenantId, { ...key, period, ok: true, records: n, error: null, at });
  }

  async function pushDays(cfg: FedReportConfigTable, code: string, now: Date, from?: string): Promise<number> {
    const tz = ctx.timeZone;
    const tenantId = cfg.tenant_id;
    const today = zonedDate(now, tz);
    const mark = await store.cursor(db, tenantId, 'push', 'day');
    let day = from ?? (mark?.last ? nextDay(mark.last) : zonedDate(new Date(now.getTime() - DAY_MS), tz));
    let sent = 0;
    for (let n = 0; n < MAX_DAYS_PER_RUN && day < today; n++, day = nextDay(day)) {
      const start = zonedInstant(day, '00:00', tz).toISOString();
      const end = zonedInstant(nextDay(day), '00:00', tz).toISOString();
      const all = await records(tenantId, code, start, end);
      // a day without changes is still posted (one empty batch), so the receiver knows the day is complete
      const batches = Math.max(1, Math.ceil(all.length / cfg.batch_size));
      for (let b = 0; b < batches; b++) {
        const part = all.slice(b * cfg.batch_size, (b + 1) * cfg.batch_size);
        const batchId = `${code}:cases:${day}:${b + 1}/${batches}`;
        const payload: ReportUpPayload = {
          ...header(code, now),
          kind: 'cases',
          batchId,
          day,
          batch: b + 1,
          batches,
          records: part,
        };
        const res = await post(cfg, payload);
        if (!res.ok) {
          await failed(tenantId, 'day', day, all.length, res.error ?? 'failed', now);
          return sent;
        }
      }
      await delivered(tenantId, 'day', day, all.length, now);
      sent += all.length;
    }
    return sent;
  }

  async function pushMonths(cfg: FedReportConfigTable, code: string, now: Date, from?: string): Promise<number> {
    const tenantId = cfg.tenant_id;
    const mark = await store.cursor(db, tenantId, 'push', 'month');
    const open = currentMonth(now, ctx.timeZone);
    let sent = 0;
    for (let month = from ?? firstMonth(mark?.last, now, ctx.timeZone); month < open; month = nextMonth(month)) {
      const record = await monthRecord(ctx, kpi, tenantId, code, month);
      const payload: ReportUpPayload = {
        ...header(code, now),
        kind: 'month',
        batchId: `${code}:month:${month}`,
        month,
        records: [record],
      };
      const res = await post(cfg, payload);
      if (!res.ok) {
        await failed(tenantId, 'month', month, 1, res.error ?? 'failed', now);
        return sent;
      }
      await delivered(tenantId, 'month', month, 1, now);
      sent += 1;
    }
    return sent;
  }

  return {
    /**
     * Posts the days and months after the push watermarks. The scheduled job (`force` false) skips a kind still
     * waiting out its back-off; an administrator's run posts at once.
     */
    async run(
      cfg: FedReportConfigTable,
      code: string,
      now: Date,
      opts: { from?: string; fromMonth?: string; force?: boolean } = {},
    ) {
      if (cfg.mode === 'file' || !cfg.endpoint) return { records: 0, months: 0 };
      const due = async (kind: store.Kind) => {
        if (opts.force) return true;
        const c = await store.cursor(db, cfg.tenant_id, 'push', kind);
        return !c?.next_attempt_at || c.next_attempt_at <= now.toISOString();
      };
      const records = (await due('day')) ? await pushDays(cfg, code, now, opts.from) : 0;
      const months = (await due('month')) ? await pushMonths(cfg, code, now, opts.fromMonth) : 0;
      return { records, months };
    },

    /** The test connection: one `ping` body with the same headers; nothing is recorded as delivered. */
    async ping(cfg: FedReportConfigTable, code: string, now: Date): Promise<ReportUpTestResult> {
      const started = Date.now();
      const res = await postOnce(cfg, {
        ...header(code, now),
        kind: 'ping',
        batchId: `${code}:ping:${now.toISOString()}`,
      });
      return { ok: res.ok, status: res.status, error: res.error, ms: Date.now() - started };
    },
  };
}
