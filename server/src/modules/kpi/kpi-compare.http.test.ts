import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 环比 / 同比 per row of the KPI table, on a hand-made March 2024 (zone Asia/Shanghai, +08). Every case is reported
 * at one point (one street) and driven to 结案 by 环卫所 the moment it is reported; "rework" means the first check
 * fails and the second passes (返工).
 *   Mar 2023 (同比):   L1 clean, L2 clean                       → unit: filed 2, rework 0/2 = 0 %
 *   Feb 2024 (环比):   F1 reworked                              → unit: filed 1, rework 1/1 = 100 %
 *   Mar 2024:          M1 clean, M2 reworked, M3 clean          → unit: filed 3, rework 1/3 = 33.33 %
 * "Today" is 2024-04-05: March is finished and compared whole with February (1–29) and March 2023 (1–31).
 * By hand, for 环卫所 and for the street of the point (reports = filed here):
 *   filed/reports  环比 3 − 1 = +2, +200.0 %     同比 3 − 2 = +1, +50.0 %
 *   reworkRate     环比 33.33 − 100 = −66.67 pp   同比 33.33 − 0 = +33.33 pp (no per cent of a zero base)
 *   closeRate      100 in every period: 0 pp, 0.0 %
 * A street without a case in any period compares 0 with 0: a change of 0, no per cent.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const POINT = { lng: 114.975, lat: 30.1 };
let sanitationId = '';
let inspectorId = '';
const api = (who: string) => as(ctx.app, s[who] ?? null);

async function at(utc: string) {
  ctx.clock.set(new Date(utc));
  // a session lives on the clock: sign in again after each jump
  s = await staffSessions(ctx.app);
  sanitationId ||= (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0].id;
  inspectorId ||= (await api('inspector').get('/api/auth/me')).json().user.id;
}

async function closedCase(utc: string, rework: boolean) {
  await at(utc);
  const res = await api('inspector').post('/api/cases', { matterCode: '09006', description: '比较 测试', ...POINT });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitationId });
  await step(ctx.app, s, 'handler', id, { action: 'report_back', note: '已处置' });
  await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
  if (rework) {
    await step(ctx.app, s, 'inspector', id, { action: 'check_fail', note: '未清理干净' });
    await step(ctx.app, s, 'handler', id, { action: 'report_back', note: '已重新处置' });
    await step(ctx.app, s, 'operator', id, { action: 'send_check', userId: inspectorId });
  }
  await step(ctx.app, s, 'inspector', id, { action: 'check_pass' });
  await step(ctx.app, s, 'shiftleader', id, { action: 'close', note: '结案' });
}

