import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_DIALECT } from '../../testing/test-db.ts';

/**
 * 改类 and void after filing: a filed case that is really another matter is re-classified before dispatch, with a
 * reason; the new filing condition sets its limit; it and a case voided after filing count against 准确立案率.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const api = (who: string) => as(ctx.app, s[who] ?? null);

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['inspector', 'operator', 'shiftleader', 'dispatcher', 'leader'])
    s[u] = await login(ctx.app, u, 'Demo@12345');
});
afterAll(async () => ctx.close());

async function filedCase(description: string) {
  const res = await api('inspector').post('/api/cases', { matterCode: '09006', description, lng: 114.975, lat: 30.1 });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await transition('operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await transition('shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  return id;
}

async function transition(who: string, id: string, body: Record<string, unknown>) {
  const current = (await api(who).get(`/api/cases/${id}`)).json();
  return api(who).post(`/api/cases/${id}/transitions`, { version: current.version, ...body });
}

async function otherMatterCondition() {
  const all = (await api('shiftleader').get('/api/catalog/conditions?pageSize=100')).json().items as {
    id: string;
    matterCode: string;
    active: boolean;
  }[];
  const other = all.find((c) => c.matterCode !== '09006' && c.active);
  if (!other) throw new Error('the demo city has no filing condition of another matter');
  return other;
}

describe(`re-classification (改类) and 准确立案率 (${TEST_DIALECT})`, () => {
  it('refuses a re-classification without a reason, a matter, a changed matter or a condition of the new matter, by field', async () => {
    const id = await filedCase('改类校验 占道经营');
    const other = await otherMatterCondition();
    const same09006 = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items[0];
    const cases: [Record<string, unknown>, string][] = [
      [{ matterCode: other.matterCode, filingConditionId: other.id }, 'body.note'],
      [{ note: '类别错误', filingConditionId: other.id }, 'body.matterCode'],
      [{ note: '类别错误', matterCode: '09006', filingConditionId: same09006.id }, 'body.matterCode'],
      [{ note: '类别错误', matterCode: other.matterCode, filingConditionId: same09006.id }, 'body.filingConditionId'],
    ];
    for (const [body, field] of cases) {
      const res = await transition('shiftleader', id, { action: 'reclassify', ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // a dispatcher holds no case.file: the same 404 as for a case it cannot touch, and nothing changes
    expect(
      (
        await transition('dispatcher', id, {
          action: 'reclassify',
          note: '类别错误',
          matterCode: other.matterCode,
          filingConditionId: other.id,
        })
      ).statusCode,
    ).toBe(404);
    expect((await api('shiftleader').get(`/api/cases/${id}`)).json().matterCode).toBe('09006');
  });

  it('re-classifies a filed case before dispatch: new matter, condition and limit, a timeline row, found under the new name', async () => {
    const id = await filedCase('改类成功 金湖大道');
    const other = await otherMatterCondition();
    const before = (await api('shiftleader').get(`/api/cases/${id}`)).json();
    expect(before.allowedActions).toContain('reclassify');
    const res = await transition('shiftleader', id, {
      action: 'reclassify',
      note: '实为其他类别',
      matterCode: other.matterCode,
      filingConditionId: other.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.status).toBe('pending_dispatch');
    expect(after.matterCode).toBe(other.matterCode);
    const row = after.timeline.at(-1);
    expect(row).toMatchObject({ action: 'reclassify', note: '实为其他类别' });
    expect(row.data.fromMatter.code).toBe('09006');
    expect(row.data.toMatter.code).toBe(other.matterCode);
    const name = row.data.toMatter.name as string;
    const found = (await api('shiftleader').get(`/api/cases?q=${encodeURIComponent(name)}`))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(found).toContain(id);
    // once dispatched, a case is no longer re-classified here (a return brings it back to the dispatcher first)
    expect((await transition('dispatcher', id, { action: 'dispatch' })).statusCode).toBe(200);
    const handling = (await api('shiftleader').get(`/api/cases/${id}`)).json();
    expect(handling.allowedActions).not.toContain('reclassify');
  });

  it('counts cases voided or re-classified after filing against 准确立案率', async () => {
    const kpi = async () => (await api('leader').get('/api/kpi?period=month&at=2024-03&subject=tenant')).json().total;
    const start = await kpi();
    const voidedId = await filedCase('立案后作废 实为重复');
    const voided = await transition('shiftleader', voidedId, {
      action: 'void',
      note: '立案错误',
      voidReason: 'invalid',
    });
    expect(voided.statusCode, voided.body).toBe(200);
    const end = await kpi();
    expect(end.counts.filed - start.counts.filed).toBe(1);
    // this case and the one re-classified above (the other test's first case was never re-classified)
    expect(end.counts.filedVoided).toBe(start.counts.filedVoided + 1);
    expect(end.counts.filedVoided).toBeGreaterThanOrEqual(2);
    const rate = end.indicators.accurateFilingRate.value as number;
    expect(rate).toBeCloseTo(
      Math.round(((end.counts.filed - end.counts.filedVoided) / end.counts.filed) * 10000) / 100,
      1,
    );
    expect(rate).toBeLessThan(100);
  });
});
