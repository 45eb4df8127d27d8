import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatReport } from '../../../../common/contracts/reports.ts';
import { withAfterPhoto } from '../../testing/after-photo.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * The 信访投诉 figures and the figure families over HTTP: work orders pushed by 民情通 and 阳光信访, taken through the
 * case loop, the reply and the revisit, and read back as the report's figures and as a 工作总结's placeholders.
 * Clock frozen at 2024-03-12 10:00 +08.
 */
let ctx: TestContext;
const s: Record<string, Session> = {};
const POINT = { lng: 114.975, lat: 30.1 };
const secrets: Record<string, string> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of ['operator', 'shiftleader', 'dispatcher', 'handler', 'inspector', 'leader'])
    s[u] = await login(ctx.app, u, 'Demo@12345');
  s.admin = await login(ctx.app, 'admin', 'Admin@12345');
  for (const source of ['minqingtong', 'petition'])
    secrets[source] = (await api('admin').post(`/api/hotline/sources/${source}/secret`)).json().secret;
}, 180_000);
afterAll(async () => ctx.close());

const api = (who: string) => as(ctx.app, s[who] ?? null);

async function push(source: string, externalNo: string) {
  const res = await ctx.app.inject({
    method: 'POST',
    url: `/api/hotline/webhook/${source}`,
    payload: { externalNo, content: '夜间油烟噪音扰民', address: '新冶大道1号' },
    headers: { authorization: `Bearer ${secrets[source]}` },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function act(id: string, action: string, body: object = {}) {
  const current = (await api('operator').get(`/api/hotline/orders/${id}`)).json();
  const res = await api('operator').post(`/api/hotline/orders/${id}/${action}`, { version: current.version, ...body });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

async function closeCase(caseId: string, matterCode: string) {
  const step = async (who: string, body: Record<string, unknown>) => {
    const current = (await api(who).get(`/api/cases/${caseId}`)).json();
    const sent = await withAfterPhoto(ctx.app, s[who] ?? null, body);
    const res = await api(who).post(`/api/cases/${caseId}/transitions`, { version: current.version, ...sent });
    expect(res.statusCode, `${who} ${String(body.action)}: ${res.body}`).toBe(200);
  };
  await step('operator', { action: 'accept' });
  const conditions = (await api('shiftleader').get(`/api/catalog/conditions?matterCode=${matterCode}`)).json().items;
  await step('shiftleader', { action: 'file', filingConditionId: conditions[0].id });
  const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0];
  await step('dispatcher', { action: 'dispatch', unitId: sanitation.id });
  await step('handler', { action: 'report_back', note: '已责令整改' });
  const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
  await step('operator', { action: 'send_check', userId: inspectorId });
  await step('inspector', { action: 'check_pass' });
  await step('shiftleader', { action: 'close', publicReply: '已处理' });
}

/** An order from push to 回访 (or only to its case, when `upTo` says so). */
async function order(source: string, no: string, matterCode: string, upTo: 'converted' | 'revisited') {
  const id = await push(source, no);
  await act(id, 'sign');
  const converted = await act(id, 'convert', { matterCode, ...POINT });
  if (upTo === 'converted') return;
  await closeCase(converted.caseId, matterCode);
  await act(id, 'reply', { text: '经核查已处理完毕' });
  await act(id, 'revisit', { satisfaction: 'satisfied' });
}

describe('信访投诉 figures', () => {
  it('counts the orders by source and matter class, with 处理率, 回复率 and 满意率', async () => {
    await order('minqingtong', 'MQT-F1', '06027', 'revisited');
    await order('petition', 'XF-F1', '06028', 'revisited');
    await order('minqingtong', 'MQT-F2', '06028', 'converted');
    await order('minqingtong', 'MQT-F3', '09006', 'revisited');

    const report: StatReport = (await api('leader').get('/api/reports/statistics?period=year&at=2024')).json();
    const figures = new Map(report.sections.flatMap((x) => x.figures ?? []).map((f) => [f.key, f]));
    const value = (key: string) => figures.get(key)?.value;
    expect(value('hotline.received')).toBe(4);
    expect(value('hotline.handled')).toBe(3);
    expect(value('hotline.handleRate')).toBe(75);
    expect(value('hotline.source.minqingtong.received')).toBe(3);
    expect(value('hotline.source.petition.received')).toBe(1);
    expect(value('hotline.source.12345.received')).toBe(0);
    expect(value('hotline.class.06028.received')).toBe(2);
    expect(value('hotline.class.06028.replyRate')).toBe(50);
    expect(figures.get('hotline.source.minqingtong.received')?.label).toBe('民情通受理投诉数');
    // the case channels' and major classes' rows as figures
    expect(value('channels.petition.reported')).toBe(1);
    expect(value('channels.hotline.reported')).toBe(3);
    expect(value('classes.06.reported')).toBe(3);
    const section = report.sections.find((x) => x.key === 'hotline');
    expect(section?.paragraphs[0]).toContain('共处理各类投诉4件');

    // a 工作总结 names a group of classes the report does not list: computed for it
    const doc = (await api('leader').post('/api/yearbook/documents', { year: 2024 })).json();
    const body = [
      '处理油烟噪音信访投诉{{hotline.class.06027+06028.received|2024}}起',
      '处理率{{hotline.class.06027+06028.handleRate|2024}}，回复率{{hotline.class.06027+06028.replyRate|2024}}',
      '满意率{{hotline.class.06027+06028.satisfactionRate|2024}}；城建类{{hotline.class.01.received|2024}}件',
    ].join('\n');
    const put = await api('leader').post(`/api/yearbook/documents/${doc.id}/sections`, {
      part: 'summary',
      heading: '信访投诉',
      body,
    });
    expect(put.statusCode, put.body).toBe(201);
    const read = (await api('leader').get(`/api/yearbook/documents/${doc.id}`)).json();
    const got = new Map<string, number | null>(
      read.figures.map((f: { key: string; value: number | null }) => [f.key, f.value]),
    );
    expect(got.get('hotline.class.06027+06028.received')).toBe(3);
    expect(got.get('hotline.class.06027+06028.handleRate')).toBe(66.7);
    expect(got.get('hotline.class.06027+06028.replyRate')).toBe(66.7);
    expect(got.get('hotline.class.06027+06028.satisfactionRate')).toBe(100);
    // a class without orders stands at zero
    expect(got.get('hotline.class.01.received')).toBe(0);

    // a member outside the family's pattern is an unknown key
    const bad = await api('leader').post(`/api/yearbook/documents/${doc.id}/sections`, {
      part: 'summary',
      heading: '错误',
      body: '{{hotline.class.abc.received|2024}} {{channels.petition.nothing|2024}}',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('hotline.class.abc.received');
    expect(bad.body).toContain('channels.petition.nothing');
    // four orders through the whole loop: longer than the default on a busy PostgreSQL
  }, 120_000);

  it('offers the listed members in the figure picker', async () => {
    const list = (await api('leader').get('/api/yearbook/figures?year=2024')).json();
    const keys = list.map((f: { key: string }) => f.key);
    expect(keys).toContain('hotline.received');
    expect(keys).toContain('hotline.source.petition.received');
    expect(keys).toContain('channels.hotline.reported');
  });
});
