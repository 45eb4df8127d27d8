import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  REPORT_UP_FORMAT,
  type ReportUpCounts,
  type ReportUpMonthFile,
  type ReportUpMonthRecord,
} from '../../../../common/contracts/report-up.ts';
import { indicatorsOf, type KpiCounts, type KpiPeriod } from '../../../../common/domain/kpi.ts';
import { zonedInstant } from '../../../../common/domain/monitor.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { csvField } from '../../platform/cell-text.ts';
import { caseRows } from '../cases/index.ts';
import { periodOf } from '../kpi/index.ts';
import type { FedContext } from './fed-context.ts';
import { writeAtomic } from './fed-report-up.ts';
import * as store from './fed-report.repository.ts';

/** The KPI module as the monthly statistics use it: Σ counters per member of a roll-up dimension in a period. */
export interface FedKpi {
  sumsBy(tenantId: string, dim: string, period: KpiPeriod): Promise<Map<string, KpiCounts>>;
}

const COUNTS = ['reported', 'filed', 'needClose', 'closed', 'closedOnTime'] as const;
const pick = (c: KpiCounts): ReportUpCounts => Object.fromEntries(COUNTS.map((k) => [k, c[k]])) as ReportUpCounts;

export const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const prevMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/** The month that is open now in the zone: months before it are closed and can be reported. */
export const currentMonth = (now: Date, tz: string): string => zonedDate(now, tz).slice(0, 7);
/** Where a run starts: after the watermark, or the last closed month when there is none. */
export const firstMonth = (last: string | null | undefined, now: Date, tz: string): string =>
  last ? nextMonth(last) : prevMonth(currentMonth(now, tz));

/**
 * One month's statistics record (docs/federation.md, "Monthly statistics"): the KPI roll-up's counters for the
 * tenant, by channel (source) and by 大类, with 结案率 and 按期结案率 computed by the KPI module's own formulas, and
 * the current status of the cases reported in the month.
 */
export async function monthRecord(
  ctx: FedContext,
  kpi: FedKpi,
  tenantId: string,
  code: string,
  month: string,
): Promise<ReportUpMonthRecord> {
  const period = periodOf({ period: 'month', at: month });
  // one after the other: each read drains the roll-up queue first, and SQLite has a single connection
  const all = (await kpi.sumsBy(tenantId, 'all', period)).values().next().value;
  const bySource = await kpi.sumsBy(tenantId, 'channel', period);
  const byClass = await kpi.sumsBy(tenantId, 'major', period);
  const tz = ctx.timeZone;
  const start = zonedInstant(`${month}-01`, '00:00', tz).toISOString();
  const end = zonedInstant(`${nextMonth(month)}-01`, '00:00', tz).toISOString();
  const statuses = await caseRows(ctx.db)
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('c.tenant_id', '=', tenantId)
    .where('c.reported_at', '>=', start)
    .where('c.reported_at', '<', end)
    .groupBy('c.status')
    .orderBy('c.status')
    .execute();
  const totals = all ? pick(all) : pick(Object.fromEntries(COUNTS.map((k) => [k, 0])) as unknown as KpiCounts);
  const rates = all ? indicatorsOf(all, { excludeSuspended: false }) : null;
  const sorted = (m: Map<string, KpiCounts>) =>
    Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => [k, pick(c)]));
  return {
    key: `${code}:month:${month}`,
    month,
    totals,
    closeRate: rates?.closeRate.value ?? null,
    onTimeCloseRate: rates?.onTimeCloseRate.value ?? null,
    bySource: sorted(bySource),
    byClass: sorted(byClass),
    byStatus: Object.fromEntries(statuses.map((s) => [s.status, Number(s.n)])),
  };
}

function monthCsv(f: ReportUpMonthFile): string {
  const s = f.statistics;
  const head = ['dimension', 'member', ...COUNTS];
  const row = (dim: string, member: string, c: ReportUpCounts) =>
    [dim, member, ...COUNTS.map((k) => c[k])].map((v) => csvField(v)).join(',');
  const lines = [
    row('total', '', s.totals),
    ...Object.entries(s.bySource).map(([k, c]) => row('source', k, c)),
    ...Object.entries(s.byClass).map(([k, c]) => row('class', k, c)),
    ...Object.entries(s.byStatus).map(([k, n]) => [csvField('status'), csvField(k), csvField(n)].join(',')),
  ];
  // BOM: Excel and WPS open UTF-8 CSV with Chinese text correctly only with it
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
}

/**
 * The monthly file drop: `month-YYYY-MM.json` and `.csv` beside the daily files, for each closed month after the
 * file watermark (or from `from`), written atomically under the same names on a re-send.
 */
export async function writeMonthFiles(
  ctx: FedContext,
  kpi: FedKpi,
  tenantId: string,
  code: string,
  now: Date,
  from?: string,
): Promise<string[]> {
  const key = { tenantId, channel: 'file', kind: 'month' } as const;
  const mark = await store.cursor(ctx.db, tenantId, 'file', 'month');
  const open = currentMonth(now, ctx.timeZone);
  const dir = join(ctx.reportDir, code);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (let month = from ?? firstMonth(mark?.last, now, ctx.timeZone); month < open; month = nextMonth(month)) {
    const file: ReportUpMonthFile = {
      format: REPORT_UP_FORMAT,
      tenantCode: code,
      timeZone: ctx.timeZone,
      generatedAt: now.toISOString(),
      month,
      statistics: await monthRecord(ctx, kpi, tenantId, code, month),
    };
    writeAtomic(join(dir, `month-${month}.json`), `${JSON.stringify(file, null, 1)}\n`);
    writeAtomic(join(dir, `month-${month}.csv`), monthCsv(file));
    const at = now.toISOString();
    const last = !mark?.last || month > mark.last ? month : undefined;
    await store.setCursor(ctx.db, key, { last, attempts: 0, nextAttemptAt: null, lastError: null, at });
    await store.logRun(ctx.db, tenantId, { ...key, period: month, ok: true, records: 1, error: null, at });
    written.push(`${code}/month-${month}.json`, `${code}/month-${month}.csv`);
  }
  return written;
}