const kpi = async (query: string) => {
  const res = await api('leader').get(`/api/kpi?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  ctx = await createTestApp({ env: { LOGIN_PER_MINUTE_IP: '1000' } });
  await closedCase('2023-03-07T02:00:00Z', false); // L1
  await closedCase('2023-03-20T02:00:00Z', false); // L2
  await closedCase('2024-02-06T02:00:00Z', true); // F1
  await closedCase('2024-03-05T02:00:00Z', false); // M1
  await closedCase('2024-03-12T02:00:00Z', true); // M2
  await closedCase('2024-03-31T15:00:00Z', false); // M3: 23:00 on the 31st in +08, still March
  await at('2024-04-05T02:00:00Z');
}, 120_000);
afterAll(async () => ctx?.close());

describe('环比 and 同比 on every row of the KPI table', () => {
  it('gives the unit row its figures a period and a year before, and each change', async () => {
    const k = await kpi('period=month&at=2024-03&subject=unit&compare=true');
    expect(k.comparison.previous).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(k.comparison.lastYear).toEqual({ from: '2023-03-01', to: '2023-03-31' });
    const row = k.rows.find((r: { id: string }) => r.id === sanitationId);
    expect(row.indicators.filed.value).toBe(3);
    expect(row.indicators.reworkRate.value).toBe(33.33);
    const { previous, lastYear } = k.comparison.rows[sanitationId];
    expect(previous.indicators.filed).toBe(1);
    expect(lastYear.indicators.filed).toBe(2);
    expect(previous.indicators.reworkRate).toBe(100);
    expect(lastYear.indicators.reworkRate).toBe(0);
    expect(previous.change.filed).toEqual({ delta: 2, pct: 200 });
    expect(lastYear.change.filed).toEqual({ delta: 1, pct: 50 });
    expect(previous.change.reworkRate).toEqual({ delta: -66.67, pct: -66.7 });
    expect(lastYear.change.reworkRate).toEqual({ delta: 33.33, pct: null });
    expect(previous.change.closeRate).toEqual({ delta: 0, pct: 0 });
    // the composite moves by the difference of the two scores
    expect(previous.change.score.delta).toBeCloseTo(row.score - previous.score, 2);
    // a unit without any case has no figures to compare
    const idle = k.rows.find((r: { id: string; noData: boolean }) => r.id !== sanitationId && r.noData);
    expect(k.comparison.rows[idle.id].previous.score).toBeNull();
    expect(k.comparison.rows[idle.id].previous.change.score).toEqual({ delta: null, pct: null });
    // the total row compares the same way
    expect(k.comparison.total.previous.change.filed).toEqual({ delta: 2, pct: 200 });
  });

  it('gives each street row its own comparison, a quiet street 0 against 0', async () => {
    const k = await kpi('period=month&at=2024-03&subject=street&compare=true');
    const busy = k.rows.filter((r: { counts: { reported?: number } }) => (r.counts.reported ?? 0) > 0);
    expect(busy).toHaveLength(1);
    const { previous, lastYear } = k.comparison.rows[busy[0].id];
    expect(busy[0].indicators.reports.value).toBe(3);
    expect(previous.change.reports).toEqual({ delta: 2, pct: 200 });
    expect(lastYear.change.reports).toEqual({ delta: 1, pct: 50 });
    expect(lastYear.change.reworkRate).toEqual({ delta: 33.33, pct: null });
    const quiet = k.rows.find((r: { id: string }) => r.id !== busy[0].id);
    expect(k.comparison.rows[quiet.id].previous.change.reports).toEqual({ delta: 0, pct: null });
    // every row of the answer has its comparison, and nothing else does
    expect(Object.keys(k.comparison.rows).sort()).toEqual(k.rows.map((r: { id: string }) => r.id).sort());
  });

  it('compares only the rows of the page asked for', async () => {
    const k = await kpi('period=month&at=2024-03&subject=grid&compare=true&pageSize=5');
    expect(Object.keys(k.comparison.rows).sort()).toEqual(k.rows.map((r: { id: string }) => r.id).sort());
    expect(k.comparison.total.lastYear.counts.reported).toBe(2);
  });

  it('the statistics report gives both changes for each indicator and for each street and unit', async () => {
    const r = (await api('leader').get('/api/reports/statistics?period=month&at=2024-03&lang=zh-CN')).json();
    const table = (section: string) => r.sections.find((x: { key: string }) => x.key === section).tables[0];
    const rework = table('quality').rows.find((x: { indicator: string }) => x.indicator === '返工率');
    expect(rework).toEqual({
      indicator: '返工率',
      value: 33.33,
      previous: 100,
      previousChange: '↓66.7个百分点',
      lastYear: 0,
      lastYearChange: '↑33.3个百分点',
    });
    const overdue = table('overdue').rows[0];
    expect(overdue.previousChange).toBe('无可比数据'); // 0 against 0
    const street = table('regions').rows.find((x: { reported: number }) => x.reported === 3);
    expect(street['reported:previousChange']).toBe('↑200.0%');
    expect(street['reported:lastYearChange']).toBe('↑50.0%');
    expect(street['closeRate:previousChange']).toBe('0.0个百分点');
    const unit = table('units').rows.find((x: { dispatched: number }) => x.dispatched === 3);
    expect(unit['dispatched:previousChange']).toBe('↑200.0%');
    expect(unit['dispatched:lastYearChange']).toBe('↑50.0%');
    // every figure of every member table carries both changes, on every row
    for (const key of ['channels', 'classes', 'regions', 'units']) {
      const t = table(key);
      const figures = t.columns.filter((c: { type: string }) => c.type !== 'text');
      expect(figures.length).toBeGreaterThan(3);
      expect(figures.every((c: { changes?: boolean }) => c.changes)).toBe(true);
      for (const row of t.rows)
        for (const c of figures) {
          expect(typeof row[`${c.key}:previousChange`]).toBe('string');
          expect(typeof row[`${c.key}:lastYearChange`]).toBe('string');
        }
    }
    expect(street['filed:previousChange']).toMatch(/^(↑|↓|)[0-9.]+%$|^无可比数据$/);
    expect(unit['overdue:lastYearChange']).toMatch(/^(↑|↓|)[0-9.]+%$|^无可比数据$/);
  });
});
