import type {
  PrefectureKpi,
  PrefectureLink,
  PrefectureLinkBody,
  PrefectureRanking,
  PrefectureTrend,
  RankingQuery,
  TrendQuery,
} from '../../../../common/contracts/prefecture.ts';
import type { PeriodQuery } from '../../../../common/contracts/kpi.ts';
import { resolvePeriod } from '../../../../common/domain/kpi.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { invalidField } from '../../platform/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { pageOfRows, periodOf, tenantToday, type TenantFigures, type TenantRef } from '../kpi/index.ts';
import { lockTenantRow, tenantByCode, tenantColumns, tenantsByIds } from '../org/index.ts';
import * as repo from './prefecture.repository.ts';

const READ = 'prefecture.read';
/** The county's own administrator decides to whom its aggregates go (docs/prefecture.md, "The link"). */
const LINK = 'settings.manage';

export interface PrefectureDeps {
  audit: AuditService;
  figures: TenantFigures;
}

/**
 * The 地级市 view: figures of the counties linked to the reader's tenant, read from their KPI roll-ups only. Every
 * answer is aggregates; no query here reads a county's cases, people or places.
 */
export function createPrefectureService(database: Database, clock: Clock, deps: PrefectureDeps) {
  const { db } = database;

  async function counties(prefectureTenantId: string): Promise<TenantRef[]> {
    return tenantsByIds(db, await repo.countyIds(db, prefectureTenantId));
  }

  async function self(tenantId: string) {
    const t = await tenantColumns(db, tenantId, ['code', 'name']);
    return { code: t?.code ?? '', name: t?.name ?? '' };
  }

  async function kpi(actor: Actor, q: PeriodQuery): Promise<PrefectureKpi> {
    requirePermission(actor, READ);
    const period = periodOf(q);
    const list = await counties(actor.tenantId);
    const { rows, total } = await deps.figures.figures(actor.tenantId, list, period);
    return { period, prefecture: await self(actor.tenantId), total, counties: rows };
  }

  return {
    kpi,

    /** The counties sorted as asked, each with its place by composite score (a county without data has none). */
    async ranking(actor: Actor, q: RankingQuery): Promise<PrefectureRanking> {
      requirePermission(actor, READ);
      const period = periodOf(q);
      const list = await counties(actor.tenantId);
      const { rows } = await deps.figures.figures(actor.tenantId, list, period);
      const page = pageOfRows(rows, { sort: q.sort, order: q.order, page: 1, pageSize: Math.max(rows.length, 1) });
      return { period, rows: page.rows };
    },

    /** The prefecture total per calendar month, the last `months` months up to `to`. */
    async trend(actor: Actor, q: TrendQuery): Promise<PrefectureTrend> {
      requirePermission(actor, READ);
      const to = q.to ?? (await tenantToday(db, actor.tenantId, clock.now())).slice(0, 7);
      const count = q.months ?? 12;
      const [y, m] = to.split('-').map(Number) as [number, number];
      const months = Array.from({ length: count }, (_, i) => {
        const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
        return d.toISOString().slice(0, 7);
      });
      const first = resolvePeriod('month', months[0]);
      const last = resolvePeriod('month', to);
      if (!first || !last) throw invalidField('query.to', 'format', 'YYYY-MM');
      const ids = await repo.countyIds(db, actor.tenantId);
      const rowOf = await deps.figures.monthly(actor.tenantId, ids, first.from, last.to);
      return { months: months.map(rowOf) };
    },

    /** The caller's own link: the prefecture it reports to, and the counties that report to it. */
    async link(actor: Actor): Promise<PrefectureLink> {
      requirePermission(actor, LINK);
      const parent = await repo.parentOf(db, actor.tenantId);
      const [p] = parent ? await tenantsByIds(db, [parent]) : [];
      const children = await counties(actor.tenantId);
      return {
        prefecture: p ? { code: p.code, name: p.name } : null,
        counties: children.map((c) => ({ code: c.code, name: c.name })),
      };
    },

    /**
     * The county's administrator names the prefecture its aggregates go to (or none). Two levels only: a prefecture
     * reports to nobody here, and a county has no counties of its own.
     */
    async setLink(actor: Actor, body: PrefectureLinkBody): Promise<PrefectureLink> {
      requirePermission(actor, LINK);
      const field = 'body.prefectureCode';
      const target = body.prefectureCode ? await tenantByCode(db, body.prefectureCode) : null;
      if (body.prefectureCode && !target) throw invalidField(field, 'exists', 'no tenant has this admin code here');
      if (target?.id === actor.tenantId) throw invalidField(field, 'self', 'a tenant cannot report to itself');
      await db.transaction().execute(async (tx) => {
        await lockTenantRow(tx, database.dialect, actor.tenantId);
        if (target) {
          if (await repo.parentOf(tx, target.id))
            throw invalidField(field, 'levels', 'that tenant reports to a prefecture itself');
          if ((await repo.countyIds(tx, actor.tenantId)).length)
            throw invalidField(field, 'levels', 'counties report to this tenant: it is a prefecture');
        }
        const before = await repo.parentOf(tx, actor.tenantId);
        await repo.setParent(tx, actor.tenantId, target?.id ?? null, actor.userId, clock.now().toISOString());
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'prefecture.link',
          entity: 'tenant',
          entityId: actor.tenantId,
          before: { prefectureTenantId: before },
          after: { prefectureTenantId: target?.id ?? null, prefectureCode: target?.code ?? null },
        });
      });
      return this.link(actor);
    },
  };
}
export type PrefectureService = ReturnType<typeof createPrefectureService>;
