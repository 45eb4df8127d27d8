import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { MUCK_PERMIT_TYPE } from '../../../../common/domain/assets.ts';
import { gpsMessage } from './vehicle-sim.ts';

/**
 * 车辆监管 over HTTP on the seeded demo city (clock frozen at 2024-03-12 10:00 in the city): signed GPS batches with
 * refused points named by field, out-of-order and repeated points, the coverage of a sprinkler's two passes along
 * the seeded road 大冶路, and a recorded 渣土 night (fixture) whose hour, speed, route and stop violations become one
 * lead each, with the track as evidence, raised once however often the checks run.
 */
let ctx: TestContext;
let admin: Session;
const api = () => as(ctx.app, admin);
let tenant = '';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/muck-night.json', import.meta.url), 'utf8')) as {
  points: [string, number, number, number, number][];
};
// 大冶路's first stretch in the demo gazetteer (synthetic)
const A: [number, number] = [114.942, 30.0865];
const B: [number, number] = [114.96, 30.086];

async function register(body: Record<string, unknown>) {
  const res = await api().post('/api/vehicles', body);
  expect(res.statusCode, res.body).toBe(201);
  const out = res.json() as { vehicle: { id: string; topic: string; version: number }; key: string };
  tenant = out.vehicle.topic.split('/')[1]!;
  return out;
}
const msg = (code: string, key: string, at: string, p: [number, number], speed = 15, heading = 92, seq = 0) =>
  gpsMessage(
    { tenant, vehicle: code, key, seq, at: new Date(at) },
    { lng: p[0], lat: p[1], speedKmh: speed, headingDeg: heading },
  );
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string; rule: string }[] } }).error.details.map(
    (d) => `${d.field}:${d.rule}`,
  );

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
  // the first file of a run builds the seeded template, which takes a while on PostgreSQL
}, 180_000);
afterAll(async () => ctx.close());

describe('GPS intake', () => {
  let key = '';
  beforeAll(async () => {
    ({ key } = await register({ code: 'T-SS-01', plate: '鄂B·T0001', kind: 'sprinkler' }));
  });

  it('refuses points outside the city, ahead of the clock or badly signed, by field, and keeps the good ones', async () => {
    const good = msg('T-SS-01', key, '2024-03-12T01:00:00Z', A);
    const far = msg('T-SS-01', key, '2024-03-12T01:00:10Z', [116.4, 39.9]);
    // five minutes ahead: inside the telemetry reader's window, beyond the two minutes a position may lead
    const future = msg('T-SS-01', key, '2024-03-12T02:05:00Z', A);
    const forged = { ...msg('T-SS-01', key, '2024-03-12T01:00:20Z', A), sig: 'a'.repeat(64) };
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-SS-01', messages: [far, future, forged, good] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      accepted: 1,
      rejected: [
        { index: 0, field: 'values.lat_e6', rule: 'outside_area' },
        { index: 1, field: 'ts', rule: 'future' },
        { index: 2, field: 'sig', rule: 'bad_signature' },
      ],
    });
    const none = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-SS-01', messages: [far, forged] },
    });
    expect(none.statusCode).toBe(400);
    expect(fields(none.body)).toEqual([
      'body.messages.0.values.lat_e6:outside_area',
      'body.messages.1.sig:bad_signature',
    ]);
    const shape = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-SS-01', messages: [{ ...good, sig: undefined }] },
    });
    expect(shape.statusCode).toBe(400);
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'NO-SUCH', messages: [good] },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('stores points sent out of order by their instant, ignores repeats and flags an impossible jump', async () => {
    const times = ['2024-03-12T01:10:00Z', '2024-03-12T01:10:10Z', '2024-03-12T01:10:20Z', '2024-03-12T01:10:30Z'];
    const along = (i: number): [number, number] => [A[0] + i * 0.0004, A[1]];
    const batch = [3, 1, 0, 2].map((i) => msg('T-SS-01', key, times[i]!, along(i)));
    // 4.8 km away ten seconds later: stored, flagged, left out of matching
    const jump = msg('T-SS-01', key, '2024-03-12T01:10:40Z', [A[0] + 0.05, A[1]]);
    const first = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-SS-01', messages: [...batch, jump] },
    });
    expect(first.json()).toMatchObject({ accepted: 5, duplicates: 0, flagged: 1 });
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-SS-01', messages: batch },
    });
    expect(again.json()).toMatchObject({ accepted: 0, duplicates: 4 });
    const list = (await api().get('/api/vehicles?kind=sprinkler&q=T0001')).json();
    const v = list.items.find((x: { code: string }) => x.code === 'T-SS-01');
    const track = (
      await api().get(`/api/vehicles/${v.id}/track?from=2024-03-12T01:09:00Z&to=2024-03-12T01:11:00Z`)
    ).json();
    expect(track.points.map((p: { at: string }) => p.at)).toEqual([
      '2024-03-12T01:10:00.000Z',
      '2024-03-12T01:10:10.000Z',
      '2024-03-12T01:10:20.000Z',
      '2024-03-12T01:10:30.000Z',
      '2024-03-12T01:10:40.000Z',
    ]);
    expect(track.points.map((p: { jump: boolean }) => p.jump)).toEqual([false, false, false, false, true]);
    // the last position is the last good point, not the jump
    expect(v.lastLng).toBeCloseTo(A[0] + 3 * 0.0004, 6);
  });
});

