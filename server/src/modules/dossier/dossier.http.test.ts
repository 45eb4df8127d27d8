import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { pdfText } from '../../testing/pdf-text.ts';
import { as, createTestApp, firstSignIn, type Session, type TestContext } from '../../testing/test-app.ts';

/** Printable 案卷: the PDF opens and holds the case sheet, the whole timeline, the 督办单 and the photos. */
let ctx: TestContext;
let s: Record<string, Session>;
let closedId = '';
const api = (who: string) => as(ctx.app, s[who]!);

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const c = await api('inspector').post('/api/cases', {
    matterCode: '09006',
    description: '案卷测试 人行道占道经营',
    lng: 114.975,
    lat: 30.1,
  });
  expect(c.statusCode, c.body).toBe(201);
  closedId = c.json().id;
}, 120_000);
afterAll(async () => ctx.close());

describe('the 案卷 PDF', () => {
  it('opens as a PDF with the embedded CJK font and holds the sheet, every timeline row, the 督办单 and photo times', async () => {
    // a 督办单 while the unit handles it, then the whole loop to 结案
    const sanitation = (await api('admin').get('/api/org/units?q=SANITATION')).json().items[0];
    await step(ctx.app, s, 'operator', closedId, { action: 'accept' });
    const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
    await step(ctx.app, s, 'shiftleader', closedId, { action: 'file', filingConditionId: conditions[0].id });
    await step(ctx.app, s, 'dispatcher', closedId, { action: 'dispatch', unitId: sanitation.id });
    const order = await api('leader').post('/api/supervision', {
      caseId: closedId,
      level: 'key',
      reason: '市民多次投诉需加快',
    });
    expect(order.statusCode, order.body).toBe(201);
    await step(ctx.app, s, 'handler', closedId, { action: 'report_back', note: '已清理' });
    const inspectorId = (await api('inspector').get('/api/auth/me')).json().user.id;
    await step(ctx.app, s, 'operator', closedId, { action: 'send_check', userId: inspectorId });
    await step(ctx.app, s, 'inspector', closedId, { action: 'check_pass' });
    await step(ctx.app, s, 'shiftleader', closedId, { action: 'close', note: '办结', publicReply: '已处理' });

    const res = await api('leader').get(`/api/cases/${closedId}/dossier.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+WenQuanYiZenHei/);
    // a photo is embedded as an image
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');

    const text = pdfText(pdf);
    const detail = (await api('leader').get(`/api/cases/${closedId}`)).json();
    expect(text).toContain(detail.caseNo);
    expect(text).toContain('案卷测试 人行道占道经营');
    // every timeline row: its time in the city's zone and its action, with the actor
    for (const e of detail.timeline as { at: string; action: string; actorName: string | null }[]) {
      expect(text, e.action).toContain(zonedDateTime(e.at, 'Asia/Shanghai'));
      if (e.actorName) expect(text, e.action).toContain(e.actorName);
    }
    for (const label of ['受理', '立案', '派遣', '督办', '处置反馈', '发核查', '核查通过', '结案'])
      expect(text, label).toContain(label);
    expect(text).toContain(order.json().orderNo);
    expect(text).toContain('市民多次投诉需加快');
    for (const p of detail.photos as { createdAt: string }[])
      expect(text).toContain(`上传 ${zonedDateTime(p.createdAt, 'Asia/Shanghai')}`);
  });

  it('is the same 404 as a missing case to a user who may not see the case', async () => {
    // a street-bound inspector of another street sees neither the case nor its 案卷
    const streets = (await api('admin').get('/api/org/regions?pageSize=100')).json().items as {
      id: string;
      kind: string;
    }[];
    const detail = (await api('leader').get(`/api/cases/${closedId}`)).json();
    const located = (await api('admin').get(`/api/geo/locate?lng=${detail.lng}&lat=${detail.lat}`)).json();
    const elsewhere = streets.find((r) => r.kind === 'street' && r.id !== located.street.id)!;
    const created = await api('admin').post('/api/org/users', {
      username: 'farinspector',
      displayName: '外街道监督员',
      password: 'Far#Street2024',
      grants: [{ role: 'inspector', regionId: elsewhere.id }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const far = await firstSignIn(ctx.app, 'farinspector', 'Far#Street2024', 'Far#Chosen2024');
    expect((await as(ctx.app, far).get(`/api/cases/${closedId}/dossier.pdf`)).statusCode).toBe(404);
    // an anonymous caller gets 401
    expect((await as(ctx.app, null).get(`/api/cases/${closedId}/dossier.pdf`)).statusCode).toBe(401);
  });
});
