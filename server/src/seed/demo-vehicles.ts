/**
 * SYNTHETIC vehicles of the demo city (docs/vehicles.md, "Demo"): 24 sprinklers, as the bureau's fleet, on the
 * demo roads (each road has one, some a second; a road's single crew may work only a stretch of it), and 20 渣土
 * trucks whose permitted route is a demo road, allowed 22:00–06:00. Plates carry （示例）; none has a GPS key until
 * one is issued (the simulator does it).
 *
 * Each truck carries a 建筑垃圾处置核准 (MUCK-PERMIT in the assets register) naming its construction site (the
 * route's start, where it loads) and a 消纳点 (the route's end, where it unloads), valid through the demo year, so
 * the simulator's normal nights raise nothing. Three trucks are deliberate violations: ZT018 has no permit, ZT019's
 * permit expired, ZT020 may only run 22:00–05:00 while it drives until 06:00.
 */
import type { DeviceMessage } from '../../../common/contracts/iot.ts';
import { MAX_BATCH } from '../../../common/domain/vehicles.ts';
import { zonedDate, zonedDateTime } from '../../../common/domain/zoned-time.ts';
import type { Services } from '../composition.ts';
import type { Clock, FixedClock } from '../platform/clock.ts';
import type { Db, Executor } from '../platform/db.ts';
import type { AssetSeed } from '../modules/assets/index.ts';
import { seededAccounts, seededTenantId } from '../modules/org/index.ts';
import {
  gpsMessage,
  hasVehicles,
  seedVehicles,
  simulatedFleet,
  simulatedPositions,
} from '../modules/vehicles/index.ts';
import { DAYE } from './daye-org.ts';
import { dayeRoadLayer } from './daye-gazetteer.ts';
import { dayeRoads } from './daye-geography.ts';

/**
 * The demo fleet: the sprinklers over every road of the road layer (the roads the coverage report lists, those the
 * 清扫保洁区域 name among them), so each has a crew; the muck trucks' permitted routes over daye-geography's roads.
 */
export const demoFleet = () =>
  simulatedFleet(
    dayeRoadLayer().map((r) => ({ name: r.name, line: r.coordinates })),
    dayeRoads().map((r) => ({ name: r.name, line: r.geometry.coordinates })),
  );
const fleet = demoFleet;
const muckTrucks = () => fleet().filter((v) => v.kind === 'muck');
const permitCode = (truck: string) => `DY-HZ-${truck}`;
const siteCode = (truck: string) => `DY-XN-${truck}`;
const demoWorksiteCode = (truck: string) => `DY-GD-${truck}`;
/** the deliberate violations of the demo (see above) */
export const DEMO_NO_PERMIT = 'ZT018';
export const DEMO_EXPIRED_PERMIT = 'ZT019';
export const DEMO_SHORT_WINDOW = 'ZT020';

