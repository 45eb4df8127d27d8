/**
 * SYNTHETIC sensors of the demo city (docs/demo-city.md, "Sensors"; docs/iot.md, "Demo"): tilt sensors on manhole
 * covers, water-level gauges at the 易涝点 of the drainage register, combustible-gas detectors at a sample of the
 * commercial gas users, fill-level sensors in litter bins, level and pump state at the 19 pump stations, dust and
 * noise at the construction sites of the muck permits. Codes start `DY-`, names carry （示例）.
 *
 * Everything goes through the services as a real installation would: the devices are registered by the device
 * service (so their keys are sealed under the server's secrets like any other), the default rules per type are
 * loaded, and the last day of readings arrives as signed telemetry messages through the telemetry ingest, on a clock
 * the seed moves from message to message. The roll-ups, last-seen, battery and the alarms therefore come out of the
 * same code as live data: one manhole cover tilts and one 易涝点 floods in the last hours (both filed as cases by
 * their rules), a litter bin stays full, a gas detector saw a brief leak earlier that recovered, two devices stopped
 * reporting (the offline sweep, run at the end, reports them) and one battery is low.
 *
 * Devices report hourly (a few every quarter of an hour) with a heartbeat of six hours, as battery-powered NB-IoT
 * sensors do, so the fleet counts as online for 18 hours after the seed and then, without `npm run simulate:devices`
 * or real devices, goes offline one by one.
 */
import { createHmac } from 'node:crypto';
import { signingString, type DeviceType } from '../../../common/domain/iot.ts';
import type { Services } from '../composition.ts';
import type { FixedClock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../modules/auth/index.ts';
import { seededAccounts, seededTenantId } from '../modules/org/index.ts';
import { DAYE } from './daye-org.ts';
import { rng } from './demo-history-plan.ts';

const HOUR = 3_600_000;
/** how far back the readings reach, and how often a device reports */
const HISTORY_H = 24;
const HEARTBEAT_S = 6 * 3600;

/**
 * When a device reported, in hours before now: every three hours over the day, then the last six hours (the chart's
 * first view) every hour, or every quarter of an hour for the devices the demo shows off; nothing after it fell silent.
 */
function slots(d: DemoDevice): number[] {
  const out: number[] = [];
  for (let h = HISTORY_H; h > 6; h -= 3) out.push(h);
  const step = d.dense ? 0.25 : 1;
  for (let h = 6; h >= 0; h -= step) out.push(h);
  return out.filter((h) => d.silentFor === undefined || h >= d.silentFor);
}
interface DemoDevice {
  code: string;
  name: string;
  type: DeviceType;
  model: string;
  place: { componentCode: string } | { lng: number; lat: number };
  address: string | null;
  /** a reading (primary metric and extras) at an instant, hours before the seed's now */
  values: (hoursAgo: number, r: () => number) => Record<string, number>;
  /** hours before now after which it sent nothing more (offline) */
  silentFor?: number;
  /** reports every quarter of an hour over the last six hours */
  dense?: boolean;
  battery: number;
}

export interface DemoDevicesResult {
  devices: number;
  messages: number;
  alarms: number;
}

const round = (v: number, d = 1) => Math.round(v * 10 ** d) / 10 ** d;
/** a plausible resting level: a daily swing plus noise */
const level = (base: number, swing: number, noise: number) => (h: number, r: () => number) =>
  base + swing * Math.sin(((24 - h) / 24) * 2 * Math.PI) + (r() - 0.5) * 2 * noise;

function message(tenant: string, code: string, key: string, seq: number, at: Date, values: Record<string, number>) {
  const ts = at.toISOString();
  const sig = createHmac('sha256', key)
    .update(signingString({ tenant, device: code, kind: 'telemetry', ts, seq, values }))
    .digest('hex');
  return Buffer.from(JSON.stringify({ v: 1, ts, seq, values, sig }), 'utf8');
}

async function listAll<T>(fetch: (page: number) => Promise<{ items: T[] }>, max: number): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; out.length < max; page++) {
    const { items } = await fetch(page);
    out.push(...items);
    if (items.length < 200) break;
  }
  return out.slice(0, max);
}

/** every n-th of a list, for a fleet spread over the city rather than bunched on its first road */
const spread = <T>(xs: readonly T[], n: number) =>
  xs.length <= n ? [...xs] : Array.from({ length: n }, (_, i) => xs[Math.floor((i * xs.length) / n)]!);

