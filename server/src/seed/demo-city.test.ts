import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../common/domain/roles.ts';
import { zonedDate } from '../../../common/domain/zoned-time.ts';
import { createServices } from '../composition.ts';
import { FixedClock } from '../platform/clock.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { seedDemoCity } from './demo-city.ts';
import { seedDemoDevices } from './demo-devices.ts';
import { seedDemoTracks } from './demo-vehicles.ts';
import { DAYE_USERS } from './daye-org.ts';

let ctx: TestContext;
let admin: Session;
/** the seed as a fresh start runs it (prepare.ts): through the services, on a clock of its own */
const seedRecords = async () => {
  const clock = new FixedClock(ctx.clock.now());
  const services = createServices(ctx.database, ctx.config, clock);
  const devices = await seedDemoDevices(ctx.database.db, services, clock);
  const tracks = await seedDemoTracks(ctx.database.db, services, clock, ctx.config.businessTimeZone);
  expect(clock.now()).toEqual(ctx.clock.now());
  return { devices, tracks };
};
const count = async (table: 'devices' | 'telemetry_readings' | 'alarms' | 'vehicle_points' | 'vehicle_coverage') =>
  Number(
    (
      await ctx.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  const first = await seedRecords();
  expect(first.devices).toMatchObject({ devices: 49, alarms: 5 });
  expect(first.tracks?.points).toBeGreaterThan(5000);
}, 900_000);
// dropping the PostgreSQL database of a fleet's day takes a while on a busy machine
afterAll(async () => ctx.close(), 300_000);

