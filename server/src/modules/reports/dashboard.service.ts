import { sql, type Expression, type SqlBool } from 'kysely';
import type { DashboardSummary } from '../../../../common/contracts/reports.ts';
import { indicatorsOf, zeroCounts, type KpiCounts } from '../../../../common/domain/kpi.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { requirePermission, scopeOf, type Actor } from '../auth/index.ts';
import { kpiCaseFilter as caseFilter, reportedPerDay as reportedPerDayOf, type KpiService } from '../kpi/index.ts';
import { caseRows } from '../cases/index.ts';
import { orgReadModel, tenantColumns } from '../org/index.ts';
import { catalogLookups } from '../catalog/index.ts';

/**
 * The 1920×1080 command dashboard: open cases on the map with their SLA colour (docs/standards.md, "Time limits"),
 * today's intake by channel, closure and on-time rates (today / month, 立案 cohort as in the KPIs), the most overdue
 * cases, this month's unit ranking and a 30-day trend. One request, bounded queries on indexed columns.
 */
export const OPEN_CAP = 2000;
const OPEN = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'handling',
  'suspended',
  // 已移送: still the city's case, waiting at the peer with its clock stopped (docs/federation.md)
  'transferred',
  'reported_back',
  'checking',
  'pending_close',
];
const DAY = 86_400_000;

/** Offset of a time zone from UTC at an instant, in ms (no DST in China, but computed, not assumed). */
function offsetMs(timeZone: string, at: Date): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000) * 60_000;
}

