import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { staffSessions, step } from '../../testing/case-loop.ts';

/** 一张图's case layer: the list's visibility rule, its filters, the box and the bound. */
let ctx: TestContext;
let s: Record<string, Session>;
const A = { lng: 114.975, lat: 30.1 };
const B = { lng: 114.98, lat: 30.095 };
const AROUND_BOTH = '114.97,30.09,114.99,30.105';
const AROUND_A = '114.974,30.099,114.976,30.101';
const ids: Record<string, string> = {};
let sanitationId = '';

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const report = async (matterCode: string, at: { lng: number; lat: number }) => {
    const res = await as(ctx.app, s.inspector!).post('/api/cases', { matterCode, description: '一张图测试', ...at });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  ids.dispatched = await report('09006', A);
  ids.reported = await report('06010', B);
  sanitationId = (await as(ctx.app, s.admin!).get('/api/org/units?q=SANITATION')).json().items[0].id;
  await step(ctx.app, s, 'operator', ids.dispatched, { action: 'accept' });
  const conditions = (await as(ctx.app, s.shiftleader!).get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', ids.dispatched, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', ids.dispatched, { action: 'dispatch', unitId: sanitationId });
});
afterAll(async () => ctx.close());

const map = async (who: string, query: string) => {
  const res = await as(ctx.app, s[who] ?? null).get(`/api/cases/map?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; status: string; sla: string; caseNo: string }[]; truncated: boolean };
};
const idsOf = (r: { items: { id: string }[] }) => r.items.map((i) => i.id).sort();

describe('GET /api/cases/map', () => {
  it('shows the command centre every open case in the box, coloured by SLA', async () => {
    const r = await map('operator', `bbox=${AROUND_BOTH}`);
    expect(idsOf(r)).toEqual([ids.dispatched, ids.reported].sort());
    expect(r.truncated).toBe(false);
    for (const item of r.items) expect(['green', 'yellow', 'red', 'paused', 'none']).toContain(item.sla);
  });

  it('shows a unit user only the cases of their unit, as the case list does', async () => {
    const r = await map('handler', `bbox=${AROUND_BOTH}`);
    expect(idsOf(r)).toEqual([ids.dispatched]);
    const list = (await as(ctx.app, s.handler!).get('/api/cases?pageSize=100')).json();
    const listed = new Set(list.items.map((i: { id: string }) => i.id));
    for (const item of r.items) expect(listed.has(item.id)).toBe(true);
  });

  it('filters by matter, status and unit', async () => {
    expect(idsOf(await map('operator', `bbox=${AROUND_BOTH}&matterCode=06010`))).toEqual([ids.reported]);
    expect(idsOf(await map('operator', `bbox=${AROUND_BOTH}&status=handling`))).toEqual([ids.dispatched]);
    expect(idsOf(await map('operator', `bbox=${AROUND_BOTH}&unitId=${sanitationId}`))).toEqual([ids.dispatched]);
    expect(idsOf(await map('operator', `bbox=${AROUND_BOTH}&status=closed`))).toEqual([]);
  });

  it('keeps to the box and to the limit, saying when more cases match', async () => {
    expect(idsOf(await map('operator', `bbox=${AROUND_A}`))).toEqual([ids.dispatched]);
    const one = await map('operator', `bbox=${AROUND_BOTH}&limit=1`);
    expect(one.items).toHaveLength(1);
    expect(one.truncated).toBe(true);
  });

  it('refuses a missing or malformed box and an oversized limit by field', async () => {
    const api = as(ctx.app, s.operator!);
    for (const q of ['', 'bbox=1,2,3', 'bbox=115,30,114,31', `bbox=${AROUND_BOTH}&limit=99999`]) {
      const res = await api.get(`/api/cases/map?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(JSON.stringify(res.json().error.details), q).toMatch(/query\.(bbox|limit)/);
    }
    const anon = await ctx.app.inject({ method: 'GET', url: `/api/cases/map?bbox=${AROUND_BOTH}` });
    expect(anon.statusCode).toBe(401);
  });
});
