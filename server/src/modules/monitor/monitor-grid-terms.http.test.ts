import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 漏报 follows the responsibility in force when a case was reported (docs/monitor.md, "Per-inspector 漏报").
 * Grid G belongs to the shift leader's second inspector until 2024-03-15 10:00 +08, then to the demo inspector.
 * Citizens report in G: case 1 on the 14th (filed the 14th), case 2 on the 14th (filed the 16th, after the
 * move), case 3 on the 16th. Cases 1 and 2 are the second inspector's 漏报, case 3 the demo inspector's.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const ids: Record<string, string> = {};
const api = (who: string) => as(ctx.app, s[who] ?? null);
const cases: Record<number, string> = {};
let spot = { code: '', lng: 0, lat: 0 };
const at = (instant: string) => ctx.clock.set(new Date(instant));

async function citizenReport(description: string) {
  const tenantId = (await ctx.app.services.org.publicTenant())!.id;
  const input = {
    channel: 'public' as const,
    matterCode: '09006',
    description,
    lng: spot.lng,
    lat: spot.lat,
    reporterName: '张三',
    reporterPhone: '13912345678',
    source: '市民随手拍',
  };
  return (await ctx.app.services.cases.intake(tenantId, input, { scope: 'test', key: null })).caseId;
}
async function file(id: string) {
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
}
async function assign(who: string, gridCodes: string[]) {
  const res = await api('shiftleader').put(`/api/monitor/inspectors/${ids[who]}/grids`, { gridCodes });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  // the sessions outlive the days the clock is moved on
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '240' } });
  s = await staffSessions(ctx.app);
  const users = (await api('admin').get('/api/org/users?pageSize=100')).json().items as {
    id: string;
    username: string;
  }[];
  ids.inspector = users.find((u) => u.username === 'inspector')!.id;
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as { id: string; code: string }[];
  const created = await api('admin').post('/api/org/users', {
    username: 'second',
    displayName: '第二监督员',
    password: 'Temp#2024x',
    grants: [{ role: 'inspector', unitId: units.find((u) => u.code === 'COMMAND')!.id }],
  });
  expect(created.statusCode, created.body).toBe(201);
  ids.second = created.json().id;
  const res = await api('admin').get('/api/geo/locate?lng=114.9590&lat=30.095');
  expect(res.statusCode, res.body).toBe(200);
  spot = { code: res.json().gridCode, lng: 114.959, lat: 30.095 };
  expect(spot.code).toMatch(/^\d{15}$/);

  await assign('second', [spot.code]);
  at('2024-03-14T02:00:00.000Z');
  cases[1] = await citizenReport('1 移交前发现，移交前立案');
  cases[2] = await citizenReport('2 移交前发现，移交后立案');
  await file(cases[1]);
  at('2024-03-15T02:00:00.000Z');
  await assign('second', []);
  await assign('inspector', [spot.code]);
  at('2024-03-16T02:00:00.000Z');
  cases[3] = await citizenReport('3 移交后发现');
  await file(cases[2]);
  await file(cases[3]);
}, 180_000);
afterAll(async () => ctx?.close());

describe('漏报 across a reassignment', () => {
  it('counts each case against whoever held the grid when it was reported', async () => {
    const res = await api('shiftleader').get('/api/monitor/missed?from=2024-03-01&to=2024-03-31');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { inspectorId: string; missed: number; grids: number }[];
    const of = (who: string) => items.find((i) => i.inspectorId === ids[who]);
    expect(of('second')).toMatchObject({ missed: 2, grids: 0 });
    expect(of('inspector')).toMatchObject({ missed: 1, grids: 1 });
  });

  it('windows by the filing day: the case filed after the move is in the later window, still the second inspector’s', async () => {
    const early = (await api('shiftleader').get('/api/monitor/missed?from=2024-03-01&to=2024-03-14')).json();
    const late = (await api('shiftleader').get('/api/monitor/missed?from=2024-03-15&to=2024-03-31')).json();
    const of = (body: { items: { inspectorId: string; missed: number }[] }, who: string) =>
      body.items.find((i) => i.inspectorId === ids[who])?.missed;
    expect([of(early, 'second'), of(early, 'inspector')]).toEqual([1, 0]);
    expect([of(late, 'second'), of(late, 'inspector')]).toEqual([1, 1]);
  });

  it('drills down to the same cases per inspector', async () => {
    const drill = async (who: string) => {
      const res = await api('shiftleader').get(
        `/api/monitor/inspectors/${ids[who]}/missed?from=2024-03-01&to=2024-03-31`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { total: number; items: { id: string }[] };
      return { total: body.total, ids: body.items.map((c) => c.id).sort() };
    };
    expect(await drill('second')).toEqual({ total: 2, ids: [cases[1], cases[2]].sort() });
    expect(await drill('inspector')).toEqual({ total: 1, ids: [cases[3]] });
  });

  it('keeps the history: one ended term and one open term for the grid', async () => {
    const terms = await ctx.database.db
      .selectFrom('inspector_grid_terms')
      .select(['inspector_id', 'valid_from', 'valid_to'])
      .where('grid_code', '=', spot.code)
      .orderBy('valid_from')
      .execute();
    expect(terms).toEqual([
      { inspector_id: ids.second, valid_from: '2024-03-12T02:00:00.000Z', valid_to: '2024-03-15T02:00:00.000Z' },
      { inspector_id: ids.inspector, valid_from: '2024-03-15T02:00:00.000Z', valid_to: null },
    ]);
  });
});
