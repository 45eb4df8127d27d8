import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAfterPhoto } from '../../testing/after-photo.ts';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, firstSignIn, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** 督办单 over HTTP on a real database: issue → reply on time or late → escalation by the sweep, scope, figures. */
let ctx: TestContext;
let s: Record<string, Session>;
let sanitationId = '';
let otherUnitId = '';
const DAY = 86_400_000;

const api = (who: string) => as(ctx.app, s[who]!);

/** Moves the frozen clock (the sessions are made to outlive the jumps, see createTestApp below). */
async function jump(to: Date) {
  ctx.clock.set(to);
}

/** A fresh case dispatched to 环卫 (SANITATION), at the clock's current instant. */
async function dispatchedCase(unitId = sanitationId): Promise<string> {
  const c = await api('inspector').post('/api/cases', {
    matterCode: '09006',
    description: '督办测试 占道经营',
    lng: 114.975,
    lat: 30.1,
  });
  expect(c.statusCode, c.body).toBe(201);
  const id = c.json().id as string;
  await step(ctx.app, s, 'operator', id, { action: 'accept' });
  const conditions = (await api('shiftleader').get('/api/catalog/conditions?matterCode=09006')).json().items;
  await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
  await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId });
  return id;
}

async function issue(caseId: string, body: Record<string, unknown> = {}, who = 'leader') {
  return api(who).post('/api/supervision', { caseId, level: 'general', reason: '群众反复投诉，请尽快处置', ...body });
}

async function reply(orderId: string, who = 'handler') {
  const photo = await uploadAfterPhoto(ctx.app, s[who]!);
  return api(who).post(`/api/supervision/${orderId}/reply`, { text: '已清理占道摊点', photoIds: [photo] });
}

async function tenantCalendar() {
  const me = (await api('leader').get('/api/auth/me')).json();
  return ctx.app.services.calendar.forTenant(me.user.tenantId);
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  s = await staffSessions(ctx.app);
  const units = (await api('admin').get('/api/org/units?pageSize=100')).json().items as {
    id: string;
    code: string;
    active: boolean;
  }[];
  sanitationId = units.find((u) => u.code === 'SANITATION')!.id;
  otherUnitId = units.find(
    (u) => u.code !== 'SANITATION' && u.active && !['OFFICE', 'BUREAU', 'COMMAND'].includes(u.code),
  )!.id;
}, 120_000);
afterAll(async () => ctx.close());