async function demoFleet(services: Services, actor: Actor): Promise<DemoDevice[]> {
  const { components } = services.components;
  const assets = services.assets.assets;
  const comps = (classCode: string) =>
    listAll((page) => components.list(actor, { classCode, page, pageSize: 200 }), 2000);
  const items = (typeCode: string) => listAll((page) => assets.list(actor, { typeCode, page, pageSize: 200 }), 2000);
  const out: DemoDevice[] = [];
  const pad = (i: number) => String(i + 1).padStart(2, '0');

  // 井盖: tilt in degrees around 1°, one cover knocked askew in the last two hours
  const covers = [...spread(await comps('01003'), 6), ...spread(await comps('01002'), 2)];
  covers.forEach((c, i) =>
    out.push({
      code: `DY-JG-${pad(i)}`,
      name: `${c.communityName ?? c.streetName ?? ''}${c.className ?? '井盖'}倾角传感器 ${c.code.slice(-4)}（示例）`,
      type: 'manhole_tilt',
      model: 'JG-NB100（示例）',
      place: { componentCode: c.code },
      address: null,
      values: (h, r) => ({
        tilt_deg: round(i === 2 && h < 1.6 ? 24 + r() * 4 : Math.max(0, level(1, 0.2, 0.4)(h, r))),
      }),
      battery: i === 5 ? 8 : 70 + ((i * 7) % 25),
      ...(i === 2 ? { dense: true } : {}),
      ...(i === 6 ? { silentFor: 20 } : {}),
    }),
  );
  // 易涝点: water on the road in cm, dry until the last hours, when the underpass floods past its alert depth
  (await items('DRN-FLOOD')).forEach((a, i) => {
    const attrs = a.attributes as { thresholdCm?: number; deviceCode?: string };
    const alert = Number(attrs.thresholdCm ?? 20);
    out.push({
      // the code the point names, so the line view's flood panel reads this sensor's depth
      code: attrs.deviceCode ?? `DY-JS-${pad(i)}`,
      name: `${a.name}积水监测（警戒${alert}cm，示例）`,
      type: 'water_level',
      model: 'JS-R200 雷达液位计（示例）',
      place: { lng: a.lng, lat: a.lat },
      address: a.address,
      values: (h, r) => ({ water_cm: round(i === 0 && h < 2.2 ? 18 + (2.2 - h) * 12 + r() * 2 : r() * 1.5) }),
      battery: 60 + i * 6,
      ...(i === 0 ? { dense: true } : {}),
    });
  });
  // 燃气用户: a sample of the commercial users; one detector saw a brief leak 9 hours ago that was ventilated
  spread(await items('GAS-USER'), 5).forEach((a, i) =>
    out.push({
      code: `DY-RQ-${pad(i)}`,
      name: `${a.name}可燃气体探测器（示例）`,
      type: 'gas_detector',
      model: 'RQ-JT30（示例）',
      place: { lng: a.lng, lat: a.lat },
      address: a.address,
      values: (h, r) => ({ lel_pct: round(i === 1 && h > 8.6 && h < 9.1 ? 26 + r() * 6 : r() * 2) }),
      battery: 80 + i,
    }),
  );
  // 垃圾箱: fill rises through the day and is emptied in the morning; one bin on the main road is left full
  spread(await comps('03005'), 6).forEach((c, i) =>
    out.push({
      code: `DY-LJ-${pad(i)}`,
      name: `${c.communityName ?? c.streetName ?? ''}${c.className ?? '垃圾箱'}满溢传感器 ${c.code.slice(-4)}（示例）`,
      type: 'bin_fill',
      model: 'LJ-U10 超声波（示例）',
      place: { componentCode: c.code },
      address: null,
      values: (h, r) => {
        if (i === 0) return { fill_pct: round(Math.min(100, 60 + (24 - h) * 2 + r() * 3)) };
        const sinceEmptied = (24 - h + 24 + (i % 3)) % 24;
        return { fill_pct: round(Math.min(88, 10 + sinceEmptied * 3.2 + r() * 5)) };
      },
      battery: 50 + i * 4,
      ...(i === 4 ? { silentFor: 21 } : {}),
    }),
  );
  // 泵站: wet-well level in m; the pumps start above 2 m
  (await items('DRN-PUMP')).forEach((a, i) =>
    out.push({
      code: `DY-BZ-${pad(i)}`,
      name: `${a.name}液位与运行（示例）`,
      type: 'pump_station',
      model: 'BZ-PLC 远传（示例）',
      place: { lng: a.lng, lat: a.lat },
      address: a.address,
      values: (h, r) => {
        const v = Math.max(0.3, level(1.4, 0.5, 0.15)(h + i, r));
        return { level_m: round(v, 2), running: v > 1.8 ? 1 : 0 };
      },
      battery: 100,
      ...(i === 0 ? { dense: true } : {}),
    }),
  );
  // 工地: the construction sites named by the muck permits (where each truck loads), dust and noise
  spread(await items('MUCK-PERMIT'), 3).forEach((a, i) => {
    const site = a.name.replace(/（建筑垃圾处置核准）$/, '');
    out.push({
      code: `DY-YC-${pad(i)}`,
      name: `${site}扬尘监测（示例）`,
      type: 'site_dust',
      model: 'YC-β 射线（示例）',
      place: { lng: a.lng, lat: a.lat },
      address: null,
      values: (h, r) => ({ pm10_ugm3: round(Math.max(20, level(75, 25, 15)(h, r)), 0) }),
      battery: 100,
    });
    out.push({
      code: `DY-ZS-${pad(i)}`,
      name: `${site}噪声监测（示例）`,
      type: 'site_noise',
      model: 'ZS-2 声级计（示例）',
      place: { lng: a.lng, lat: a.lat },
      address: null,
      values: (h, r) => {
        const local = (((24 - h) % 24) + 24) % 24;
        return { noise_dba: round(local > 8 && local < 20 ? 62 + r() * 8 : 48 + r() * 5) };
      },
      battery: 100,
    });
  });
  return out;
}