describe('demo city', () => {
  it("seeds 大冶市 with its four streets, the seed report's units and one account per role", async () => {
    const db = ctx.database.db;
    const tenant = await db.selectFrom('tenants').selectAll().executeTakeFirstOrThrow();
    expect(tenant).toMatchObject({ code: '420281', name: '大冶市' });
    const streets = await db
      .selectFrom('regions')
      .select('name')
      .where('kind', '=', 'street')
      .orderBy('full_code')
      .execute();
    expect(streets.map((s) => s.name)).toEqual(['东岳路街道', '东风路街道', '金湖街道', '罗家桥街道']);
    const units = (await db.selectFrom('units').select('name').execute()).map((u) => u.name);
    expect(units).toEqual(
      expect.arrayContaining(['燃气管理处', '大冶华润燃气公司', '环卫所', '园林所', '市政所', '排水所']),
    );
    const roles = new Set(DAYE_USERS.map((u) => u.role));
    // the prefecture's viewer belongs to the prefecture tenant 黄石市, not to the county (demo-prefecture.ts)
    expect([...roles].sort()).toEqual(ROLES.filter((r) => r !== 'prefectureViewer').sort());
  });

  it('every demo account can sign in', async () => {
    for (const u of DAYE_USERS) await login(ctx.app, u.username, u.username === 'admin' ? 'Admin@12345' : 'Demo@12345');
  });

  it('is idempotent', async () => {
    expect(await seedDemoCity(ctx.database.db, ctx.clock)).toBe(false);
    const n = await ctx.database.db
      .selectFrom('tenants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });
});

interface Listed {
  id: string;
  code: string;
  type: string;
  online: boolean;
  batteryPct: number | null;
  componentCode: string | null;
  lastSeenAt: string | null;
}

describe('demo sensors', () => {
  it('registers the fleet on manholes, 易涝点, gas users, bins, pump stations and construction sites', async () => {
    const res = await as(ctx.app, admin).get('/api/devices?pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as Listed[];
    const byType = (t: string) => items.filter((d) => d.type === t);
    expect(byType('manhole_tilt')).toHaveLength(8);
    expect(byType('manhole_tilt').every((d) => d.componentCode)).toBe(true);
    expect(byType('water_level')).toHaveLength(5);
    expect(byType('gas_detector')).toHaveLength(5);
    expect(byType('bin_fill')).toHaveLength(6);
    expect(byType('pump_station')).toHaveLength(19);
    expect(byType('site_dust')).toHaveLength(3);
    expect(byType('site_noise')).toHaveLength(3);
    // two stopped reporting, one battery runs low, the rest were heard from in the last hour
    expect(items.filter((d) => !d.online).map((d) => d.code)).toEqual(['DY-JG-07', 'DY-LJ-05']);
    expect(items.filter((d) => d.batteryPct !== null && d.batteryPct < 20).map((d) => d.code)).toEqual(['DY-JG-06']);
    const hourAgo = new Date(ctx.clock.now().getTime() - 3_600_000).toISOString();
    expect(items.filter((d) => d.online).every((d) => d.lastSeenAt! > hourAgo)).toBe(true);
  });

  it('has a day of readings in the raw series and the roll-ups the chart reads', async () => {
    const list = (await as(ctx.app, admin).get('/api/devices?q=DY-JS-01')).json().items as Listed[];
    const gauge = list[0]!;
    const raw = (await as(ctx.app, admin).get(`/api/devices/${gauge.id}/readings?hours=6`)).json();
    expect(raw.resolution).toBe('raw');
    expect(raw.points.length).toBeGreaterThanOrEqual(20);
    // the underpass floods past the rule's 15 cm in the last hours
    expect(Math.max(...raw.points.map((p: { value: number }) => p.value))).toBeGreaterThan(15);
    const day = (await as(ctx.app, admin).get(`/api/devices/${gauge.id}/readings?hours=48`)).json();
    expect(day.resolution).toBe('minute');
    expect(day.points[0].at < new Date(ctx.clock.now().getTime() - 20 * 3_600_000).toISOString()).toBe(true);
    const hourly = (await as(ctx.app, admin).get(`/api/devices/${gauge.id}/readings?hours=48&resolution=hour`)).json();
    expect(hourly.points.length).toBeGreaterThanOrEqual(10);
  });

  it('binds every 易涝点 to its level sensor, so the 排水 flood panel reads the live depth', async () => {
    const res = await as(ctx.app, admin).get('/api/lines/drainage/summary');
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json().flood.points as { code: string; waterCm: number | null; thresholdCm: number }[];
    expect(points.map((p) => p.code)).toEqual(['DY-YL-01', 'DY-YL-02', 'DY-YL-03', 'DY-YL-04', 'DY-YL-05']);
    expect(points.every((p) => p.waterCm !== null)).toBe(true);
    // the underpass is past its alert depth, the others are dry
    expect(points[0]!.waterCm!).toBeGreaterThanOrEqual(points[0]!.thresholdCm);
    expect(points.slice(1).every((p) => p.waterCm! < p.thresholdCm)).toBe(true);
  });

  it('remedies the 雨污混接 points under the 雨污分流 project, each order in the state of its point', async () => {
    const api = as(ctx.app, admin);
    const projects = (await api.get(`/api/projects?q=${encodeURIComponent('雨污分流')}`)).json();
    expect(projects.total).toBe(1);
    const projectId = projects.items[0].id as string;
    const defects = (await api.get('/api/assets/items?typeCode=DRN-DEFECT&pageSize=50')).json().items as {
      id: string;
      code: string;
      attributes: { kind: string; state: string };
    }[];
    expect(defects.map((d) => d.code)).toEqual([
      'DY-QX-0001',
      'DY-QX-0002',
      'DY-QX-0003',
      'DY-QX-0004',
      'DY-QX-0005',
      'DY-QX-0006',
    ]);
    const orderState = { 已整改: 'accepted', 整改中: 'in_progress', 待整改: 'open' } as Record<string, string>;
    for (const d of defects.slice(0, 3)) {
      const orders = (await api.get(`/api/assets/work-orders?assetId=${d.id}`)).json().items as {
        projectId: string | null;
        state: string;
      }[];
      expect([d.code, orders.map((o) => [o.projectId, o.state])]).toEqual([
        d.code,
        [[projectId, orderState[d.attributes.state]]],
      ]);
    }
  });

  it('raised alarms through the rules: a tilted cover and a flood as cases, a full bin, two devices offline', async () => {
    const res = await as(ctx.app, admin).get('/api/alarms?state=open&pageSize=50');
    expect(res.statusCode, res.body).toBe(200);
    const open = res.json().items as { deviceCode: string; kind: string; state: string; caseNo: string | null }[];
    const seen = open.map((a) => `${a.deviceCode} ${a.kind} ${a.state}`).sort();
    expect(seen).toEqual([
      'DY-JG-03 threshold case',
      'DY-JG-07 offline raised',
      'DY-JS-01 threshold case',
      'DY-LJ-01 threshold raised',
      'DY-LJ-05 offline raised',
    ]);
    expect(open.filter((a) => a.state === 'case').every((a) => a.caseNo)).toBe(true);
    // the gas detector's brief leak recovered by itself
    const cleared = (await as(ctx.app, admin).get('/api/alarms?state=cleared')).json().items;
    expect(cleared.map((a: { deviceCode: string }) => a.deviceCode)).toEqual(['DY-RQ-02']);
    // every device type has its rule
    const rules = (await as(ctx.app, admin).get('/api/alarm-rules')).json() as { deviceType: string }[];
    expect(new Set(rules.map((r) => r.deviceType)).size).toBe(7);
  });
});

describe('demo vehicle tracks', () => {
  const yesterday = () => zonedDate(new Date(ctx.clock.now().getTime() - 86_400_000), 'Asia/Shanghai');

  it("stores yesterday's shifts, replayable per vehicle", async () => {
    const sprinklers = (await as(ctx.app, admin).get('/api/vehicles?kind=sprinkler&pageSize=50')).json().items as {
      id: string;
      code: string;
      lastAt: string | null;
    }[];
    expect(sprinklers).toHaveLength(24);
    expect(sprinklers.every((v) => v.lastAt)).toBe(true);
    const ss001 = sprinklers.find((v) => v.code === 'SS001')!;
    const track = (await as(ctx.app, admin).get(`/api/vehicles/${ss001.id}/track?day=${yesterday()}`)).json();
    expect(track.points.length).toBeGreaterThan(100);
    expect(track.points.every((p: { jump: boolean }) => !p.jump)).toBe(true);
  });

  it("has yesterday's coverage report and the muck trucks' three deliberate violations as leads", async () => {
    const report = (await as(ctx.app, admin).get(`/api/vehicles/coverage?day=${yesterday()}`)).json();
    expect(report.rows.length).toBeGreaterThan(5);
    expect(report.coveredM).toBeGreaterThan(0);
    const leads = (await as(ctx.app, admin).get('/api/vehicles/leads?pageSize=50')).json().items as {
      plate: string;
      kind: string;
    }[];
    const plates = new Set(leads.map((l) => l.plate));
    expect([...plates].sort()).toEqual(['鄂B·Z2018（示例）', '鄂B·Z2019（示例）', '鄂B·Z2020（示例）']);
    expect(leads.filter((l) => l.plate === '鄂B·Z2020（示例）').every((l) => l.kind === 'outside_hours')).toBe(true);
  });

  it('covers every road of the road layer, each 清扫保洁区域 road among them, not every one in full', async () => {
    const layer = (await as(ctx.app, admin).get('/api/gazetteer/roads')).json() as {
      features: { properties: { name: string } }[];
    };
    const roads = layer.features.map((f) => f.properties.name).sort();
    expect(roads.length).toBeGreaterThanOrEqual(20);
    const zones = await ctx.database.db.selectFrom('assets').select('name').where('code', 'like', 'DY-BJ-%').execute();
    const zoneRoads = zones.map((z) => z.name.replace(/保洁区域$/, ''));
    expect(zoneRoads.length).toBeGreaterThanOrEqual(10);
    // every road a cleaning zone names is a road of the layer, so the report measures it
    expect(zoneRoads.filter((r) => !roads.includes(r))).toEqual([]);

    const report = (await as(ctx.app, admin).get(`/api/vehicles/coverage?day=${yesterday()}`)).json() as {
      rows: { road: string; kind: string; lengthM: number; coveredM: number; share: number; vehicles: number }[];
    };
    const sprinkled = report.rows.filter((r) => r.kind === 'sprinkler');
    expect(sprinkled.map((r) => r.road).sort()).toEqual(roads);
    expect(sprinkled.filter((r) => !(r.coveredM > 0 && r.vehicles > 0)).map((r) => r.road)).toEqual([]);
    // crews work stretches of some roads: a day's report is not 100 % everywhere, and none is below half
    const shares = sprinkled.map((r) => r.share);
    expect(shares.filter((x) => x < 0.95).length).toBeGreaterThanOrEqual(3);
    expect(shares.filter((x) => x > 0.99).length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...shares)).toBeGreaterThan(0.5);
  });
});

describe('the demo records of a fresh start', () => {
  it('are seeded once: a second run adds nothing', async () => {
    const tables = ['devices', 'telemetry_readings', 'alarms', 'vehicle_points', 'vehicle_coverage'] as const;
    const before = await Promise.all(tables.map(count));
    expect(await seedRecords()).toEqual({ devices: null, tracks: null });
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
