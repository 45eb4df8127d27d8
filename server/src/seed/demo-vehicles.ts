/**
 * SYNTHETIC vehicles of the demo city (docs/vehicles.md, "Demo"): 24 sprinklers, as the bureau's fleet, each on one
 * of the demo roads, and 20 渣土 trucks whose permitted route is a demo road, allowed 22:00–06:00. Plates carry
 * （示例）; none has a GPS key until one is issued (the simulator does it).
 *
 * Each truck carries a 建筑垃圾处置核准 (MUCK-PERMIT in the assets register) naming its construction site (the
 * route's start, where it loads) and a 消纳点 (the route's end, where it unloads), valid through the demo year, so
 * the simulator's normal nights raise nothing. Three trucks are deliberate violations: ZT018 has no permit, ZT019's
 * permit expired, ZT020 may only run 22:00–05:00 while it drives until 06:00.
 */
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import type { AssetSeed } from '../modules/assets/index.ts';
import { hasVehicles, seedVehicles, simulatedFleet } from '../modules/vehicles/index.ts';
import { dayeRoads } from './daye-geography.ts';

const fleet = () => simulatedFleet(dayeRoads().map((r) => ({ name: r.name, line: r.geometry.coordinates })));
const muckTrucks = () => fleet().filter((v) => v.kind === 'muck');
const permitCode = (truck: string) => `DY-HZ-${truck}`;
const siteCode = (truck: string) => `DY-XN-${truck}`;
/** the deliberate violations of the demo (see above) */
export const DEMO_NO_PERMIT = 'ZT018';
export const DEMO_EXPIRED_PERMIT = 'ZT019';
export const DEMO_SHORT_WINDOW = 'ZT020';

/** The permits and 消纳点 of the demo trucks, as assets register entries (seeded with the other assets). */
export function demoMuckPermits(today: string, unitId: string | null): AssetSeed['assets'] {
  const year = Number(today.slice(0, 4));
  const out: AssetSeed['assets'] = [];
  for (const [i, v] of muckTrucks().entries()) {
    if (v.code === DEMO_NO_PERMIT) continue;
    const [start, end] = [v.line[0]!, v.line[v.line.length - 1]!];
    const base = { status: 'active' as const, region_id: null, unit_id: unitId, synthetic: 1, address: null };
    const point = (p: [number, number]) => ({
      geometry: JSON.stringify({ type: 'Point', coordinates: p }),
      lng: p[0],
      lat: p[1],
    });
    const site = `${v.code}消纳点（示例）`;
    out.push({ ...base, ...point(end), type: 'MUCK-SITE', code: siteCode(v.code), name: site, attributes: '{}' });
    const expired = v.code === DEMO_EXPIRED_PERMIT;
    out.push({
      ...base,
      ...point(start),
      type: 'MUCK-PERMIT',
      code: permitCode(v.code),
      name: `示例工地${i + 1}号（建筑垃圾处置核准）`,
      attributes: JSON.stringify({
        permitNo: `冶城管渣核〔${year}〕${i + 1}号（示例）`,
        holder: '示例渣土运输有限公司',
        disposalSite: site,
        volumeM3: 3000 + i * 500,
        validFrom: expired ? `${year - 1}-01-01` : `${year - 1}-12-01`,
        validTo: expired ? `${year - 1}-06-30` : `${year + 1}-12-31`,
      }),
    });
  }
  return out;
}

export async function seedDemoVehicles(
  tx: Executor,
  tenantId: string,
  clock: Clock,
  assetIds: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  if (await hasVehicles(tx, tenantId)) return;
  await seedVehicles(tx, tenantId, clock, {
    vehicles: fleet().map((v) => ({
      code: v.code,
      plate: v.plate,
      kind: v.kind,
      unitId: null,
      company: v.kind === 'muck' ? '示例渣土运输有限公司' : '示例环卫作业公司',
      route: v.kind === 'muck' ? { type: 'LineString', coordinates: v.line } : null,
      windowFrom: v.kind === 'muck' ? '22:00' : null,
      windowTo: v.kind === 'muck' ? (v.code === DEMO_SHORT_WINDOW ? '05:00' : '06:00') : null,
      permitAssetId: v.kind === 'muck' ? (assetIds.get(permitCode(v.code)) ?? null) : null,
    })),
  });
}