export function createDashboardService(database: Database, clock: Clock, kpi: KpiService) {
  const { db, dialect } = database;

  /** Cases per local day of an instant column over [fromIso, …), keyed 'YYYY-MM-DD'. */
  async function perDay(
    tenantId: string,
    column: 'reported_at' | 'closed_at',
    fromIso: string,
    offsetMin: number,
    filter: Expression<SqlBool> | null,
  ) {
    const dayExpr =
      dialect === 'sqlite'
        ? sql<string>`substr(datetime(${sql.ref(`c.${column}`)}, ${`${offsetMin >= 0 ? '+' : ''}${offsetMin} minutes`}), 1, 10)`
        : sql<string>`to_char((${sql.ref(`c.${column}`)})::timestamptz at time zone 'UTC' + make_interval(mins => ${offsetMin}::int), 'YYYY-MM-DD')`;
    let q = caseRows(db)
      .select([dayExpr.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('c.tenant_id', '=', tenantId)
      .where(sql.ref(`c.${column}`), '>=', fromIso);
    if (column === 'closed_at') q = q.where('c.status', '=', 'closed');
    if (filter) q = q.where(filter);
    // by position: the day expression carries a parameter, and PostgreSQL would not match two copies of it
    const rows = await q.groupBy(sql`1`).execute();
    return new Map(rows.map((r) => [String(r.day), Number(r.n)]));
  }

  /** 上报数 per local day from the daily roll-up (dimension 'all'), drained first so today is current. */
  async function reportedPerDay(tenantId: string, from: string, to: string) {
    await kpi.rollup.drain(tenantId);
    return reportedPerDayOf(db, tenantId, from, to);
  }

  return {
    async summary(actor: Actor): Promise<DashboardSummary> {
      requirePermission(actor, 'dashboard.read');
      const now = clock.now();
      const tenant = await tenantColumns(db, actor.tenantId, ['timezone']);
      const offset = offsetMs(tenant?.timezone || 'Asia/Shanghai', now);
      const localNow = new Date(now.getTime() + offset);
      const today = localNow.toISOString().slice(0, 10);
      const month = today.slice(0, 7);
      const todayStart = new Date(Date.parse(`${today}T00:00:00Z`) - offset);
      const trendStart = new Date(todayStart.getTime() - 29 * DAY);
      const filter = caseFilter(actor);
      const scope = scopeOf(actor, 'kpi.read');
      const subject = scope.all ? 'tenant' : scope.unitIds.length ? 'unit' : 'street';

      let openQ = caseRows(db).where('c.tenant_id', '=', actor.tenantId).where('c.status', 'in', OPEN);
      if (filter) openQ = openQ.where(filter);
      let overdueQ = caseRows(db)
        .$call((q) => orgReadModel.leftJoinUnits(q, 'u', { id: 'c.unit_id' }))
        .where('c.tenant_id', '=', actor.tenantId)
        .where('c.status', '=', 'handling')
        .where('c.step_deadline', '<', now.toISOString());
      if (filter) overdueQ = overdueQ.where(filter);
      let channelQ = caseRows(db)
        .select(['c.channel', (eb) => eb.fn.countAll<number>().as('n')])
        .where('c.tenant_id', '=', actor.tenantId)
        .where('c.reported_at', '>=', todayStart.toISOString());
      if (filter) channelQ = channelQ.where(filter);

      const [open, openTotal, overdue, channels, reportedDays, closedDays, todayFig, monthFig, ranking] =
        await Promise.all([
          openQ
            .select([
              'c.id',
              'c.case_no',
              'c.status',
              'c.matter_code',
              'c.lng',
              'c.lat',
              'c.step_deadline',
              'c.step_warned',
              'c.reported_at',
            ])
            .orderBy('c.reported_at', 'desc')
            .limit(OPEN_CAP)
            .execute(),
          openQ.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
          overdueQ
            .select(['c.id', 'c.case_no', 'c.status', 'c.matter_code', 'c.step_deadline', 'u.name as unit_name'])
            .orderBy('c.step_deadline', 'asc')
            .limit(20)
            .execute(),
          channelQ.groupBy('c.channel').execute(),
          // the whole tenant reads intake per day from the roll-up (a few dozen rows); a scoped view counts its cases
          filter
            ? perDay(actor.tenantId, 'reported_at', trendStart.toISOString(), offset / 60_000, filter)
            : reportedPerDay(actor.tenantId, new Date(trendStart.getTime() + offset).toISOString().slice(0, 10), today),
          perDay(actor.tenantId, 'closed_at', trendStart.toISOString(), offset / 60_000, filter),
          kpi.compute(actor, { period: 'day', at: today, subject }),
          kpi.compute(actor, { period: 'month', at: month, subject }),
          scope.all || scope.unitIds.length ? kpi.ranking(actor, { month, subject: 'unit' }) : Promise.resolve(null),
        ]);
      const matterNames = await catalogLookups.matterNames(
        db,
        actor.tenantId,
        overdue.map((o) => o.matter_code),
      );
      const rates = (counts: KpiCounts) =>
        indicatorsOf(counts, { excludeSuspended: monthFig.options.excludeSuspended });
      const todayRates = rates((todayFig.total.counts as KpiCounts) ?? zeroCounts());
      const monthRates = rates((monthFig.total.counts as KpiCounts) ?? zeroCounts());
      const trend = Array.from({ length: 30 }, (_, i) => {
        const date = new Date(trendStart.getTime() + offset + i * DAY).toISOString().slice(0, 10);
        return { date, reported: reportedDays.get(date) ?? 0, closed: closedDays.get(date) ?? 0 };
      });
      return {
        generatedAt: now.toISOString(),
        openCases: open.map((c) => ({
          id: c.id,
          caseNo: c.case_no,
          status: c.status,
          matterCode: c.matter_code,
          lng: c.lng,
          lat: c.lat,
          reportedAt: c.reported_at,
          sla:
            c.status === 'suspended' || c.status === 'transferred'
              ? 'paused'
              : !c.step_deadline
                ? 'none'
                : c.step_warned === 'red' || c.step_deadline < now.toISOString()
                  ? 'red'
                  : c.step_warned === 'yellow'
                    ? 'yellow'
                    : 'green',
        })),
        openTotal: Number(openTotal?.n ?? 0),
        openCap: OPEN_CAP,
        todayByChannel: channels
          .map((r) => ({ channel: r.channel, count: Number(r.n) }))
          .sort((a, b) => b.count - a.count),
        today: { reported: reportedDays.get(today) ?? 0, closed: closedDays.get(today) ?? 0 },
        rates: {
          todayCloseRate: todayRates.closeRate.value,
          todayOnTimeCloseRate: todayRates.onTimeCloseRate.value,
          monthCloseRate: monthRates.closeRate.value,
          monthOnTimeCloseRate: monthRates.onTimeCloseRate.value,
        },
        overdue: overdue.map((o) => ({
          id: o.id,
          caseNo: o.case_no,
          status: o.status,
          matterCode: o.matter_code,
          matterName: matterNames.get(o.matter_code) ?? null,
          unitName: o.unit_name ?? null,
          handlingDeadline: o.step_deadline,
          overdueHours: o.step_deadline
            ? Math.round(((now.getTime() - Date.parse(o.step_deadline)) / 3_600_000) * 10) / 10
            : 0,
        })),
        // the units that handled cases this month: the ranked ones, then those with too few cases to rank
        // (docs/standards.md, "KPI ranking"); units without any case are not listed
        unitRanking: [...(ranking?.rows ?? []), ...(ranking?.unranked ?? [])].map((r) => ({
          unitId: r.id,
          name: r.name,
          rank: r.rank,
          score: r.score,
          grade: r.grade,
          closeRate: r.indicators.closeRate?.value ?? null,
          onTimeCloseRate: r.indicators.onTimeCloseRate?.value ?? null,
          filed: r.counts.filed ?? 0,
        })),
        trend,
      };
    },
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
