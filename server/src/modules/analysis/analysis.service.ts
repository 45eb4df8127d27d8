/**
 * 综合分析 (docs/analysis.md): every figure is a sum of the KPI roll-up over days, never a scan of the cases, so it
 * answers within the KPI latency goals at any number of cases. 环比 / 同比 use the ranges of
 * common/domain/period-compare.ts.
 */
import type {
  AnalysisOverview,
  ComparedCount,
  Heatmap,
  HeatmapQuery,
  OverviewQuery,
  TopItem,
} from '../../../../common/contracts/analysis.ts';
import { HEADLINE_KEYS } from '../../../../common/contracts/analysis.ts';
import { indicatorsOf, zeroCounts, type KpiCounts } from '../../../../common/domain/kpi.ts';
import { comparisonOf, isoWeek, type DateRange } from '../../../../common/domain/period-compare.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { forbidden, invalidField } from '../../platform/errors.ts';
import { requirePermission, scopeOf, type Actor } from '../auth/index.ts';
import { catalogLookups } from '../catalog/index.ts';
import { gridReads, parseBbox } from '../geo/index.ts';
import { periodOf, tenantToday, type KpiService } from '../kpi/index.ts';
import { orgNames } from '../org/index.ts';
import { topN } from './hotspots.ts';

const DEFAULT_TOP = 10;
/**
 * The most grids one heat-map answer carries. Only grids with a case in the week are sent, each with its polygon,
 * so a whole county (thousands of grids, most of them quiet in any one week) fits in one answer; the busiest go first.
 */
const HEATMAP_CAP = 2000;
const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
type Dim = 'all' | 'matter' | 'street' | 'hour' | 'ctype';

export function createAnalysisService(database: Database, clock: Clock, kpi: KpiService) {
  const { db } = database;

  /** The analysis covers the whole bureau: a grant narrowed to a unit or region reads its own figures on the KPI pages. */
  function authorize(actor: Actor) {
    requirePermission(actor, 'analysis.read');
    if (!scopeOf(actor, 'analysis.read').all) throw forbidden('analysis.read');
  }

  return {
    async overview(actor: Actor, q: OverviewQuery): Promise<AnalysisOverview> {
      authorize(actor);
      const tenantId = actor.tenantId;
      const period = periodOf(q);
      const cmp = comparisonOf(period.kind, period, await tenantToday(db, tenantId, clock.now()));
      const options = (await kpi.loadSettings(tenantId)).options;
      const ranges: Record<'cur' | 'prev' | 'ly', DateRange> = {
        cur: cmp.current,
        prev: cmp.previous,
        ly: cmp.lastYear,
      };
      const dims: Dim[] = ['all', 'matter', 'street', 'hour', 'ctype'];
      const sums = new Map<string, Map<string, KpiCounts>>();
      for (const [k, range] of Object.entries(ranges))
        for (const dim of dims) sums.set(`${k}:${dim}`, await kpi.sumsBy(tenantId, dim, { ...period, ...range }));
      const reportedOf = (k: string, dim: Dim, id: string) => sums.get(`${k}:${dim}`)?.get(id)?.reported ?? 0;
      const compared = (dim: Dim, id: string): ComparedCount => ({
        value: reportedOf('cur', dim, id),
        previous: reportedOf('prev', dim, id),
        lastYear: reportedOf('ly', dim, id),
      });

      const totals = (k: string) => sums.get(`${k}:all`)?.get('') ?? zeroCounts();
      const figure = (k: string, key: (typeof HEADLINE_KEYS)[number]) => {
        const c = totals(k);
        if (key === 'closeRate' || key === 'onTimeCloseRate') return indicatorsOf(c, options)[key].value;
        return c[key];
      };
      const headline = Object.fromEntries(
        HEADLINE_KEYS.map((key) => [
          key,
          { value: figure('cur', key), previous: figure('prev', key), lastYear: figure('ly', key) },
        ]),
      );

      const top = async (dim: Dim, names: (ids: string[]) => Promise<Map<string, string>>): Promise<TopItem[]> => {
        const current = [...(sums.get(`cur:${dim}`) ?? new Map<string, KpiCounts>()).entries()].map(([id, c]) => ({
          id,
          value: c.reported,
        }));
        const picked = topN(current, q.top ?? DEFAULT_TOP);
        const named = await names(picked.map((p) => p.id));
        return picked.map((p) => ({
          id: p.id,
          name: named.get(p.id) ?? p.id,
          rank: p.rank,
          count: compared(dim, p.id),
        }));
      };
      const streets = await orgNames.regionNamesOfKinds(db, tenantId, ['street', 'town']);
      return {
        period,
        ...cmp,
        headline,
        topMatters: await top('matter', (ids) => catalogLookups.matterNames(db, tenantId, ids)),
        topStreets: await top('street', async () => streets),
        hours: HOURS.map((hour) => ({ hour, count: compared('hour', hour) })),
        componentTypes: await top('ctype', (ids) => catalogLookups.componentClassNames(db, tenantId, ids)),
      };
    },

    /** Cases reported per grid in one ISO week, for the grids of a map's viewport (at most HEATMAP_CAP). */
    async heatmap(actor: Actor, q: HeatmapQuery): Promise<Heatmap> {
      authorize(actor);
      const range = isoWeek(q.week);
      if (!range) throw invalidField('query.week', 'format', 'an ISO week YYYY-Www that exists');
      const bbox = parseBbox(q.bbox);
      if (!bbox) throw invalidField('query.bbox', 'required', 'minLng,minLat,maxLng,maxLat');
      const tenantId = actor.tenantId;
      const period = { kind: 'custom' as const, label: q.week, ...range };
      const prevRange = comparisonOf('week', range, '9999-12-31').previous;
      const [byGrid, all, prevAll] = await Promise.all([
        kpi.sumsBy(tenantId, 'grid', period),
        kpi.sumsBy(tenantId, 'all', period),
        kpi.sumsBy(tenantId, 'all', { ...period, ...prevRange }),
      ]);
      const busy = [...byGrid.entries()]
        .filter(([, c]) => c.reported > 0)
        .sort(([a, x], [b, y]) => y.reported - x.reported || a.localeCompare(b));
      const found: { code: string; geometry: string }[] = [];
      // codes go to the database in chunks (a statement's parameters are limited)
      for (let i = 0; i < busy.length && found.length <= HEATMAP_CAP; i += 500)
        found.push(
          ...(await gridReads.gridsWithCodesInBox(
            db,
            tenantId,
            busy.slice(i, i + 500).map(([code]) => code),
            bbox,
          )),
        );
      const items = found.slice(0, HEATMAP_CAP).map((g) => ({
        code: g.code,
        count: byGrid.get(g.code)?.reported ?? 0,
        geometry: JSON.parse(g.geometry) as unknown,
      }));
      return {
        week: q.week,
        range,
        items,
        max: items.reduce((m, i) => Math.max(m, i.count), 0),
        total: all.get('')?.reported ?? 0,
        previousTotal: prevAll.get('')?.reported ?? 0,
        capped: found.length > HEATMAP_CAP,
      };
    },
  };
}
export type AnalysisService = ReturnType<typeof createAnalysisService>;
