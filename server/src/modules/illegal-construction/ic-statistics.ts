/** Statistics by township and month (the 查违 report figures) and the map layer of the sites. */
import type {
  IcMapQuery,
  IcStatCounts,
  IcStats,
  IcStatsQuery,
} from '../../../../common/contracts/illegal-construction.ts';
import { fromHundredths, toHundredths } from '../../../../common/domain/illegal-construction.ts';
import { registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { READ, type IcContext } from './ic-context.ts';
import * as repo from './ic.repository.ts';

/** The map draws at most this many sites (newest first); the list pages through the rest. */
export const MAX_MAP_SITES = 5000;

const zero = (): IcStatCounts => ({
  reports: 0,
  instructions: 0,
  stopNotices: 0,
  letters: 0,
  demolitions: 0,
  bureauDemolitions: 0,
  assistDemolitions: 0,
  areaM2: 0,
  bureauAreaM2: 0,
  assistAreaM2: 0,
});

export function createIcStatistics({ db }: IcContext) {
  /** Counts and sums between two dates (inclusive), by township and by month; every township appears. */
  async function figures(tenantId: string, from: string, to: string, year: number): Promise<IcStats> {
    const [reports, notices, letters, demolitions, townships] = await Promise.all([
      repo.reportCounts(db, tenantId, from, to),
      repo.noticeCounts(db, tenantId, from, to),
      repo.letterCounts(db, tenantId, from, to),
      repo.demolitionSums(db, tenantId, from, to),
      orgNames.regionNamesOfKinds(db, tenantId, ['street', 'town']),
    ]);
    const totals = zero();
    const byRegion = new Map<string, IcStatCounts>([...townships.keys()].map((id) => [id, zero()]));
    const byMonth = new Map<number, IcStatCounts>(Array.from({ length: 12 }, (_, i) => [i + 1, zero()]));
    const add = (regionId: string, month: string, f: (c: IcStatCounts) => void) => {
      f(totals);
      if (!byRegion.has(regionId)) byRegion.set(regionId, zero());
      f(byRegion.get(regionId)!);
      const m = Number(month.slice(5, 7));
      if (m >= 1 && m <= 12 && month.startsWith(String(year))) f(byMonth.get(m)!);
    };
    for (const r of reports)
      add(r.region_id, r.month, (c) => {
        c.reports += Number(r.n);
        c.instructions += Number(r.instructions ?? 0);
      });
    for (const r of notices) add(r.region_id, r.month, (c) => (c.stopNotices += Number(r.n)));
    for (const r of letters) add(r.region_id, r.month, (c) => (c.letters += Number(r.n)));
    for (const r of demolitions)
      add(r.region_id, r.month, (c) => {
        c.demolitions += Number(r.n);
        // sums of hundredths stay integers until here, so the m² figures are exact
        const plus = (m2: number) => fromHundredths(toHundredths(m2) + Number(r.area ?? 0));
        if (r.led_by === 'bureau') {
          c.bureauDemolitions += Number(r.n);
          c.bureauAreaM2 = plus(c.bureauAreaM2);
        } else {
          c.assistDemolitions += Number(r.n);
          c.assistAreaM2 = plus(c.assistAreaM2);
        }
        c.areaM2 = plus(c.areaM2);
      });
    const extra = [...byRegion.keys()].filter((id) => !townships.has(id));
    const extraNames = await orgNames.regionNames(db, extra);
    return {
      year,
      totals,
      byRegion: [...byRegion.entries()].map(([regionId, c]) => ({
        regionId,
        regionName: townships.get(regionId) ?? extraNames.get(regionId) ?? regionId,
        ...c,
      })),
      byMonth: [...byMonth.entries()].map(([month, c]) => ({ month, ...c })),
    };
  }

  return {
    /** Figures of a calendar year for the whole city (the report section uses `yearFigures` without an actor). */
    async stats(actor: Actor, q: IcStatsQuery): Promise<IcStats> {
      requirePermission(actor, READ);
      return figures(actor.tenantId, `${q.year}-01-01`, `${q.year}-12-31`, q.year);
    },

    figures,

    /** Sites by status as GeoJSON points for the map (WGS84), capped at MAX_MAP_SITES. */
    async map(actor: Actor, q: IcMapQuery) {
      requirePermission(actor, READ);
      const rows = await repo.sites(db, actor.tenantId, q, registerScope(actor, READ, 'r', true), MAX_MAP_SITES);
      const regions = await orgNames.regionNames(db, [...new Set(rows.map((r) => r.region_id))]);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((r) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point', coordinates: [Number(r.lng), Number(r.lat)] },
          properties: {
            id: r.id,
            status: r.status,
            source: r.source,
            address: r.address,
            regionName: regions.get(r.region_id) ?? null,
            reportedOn: r.reported_on,
            areaM2: r.area_hm2 === null ? null : fromHundredths(Number(r.area_hm2)),
          },
        })),
      };
    },
  };
}
