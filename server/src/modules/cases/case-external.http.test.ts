import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portraitJpegWithGps } from '../../testing/photo.fixtures.ts';
import { driveToClosed, staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/** Cases from outside the bureau: intake without a staff actor, tracking token, rating, reopening. */
let ctx: TestContext;
let s: Record<string, Session>;
let tenantId: string;
const POINT = { lng: 114.975, lat: 30.1 };
const PHONE = '13912345678';

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  tenantId = (await ctx.app.services.org.publicTenant())!.id;
});
afterAll(async () => ctx.close());

const cases = () => ctx.app.services.cases;
const citizen = (extra: Record<string, unknown> = {}) => ({
  channel: 'public' as const,
  matterCode: '09006',
  description: '小区门口有人占道卖菜',
  ...POINT,
  reporterName: '张三',
  reporterPhone: PHONE,
  reporterEmail: 'zhangsan@example.cn',
  deviceId: 'device-0001',
  source: '市民随手拍',
  ...extra,
});

async function uploadAsStaff(session: Session, data: Buffer): Promise<string> {
  const boundary = 'cityloopboundary';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/photos',
    payload,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('external intake', () => {
  it('files a citizen report as a normal case with the public channel, a token and a received notice', async () => {
    const r = await cases().intake(tenantId, citizen(), { scope: 'device-0001', key: null });
    expect(r.status).toBe(201);
    expect(r.caseNo).toMatch(/^420281-20240312-\d{5}$/);
    expect(r.token.length).toBeGreaterThanOrEqual(20);
    expect(await cases().findByToken(tenantId, r.token)).toBe(r.caseId);
    expect(await cases().findByToken(tenantId, r.token + 'x')).toBeNull();
    const staff = (await as(ctx.app, s.operator!).get(`/api/cases/${r.caseId}`)).json();
    expect(staff.status).toBe('reported');
    expect(staff.channel).toBe('public');
    expect(staff.timeline[0].actorName).toBe('市民随手拍');
    const notices = await ctx.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', r.caseId)
      .execute();
    expect(notices.map((n) => n.kind)).toEqual(['case.received']);
    expect(notices[0]!.phone).toBe(PHONE);
    // Only the token's hash is stored.
    const row = await ctx.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', r.caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(r.token);
  });

  it('a retry with the same key returns the first case and token, never a second case', async () => {
    const first = await cases().intake(tenantId, citizen({ description: '重试不重复' }), {
      scope: 'device-0002',
      key: 'citizen-key-01',
    });
    const again = await cases().intake(tenantId, citizen({ description: '重试不重复' }), {
      scope: 'device-0002',
      key: 'citizen-key-01',
    });
    expect(again.replayed).toBe(true);
    expect([again.caseId, again.caseNo, again.token]).toEqual([first.caseId, first.caseNo, first.token]);
    const n = await ctx.database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('description', '=', '重试不重复')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('refuses an unknown matter and a point outside the city with field paths, writing nothing', async () => {
    await expect(
      cases().intake(tenantId, citizen({ matterCode: '99999' }), { scope: 'x', key: null }),
    ).rejects.toMatchObject({ code: 'CASE_UNKNOWN_MATTER' });
    await expect(
      cases().intake(tenantId, citizen({ lng: 116.4, lat: 39.9 }), { scope: 'x', key: null }),
    ).rejects.toMatchObject({ code: 'CASE_OUTSIDE_TENANT' });
  });

  it('attaches an external photo and serves it publicly without EXIF, but never staff photos', async () => {
    const photo = await ctx.app.services.photos.uploadExternal(
      tenantId,
      await portraitJpegWithGps(),
      null,
      'device-0003',
    );
    const r = await cases().intake(tenantId, citizen({ photoIds: [photo.id] }), { scope: 'device-0003', key: null });
    const view = await cases().publicView(tenantId, r.caseId);
    expect(view.photos.map((p) => p.id)).toEqual([photo.id]);
    const res = await ctx.app.inject({ method: 'GET', url: view.photos[0]!.url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.rawPayload.includes(Buffer.from('GPS'))).toBe(false);
    // The same photo cannot be attached twice.
    await expect(
      cases().intake(tenantId, citizen({ photoIds: [photo.id] }), { scope: 'device-0003', key: null }),
    ).rejects.toMatchObject({ status: 400 });
    // A staff upload on an inspector's case is not public: the same 404 as a missing id.
    const staffPhoto = await uploadAsStaff(s.inspector!, await portraitJpegWithGps());
    const staffCase = await as(ctx.app, s.inspector!).post('/api/cases', {
      matterCode: '09006',
      description: '巡查发现',
      ...POINT,
      photoIds: [staffPhoto],
    });
    expect(staffCase.statusCode, staffCase.body).toBe(201);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/photos/${staffPhoto}` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/photos/no-such-photo' })).statusCode).toBe(404);
  });
});

describe('public view, rating and reopening', () => {
  it('shows a public timeline with no reporter or staff identity, then rates and reopens after closing', async () => {
    const r = await cases().intake(tenantId, citizen({ description: '井盖缺失请尽快处理' }), {
      scope: 'device-0004',
      key: null,
    });
    await driveToClosed(ctx.app, s, r.caseId, '已更换井盖');
    const view = await cases().publicView(tenantId, r.caseId);
    expect(view.status).toBe('closed');
    expect(view.open).toBe(false);
    expect(view.statusNotes).toBe('已更换井盖');
    expect(view.unitName).toBeTruthy();
    expect(view.timeline.map((e) => e.status)).toEqual([
      'reported',
      'pending_filing',
      'pending_dispatch',
      'handling',
      'reported_back',
      'checking',
      'pending_close',
      'closed',
    ]);
    expect(view.timeline.filter((e) => e.note).map((e) => e.note)).toEqual(['已更换井盖']);
    const text = JSON.stringify(view);
    const staffNames = (await ctx.database.db.selectFrom('users').select('display_name').execute()).map(
      (u) => u.display_name,
    );
    for (const secret of [PHONE, '张三', 'zhangsan@example.cn', 'device-0001', ...staffNames])
      expect(text).not.toContain(secret);
    expect(view.reopenUntil).toBe(new Date(Date.parse(view.closedAt!) + 7 * 86_400_000).toISOString());

    // The frozen test clock gives both notices the same time: compare as a set.
    const notices = await ctx.database.db
      .selectFrom('notifications')
      .select('kind')
      .where('case_id', '=', r.caseId)
      .execute();
    expect(notices.map((n) => n.kind).sort()).toEqual(['case.closed', 'case.received']);

    await cases().rate(tenantId, r.caseId, { value: 'unsatisfied', source: 'citizen', note: '还有积水' });
    expect((await cases().publicView(tenantId, r.caseId)).satisfaction).toBe('unsatisfied');
    await cases().reopen(tenantId, r.caseId, { reason: '井盖又松动了', source: '市民' });
    const reopened = (await as(ctx.app, s.dispatcher!).get(`/api/cases/${r.caseId}`)).json();
    expect(reopened.status).toBe('pending_dispatch');
    const row = await ctx.database.db
      .selectFrom('cases')
      .select(['reopen_count', 'closed_at'])
      .where('id', '=', r.caseId)
      .executeTakeFirstOrThrow();
    expect([Number(row.reopen_count), row.closed_at]).toEqual([1, null]);
    await expect(cases().rate(tenantId, r.caseId, { value: 'satisfied', source: 'citizen' })).rejects.toMatchObject({
      code: 'CASE_NOT_CLOSED',
    });
  });

  it('refuses reopening after the configured window', async () => {
    const r = await cases().intake(tenantId, citizen({ description: '路灯不亮' }), { scope: 'device-0005', key: null });
    await driveToClosed(ctx.app, s, r.caseId);
    const saved = ctx.clock.now();
    try {
      ctx.clock.advance(8 * 86_400_000);
      await expect(cases().reopen(tenantId, r.caseId, { reason: '又坏了', source: '市民' })).rejects.toMatchObject({
        code: 'CASE_REOPEN_EXPIRED',
      });
      expect((await cases().publicView(tenantId, r.caseId)).reopenUntil).toBeNull();
    } finally {
      ctx.clock.set(saved);
    }
  });

  it('lists public cases without voided ones, filtered by number and open state', async () => {
    const r = await cases().intake(tenantId, citizen({ description: '列表测试' }), { scope: 'device-0006', key: null });
    const byNo = await cases().publicList(tenantId, { caseNos: [r.caseNo], limit: 10, offset: 0 });
    expect(byNo.items.map((c) => c.caseNo)).toEqual([r.caseNo]);
    expect(byNo.items[0]).not.toHaveProperty('timeline');
    expect(JSON.stringify(byNo)).not.toContain(PHONE);
    const open = await cases().publicList(tenantId, { open: true, limit: 1000, offset: 0 });
    expect(open.items.every((c) => c.open)).toBe(true);
    expect(
      (await cases().publicList(tenantId, { open: false, limit: 1000, offset: 0 })).items.every(
        (c) => c.status === 'closed',
      ),
    ).toBe(true);
  });
});
