import gcoord from 'gcoord';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isComponentId, type Position } from '../../../../common/domain/geo.ts';

import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { createTenant } from '../../testing/app-parts.ts';

let ctx: TestContext;
let admin: Session;
beforeAll(async () => {
  ctx = await createTestApp();
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

const api = () => as(ctx.app, admin);
interface Item {
  code: string;
  classCode: string;
  name: string;
  state: string;
  gridCode: string | null;
  lng: number;
  lat: number;
  communityId: string | null;
  changeDate: string | null;
  distanceM?: number;
}
const list = async (query = ''): Promise<{ items: Item[]; total: number }> => {
  const res = await api().get(`/api/components?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};
const CENTRE: Position = [114.972, 30.098];

describe('demo census (synthetic)', () => {
  it('holds a few thousand components with valid, unique 17-digit ids, placed in grids', async () => {
    const all = await list('pageSize=200');
    expect(all.total).toBeGreaterThan(3000);
    expect(all.total).toBeLessThan(10000);
    expect(
      all.items.every(
        (c) => isComponentId(c.code) && c.code.startsWith('420281') && c.code.slice(6, 11) === c.classCode,
      ),
    ).toBe(true);
    expect(all.items.filter((c) => c.gridCode !== null).length).toBeGreaterThan(190);
    const one = (await api().get(`/api/components/${all.items[0]?.code}`)).json();
    expect(one).toMatchObject({
      synthetic: true,
      deptName: expect.any(String),
      streetName: expect.any(String),
      className: expect.any(String),
    });
    expect((await list('classCode=01072')).total).toBe(19); // 排水泵站 (2023 work report: 19 pump houses; docs/demo-city.md)
    const stations = (await list('classCode=03004&pageSize=50')).items.map((c) => c.name);
    expect(stations.filter((n) => n.endsWith('转运站'))).toHaveLength(2);
    expect(stations.filter((n) => n.endsWith('收集站'))).toHaveLength(14);
    expect((await list('classCode=01037')).total).toBeGreaterThan(500); // 路灯
  });

  it('filters by state, grid, community, bbox and text, pages and sorts', async () => {
    const damaged = await list('state=damaged&pageSize=200');
    expect(damaged.total).toBeGreaterThan(0);
    expect(damaged.items.every((c) => c.state === 'damaged')).toBe(true);
    const sample = (await list('pageSize=20&classCode=01037')).items.find((c) => c.gridCode !== null) as Item;
    const inGrid = await list(`gridCode=${sample.gridCode}`);
    expect(inGrid.items.every((c) => c.gridCode === sample.gridCode)).toBe(true);
    const inCommunity = await list(`communityId=${sample.communityId}&pageSize=200`);
    expect(inCommunity.items.every((c) => c.communityId === sample.communityId)).toBe(true);
    const box = await list('bbox=114.97,30.09,114.98,30.10&pageSize=200');
    expect(box.total).toBeGreaterThan(0);
    expect(box.items.every((c) => c.lng >= 114.97 && c.lng <= 114.98 && c.lat >= 30.09 && c.lat <= 30.1)).toBe(true);
    const pumps = await list(`q=${encodeURIComponent('泵站')}`);
    expect(pumps.total).toBe(19);
    const desc = (await list('classCode=01072&sort=code&order=desc&pageSize=5')).items.map((c) => c.code);
    expect(desc).toEqual([...desc].sort().reverse());
    expect((await api().get('/api/components?sort=dept_name')).json().error.details[0].field).toBe('query.sort');
    expect((await api().get('/api/components/42028101037999999')).statusCode).toBe(404);
  });
});

describe('register and edit', () => {
  it('assigns the next serial of the class, locates the grid and audits', async () => {
    const last = (await list('classCode=03005&sort=code&order=desc&pageSize=1')).items[0] as Item;
    const res = await api().post('/api/components', {
      classCode: '03005',
      deptName: '大冶市城市管理执法局',
      lng: CENTRE[0],
      lat: CENTRE[1],
      notes: '新增',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c.code).toBe(`42028103005${String(Number(last.code.slice(11)) + 1).padStart(6, '0')}`);
    expect(c).toMatchObject({
      name: '垃圾箱',
      state: 'intact',
      initialDate: '2024-03-12',
      changeDate: null,
      synthetic: false,
    });
    const at = (await api().get(`/api/geo/locate?lng=${CENTRE[0]}&lat=${CENTRE[1]}`)).json();
    expect(c.gridCode).toBe(at.gridCode);
    expect(c.communityId).toBe(at.community.id);
    const audit = (await api().get(`/api/audit?entity=component&entityId=${c.code}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['component.create']);
  });

  it('takes GCJ-02 positions and refuses duplicates, unknown classes and positions outside the tenant', async () => {
    const [x, y] = gcoord.transform(CENTRE, gcoord.WGS84, gcoord.GCJ02) as Position;
    const created = (
      await api().post('/api/components', {
        code: '42028101037900001',
        deptName: '市政所',
        lng: x,
        lat: y,
        crs: 'gcj02',
      })
    ).json();
    expect(created.lng).toBeCloseTo(CENTRE[0], 5);
    expect(created.lat).toBeCloseTo(CENTRE[1], 5);
    const dup = await api().post('/api/components', {
      code: '42028101037900001',
      deptName: '市政所',
      lng: CENTRE[0],
      lat: CENTRE[1],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'COMPONENT_DUPLICATE_CODE', details: [{ field: 'body.code' }] });
    const unknown = await api().post('/api/components', {
      classCode: '01016',
      deptName: 'x',
      lng: CENTRE[0],
      lat: CENTRE[1],
    });
    expect(unknown.json().error).toMatchObject({
      code: 'COMPONENT_UNKNOWN_CLASS',
      details: [{ field: 'body.classCode' }],
    });
    const away = await api().post('/api/components', { classCode: '01037', deptName: 'x', lng: 116.397, lat: 39.909 });
    expect(away.json().error).toMatchObject({ code: 'COMPONENT_OUTSIDE_TENANT', details: [{ field: 'body.lng' }] });
    const noGrid = await api().post('/api/components', {
      classCode: '01037',
      deptName: 'x',
      lng: CENTRE[0],
      lat: CENTRE[1],
      gridCode: '420281001001999',
    });
    expect(noGrid.json().error).toMatchObject({
      code: 'COMPONENT_UNKNOWN_GRID',
      details: [{ field: 'body.gridCode' }],
    });
    const wrongAdmin = await api().post('/api/components', {
      code: '11010101037000001',
      deptName: 'x',
      lng: CENTRE[0],
      lat: CENTRE[1],
    });
    expect(wrongAdmin.json().error.details[0].field).toBe('body.code');
    const fields = (await api().post('/api/components', { classCode: '1', lng: 300, lat: 30, state: 'broken' }))
      .json()
      .error.details.map((d: { field: string }) => d.field)
      .sort();
    expect(fields).toEqual(['body.classCode', 'body.deptName', 'body.lng', 'body.state']);
  });

  it('sets the change date on a state change only', async () => {
    const [c] = (await list('classCode=01011&state=intact&pageSize=1')).items;
    const notes = (await api().patch(`/api/components/${c?.code}`, { notes: '巡查正常' })).json();
    expect(notes.changeDate).toBeNull();
    const broken = await api().patch(`/api/components/${c?.code}`, { state: 'damaged' });
    expect(broken.statusCode).toBe(200);
    expect(broken.json()).toMatchObject({ state: 'damaged', changeDate: '2024-03-12', notes: '巡查正常' });
    const half = await api().patch(`/api/components/${c?.code}`, { lng: 114.98 });
    expect(half.json().error.details[0].field).toBe('body.lat');
    const moved = (await api().patch(`/api/components/${c?.code}`, { lng: CENTRE[0], lat: CENTRE[1] })).json();
    expect(moved.gridCode).toBe((await api().get(`/api/geo/locate?lng=${CENTRE[0]}&lat=${CENTRE[1]}`)).json().gridCode);
    const audit = (await api().get(`/api/audit?entity=component&entityId=${c?.code}`)).json();
    expect(audit.items[1]).toMatchObject({ before: { state: 'intact' }, after: { state: 'damaged' } });
  });
});