/** The codes of the construction sites of the demo trucks' permits (the 源头巡查 plan's rounds). */
export const demoWorksiteCodes = () =>
  muckTrucks()
    .filter((v) => v.code !== DEMO_NO_PERMIT)
    .map((v) => demoWorksiteCode(v.code));

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
    const permitNo = `冶城管渣核〔${year}〕${i + 1}号（示例）`;
    // the construction site the permit was granted for, at the same place, naming the permit
    out.push({
      ...base,
      ...point(start),
      type: 'MUCK-WORKSITE',
      code: demoWorksiteCode(v.code),
      name: `示例工地${i + 1}号`,
      attributes: JSON.stringify({
        builder: '示例建设工程有限公司',
        permitNo,
        stage: ['土方开挖', '主体施工', '装饰收尾'][i % 3],
        washer: i % 5 !== 4,
      }),
    });
    out.push({
      ...base,
      ...point(start),
      type: 'MUCK-PERMIT',
      code: permitCode(v.code),
      name: `示例工地${i + 1}号（建筑垃圾处置核准）`,
      attributes: JSON.stringify({
        permitNo,
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

/** The instant of a local wall-clock time (minutes after midnight of `day`) in `timeZone`. */
function localInstant(day: string, minute: number, timeZone: string): Date {
  const guess = Date.parse(`${day}T00:00:00Z`) + minute * 60_000;
  const shown = Date.parse(`${zonedDateTime(new Date(guess), timeZone).replace(' ', 'T')}:00Z`);
  return new Date(guess - (shown - guess));
}

export interface DemoTracksResult {
  day: string;
  points: number;
  coverageRows: number;
  leads: number;
}

/** A point every `TRACK_EVERY_S` seconds, as the simulator's devices report. */
const TRACK_EVERY_S = 60;

/**
 * Yesterday's shifts of the demo fleet (docs/vehicles.md, "Demo"), driven by the simulator's own positions and sent
 * as signed GPS batches through the vehicles intake on a clock the seed moves with them: each sprinkler's day shift
 * (06:00–22:00 yesterday) and each muck truck's night (22:00 the day before → 06:00 yesterday), in the city's zone.
 * Each vehicle is issued a GPS key for it (a key rotation, as the simulator does; the seed stores none). The intake
 * runs the muck checks of every batch, which flag the three deliberate violations, and yesterday's coverage is
 * computed as the nightly job does. Runs once: a vehicle that has points already is left alone.
 */
export async function seedDemoTracks(
  db: Db,
  services: Services,
  clock: FixedClock,
  timeZone: string,
): Promise<DemoTracksResult | null> {
  const tenantId = await seededTenantId(db, DAYE.code);
  const admin = tenantId && (await seededAccounts(db, tenantId)).find((a) => a.username === 'admin');
  const actor = tenantId && admin && (await services.auth.actorFor(tenantId, admin.id, 'demo-seed'));
  if (!tenantId || !actor) return null;
  const { service, gps, coverage } = services.vehicles;
  const listed = (await service.list(actor, { pageSize: 100 })).items;
  if (listed.some((v) => v.lastAt)) return null;
  const now = clock.now();
  const yesterday = zonedDate(new Date(now.getTime() - 86_400_000), timeZone);
  const before = zonedDate(new Date(now.getTime() - 2 * 86_400_000), timeZone);
  const sims = new Map(fleet().map((v) => [v.code, v]));
  let points = 0;
  for (const v of listed) {
    const sim = sims.get(v.code);
    if (!sim || !v.synthetic) continue;
    // the sprinkler's day, or the truck's night that ends on yesterday's morning
    const [day, from, span] = sim.kind === 'sprinkler' ? [yesterday, 360, 960] : [before, 1320, 480];
    const shift = localInstant(day, from, timeZone);
    if (shift.getTime() + span * 60_000 > now.getTime()) continue;
    clock.set(new Date(shift.getTime() - 3_600_000));
    const { key } = await service.rotateKey(actor, v.id);
    const messages: DeviceMessage[] = [];
    for (let s = 0; s < (span * 60) / TRACK_EVERY_S; s++) {
      const minute = (from + (s * TRACK_EVERY_S) / 60) % 1440;
      const p = simulatedPositions(sim, minute);
      if (!p) continue;
      const at = new Date(shift.getTime() + s * TRACK_EVERY_S * 1000);
      messages.push(gpsMessage({ tenant: DAYE.code, vehicle: v.code, key, seq: s + 1, at }, p));
    }
    for (let i = 0; i < messages.length; i += MAX_BATCH) {
      const batch = messages.slice(i, i + MAX_BATCH);
      // each batch arrives a little after its last point, as a device uploading every few minutes sends it
      clock.set(new Date(Date.parse(batch.at(-1)!.ts) + 30_000));
      const res = await gps.batch({ tenant: DAYE.code, vehicle: v.code, messages: batch });
      points += res.accepted;
    }
  }
  clock.set(now);
  const coverageRows = await coverage.compute(tenantId, yesterday);
  const leads = (await service.leads(actor, { pageSize: 1 })).total;
  return { day: yesterday, points, coverageRows, leads };
}