/**
 * Seeds the demo sensors once (a second call finds `DY-` devices and does nothing, answering null). `clock` is the
 * seed's own and ends at the instant it started from.
 */
export async function seedDemoDevices(
  db: Db,
  services: Services,
  clock: FixedClock,
): Promise<DemoDevicesResult | null> {
  const tenantId = await seededTenantId(db, DAYE.code);
  const admin = tenantId && (await seededAccounts(db, tenantId)).find((a) => a.username === 'admin');
  const actor = tenantId && admin && (await services.auth.actorFor(tenantId, admin.id, 'demo-seed'));
  if (!actor) return null;
  if ((await services.devices.list(actor, { q: 'DY-', pageSize: 1 })).total > 0) return null;
  const now = clock.now();
  const start = new Date(now.getTime() - HISTORY_H * HOUR);
  // installed and the rules loaded a day before the readings begin
  clock.set(new Date(start.getTime() - HOUR));
  await services.alarms.loadDefaultRules(actor);
  const fleet = await demoFleet(services, actor);
  const keys = new Map<string, string>();
  const installDate = new Date(start.getTime() - 90 * 24 * HOUR).toISOString().slice(0, 10);
  for (const d of fleet) {
    const { key } = await services.devices.create(actor, {
      code: d.code,
      name: d.name,
      type: d.type,
      model: d.model,
      ...d.place,
      address: d.address,
      installDate,
      firmware: '1.4.2',
      heartbeatS: HEARTBEAT_S,
    });
    keys.set(d.code, key);
  }
  const random = rng(20240612);
  // every device at its own second within a slot, as real ones drift; sent in the order they were taken
  const due = fleet.flatMap((d, i) =>
    slots(d).map((hoursAgo) => ({
      d,
      hoursAgo,
      at: new Date(now.getTime() - hoursAgo * HOUR - ((i * 37) % 600) * 1000),
    })),
  );
  due.sort((a, b) => a.at.getTime() - b.at.getTime());
  let seq = 1;
  const sent = new Map<string, number>();
  for (const { d, hoursAgo, at } of due) {
    clock.set(new Date(at.getTime() + 1500));
    const values = d.values(hoursAgo, random);
    const n = sent.get(d.code) ?? 0;
    sent.set(d.code, n + 1);
    // the battery (slowly draining) rides along every fourth message, as these sensors report it
    if (n % 4 === 0 || hoursAgo < 0.5) values.battery_pct = round(Math.max(1, d.battery + hoursAgo * 0.02), 1);
    const res = await services.telemetry.ingest(
      `cityloop/${DAYE.code}/${d.code}/telemetry`,
      message(DAYE.code, d.code, keys.get(d.code)!, seq++, at, values),
    );
    if (!res.accepted) throw new Error(`demo device ${d.code}: message refused (${res.reason})`);
  }
  clock.set(now);
  // the devices that fell silent are past three heartbeats: the sweep reports them as it will on the server
  await services.alarms.sweep(now);
  const alarms = await services.alarms.list(actor, { state: 'open', pageSize: 1 });
  return { devices: fleet.length, messages: due.length, alarms: alarms.total };
}