describe('nearest and clusters', () => {
  it('returns the nearest components in ascending distance, within the radius', async () => {
    const res = await api().get(`/api/components/nearest?lng=${CENTRE[0]}&lat=${CENTRE[1]}&limit=20&radius=800`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items).toHaveLength(20);
    const d = items.map((i) => i.distanceM as number);
    expect(d).toEqual([...d].sort((a, b) => a - b));
    expect(d.every((m) => m <= 800)).toBe(true);
    const lamps = (
      await api().get(`/api/components/nearest?lng=${CENTRE[0]}&lat=${CENTRE[1]}&classCode=01037&limit=5&radius=5000`)
    ).json().items as Item[];
    expect(lamps).toHaveLength(5);
    expect(lamps.every((l) => l.classCode === '01037')).toBe(true);
    // nothing nearer was skipped: compare with a scan of every lamp
    const all = await ctx.database.db
      .selectFrom('components')
      .select(['lng', 'lat'])
      .where('class_code', '=', '01037')
      .where('state', '<>', 'removed')
      .execute();
    const R = 6_371_008.8,
      rad = Math.PI / 180;
    const hav = (p: { lng: number; lat: number }) =>
      2 *
      R *
      Math.asin(
        Math.sqrt(
          Math.sin(((p.lat - CENTRE[1]) * rad) / 2) ** 2 +
            Math.cos(CENTRE[1] * rad) * Math.cos(p.lat * rad) * Math.sin(((p.lng - CENTRE[0]) * rad) / 2) ** 2,
        ),
      );
    const best = all
      .map(hav)
      .sort((a, b) => a - b)
      .slice(0, 5);
    lamps.forEach((l, i) => expect(l.distanceM).toBeCloseTo(best[i] as number, 1));
    expect(
      (await api().get(`/api/components/nearest?lng=${CENTRE[0]}&lat=${CENTRE[1]}&limit=51`)).json().error.details[0]
        .field,
    ).toBe('query.limit');
    expect(
      (await api().get(`/api/components/nearest?lng=${CENTRE[0]}&lat=${CENTRE[1]}&radius=6000`)).json().error.details[0]
        .field,
    ).toBe('query.radius');
    expect((await api().get('/api/components/nearest?lng=116.39&lat=39.9')).json().items).toEqual([]);
  });

  it('clusters for the map: counts add up, single cells name their component', async () => {
    const total = (await list('bbox=114.9,30.0,115.1,30.2')).total;
    const coarse = (await api().get('/api/components/clusters?zoom=12&bbox=114.9,30.0,115.1,30.2')).json();
    expect(coarse.total).toBe(total - (await list('state=removed')).total);
    expect(coarse.items.length).toBeLessThan(200);
    expect(coarse.items.some((c: { count: number }) => c.count > 50)).toBe(true);
    const fine = (
      await api().get(
        `/api/components/clusters?zoom=21&bbox=${CENTRE[0] - 0.002},${CENTRE[1] - 0.002},${CENTRE[0] + 0.002},${CENTRE[1] + 0.002}`,
      )
    ).json();
    const singles = fine.items.filter((c: { count: number }) => c.count === 1);
    expect(singles.length).toBeGreaterThan(0);
    expect(
      singles.every(
        (c: { code?: string; classCode?: string }) =>
          isComponentId(c.code ?? '') && c.code?.slice(6, 11) === c.classCode,
      ),
    ).toBe(true);
    const whole = (await api().get('/api/components/clusters?zoom=3')).json();
    expect(whole.total).toBe(coarse.total);
  });
});

describe('tenancy', () => {
  it("a second tenant sees none of the first tenant's components", async () => {
    await createTenant(
      ctx.database.db,
      ctx.clock,
      { code: '420202', name: '黄石港区' },
      { username: 'admin', password: 'Other#2024x' },
    );
    const other = as(ctx.app, await login(ctx.app, 'admin', 'Other#2024x', '420202'));
    expect((await other.get('/api/components')).json().total).toBe(0);
    const code = (await list('pageSize=1')).items[0]?.code;
    expect((await other.get(`/api/components/${code}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/components/${code}`, { state: 'lost' })).statusCode).toBe(404);
    expect(
      (await other.get(`/api/components/nearest?lng=${CENTRE[0]}&lat=${CENTRE[1]}&radius=5000`)).json().items,
    ).toEqual([]);
    expect((await other.get('/api/components/clusters?zoom=10&bbox=114.9,30.0,115.1,30.2')).json().total).toBe(0);
    const csv = (await other.get('/api/components/export.csv')).body;
    expect(csv.trim().split('\n')).toHaveLength(1);
  });
});
