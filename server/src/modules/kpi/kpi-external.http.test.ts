import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveToClosed, staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Public reports in the KPIs (with public intake, rating and reopening), by hand on 2024-03-12:
 *   P1  市民随手拍 → 发核实 → 核实 → 立案 … 结案, rated satisfied
 *   P2  市民随手拍 → 受理 → 立案 … 结案, rated unsatisfied, then reopened by the citizen
 *   P3  12345 热线 → voided by the operator
 * By hand: 上报 3, 公众举报 3, 应发核实 1, 应核实 1 (on time), 立案 2, 漏报 (核实属实的公众举报) 2 → 漏报率 100 %,
 * 回访 2, 满意 1 → 满意率 50 %; after the reopening 结案 2 → 1 and 重新打开 1.
 */
let ctx: TestContext;
let s: Record<string, Session>;
let tenantId: string;
const ids = { P1: '', P2: '', P3: '' };
const api = (who: string) => as(ctx.app, s[who] ?? null);
const citizen = (description: string, channel: 'public' | 'hotline' = 'public') => ({
  channel,
  matterCode: '09006',
  description,
  lng: 114.975,
  lat: 30.1,
  reporterName: '张三',
  reporterPhone: '13912345678',
  source: channel === 'public' ? '市民随手拍' : '12345热线',
});
const tenantKpi = async () => {
  const res = await api('leader').get('/api/kpi?period=month&at=2024-03&subject=tenant');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total;
};

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  tenantId = (await ctx.app.services.org.publicTenant())!.id;
  const cases = ctx.app.services.cases;
  ids.P1 = (await cases.intake(tenantId, citizen('P1 占道卖菜'), { scope: 'test', key: null })).caseId;
  ids.P2 = (await cases.intake(tenantId, citizen('P2 占道卖菜'), { scope: 'test', key: null })).caseId;
  ids.P3 = (await cases.intake(tenantId, citizen('P3 热线', 'hotline'), { scope: 'test', key: null })).caseId;
  const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
  await step(ctx.app, s, 'operator', ids.P1, { action: 'send_verify', userId: inspectorId });
  await step(ctx.app, s, 'inspector', ids.P1, { action: 'verify' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', ids.P1, { action: 'file', filingConditionId: conditions[0].id });
  const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0];
  await step(ctx.app, s, 'dispatcher', ids.P1, { action: 'dispatch', unitId: sanitation.id });
  await step(ctx.app, s, 'handler', ids.P1, { action: 'report_back', note: '已处置' });
  await step(ctx.app, s, 'operator', ids.P1, { action: 'send_check', userId: inspectorId });
  await step(ctx.app, s, 'inspector', ids.P1, { action: 'check_pass' });
  await step(ctx.app, s, 'shiftleader', ids.P1, { action: 'close', note: '结案', publicReply: '已处理完毕' });
  await driveToClosed(ctx.app, s, ids.P2);
  await step(ctx.app, s, 'operator', ids.P3, { action: 'void', note: '重复', voidReason: 'duplicate' });
  await cases.rate(tenantId, ids.P1, { value: 'satisfied', source: 'citizen' });
  await cases.rate(tenantId, ids.P2, { value: 'unsatisfied', source: 'hotline_revisit' });
});
afterAll(async () => ctx?.close());

describe('public reports, satisfaction and reopening in the KPIs', () => {
  it('counts public reports, verification, 漏报 and 满意率 by hand', async () => {
    const t = await tenantKpi();
    expect({
      reported: t.counts.reported,
      publicReported: t.counts.publicReported,
      verifySent: t.counts.verifySent,
      needVerify: t.counts.needVerify,
      verifiedOnTime: t.counts.verifiedOnTime,
      filed: t.counts.filed,
      missed: t.counts.missed,
      rated: t.counts.rated,
      satisfied: t.counts.satisfied,
      closed: t.counts.closed,
    }).toEqual({
      reported: 3,
      publicReported: 3,
      verifySent: 1,
      needVerify: 1,
      verifiedOnTime: 1,
      filed: 2,
      missed: 2,
      rated: 2,
      satisfied: 1,
      closed: 2,
    });
    expect(t.indicators.satisfactionRate.value).toBe(50);
    expect(t.indicators.missedReportRate.value).toBe(100);
    expect(t.indicators.onTimeVerifyRate.value).toBe(100);
    const satisfied = (
      await api('leader').get('/api/kpi/drill?period=month&at=2024-03&subject=tenant&counter=satisfied')
    ).json();
    expect(satisfied.items.map((i: { id: string }) => i.id)).toEqual([ids.P1]);
  });

  it('takes a reopened case out of 结案 right away', async () => {
    await ctx.app.services.cases.reopen(tenantId, ids.P2, { reason: '问题没有解决', source: '市民随手拍' });
    const t = await tenantKpi();
    expect(t.counts.closed).toBe(1);
    expect(t.counts.reopened).toBe(1);
    expect(t.indicators.closeRate.value).toBe(100); // P2 is back with the dispatcher and not yet due: 1 of 1 due
  });

  it('lists an escalated (督办) open case and exports the list', async () => {
    await step(ctx.app, s, 'leader', ids.P2, { action: 'escalate', note: '请尽快处理' });
    const list = (await api('leader').get('/api/kpi/lists/escalated')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([ids.P2]);
    expect(list.items[0].escalationCount).toBe(1);
    expect((await tenantKpi()).counts.escalated).toBe(1);
    const xlsx = await api('leader').get('/api/kpi/lists/escalated.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(1).value)).toBe(list.items[0].caseNo);
  });
});