describe('coverage', () => {
  it('matches a sprinkler to 大冶路 and counts two passes half an hour apart', async () => {
    const { key } = await register({ code: 'T-SS-02', plate: '鄂B·T0002', kind: 'sprinkler' });
    const messages = [];
    // 11:00 and 11:40 local on 2024-03-11: east along the first 1.2 km of 大冶路 at 15 km/h, a point every 20 s
    for (const start of [Date.parse('2024-03-11T03:00:00Z'), Date.parse('2024-03-11T03:40:00Z')])
      for (let i = 0; i <= 14; i++) {
        const t = i / 20;
        messages.push(
          msg('T-SS-02', key, new Date(start + i * 20_000).toISOString(), [
            A[0] + (B[0] - A[0]) * t,
            A[1] + (B[1] - A[1]) * t,
          ]),
        );
      }
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-SS-02', messages },
    });
    expect(res.json().accepted).toBe(30);
    const report = (await api().post('/api/vehicles/coverage/compute', { day: '2024-03-11' })).json();
    const road = report.rows.find((r: { road: string; kind: string }) => r.road === '大冶路' && r.kind === 'sprinkler');
    // 14 steps of 1/20 of 1733 m ≈ 1213 m, give or take the 25 m pieces at the ends
    expect(road.coveredM).toBeGreaterThan(1150);
    expect(road.coveredM).toBeLessThan(1275);
    expect(road.passes).toBe(2);
    expect(road.vehicles).toBe(1);
    // computing the day again replaces it
    const again = (await api().post('/api/vehicles/coverage/compute', { day: '2024-03-11' })).json();
    expect(again.rows.length).toBe(report.rows.length);
    const csv = await api().get('/api/vehicles/coverage.csv?day=2024-03-11');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('大冶路,洒水车');
  });
});

