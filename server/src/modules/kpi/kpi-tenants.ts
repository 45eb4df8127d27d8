/**
 * Figures of several tenants at once, read from their whole-tenant roll-up rows: the 地级市 view over its counties
 * (docs/prefecture.md). Each tenant's row is computed with that tenant's own weights and options, so it equals the
 * tenant row of its own KPI page; the sum over the tenants is scored with the reader's settings.
 */
import { sql } from 'kysely';
import { splitByMonths } from '../../../../common/domain/month-ranges.ts';
import type { KpiRow } from '../../../../common/contracts/kpi.ts';
import { KPI_COUNTERS, zeroCounts, type KpiCounts, type KpiPeriod } from '../../../../common/domain/kpi.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { col } from './kpi-rollup.ts';
import type { KpiService } from './kpi.service.ts';

export interface TenantRef {
  id: string;
  code: string;
  name: string;
}

export function createTenantFigures(database: Database, kpi: KpiService) {
  const { db } = database;

  /** Drains only the queues that hold something: a province's counties are mostly idle at any one moment. */
  async function drain(tenantIds: readonly string[]): Promise<void> {
    for (const id of await tenantsWithDirty(db, tenantIds)) await kpi.rollup.drain(id);
  }

  return {
    /** One tenant row per tenant (code as id), and their sum scored with the settings of `readerTenantId`. */
    async figures(readerTenantId: string, tenants: readonly TenantRef[], period: KpiPeriod) {
      const ids = tenants.map((t) => t.id);
      await drain(ids);
      const sums = await sumsByTenant(db, ids, period.from, period.to);
      // one small settings read per county, side by side on the pool rather than one after another
      const settings = await Promise.all(tenants.map((t) => kpi.loadSettings(t.id)));
      const rows: KpiRow[] = tenants.map((t, i) => kpi.rowOf('tenant', t.code, t.name, sums.get(t.id), settings[i]!));
      const total = kpi.sumCounts(rows.map((r) => r.counts as KpiCounts));
      return { rows, total: kpi.rowOf('tenant', '', '', total, await kpi.loadSettings(readerTenantId)) };
    },

    /** The sum over the tenants per calendar month of [from, to], each month scored with the reader's settings. */
    async monthly(readerTenantId: string, tenantIds: readonly string[], from: string, to: string) {
      await drain(tenantIds);
      const byMonth = await monthlyOverTenants(db, tenantIds, from, to);
      const s = await kpi.loadSettings(readerTenantId);
      return (month: string): KpiRow => kpi.rowOf('tenant', month, month, byMonth.get(month), s);
    },
  };
}
export type TenantFigures = ReturnType<typeof createTenantFigures>;

/**
 * Σ counters of the whole-tenant roll-up rows (dim 'all') per tenant over [from, to], for several tenants at once:
 * the 地级市 view reads its counties this way (docs/prefecture.md). Whole months come from the monthly roll-up and
 * the days at the ends from the daily one (docs/decisions/0014-kpi-monthly-rollup.md).
 */
function sumsByTenant(db: Executor, tenantIds: readonly string[], from: string, to: string) {
  return sumsOverTenants(db, tenantIds, from, to, 'tenant');
}

/** Σ counters of the whole-tenant roll-up over several tenants per calendar month ('YYYY-MM') of [from, to]. */
function monthlyOverTenants(db: Executor, tenantIds: readonly string[], from: string, to: string) {
  return sumsOverTenants(db, tenantIds, from, to, 'month');
}

async function sumsOverTenants(
  db: Executor,
  tenantIds: readonly string[],
  from: string,
  to: string,
  by: 'tenant' | 'month',
): Promise<Map<string, KpiCounts>> {
  const out = new Map<string, KpiCounts>();
  if (!tenantIds.length) return out;
  const sums = KPI_COUNTERS.map((k) => sql<number>`sum(${sql.ref(col(k))})`.as(col(k)));
  const { months, days } = splitByMonths(from, to);
  const parts: Promise<Record<string, unknown>[]>[] = days.map(([a, b]) => {
    const key = by === 'tenant' ? sql<string>`tenant_id` : sql<string>`substr(day, 1, 7)`;
    return db
      .selectFrom('kpi_daily')
      .select(key.as('k'))
      .select(sums)
      .where('tenant_id', 'in', tenantIds)
      .where('dim', '=', 'all')
      .where('dim_id', '=', '')
      .where('day', '>=', a)
      .where('day', '<=', b)
      .groupBy(key)
      .execute();
  });
  if (months) {
    const key = by === 'tenant' ? sql<string>`tenant_id` : sql<string>`month`;
    parts.push(
      db
        .selectFrom('kpi_monthly')
        .select(key.as('k'))
        .select(sums)
        .where('tenant_id', 'in', tenantIds)
        .where('dim', '=', 'all')
        .where('dim_id', '=', '')
        .where('month', '>=', months[0])
        .where('month', '<=', months[1])
        .groupBy(key)
        .execute(),
    );
  }
  for (const rows of await Promise.all(parts)) {
    for (const r of rows) {
      const id = String(r.k);
      let c = out.get(id);
      if (!c) out.set(id, (c = zeroCounts()));
      for (const k of KPI_COUNTERS) c[k] += Number(r[col(k)] ?? 0);
    }
  }
  for (const c of out.values()) c.handlingHours = Math.round(c.handlingHours * 100) / 100;
  return out;
}

/** The tenants among these with cases waiting in the roll-up queue. */
async function tenantsWithDirty(db: Executor, tenantIds: readonly string[]): Promise<string[]> {
  if (!tenantIds.length) return [];
  const rows = await db
    .selectFrom('kpi_dirty')
    .select('tenant_id')
    .distinct()
    .where('tenant_id', 'in', tenantIds)
    .execute();
  return rows.map((r) => r.tenant_id);
}
