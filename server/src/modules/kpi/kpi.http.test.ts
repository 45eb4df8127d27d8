import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { createRollup } from './kpi-rollup.ts';

/**
 * The KPI engine over HTTP on a hand-made month. The demo clock is frozen at 2024-03-12 10:00 +08; five
 * cases are reported by the demo inspector and driven by the demo staff:
 *   A  accept → file → dispatch 环卫所 → report back → check → pass → close           (closed on time)
 *   B  self-handled on the spot (自行处置: filed and closed at once, no unit)
 *   C  voided by the operator before filing
 *   D  accept → file → dispatch 环卫所, then the clock passes its handling deadline      (overdue, still open)
 *   E  like A but the first check fails (返工) and the second passes                    (closed on time, reworked)
 * Every expected number below is worked out by hand from these five cases.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const POINT = { lng: 114.975, lat: 30.1 };
const ids: Record<string, string> = {};
let sanitationId = '';
let inspectorId = '';

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function report(description: string, extra: Record<string, unknown> = {}) {
  const res = await api('inspector').post('/api/cases', { matterCode: '09006', description, ...POINT, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function toDispatched(id: string) {
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  return step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitationId });
}

async function checkAndClose(id: string, failFirst = false) {
  await step(ctx.app, s, 'handler', id, { action: 'report_back', note: '已处置' });
  await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
  if (failFirst) {
    await step(ctx.app, s, 'inspector', id, { action: 'check_fail', note: '未清理干净' });
    await step(ctx.app, s, 'handler', id, { action: 'report_back', note: '已重新处置' });
    await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
  }
  await step(ctx.app, s, 'inspector', id, { action: 'check_pass' });
  await step(ctx.app, s, 'shiftleader', id, { action: 'close', note: '结案' });
}

const kpi = async (who: string, query: string) => {
  const res = await api(who).get(`/api/kpi?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  sanitationId = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0].id;
  inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
  ids.A = await report('A 占道经营');
  await toDispatched(ids.A);
  await checkAndClose(ids.A);
  ids.B = await report('B 自行处置', { selfHandled: true });
  ids.C = await report('C 无效上报');
  await step(ctx.app, s, 'operator', ids.C, { action: 'void', note: '无效', voidReason: 'invalid' });
  ids.E = await report('E 返工');
  await toDispatched(ids.E);
  await checkAndClose(ids.E, true);
});
afterAll(async () => ctx?.close());

describe('a hand-made month', () => {
  it('is current right after each change: D dispatched, then overdue after the sweep', async () => {
    ids.D = await report('D 超期');
    const dispatched = await toDispatched(ids.D);
    let month = await kpi('leader', 'period=month&at=2024-03&subject=tenant');
    expect(month.total.counts.dispatched).toBe(3);
    expect(month.total.counts.overdue).toBe(0);
    ctx.clock.set(new Date(Date.parse(dispatched.handlingDeadline) + 3_600_000));
    await ctx.app.services.cases.sweep(ctx.clock.now());
    month = await kpi('leader', 'period=month&at=2024-03&subject=tenant');
    expect(month.total.counts.overdue).toBe(1);
  });

  it('gives the tenant every documented indicator as worked out by hand', async () => {
    const { total } = await kpi('leader', 'period=month&at=2024-03&subject=tenant');
    const c = total.counts;
    expect({
      reported: c.reported,
      inspectorReported: c.inspectorReported,
      validReported: c.validReported,
      voided: c.voided,
      selfHandled: c.selfHandled,
      accepted: c.accepted,
    }).toEqual({ reported: 5, inspectorReported: 5, validReported: 4, voided: 1, selfHandled: 1, accepted: 4 });
    expect({
      filed: c.filed,
      dispatched: c.dispatched,
      needHandle: c.needHandle,
      handled: c.handled,
      overdue: c.overdue,
      reworked: c.reworked,
      closed: c.closed,
      needClose: c.needClose,
      closedOnTime: c.closedOnTime,
      checkSent: c.checkSent,
      needCheck: c.needCheck,
    }).toEqual({
      filed: 4,
      dispatched: 3,
      needHandle: 3,
      handled: 2,
      overdue: 1,
      reworked: 1,
      closed: 3,
      needClose: 4,
      closedOnTime: 3,
      checkSent: 3,
      needCheck: 3,
    });
    const v = (k: string) => total.indicators[k].value;
    expect(v('validReportRate')).toBe(80); // 4 / 5
    expect(v('closeRate')).toBe(75); // 3 / 4
    expect(v('onTimeCloseRate')).toBe(75); // 3 / 4
    expect(v('reworkRate')).toBe(25); // 1 / 4
    expect(v('handleRate')).toBe(66.67); // 2 / 3
    expect(v('overdueRate')).toBe(33.33); // 1 / 3
    expect(v('onTimeCheckRate')).toBe(100); // 3 / 3
    expect(v('onTimeDispatchRate')).toBe(100); // 3 / 3
    expect(v('missedReportRate')).toBe(0); // 0 public reports / 4 filed
    expect(v('onTimeVerifyRate')).toBeNull(); // nothing to verify: no data, never NaN
    expect(v('satisfactionRate')).toBeNull();
    // Region formula (docs/standards.md, "KPI weights"): 100×10 % + 立案数分值 100×20 % + 75×30 % + 75×40 % = 82.5 → B
    expect(total.score).toBe(82.5);
    expect(total.grade).toBe('B');
  });

  it('scores the handling unit and every post by hand', async () => {
    const unit = (await kpi('leader', `period=month&at=2024-03&subject=unit&id=${sanitationId}`)).rows[0];
    expect(unit.counts.filed).toBe(3);
    expect(unit.indicators.closeRate.value).toBe(66.67); // A, E of A, D, E
    expect(unit.indicators.onTimeHandleRate.value).toBe(66.67);
    expect(unit.indicators.reworkRate.value).toBe(33.33);
    // 100×10 % + 66.67×30 % + 66.67×30 % + (100 − 33.33)×30 % = 70.0 → C
    expect(unit.score).toBe(70);
    expect(unit.grade).toBe('C');

    const inspector = (await kpi('leader', `period=month&at=2024-03&subject=inspector&id=${inspectorId}`)).rows[0];
    // 有效上报率 80 ×40 + 按时核查率 100 ×20; 漏报率 and 按时核实率 have no data and their weights are rescaled
    expect(inspector.counts.reported).toBe(5);
    expect(inspector.score).toBe(86.67);
    const dispatcher = (await kpi('leader', 'period=month&at=2024-03&subject=dispatcher')).rows.find(
      (r: { counts: { dispatched: number } }) => r.counts.dispatched > 0,
    );
    // 派遣数分值 (3 ≤ 300 → 0)×20 + 按时派遣率 100×40 + 准确派遣率 100×40 = 80
    expect(dispatcher.score).toBe(80);
    const shift = (await kpi('leader', 'period=month&at=2024-03&subject=shiftLeader')).rows.find(
      (r: { counts: { filed: number } }) => r.counts.filed > 0,
    );
    expect(shift.counts.filed).toBe(3);
    expect(shift.counts.closeSteps).toBe(2);
    expect(shift.score).toBe(100);
    const operator = (await kpi('leader', 'period=month&at=2024-03&subject=operator')).rows.find(
      (r: { counts: { accepted: number } }) => r.counts.accepted > 0,
    );
    // 受理数分值 (4 → 0)×25 + 核查按时派发率 100×35, 核实 none → (0 + 3500) / 60 = 58.33 → D
    expect(operator.counts.accepted).toBe(4);
    expect(operator.score).toBe(58.33);
    expect(operator.grade).toBe('D');
  });

  it('drills down from a number to the cases behind it', async () => {
    const closed = (
      await api('leader').get('/api/kpi/drill?period=month&at=2024-03&subject=tenant&counter=closed')
    ).json();
    expect(closed.total).toBe(3);
    expect(closed.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.A, ids.B, ids.E].sort());
    const overdue = (
      await api('leader').get(`/api/kpi/drill?period=month&at=2024-03&subject=unit&id=${sanitationId}&counter=overdue`)
    ).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([ids.D]);
    const list = (await api('leader').get('/api/kpi/lists/overdue')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([ids.D]);
  });

  it('matches a recomputation of the month from the raw rows, and a full rebuild', async () => {
    const { db } = ctx.database;
    const tenantId = (
      await db.selectFrom('tenants').select('id').where('code', '=', '420281').executeTakeFirstOrThrow()
    ).id;
    // Raw rows: March 2024 local (+08) is [2024-02-29T16:00Z, 2024-03-31T16:00Z).
    const raw = await db.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).execute();
    const inMarch = (iso: string | null) =>
      !!iso && iso >= '2024-02-29T16:00:00.000Z' && iso < '2024-03-31T16:00:00.000Z';
    const units = (await kpi('leader', 'period=month&at=2024-03&subject=unit')).rows;
    const streets = (await kpi('leader', 'period=month&at=2024-03&subject=street')).rows;
    for (const [rows, key] of [
      [units, 'unit_id'],
      [streets, 'street_id'],
    ] as const) {
      for (const row of rows) {
        const mine = raw.filter((c) => c[key] === row.id);
        const filed = mine.filter((c) => inMarch(c.filed_at));
        expect(row.counts.reported, `${row.name} reported`).toBe(mine.filter((c) => inMarch(c.reported_at)).length);
        expect(row.counts.filed, `${row.name} filed`).toBe(filed.length);
        expect(row.counts.closed, `${row.name} closed`).toBe(filed.filter((c) => c.status === 'closed').length);
        expect(row.counts.needClose).toBe(filed.filter((c) => c.status === 'closed' || c.overdue === 1).length);
        expect(row.counts.overdue).toBe(filed.filter((c) => c.overdue === 1 && c.dispatched_at).length);
        expect(row.counts.reworked).toBe(filed.filter((c) => c.rework_count > 0).length);
        expect(row.counts.selfHandled).toBe(mine.filter((c) => inMarch(c.reported_at) && c.self_handled === 1).length);
      }
    }
    const before = await kpi('leader', 'period=month&at=2024-03&subject=street');
    await createRollup(ctx.database).rebuild(tenantId);
    const after = await kpi('leader', 'period=month&at=2024-03&subject=street');
    expect(after).toEqual(before);
    // Every case queued again and drained by two drainers at once (two app instances): nothing counted twice.
    await db.deleteFrom('kpi_dirty').execute();
    await db
      .insertInto('kpi_dirty')
      .columns(['case_id', 'tenant_id', 'mark'])
      .expression((eb) => eb.selectFrom('cases').select(['id', 'tenant_id', eb.val('again').as('mark')]))
      .execute();
    await Promise.all([createRollup(ctx.database).drain(tenantId), createRollup(ctx.database).drain(tenantId)]);
    expect(await kpi('leader', 'period=month&at=2024-03&subject=street')).toEqual(before);
  });
});

describe('bad input, empty periods, scope and settings', () => {
  it('refuses an invalid period or subject with 400 naming the field', async () => {
    for (const q of [
      'period=month&at=2024-13&subject=tenant',
      'period=quarter&at=2024-Q5&subject=unit',
      'period=custom&from=2024-03-10&to=2024-03-01&subject=tenant',
      'period=week&at=2024-03&subject=tenant',
      'period=month&at=2024-03&subject=planet',
    ]) {
      const res = await api('leader').get(`/api/kpi?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.details[0].field).toMatch(/^query\./);
    }
  });

  it('gives zeros and "no data" for an empty period, never NaN', async () => {
    const res = await api('leader').get('/api/kpi?period=year&at=2019&subject=unit');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toMatch(/NaN|null,"numerator":NaN/);
    const body = res.json();
    expect(body.rows.length).toBeGreaterThan(0);
    for (const row of body.rows) {
      expect(row.noData).toBe(true);
      expect(row.score).toBeNull();
      expect(row.counts.filed).toBe(0);
      expect(row.indicators.closeRate.value).toBeNull();
    }
  });

  it('shows a unit manager only their unit, and refuses the tenant view', async () => {
    const own = await kpi('unitmanager', 'period=month&at=2024-03&subject=unit');
    expect(own.rows.map((r: { id: string }) => r.id)).toEqual([sanitationId]);
    expect((await api('unitmanager').get('/api/kpi?period=month&at=2024-03&subject=tenant')).statusCode).toBe(403);
    const other = (await api('admin').get('/api/org/units?q=PARKS')).json().items[0];
    if (other)
      expect(
        (await api('unitmanager').get(`/api/kpi?period=month&at=2024-03&subject=unit&id=${other.id}`)).statusCode,
      ).toBe(404);
  });

  it('refuses a weight set that does not sum to 100 % with a message, then accepts a corrected one', async () => {
    const current = (await api('admin').get('/api/kpi/settings')).json();
    const { parts: _parts, updatedAt: _u, ...body } = current;
    const bad = structuredClone(body);
    bad.weights.unit.closeRate = 20;
    const res = await api('admin').put('/api/kpi/settings', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.weights.unit', message: expect.stringContaining('90') }),
    ]);
    expect((await api('leader').put('/api/kpi/settings', body)).statusCode).toBe(403);
    const good = structuredClone(body);
    good.weights.unit = { filedScore: 0, closeRate: 100, onTimeHandleRate: 0, reworkRate: 0 };
    expect((await api('admin').put('/api/kpi/settings', good)).statusCode).toBe(200);
    const unit = (await kpi('leader', `period=month&at=2024-03&subject=unit&id=${sanitationId}`)).rows[0];
    expect(unit.score).toBe(66.67);
    expect((await api('admin').put('/api/kpi/settings', body)).statusCode).toBe(200);
  });

  it('keeps count bands as settings: they score the count parts, stay when a PUT leaves them out, and bad ones are refused by field', async () => {
    const current = (await api('admin').get('/api/kpi/settings')).json();
    const { parts: _parts, updatedAt: _u, ...body } = current;
    expect(body.bands.dispatched.length).toBeGreaterThan(0);
    const filedOnly = structuredClone(body);
    filedOnly.weights.unit = { filedScore: 100, closeRate: 0, onTimeHandleRate: 0, reworkRate: 0 };
    filedOnly.bands.filed = [{ threshold: 1_000_000, score: 33 }];
    expect((await api('admin').put('/api/kpi/settings', filedOnly)).statusCode).toBe(200);
    expect((await kpi('leader', `period=month&at=2024-03&subject=unit&id=${sanitationId}`)).rows[0].score).toBe(33);
    const { bands: _b, ...withoutBands } = filedOnly;
    expect((await api('admin').put('/api/kpi/settings', withoutBands)).statusCode).toBe(200);
    expect((await api('admin').get('/api/kpi/settings')).json().bands.filed).toEqual([
      { threshold: 1_000_000, score: 33 },
    ]);
    const bad = structuredClone(body);
    bad.bands.dispatched = [
      { threshold: 10, score: 90 },
      { threshold: 10, score: 80 },
    ];
    const res = await api('admin').put('/api/kpi/settings', bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'body.bands.dispatched[1].threshold' }),
    ]);
    expect((await api('admin').put('/api/kpi/settings', body)).statusCode).toBe(200);
  });

  it('ranks units for the month with the 流动红旗 and exports the ranking', async () => {
    // three cases are below the default minimum of five: listed, never ranked
    const small = (await api('leader').get('/api/kpi/rankings?month=2024-03&subject=unit')).json();
    expect(small.rows).toEqual([]);
    expect(small.unranked.map((r: { id: string }) => r.id)).toEqual([sanitationId]);
    const { parts: _p, updatedAt: _u, ...body } = (await api('admin').get('/api/kpi/settings')).json();
    const put = (minCases: number) =>
      api('admin').put('/api/kpi/settings', { ...body, options: { ...body.options, minCases } });
    expect((await put(1)).statusCode).toBe(200);
    const r = (await api('leader').get('/api/kpi/rankings?month=2024-03&subject=unit')).json();
    expect(r.rows[0].id).toBe(sanitationId);
    expect(r.rows[0].rank).toBe(1);
    expect(r.redFlag).toBeNull(); // 70 is below the B threshold: no red flag this month
    const xlsx = await api('leader').get('/api/kpi/rankings.xlsx?month=2024-03&subject=unit');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect((await api('leader').get('/api/kpi/rankings?month=2024-3&subject=unit')).statusCode).toBe(400);
    // streets: the only street with cases scores 82.5 (B) → the 流动红旗; one ranked street leaves no bottom list;
    // streets without a case take no part
    const streets = (await api('leader').get('/api/kpi/rankings?month=2024-03&subject=street')).json();
    expect(streets.redFlag).toMatchObject({ rank: 1, score: 82.5, grade: 'B' });
    expect(streets.bottom).toEqual([]);
    expect(streets.rows).toHaveLength(1);
    expect((await put(5)).statusCode).toBe(200);
  });

  it('pages and sorts the grids on the server, names their community, and keeps the total over every grid', async () => {
    const gridCount = Number(
      (
        await ctx.database.db
          .selectFrom('grids')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(gridCount).toBeGreaterThan(20);
    const first = await kpi('leader', 'period=month&at=2024-03&subject=grid');
    expect(first.paging).toEqual({ rowCount: gridCount, page: 1, pageSize: 50, sort: 'score' });
    expect(first.rows.length).toBe(Math.min(50, gridCount));
    // best score first; the grid holding the month's cases is rank 1 and named by its community
    expect(first.rows[0]).toMatchObject({ rank: 1, noData: false, parentName: expect.any(String) });
    expect(first.rows[0].parentName.length).toBeGreaterThan(0);
    expect(first.rows.at(-1).rank).toBeNull();
    expect(first.total.counts.reported).toBe(5);

    const byName = async (page: number) =>
      (await kpi('leader', `period=month&at=2024-03&subject=grid&sort=name&pageSize=10&page=${page}`)).rows.map(
        (r: { id: string }) => r.id,
      );
    const [p1, p2] = [await byName(1), await byName(2)];
    expect(p1).toHaveLength(10);
    expect([...p1, ...p2]).toEqual([...p1, ...p2].sort());
    expect(new Set([...p1, ...p2]).size).toBe(20);
    const desc = await kpi('leader', 'period=month&at=2024-03&subject=grid&sort=name&order=desc&pageSize=1');
    expect(desc.rows[0].id > p1[0]).toBe(true);

    // other subjects page only when asked, and then the same way
    expect((await kpi('leader', 'period=month&at=2024-03&subject=unit')).paging).toBeUndefined();
    const units = await kpi('leader', 'period=month&at=2024-03&subject=unit&sort=closeRate&pageSize=1');
    expect(units.rows).toHaveLength(1);
    expect(units.rows[0].id).toBe(sanitationId);
    expect(units.paging.rowCount).toBeGreaterThan(1);

    for (const bad of ['sort=nope', 'pageSize=500', 'page=0', 'order=up']) {
      const res = await api('leader').get(`/api/kpi?period=month&at=2024-03&subject=grid&${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('gives the grid scores of a map viewport with their polygons, and refuses a bad viewport', async () => {
    const near = `${POINT.lng - 0.001},${POINT.lat - 0.001},${POINT.lng + 0.001},${POINT.lat + 0.001}`;
    const res = await api('leader').get(`/api/kpi/grid-map?period=month&at=2024-03&bbox=${near}`);
    expect(res.statusCode, res.body).toBe(200);
    const map = res.json();
    expect(map.capped).toBe(false);
    const scored = map.items.filter((g: { score: number | null }) => g.score !== null);
    expect(scored).toHaveLength(1);
    expect(scored[0]).toMatchObject({ grade: expect.any(String), communityName: expect.any(String) });
    expect(['Polygon', 'MultiPolygon']).toContain(scored[0].geometry.type);
    const grids = await kpi('leader', 'period=month&at=2024-03&subject=grid&pageSize=1');
    expect(scored[0]).toMatchObject({ code: grids.rows[0].id, score: grids.rows[0].score });
    // far away: nothing
    const far = await api('leader').get('/api/kpi/grid-map?period=month&at=2024-03&bbox=10,10,10.1,10.1');
    expect(far.json().items).toEqual([]);
    for (const bad of ['bbox=1,2,3', 'bbox=5,5,4,4', '']) {
      const r = await api('leader').get(`/api/kpi/grid-map?period=month&at=2024-03&${bad}`);
      expect(r.statusCode, bad).toBe(400);
    }
  });
});
