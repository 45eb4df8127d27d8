import type { CoverageQuery, CoverageReport, CoverageRow } from '../../../../common/contracts/vehicles.ts';
import { COVERAGE_KINDS } from '../../../../common/domain/vehicles.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import { csvField } from '../../platform/cell-text.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { tenantIds } from '../org/index.ts';
import { dayBounds } from './muck-check.ts';
import { READ, type VehicleContext } from './vehicle-context.ts';
import { coverageOf, type TrackPoint } from './vehicle-coverage.ts';
import { linesOf, roadIndex, type XY } from './vehicle-geometry.ts';
import * as repo from './vehicles.repository.ts';
import type { VehicleCoverageTable } from '../../db/schema-vehicles.ts';

/**
 * Daily road coverage of sprinklers and sweepers (docs/vehicles.md, "Coverage"): computed whole for a day and
 * stored (the previous day by the nightly job, any day on demand; running it again replaces the day's rows).
 */
export function createCoverageService(ctx: VehicleContext) {
  const { db } = ctx.database;

  async function compute(tenantId: string, day: string): Promise<number> {
    const frame = await ctx.frame(tenantId);
    const layer = JSON.parse(await ctx.deps.roads(tenantId)) as {
      features: { geometry: unknown; properties: { name: string } }[];
    };
    const index = roadIndex(
      layer.features.map((f) => ({
        name: f.properties.name,
        lines: linesOf(f.geometry).map((line) => line.map(([lng, lat]): XY => frame.proj.toXY(lng, lat))),
      })),
    );
    const vehicles = await repo.vehiclesOfKinds(db, tenantId, COVERAGE_KINDS);
    const { from, to } = dayBounds(day, frame.timeZone);
    const now = ctx.clock.now().toISOString();
    const rows: VehicleCoverageTable[] = [];
    for (const kind of COVERAGE_KINDS) {
      const ids = vehicles.filter((v) => v.kind === kind).map((v) => v.id);
      const points = await repo.dayPoints(db, tenantId, ids, from, to);
      const tracks = new Map<string, TrackPoint[]>();
      for (const p of points) {
        let t = tracks.get(p.vehicle_id);
        if (!t) tracks.set(p.vehicle_id, (t = []));
        t.push({
          at: Date.parse(p.at),
          p: frame.proj.toXY(Number(p.lng), Number(p.lat)),
          heading: p.heading_deg === null ? null : Number(p.heading_deg),
          speed: p.speed_kmh === null ? null : Number(p.speed_kmh),
        });
      }
      if (tracks.size === 0) continue;
      for (const c of coverageOf(index, tracks))
        rows.push({
          tenant_id: tenantId,
          day,
          kind,
          road: c.road,
          length_m: c.lengthM,
          covered_m: c.coveredM,
          passes: c.passes,
          vehicles: c.vehicles,
          computed_at: now,
        });
    }
    await db.transaction().execute((tx) => repo.replaceCoverage(tx, tenantId, day, rows));
    return rows.length;
  }

  async function report(actor: Actor, q: CoverageQuery): Promise<CoverageReport> {
    requirePermission(actor, READ);
    const rows = await repo.coverageOfDay(db, actor.tenantId, q.day, q.kind);
    const out: CoverageRow[] = rows.map((r) => ({
      road: r.road,
      kind: r.kind,
      lengthM: Number(r.length_m),
      coveredM: Number(r.covered_m),
      share: Number(r.length_m) > 0 ? Math.round((Number(r.covered_m) / Number(r.length_m)) * 1000) / 1000 : 0,
      passes: Number(r.passes),
      vehicles: Number(r.vehicles),
    }));
    return {
      day: q.day,
      computedAt: rows[0]?.computed_at ?? null,
      lengthM: out.reduce((s, r) => s + r.lengthM, 0),
      coveredM: out.reduce((s, r) => s + r.coveredM, 0),
      rows: out,
    };
  }

  return {
    compute,
    report,
    /** On demand (today so far, or a day the job missed): recomputes and answers the report. */
    async recompute(actor: Actor, day: string): Promise<CoverageReport> {
      requirePermission(actor, READ);
      await compute(actor.tenantId, day);
      return report(actor, { day });
    },
    async csv(actor: Actor, q: CoverageQuery, lang: 'zh-CN' | 'en'): Promise<{ filename: string; body: string }> {
      const r = await report(actor, q);
      const head =
        lang === 'en'
          ? ['Road', 'Vehicles', 'Length (m)', 'Covered (m)', 'Coverage %', 'Passes', 'Vehicle count']
          : ['道路', '车辆类别', '长度（米）', '覆盖长度（米）', '覆盖率%', '作业趟数', '车辆数'];
      const kindName = (k: string) =>
        lang === 'en' ? k : (({ sprinkler: '洒水车', sweeper: '清扫车' } as Record<string, string>)[k] ?? k);
      const lines = [
        head,
        ...r.rows.map((x) => [
          x.road,
          kindName(x.kind),
          String(x.lengthM),
          String(x.coveredM),
          (x.share * 100).toFixed(1),
          String(x.passes),
          String(x.vehicles),
        ]),
      ];
      // the byte-order mark makes Excel read the file as UTF-8
      const body = `\uFEFF${lines.map((l) => l.map((c) => csvField(c)).join(',')).join('\r\n')}\r\n`;
      return { filename: lang === 'en' ? `coverage-${q.day}.csv` : `道路作业覆盖-${q.day}.csv`, body };
    },
    /** The nightly job: yesterday of every tenant, in its own zone. */
    async computeYesterday(): Promise<number> {
      let n = 0;
      for (const id of await tenantIds(db)) {
        const frame = await ctx.frame(id);
        const yesterday = zonedDate(new Date(ctx.clock.now().getTime() - 86_400_000), frame.timeZone);
        n += await compute(id, yesterday);
      }
      return n;
    },
  };
}
export type CoverageService = ReturnType<typeof createCoverageService>;
