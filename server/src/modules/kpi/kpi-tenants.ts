/**
 * Figures of several tenants at once, read from their whole-tenant roll-up rows: the 地级市 view over its counties
 * (docs/prefecture.md). Each tenant's row is computed with that tenant's own weights and options, so it equals the
 * tenant row of its own KPI page; the sum over the tenants is scored with the reader's settings.
 */
import type { KpiRow } from '../../../../common/contracts/kpi.ts';
import type { KpiCounts, KpiPeriod } from '../../../../common/domain/kpi.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { periodSums } from './kpi.repository.ts';
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
 * the 地级市 view reads its counties this way (docs/prefecture.md).
 */
function sumsByTenant(db: Executor, tenantIds: readonly string[], from: string, to: string) {
  return periodSums(db, { tenantIds, dim: 'all', dimIds: [''] }, 'tenant_id', from, to);
}

/** Σ counters of the whole-tenant roll-up over several tenants per calendar month ('YYYY-MM') of [from, to]. */
function monthlyOverTenants(db: Executor, tenantIds: readonly string[], from: string, to: string) {
  return periodSums(db, { tenantIds, dim: 'all', dimIds: [''] }, 'month', from, to);
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