describe('muck trucks', () => {
  it('turns a recorded night into one lead per violation kind with the track as evidence, once', async () => {
    const types = (await api().get('/api/assets/types')).json() as { items: { code: string }[] };
    if (!types.items.some((t) => t.code === MUCK_PERMIT_TYPE.code)) {
      const made = await api().post('/api/assets/types', MUCK_PERMIT_TYPE);
      expect(made.statusCode, made.body).toBe(201);
    }
    const permit = await api().post('/api/assets/items', {
      typeCode: 'MUCK-PERMIT',
      code: 'ZT-TEST-0001',
      name: '测试工地（建筑垃圾处置核准）',
      geometry: { type: 'Point', coordinates: A },
      attributes: {
        permitNo: '冶城管渣核〔2024〕1号',
        holder: '测试运输公司',
        disposalSite: '城南渣土消纳场（示例）',
        volumeM3: 5000,
        validFrom: '2024-01-01',
        validTo: '2024-12-31',
      },
    });
    expect(permit.statusCode, permit.body).toBe(201);
    const { key, vehicle } = await register({
      code: 'T-ZT-01',
      plate: '鄂B·T0101',
      kind: 'muck',
      permitAssetId: permit.json().id,
      route: { type: 'LineString', coordinates: [A, B] },
      windowFrom: '22:00',
      windowTo: '06:00',
    });
    const messages = fixture.points.map(([at, lng, lat, speed, heading], i) =>
      msg('T-ZT-01', key, at, [lng, lat], speed, heading, i),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-ZT-01', messages },
    });
    expect(res.json()).toMatchObject({ accepted: fixture.points.length, flagged: 0, rejected: [] });
    const leads = (await api().get(`/api/vehicles/leads?vehicleId=${vehicle.id}`)).json();
    const kinds = leads.items.map((l: { kind: string }) => l.kind).sort();
    expect(kinds).toEqual(['off_route', 'outside_hours', 'speeding', 'unknown_stop']);
    const byKind = Object.fromEntries(leads.items.map((l: { kind: string }) => [l.kind, l]));
    expect(byKind.speeding.detail).toMatchObject({ maxKmh: 50, limitKmh: 40 });
    expect(byKind.outside_hours.startedAt).toBe('2024-03-11T12:00:00.000Z');
    expect(byKind.unknown_stop.detail.minutes).toBeGreaterThanOrEqual(15);
    expect(byKind.off_route.detail.maxOffM).toBeGreaterThan(500);

    const evidence = await api().get(`/api/vehicles/leads/${byKind.speeding.id}/evidence`);
    expect(evidence.statusCode).toBe(200);
    const geo = JSON.parse(evidence.body);
    expect(geo.features[0].geometry.type).toBe('LineString');
    expect(geo.features[0].properties.plate).toBe('鄂B·T0101');

    // the checks run again (by staff or the nightly job): the same leads, no more
    const rerun = await api().post('/api/vehicles/muck-check', { vehicleId: vehicle.id, day: '2024-03-11' });
    expect(rerun.json()).toEqual({ written: 0 });
    expect((await api().get(`/api/vehicles/leads?vehicleId=${vehicle.id}`)).json().total).toBe(4);

    const referred = await api().post(`/api/vehicles/leads/${byKind.speeding.id}/handle`, {
      state: 'referred',
      note: '移送执法中队立案调查',
      version: byKind.speeding.version,
    });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json().state).toBe('referred');
    const twice = await api().post(`/api/vehicles/leads/${byKind.speeding.id}/handle`, {
      state: 'dismissed',
      note: '重复',
      version: referred.json().version,
    });
    expect(twice.statusCode).toBe(409);
  });

  it('a truck without a valid permit is working for an unregistered site', async () => {
    const { key, vehicle } = await register({ code: 'T-ZT-02', plate: '鄂B·T0102', kind: 'muck' });
    const messages = fixture.points
      .filter(([at]) => at >= '2024-03-11T14:30:00Z')
      .map(([at, lng, lat, speed, heading], i) => msg('T-ZT-02', key, at, [lng, lat], speed, heading, i));
    await ctx.app.inject({
      method: 'POST',
      url: '/api/vehicles/gps',
      payload: { tenant, vehicle: 'T-ZT-02', messages },
    });
    const leads = (await api().get(`/api/vehicles/leads?vehicleId=${vehicle.id}&kind=unregistered_site`)).json();
    expect(leads.items).toHaveLength(1);
    expect(leads.items[0].detail.reason).toBe('no_permit');
  });
});

describe('the register refuses what it cannot keep, by field', () => {
  it('an unknown unit, a permit that is not a 处置核准 of the tenant, and a date that is not a day', async () => {
    const base = { code: 'T-REF-01', plate: '鄂B·R0101', kind: 'muck' };
    const unit = await api().post('/api/vehicles', { ...base, unitId: '' });
    expect(unit.statusCode, unit.body).toBe(400);
    expect(fields(unit.body)).toEqual(['body.unitId:exists']);
    const permit = await api().post('/api/vehicles', { ...base, permitAssetId: 'no-such-asset' });
    expect(permit.statusCode, permit.body).toBe(400);
    expect(fields(permit.body)).toEqual(['body.permitAssetId:exists']);
    const { vehicle } = await register(base);
    const moved = await api().patch(`/api/vehicles/${vehicle.id}`, { unitId: 'nobody', version: vehicle.version });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(fields(moved.body)).toEqual(['body.unitId:exists']);
    const day = await api().post('/api/vehicles/coverage/compute', { day: '2109-65-80' });
    expect(day.statusCode, day.body).toBe(400);
    expect(fields(day.body).join()).toContain('day');
  });
});
