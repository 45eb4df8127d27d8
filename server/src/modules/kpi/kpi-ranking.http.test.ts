import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveToClosed, staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The monthly ranking rules (docs/standards.md, "KPI ranking") on a hand-made month in three streets, each with one
 * case: streets 1 and 2 each have a case closed on time (both score 100.0, grade A), street 3 a case still open with
 * the unit past its handling deadline. Every case goes to 环卫所; every other street has no case at all.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const streets: { id: string; point: { lng: number; lat: number } }[] = [];
const api = (who: string) => as(ctx.app, s[who] ?? null);

interface Row {
  id: string;
  rank: number | null;
  score: number | null;
}

async function ranking(subject = 'street') {
  const res = await api('leader').get(`/api/kpi/rankings?month=2024-03&subject=${subject}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function putOptions(options: Record<string, unknown>) {
  const { parts: _p, updatedAt: _u, ...body } = (await api('admin').get('/api/kpi/settings')).json();
  const res = await api('admin').put('/api/kpi/settings', { ...body, options: { ...body.options, ...options } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function report(point: { lng: number; lat: number }) {
  const res = await api('inspector').post('/api/cases', { matterCode: '09006', description: '占道经营', ...point });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  // one grid of each of three streets; the middle of its bounding box lies in it (the demo grids are rectangles)
  const grids = await ctx.database.db
    .selectFrom('grids')
    .select(['street_id', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .orderBy('code')
    .execute();
  for (const g of grids) {
    if (streets.length === 3) break;
    if (!g.street_id || streets.some((x) => x.id === g.street_id)) continue;
    streets.push({
      id: g.street_id,
      point: { lng: (g.min_lng + g.max_lng) / 2, lat: (g.min_lat + g.max_lat) / 2 },
    });
  }
  expect(streets).toHaveLength(3);
  for (const [i, street] of streets.entries()) {
    const c = await report(street.point);
    if (i < 2) await driveToClosed(ctx.app, s, c.id);
    else {
      await step(ctx.app, s, 'operator', c.id, { action: 'accept' });
      const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
      await step(ctx.app, s, 'shiftleader', c.id, { action: 'file', filingConditionId: conditions[0].id });
      const sanitationId = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0].id;
      const dispatched = await step(ctx.app, s, 'dispatcher', c.id, { action: 'dispatch', unitId: sanitationId });
      ctx.clock.set(new Date(Date.parse(dispatched.handlingDeadline) + 3_600_000));
      await ctx.app.services.cases.sweep(ctx.clock.now());
    }
  }
});
afterAll(async () => ctx?.close());

describe('the monthly ranking rules', () => {
  it('ranks nobody on one case each under the default minimum, and says so', async () => {
    const r = await ranking();
    expect(r.rules).toMatchObject({ minCases: 5, topTie: 'none', bottomCount: 3 });
    expect(r.rows).toEqual([]);
    expect(r.unranked.map((x: Row) => x.id).sort()).toEqual(streets.map((x) => x.id).sort());
    expect(r.unranked.every((x: Row) => x.rank === null)).toBe(true);
    expect(r.redFlag).toBeNull();
    expect(r.redFlags).toEqual([]);
    expect(r.bottom).toEqual([]);
  });

  it('shares rank 1 between equal scores, flags neither, and keeps the tied one off the bottom list', async () => {
    const settings = await putOptions({ minCases: 1, bottomCount: 2 });
    expect(settings.options).toMatchObject({ minCases: 1, bottomCount: 2, topTie: 'none' });
    const r = await ranking();
    // streets without any case take no part at all
    expect(r.rows.map((x: Row) => x.id).sort()).toEqual(streets.map((x) => x.id).sort());
    expect(r.unranked).toEqual([]);
    const [first, second, third] = r.rows as Row[];
    expect([first?.rank, second?.rank, third?.rank]).toEqual([1, 1, 3]);
    expect(first?.score).toBe(100);
    expect(second?.score).toBe(100);
    expect(third?.id).toBe(streets[2]?.id);
    expect(r.redFlag).toBeNull();
    expect(r.redFlags).toEqual([]);
    expect(r.bottom.map((x: Row) => x.id)).toEqual([streets[2]?.id]);
  });

  it('gives a shared flag to every first place under the shared rule', async () => {
    await putOptions({ topTie: 'shared' });
    const r = await ranking();
    expect(r.redFlags.map((x: Row) => x.id).sort()).toEqual([streets[0]?.id, streets[1]?.id].sort());
    expect(r.redFlag).toBeNull();
    expect(r.bottom.map((x: Row) => x.id)).toEqual([streets[2]?.id]);
  });

  it('keeps the rules when a console that does not know them saves the settings', async () => {
    const { parts: _p, updatedAt: _u, ...body } = (await api('admin').get('/api/kpi/settings')).json();
    const res = await api('admin').put('/api/kpi/settings', {
      ...body,
      options: { excludeSuspended: false, bottomCount: 2 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().options).toMatchObject({ minCases: 1, topTie: 'shared' });
    const bad = await api('admin').put('/api/kpi/settings', { ...body, options: { ...body.options, topTie: 'all' } });
    expect(bad.statusCode).toBe(400);
  });

  it('ranks only units that handled cases in the month, here and on the 大屏', async () => {
    const r = await ranking('unit');
    // every case went to 环卫所: the other units take no part
    expect(r.rows).toHaveLength(1);
    expect(r.unranked).toEqual([]);
    const dash = await api('leader').get('/api/dashboard/summary');
    expect(dash.statusCode, dash.body).toBe(200);
    expect(dash.json().unitRanking).toEqual([expect.objectContaining({ unitId: r.rows[0].id, rank: 1 })]);
  });
});
