import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/** Staff notices: who sees which (roles, unit), when (the window), read marks, and who may write. */
let ctx: TestContext;
let s: Record<string, Session>;
const units: Record<string, string> = {};
const START = new Date('2024-03-12T02:00:00Z');
const MINUTE = 60_000;

beforeAll(async () => {
  ctx = await createTestApp();
  ctx.clock.set(START);
  s = await staffSessions(ctx.app);
  for (const u of (await as(ctx.app, s.admin!).get('/api/org/units?pageSize=100')).json().items) units[u.code] = u.id;
});
afterAll(async () => ctx.close());

const publish = async (body: Record<string, unknown>, who = 'admin') => {
  const res = await as(ctx.app, s[who]!).post('/api/notices/manage', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const mine = async (who: string) => {
  const res = await as(ctx.app, s[who]!).get('/api/notices');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; read: boolean; title: string }[]; unread: number };
};
const sees = async (who: string, id: string) => (await mine(who)).items.some((n) => n.id === id);

describe('staff notices', () => {
  it('reach everyone when they name no audience, and each reader marks them read for themselves', async () => {
    const id = await publish({ title: '本周六系统维护', body: '周六 22:00–23:00 暂停服务' });
    for (const who of ['inspector', 'operator', 'handler', 'leader', 'admin'])
      expect(await sees(who, id), who).toBe(true);
    const before = await mine('operator');
    const read = await as(ctx.app, s.operator!).post(`/api/notices/${id}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().unread).toBe(before.unread - 1);
    expect(read.json().items.find((n: { id: string }) => n.id === id).read).toBe(true);
    // once is enough, and it is the operator's mark only
    expect((await as(ctx.app, s.operator!).post(`/api/notices/${id}/read`)).json().unread).toBe(before.unread - 1);
    expect((await mine('inspector')).items.find((n) => n.id === id)?.read).toBe(false);
    const managed = (await as(ctx.app, s.admin!).get('/api/notices/manage')).json();
    expect(managed.items.find((n: { id: string }) => n.id === id).readCount).toBe(1);
  });

  it('reach only the roles and the unit they name', async () => {
    const handlers = await publish({ title: '处置人员请上传处置后照片', body: '照片为必填', roles: ['unitHandler'] });
    expect(await sees('handler', handlers)).toBe(true);
    expect(await sees('inspector', handlers)).toBe(false);
    expect(await sees('unitmanager', handlers)).toBe(false);

    const sanitation = await publish({ title: '环卫所通知', body: '明早 7 点集合', unitId: units.SANITATION });
    expect(await sees('handler', sanitation)).toBe(true);
    expect(await sees('unitmanager', sanitation)).toBe(true);
    expect(await sees('operator', sanitation)).toBe(false);
    const other = Object.entries(units).find(([code]) => code !== 'SANITATION')![1];
    const elsewhere = await publish({ title: '其他单位通知', body: '仅限本单位', unitId: other });
    expect(await sees('handler', elsewhere)).toBe(false);
    // outside the audience, marking it read is the same 404 as a notice that does not exist
    expect((await as(ctx.app, s.handler!).post(`/api/notices/${elsewhere}/read`)).statusCode).toBe(404);
  });

  it('show inside their publish window only', async () => {
    const later = await publish({
      title: '下周起执行新考核办法',
      body: '详见附件',
      publishFrom: new Date(START.getTime() + 10 * MINUTE).toISOString(),
      publishUntil: new Date(START.getTime() + 20 * MINUTE).toISOString(),
    });
    expect(await sees('inspector', later)).toBe(false);
    expect((await as(ctx.app, s.inspector!).post(`/api/notices/${later}/read`)).statusCode).toBe(404);
    ctx.clock.set(new Date(START.getTime() + 15 * MINUTE));
    expect(await sees('inspector', later)).toBe(true);
    ctx.clock.set(new Date(START.getTime() + 20 * MINUTE));
    expect(await sees('inspector', later)).toBe(false);
    ctx.clock.set(START);
    // the administrator's list shows every notice whatever its window
    const managed = (await as(ctx.app, s.admin!).get('/api/notices/manage?pageSize=100')).json();
    expect(managed.items.map((n: { id: string }) => n.id)).toContain(later);
  });

  it('are written by administrators and leaders only, with field errors for a bad window or unit', async () => {
    const body = { title: '标题', body: '内容' };
    for (const who of ['inspector', 'operator', 'handler'])
      expect((await as(ctx.app, s[who]!).post('/api/notices/manage', body)).statusCode, who).toBe(403);
    const id = await publish({ title: '领导通知', body: '请做好防汛准备' }, 'leader');
    const bad = await as(ctx.app, s.admin!).post('/api/notices/manage', {
      ...body,
      publishFrom: '2024-03-12T02:00:00Z',
      publishUntil: '2024-03-12T01:00:00Z',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.publishUntil');
    const unknown = await as(ctx.app, s.admin!).post('/api/notices/manage', { ...body, unitId: 'no-such-unit' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('body.unitId');
    const empty = await as(ctx.app, s.admin!).post('/api/notices/manage', { title: '', body: '' });
    expect(empty.statusCode).toBe(400);

    const changed = await as(ctx.app, s.admin!).put(`/api/notices/manage/${id}`, {
      title: '领导通知（更正）',
      body: '改',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await mine('inspector')).items.find((n) => n.id === id)?.title).toBe('领导通知（更正）');
    expect((await as(ctx.app, s.admin!).delete(`/api/notices/manage/${id}`)).statusCode).toBe(200);
    expect(await sees('inspector', id)).toBe(false);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['notice.create', 'notice.update', 'notice.delete']);
  });
});
