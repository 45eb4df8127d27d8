/**
 * Analysis bench (docs/analysis.md): the 综合分析 answers on an already-loaded database whose roll-up has caught up,
 * against the KPI latency goal (a monthly answer ≤ 300 ms at 10M cases: bench/kpi.bench.ts). Called by
 * bench/kpi.bench.ts after the KPI figures (so `npm run bench` prints its rows); also runs alone:
 *   node --import tsx bench/analysis.bench.ts --url sqlite:/tmp/x/cityloop.db
 *   node --import tsx bench/analysis.bench.ts --url postgres://postgres@127.0.0.1:5432/test --schema bench_x
 * Timed, each the median of several runs after one warm-up:
 *   - the overview of the last full month: top N by matter, street, hour and component class, each with its 环比 and
 *     同比 (15 roll-up sums);
 *   - the KPI answer of all units with compare=true (three periods);
 *   - the heat map of the last full ISO week over the whole city's grids (only the grids with a case are read and sent);
 *   - the repeat-hotspot read and detection of a 30-day window (the hourly job, per tenant), without opening tasks.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ROLE_PERMISSIONS } from '../common/domain/roles.ts';
import { addDays, weekOf } from '../common/domain/period-compare.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase, type Database } from '../server/src/platform/db.ts';
import type { Actor } from '../server/src/modules/auth/index.ts';
import type { KpiService } from '../server/src/modules/kpi/index.ts';
import { createAnalysisService } from '../server/src/modules/analysis/index.ts';
import { componentHotspots, placeHotspots } from '../server/src/modules/analysis/hotspots.ts';
import { benchKpiService, benchTenant } from './lib/kpi-service.ts';
import type { Figure } from './lib/report.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timedRuns(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

function leaderOf(tenantId: string): Actor {
  return {
    userId: 'bench',
    tenantId,
    username: 'bench',
    displayName: 'bench',
    unitId: null,
    grants: [{ role: 'leader', unitId: null, regionId: null }],
    permissions: new Set(ROLE_PERMISSIONS.leader),
    requestId: 'bench',
  };
}

export interface AnalysisBenchResult {
  figures: Omit<Figure, 'backend'>[];
  details: Record<string, unknown>;
}

/** Times the analysis answers for the last full month / week before now (the roll-up must have caught up). */
export async function measureAnalysis(
  o: { database: Database; kpi: KpiService; tenantId: string; log?: (line: string) => void },
  runs = 5,
): Promise<AnalysisBenchResult> {
  const log = o.log ?? (() => undefined);
  const analysis = createAnalysisService(o.database, systemClock, o.kpi);
  const actor = leaderOf(o.tenantId);
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
  const today = now.toISOString().slice(0, 10);
  const lastWeek = weekOf(addDays(today, -7));
  const city = '114.0,29.0,116.0,31.0';

  const overviewMs = await timedRuns(runs, () => analysis.overview(actor, { period: 'month', at: lastMonth }));
  const kpiCompareMs = await timedRuns(runs, () =>
    o.kpi.compute(actor, { period: 'month', at: lastMonth, subject: 'unit', compare: true }),
  );
  const heat = await analysis.heatmap(actor, { week: lastWeek, bbox: city });
  const heatmapMs = await timedRuns(runs, () => analysis.heatmap(actor, { week: lastWeek, bbox: city }));
  let window = 0;
  let hotspots = 0;
  const hotspotMs = await timedRuns(runs, async () => {
    const rows = await o.kpi.positions(o.tenantId, addDays(today, -29), today);
    const points = rows.flatMap((r) =>
      r.lng === null || r.lat === null
        ? []
        : [
            {
              id: r.case_id,
              lng: Number(r.lng),
              lat: Number(r.lat),
              componentCode: r.component_code,
              matterCode: r.matter_code,
            },
          ],
    );
    window = points.length;
    hotspots = componentHotspots(points, 3).length + placeHotspots(points, 50, 3).length;
  });
  log(
    `analysis: overview ${lastMonth} ${overviewMs.toFixed(1)} ms; KPI units with 环比/同比 ${kpiCompareMs.toFixed(1)} ms; ` +
      `heat map ${lastWeek} (${heat.items.length} grids) ${heatmapMs.toFixed(1)} ms; hotspots over ${window} cases ` +
      `(${hotspots} found) ${hotspotMs.toFixed(1)} ms`,
  );
  const goal = { op: '<=', value: 300 } as const;
  return {
    figures: [
      {
        name: 'analysis overview (month, top N ×4 with 环比/同比)',
        value: overviewMs,
        unit: 'ms',
        goal,
        note: lastMonth,
      },
      { name: 'KPI all units with 环比/同比 (month)', value: kpiCompareMs, unit: 'ms', goal, note: lastMonth },
      {
        name: 'grid heat map (one ISO week, whole city)',
        value: heatmapMs,
        unit: 'ms',
        goal,
        note: `${heat.items.length} grids`,
      },
      {
        name: 'repeat hotspots (30-day window, read + detect)',
        value: hotspotMs,
        unit: 'ms',
        note: `${window} cases, ${hotspots} hotspots`,
      },
    ],
    details: {
      lastMonth,
      lastWeek,
      overviewMs,
      kpiCompareMs,
      heatmapMs,
      hotspotMs,
      window,
      hotspots,
      grids: heat.items.length,
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: { url: { type: 'string' }, schema: { type: 'string' }, runs: { type: 'string', default: '5' } },
  });
  if (!values.url) throw new Error('--url sqlite:<file> | postgres://…');
  const database = openDatabase(values.url, values.schema ? { schema: values.schema } : {});
  try {
    const tenant = await benchTenant(database);
    const { kpi } = benchKpiService(database);
    const t = performance.now();
    const drained = await kpi.rollup.drain(tenant.id, 1000);
    console.log(`roll-up caught up: ${drained} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const r = await measureAnalysis({ database, kpi, tenantId: tenant.id, log: console.log }, Number(values.runs));
    console.log(JSON.stringify(r.details, null, 2));
  } finally {
    await database.close();
  }
}
