/**
 * The figures of a line view and its 大屏 panel (docs/lines.md): per type the assets in the register and this
 * month's logged quantity, the open 养护工单 and this month's finished orders with their cost, and per asset the same
 * figures for the rows of a page. Counted within the reader's register scope, as the lists are: a reader of the whole
 * tenant's register gets the assets per type and the month's quantities from the kept counts and the monthly log
 * roll-up (docs/assets.md, "At scale"); a reader limited to units or streets gets them summed within that scope.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { fromMilli, type AssetLine } from '../../../../common/domain/assets.ts';
import { registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { READ, type AssetContext } from './asset-context.ts';
import { startOfDay } from './assets-report-section.ts';

/** A calendar month (YYYY-MM) as log dates and as the instants of the tenant's time zone that bound it. */
export interface MonthWindow {
  month: string;
  firstDay: string;
  nextFirstDay: string;
}

export function monthWindow(month: string): MonthWindow {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { month, firstDay: `${month}-01`, nextFirstDay: `${next}-01` };
}

const OPEN_STATES = ['open', 'in_progress'] as const;

export function createAssetLines(ctx: AssetContext, timeZone: string) {
  const { db } = ctx.database;
  const scoped = (actor: Actor) => registerScope(actor, READ, 'a', true) ?? sql<boolean>`1 = 1`;

  /** Per type of the line: the assets in service and the month's logged quantity, counted within `scope`. */
  async function scopedTypeFigures(actor: Actor, line: AssetLine, w: MonthWindow, scope: Expression<SqlBool>) {
    const types = await db
      .selectFrom('asset_types as t')
      .leftJoin('assets as a', (j) => j.onRef('a.type_id', '=', 't.id').on('a.status', '!=', 'retired').on(scope))
      .where('t.tenant_id', '=', actor.tenantId)
      .where('t.line', '=', line)
      .groupBy(['t.id', 't.code', 't.name_zh', 't.name_en', 't.log_unit'])
      .select(['t.id', 't.code', 't.name_zh', 't.name_en', 't.log_unit', (e) => e.fn.count<string>('a.id').as('n')])
      .orderBy('t.code')
      .execute();
    const logs = await db
      .selectFrom('asset_daily_logs as l')
      .innerJoin('assets as a', 'a.id', 'l.asset_id')
      .where('l.tenant_id', '=', actor.tenantId)
      .where('l.line', '=', line)
      .where('l.log_date', '>=', w.firstDay)
      .where('l.log_date', '<', w.nextFirstDay)
      .where(scope)
      .groupBy('a.type_id')
      .select(['a.type_id', (e) => e.fn.sum<string>('l.quantity_milli').as('milli')])
      .execute();
    return { types, logs };
  }

  /** The same for the whole tenant, from the counts per type and status and the monthly log roll-up. */
  async function tenantTypeFigures(actor: Actor, line: AssetLine, w: MonthWindow) {
    const types = await db
      .selectFrom('asset_types as t')
      .leftJoin('asset_type_counts as c', (j) =>
        j.onRef('c.type_id', '=', 't.id').onRef('c.tenant_id', '=', 't.tenant_id').on('c.status', '!=', 'retired'),
      )
      .where('t.tenant_id', '=', actor.tenantId)
      .where('t.line', '=', line)
      .groupBy(['t.id', 't.code', 't.name_zh', 't.name_en', 't.log_unit'])
      .select(['t.id', 't.code', 't.name_zh', 't.name_en', 't.log_unit', sql<string>`coalesce(sum(c.n), 0)`.as('n')])
      .orderBy('t.code')
      .execute();
    const logs = await db
      .selectFrom('asset_log_monthly as m')
      .innerJoin('asset_types as t', 't.id', 'm.type_id')
      .where('m.tenant_id', '=', actor.tenantId)
      .where('m.month', '=', w.month)
      .where('t.line', '=', line)
      .groupBy('m.type_id')
      .select(['m.type_id', (e) => e.fn.sum<string>('m.milli').as('milli')])
      .execute();
    return { types, logs };
  }

  return {
    /** A line's key figures for one month. */
    async figures(actor: Actor, line: AssetLine, w: MonthWindow) {
      requirePermission(actor, READ);
      const from = startOfDay(w.firstDay, timeZone);
      const to = startOfDay(w.nextFirstDay, timeZone);
      const limited = registerScope(actor, READ, 'a', true);
      const scope = limited ?? sql<boolean>`1 = 1`;
      const { types, logs } = limited
        ? await scopedTypeFigures(actor, line, w, limited)
        : await tenantTypeFigures(actor, line, w);
      const orders = await db
        .selectFrom('asset_work_orders as a')
        .where('a.tenant_id', '=', actor.tenantId)
        .where('a.line', '=', line)
        .where(scope)
        .select([
          sql<string>`sum(case when a.state in ('open', 'in_progress') then 1 else 0 end)`.as('open'),
          sql<string>`sum(case when a.done_at >= ${from} and a.done_at < ${to} then 1 else 0 end)`.as('done'),
          sql<string>`sum(case when a.done_at >= ${from} and a.done_at < ${to} then coalesce(a.cost_fen, 0) else 0 end)`.as(
            'spend',
          ),
        ])
        .executeTakeFirst();
      const milli = new Map(logs.map((l) => [l.type_id, Number(l.milli ?? 0)]));
      const typeFigures = types.map((t) => ({
        code: t.code,
        nameZh: t.name_zh,
        nameEn: t.name_en,
        logUnit: t.log_unit,
        count: Number(t.n),
        monthQuantity: fromMilli(milli.get(t.id) ?? 0),
      }));
      return {
        assets: typeFigures.reduce((n, t) => n + t.count, 0),
        types: typeFigures,
        openOrders: Number(orders?.open ?? 0),
        monthOrdersDone: Number(orders?.done ?? 0),
        monthSpendFen: Number(orders?.spend ?? 0),
      };
    },

    /** Per asset of a page: this month's logged quantity, the cost of its finished orders (ever) and its open orders. */
    async itemFigures(actor: Actor, ids: readonly string[], w: MonthWindow) {
      requirePermission(actor, READ);
      const out = new Map(ids.map((id) => [id, { monthQuantity: 0, spendFen: 0, openOrders: 0 }]));
      if (!ids.length) return out;
      const logs = await db
        .selectFrom('asset_daily_logs')
        .where('tenant_id', '=', actor.tenantId)
        .where('asset_id', 'in', ids)
        .where('log_date', '>=', w.firstDay)
        .where('log_date', '<', w.nextFirstDay)
        .groupBy('asset_id')
        .select(['asset_id', (e) => e.fn.sum<string>('quantity_milli').as('milli')])
        .execute();
      for (const l of logs) out.get(l.asset_id)!.monthQuantity = fromMilli(Number(l.milli ?? 0));
      const orders = await db
        .selectFrom('asset_work_orders')
        .where('tenant_id', '=', actor.tenantId)
        .where('asset_id', 'in', ids)
        .groupBy('asset_id')
        .select([
          'asset_id',
          sql<string>`sum(case when state in (${sql.join(OPEN_STATES)}) then 1 else 0 end)`.as('open'),
          sql<string>`sum(case when state in ('done', 'accepted') then coalesce(cost_fen, 0) else 0 end)`.as('spend'),
        ])
        .execute();
      for (const o of orders) {
        const f = out.get(o.asset_id)!;
        f.openOrders = Number(o.open ?? 0);
        f.spendFen = Number(o.spend ?? 0);
      }
      return out;
    },

    /**
     * The types of these codes (another line's types a line also shows, docs/lines.md) with their line and their
     * assets in service, counted within the reader's register scope as the line's own types are. Unknown codes are
     * left out.
     */
    async typesOf(actor: Actor, codes: readonly string[]) {
      requirePermission(actor, READ);
      if (!codes.length) return [];
      const limited = registerScope(actor, READ, 'a', true);
      const rows = limited
        ? await db
            .selectFrom('asset_types as t')
            .leftJoin('assets as a', (j) =>
              j.onRef('a.type_id', '=', 't.id').on('a.status', '!=', 'retired').on(limited),
            )
            .where('t.tenant_id', '=', actor.tenantId)
            .where('t.code', 'in', codes)
            .groupBy(['t.id', 't.code', 't.name_zh', 't.name_en', 't.line'])
            .select(['t.id', 't.code', 't.name_zh', 't.name_en', 't.line', (e) => e.fn.count<string>('a.id').as('n')])
            .execute()
        : await db
            .selectFrom('asset_types as t')
            .leftJoin('asset_type_counts as c', (j) =>
              j
                .onRef('c.type_id', '=', 't.id')
                .onRef('c.tenant_id', '=', 't.tenant_id')
                .on('c.status', '!=', 'retired'),
            )
            .where('t.tenant_id', '=', actor.tenantId)
            .where('t.code', 'in', codes)
            .groupBy(['t.id', 't.code', 't.name_zh', 't.name_en', 't.line'])
            .select(['t.id', 't.code', 't.name_zh', 't.name_en', 't.line', sql<string>`coalesce(sum(c.n), 0)`.as('n')])
            .execute();
      const byCode = new Map(rows.map((t) => [t.code, t]));
      return codes.flatMap((code) => {
        const t = byCode.get(code);
        return t ? [{ code, nameZh: t.name_zh, nameEn: t.name_en, line: t.line, count: Number(t.n) }] : [];
      });
    },

    /** The assets of one type in service with their attributes (the 排水 panel's 易涝点). */
    async ofType(actor: Actor, typeCode: string) {
      requirePermission(actor, READ);
      return db
        .selectFrom('assets as a')
        .innerJoin('asset_types as t', 't.id', 'a.type_id')
        .where('a.tenant_id', '=', actor.tenantId)
        .where('t.code', '=', typeCode)
        .where('a.status', '!=', 'retired')
        .where(scoped(actor))
        .select(['a.id', 'a.code', 'a.name', 'a.attributes'])
        .orderBy('a.code')
        .limit(200)
        .execute();
    },
  };
}
export type AssetLines = ReturnType<typeof createAssetLines>;