describe('the 督办单 lifecycle', () => {
  it('issues an order with a work-calendar deadline, writes the 督办 step, and takes one reply with evidence', async () => {
    const caseId = await dispatchedCase();
    const res = await issue(caseId, { level: 'key' });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({ level: 'key', status: 'open', targetUnitId: sanitationId, canReply: false });
    expect(order.orderNo).toMatch(/^DB2024-\d{5}$/);
    const cal = await tenantCalendar();
    // 重点: 3 working days from the instant of issue
    expect(order.dueAt).toBe(cal.addLimit(new Date(order.issuedAt), 3, 'work_days').toISOString());
    expect(order.firstDueAt).toBe(order.dueAt);

    const c = (await api('leader').get(`/api/cases/${caseId}`)).json();
    expect(c.escalated).toBe(true);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'escalate', note: '群众反复投诉，请尽快处置' });

    // The target unit sees it and may reply; a reply needs photos
    const seen = (await api('handler').get(`/api/supervision/${order.id}`)).json();
    expect(seen.canReply).toBe(true);
    const noPhoto = await api('handler').post(`/api/supervision/${order.id}/reply`, { text: '已处理', photoIds: [] });
    expect(noPhoto.statusCode).toBe(400);
    // Another unit's staff cannot reply (the dispatcher holds no supervision.reply)
    expect(
      (await api('dispatcher').post(`/api/supervision/${order.id}/reply`, { text: 'x', photoIds: ['p'] })).statusCode,
    ).toBe(403);

    await jump(new Date(ctx.clock.now().getTime() + DAY));
    const replied = await reply(order.id);
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'replied', onTime: true, overdue: false, repliedByName: '周师傅' });
    const photos = (await api('leader').get(`/api/cases/${caseId}`)).json().photos as { id: string; phase: string }[];
    expect(photos.map((p) => p.id)).toContain(replied.json().replyPhotoIds[0]);

    expect((await reply(order.id)).statusCode).toBe(409);
  });

  it('marks an unanswered order overdue and raises it one level per missed deadline, up to 挂牌', async () => {
    const caseId = await dispatchedCase();
    const order = (await issue(caseId)).json();
    const cal = await tenantCalendar();
    const svc = ctx.app.services.supervision;

    // Before the deadline the sweep leaves it alone
    expect((await svc.sweep(new Date(new Date(order.dueAt).getTime() - 60_000))).escalated).toBe(0);

    const late1 = new Date(new Date(order.dueAt).getTime() + 60_000);
    expect((await svc.sweep(late1)).escalated).toBeGreaterThanOrEqual(1);
    let now = (await api('leader').get(`/api/supervision/${order.id}`)).json();
    expect(now).toMatchObject({ level: 'key', overdue: true, escalationCount: 1, status: 'open' });
    expect(now.dueAt).toBe(cal.addLimit(late1, 3, 'work_days').toISOString());
    expect(now.firstDueAt).toBe(order.dueAt);
    // The same sweep again changes nothing
    await svc.sweep(late1);
    expect((await api('leader').get(`/api/supervision/${order.id}`)).json().escalationCount).toBe(1);

    const late2 = new Date(new Date(now.dueAt).getTime() + 60_000);
    await svc.sweep(late2);
    now = (await api('leader').get(`/api/supervision/${order.id}`)).json();
    expect(now).toMatchObject({ level: 'listed', escalationCount: 2 });
    expect(now.dueAt).toBe(cal.addLimit(late2, 2, 'work_days').toISOString());
    const late3 = new Date(new Date(now.dueAt).getTime() + 60_000);
    await svc.sweep(late3);
    now = (await api('leader').get(`/api/supervision/${order.id}`)).json();
    expect(now).toMatchObject({ level: 'listed', escalationCount: 3 });
    expect(now.history.map((h: { kind: string }) => h.kind)).toEqual(['issued', 'escalated', 'escalated', 'escalated']);

    // A late reply is taken, and counts as not on time
    await jump(new Date(late3.getTime() + 60_000));
    const replied = (await reply(order.id)).json();
    expect(replied).toMatchObject({ status: 'replied', onTime: false, overdue: true });
  });

  it('keeps the old 督办 note path: it issues a 一般 order to the handling unit, and stays a note before dispatch', async () => {
    const caseId = await dispatchedCase();
    const c = (await api('leader').get(`/api/cases/${caseId}`)).json();
    const res = await api('leader').post(`/api/cases/${caseId}/transitions`, {
      action: 'escalate',
      version: c.version,
      note: '请加快办理',
    });
    expect(res.statusCode, res.body).toBe(200);
    const list = (await api('leader').get(`/api/supervision?caseId=${caseId}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ level: 'general', targetUnitId: sanitationId, reason: '请加快办理' });

    const fresh = (
      await api('inspector').post('/api/cases', { matterCode: '09006', description: '未派遣', lng: 114.975, lat: 30.1 })
    ).json();
    const noted = await api('leader').post(`/api/cases/${fresh.id}/transitions`, {
      action: 'escalate',
      version: fresh.version,
      note: '关注',
    });
    expect(noted.statusCode, noted.body).toBe(200);
    expect((await api('leader').get(`/api/supervision?caseId=${fresh.id}`)).json().total).toBe(0);
    // Issuing an order on it needs a target unit, by field
    const refused = await issue(fresh.id);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].field).toBe('body.targetUnitId');
  });
});

describe('scope of the issuer', () => {
  let unitLeader: Session;
  beforeAll(async () => {
    const created = await api('admin').post('/api/org/users', {
      username: 'unitleader',
      displayName: '环卫分管领导',
      password: 'Unit#Lead2024',
      grants: [{ role: 'leader', unitId: sanitationId }],
    });
    expect(created.statusCode, created.body).toBe(201);
    unitLeader = await firstSignIn(ctx.app, 'unitleader', 'Unit#Lead2024', 'Unit#Chosen2024');
  });

  it('refuses a 督办单 to a unit outside the issuer’s scope with 403 by field, and writes nothing', async () => {
    const caseId = await dispatchedCase();
    const before = (await api('leader').get(`/api/cases/${caseId}`)).json();
    const res = await as(ctx.app, unitLeader).post('/api/supervision', {
      caseId,
      level: 'key',
      targetUnitId: otherUnitId,
      reason: '越权督办',
    });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('SUPERVISION_TARGET_OUT_OF_SCOPE');
    expect(res.json().error.details[0].field).toBe('body.targetUnitId');
    const after = (await api('leader').get(`/api/cases/${caseId}`)).json();
    expect(after.version).toBe(before.version);
    expect(after.escalated).toBe(false);
    expect((await api('leader').get(`/api/supervision?caseId=${caseId}`)).json().total).toBe(0);

    const ok = await as(ctx.app, unitLeader).post('/api/supervision', { caseId, level: 'key', reason: '本单位督办' });
    expect(ok.statusCode, ok.body).toBe(201);
    const unknown = await issue(caseId, { targetUnitId: '01900000-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
  });

  it('hides a case outside the issuer’s scope as the same 404', async () => {
    const caseId = await dispatchedCase(otherUnitId);
    const res = await as(ctx.app, unitLeader).post('/api/supervision', { caseId, level: 'general', reason: 'x' });
    expect(res.statusCode).toBe(404);
  });
});

describe('figures, list and print', () => {
  it('counts 督办数 and 按期回复率 of a month as computed by hand', async () => {
    // A month of its own: April 2024, after the other tests' orders (March).
    await jump(new Date('2024-04-08T02:00:00.000Z'));
    const from = '2024-04-01T00:00:00.000Z';
    const to = '2024-05-01T00:00:00.000Z';
    const ids: string[] = [];
    for (const level of ['general', 'general', 'key', 'listed', 'general']) {
      const caseId = await dispatchedCase();
      const r = await issue(caseId, { level });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
      ctx.clock.advance(60_000);
    }
    // orders 0 and 2 replied within a day (on time); order 1 replied after its first deadline (late);
    // order 3 left past its deadline (decided, late); order 4 issued last and still within its limit (undecided).
    await jump(new Date(ctx.clock.now().getTime() + DAY));
    await reply(ids[0]!);
    await reply(ids[2]!);
    const o1 = (await api('leader').get(`/api/supervision/${ids[1]}`)).json();
    const o3 = (await api('leader').get(`/api/supervision/${ids[3]}`)).json();
    await jump(new Date(new Date(o3.dueAt).getTime() + 60_000));
    await ctx.app.services.supervision.sweep(ctx.clock.now());
    await jump(new Date(new Date(o1.dueAt).getTime() + 60_000));
    await reply(ids[1]!);
    const o4 = (await api('leader').get(`/api/supervision/${ids[4]}`)).json();
    expect(ctx.clock.now().toISOString() < o4.dueAt).toBe(true);

    const f = await api('leader').get(`/api/supervision/figures?from=${from}&to=${to}`);
    expect(f.statusCode, f.body).toBe(200);
    // issued 5 (3 一般, 1 重点, 1 挂牌); replied 3; decided 4 (3 replied + 1 past due); on time 2 → 2/4 = 0.5
    expect(f.json()).toEqual({
      issued: 5,
      byLevel: { general: 3, key: 1, listed: 1 },
      replied: 3,
      decided: 4,
      onTime: 2,
      onTimeRate: 0.5,
      escalated: 1,
      open: 2,
    });
    // The handling unit's manager sees the same orders (all to 环卫); a window of no orders counts none
    s.unitmanager = await login(ctx.app, 'unitmanager', 'Demo@12345');
    const mine = await api('unitmanager').get(`/api/supervision/figures?from=${from}&to=${to}`);
    expect(mine.json().issued, mine.body).toBe(5);
    const empty = (
      await api('leader').get('/api/supervision/figures?from=2023-01-01T00:00:00Z&to=2023-02-01T00:00:00Z')
    ).json();
    expect(empty).toMatchObject({ issued: 0, onTimeRate: null });
    expect((await api('leader').get(`/api/supervision/figures?from=${to}&to=${from}`)).statusCode).toBe(400);

    // the list: filters, sort, paging
    const overdue = (await api('leader').get(`/api/supervision?from=${from}&to=${to}&status=overdue`)).json();
    expect(overdue.items.map((o: { id: string }) => o.id)).toEqual([ids[3]]);
    const page = (
      await api('leader').get(`/api/supervision?from=${from}&to=${to}&sort=issuedAt&order=asc&pageSize=2&page=2`)
    ).json();
    expect(page.total).toBe(5);
    expect(page.items.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[3]]);
    const listed = (await api('leader').get(`/api/supervision?from=${from}&to=${to}&level=listed`)).json();
    expect(listed.items.map((o: { id: string }) => o.id).sort()).toEqual([ids[3]].sort());
    expect((await api('leader').get('/api/supervision?sort=nope')).statusCode).toBe(400);
    // the operator holds no supervision.read
    expect((await api('operator').get('/api/supervision')).statusCode).toBe(403);

    const csv = await api('leader').get(`/api/exports/supervision-orders.csv?from=${from}&to=${to}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(o1.orderNo);
    expect(csv.body).toContain('督办编号');
  });

  it('prints the order as a Word file', async () => {
    const caseId = await dispatchedCase();
    const order = (await issue(caseId, { level: 'listed' })).json();
    const res = await api('leader').get(`/api/supervision/${order.id}/docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await api('leader').get('/api/supervision/01900000-0000-7000-8000-000000000000/docx')).statusCode).toBe(
      404,
    );
  });
});
