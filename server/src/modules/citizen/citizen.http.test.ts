import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, uploadPublicPhoto } from '../../testing/citizen.fixtures.ts';
import { driveToClosed, staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestApp, type TestContext } from '../../testing/test-app.ts';

/** The citizen H5's public API on a real database, anonymous like a citizen's phone. */
let ctx: TestContext;
let s: Record<string, Session>;
const POINT = { lng: 114.975, lat: 30.1 };
const PHONE = '13987654321';
const DEVICE = 'citizen-device-0001';

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
});
afterAll(async () => ctx.close());

type Headers = Record<string, string>;
const get = (url: string, headers: Headers = {}) => ctx.app.inject({ method: 'GET', url, headers });
const post = (url: string, payload: object, headers: Headers = {}) =>
  ctx.app.inject({ method: 'POST', url, payload, headers });

const uploadPhoto = (app: TestApp, headers: Headers = {}) =>
  uploadPublicPhoto(app, { 'x-device-id': DEVICE, ...headers });

const report = (extra: Record<string, unknown> = {}, headers: Headers = {}) =>
  post(
    '/api/public/reports',
    { matterCode: '06010', description: '小区门口垃圾堆了三天没人清', ...POINT, ...extra },
    { 'x-device-id': DEVICE, ...headers },
  );

describe('city info, map and matters', () => {
  it('tells the city, the reopen window and where the map starts', async () => {
    const res = await get('/api/public/info');
    expect(res.statusCode).toBe(200);
    const info = res.json();
    expect(info).toMatchObject({
      city: { code: '420281', name: '大冶市' },
      reopenDays: 7,
      maxPhotos: 3,
      basemap: null,
      smsEnabled: false,
    });
    expect(info.center.lng).toBeGreaterThan(114.5);
    expect(info.center.lat).toBeGreaterThan(29.8);
    // The extent is the city's box and the centre is its middle (the phone pages start their maps there).
    const { west, south, east, north } = info.extent;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(info.center.lng).toBeCloseTo((west + east) / 2, 9);
    expect(info.center.lat).toBeCloseTo((south + north) / 2, 9);
  });

  it('serves the city outline and named streets as GeoJSON, no grids', async () => {
    const map = (await get('/api/public/map')).json();
    const kinds = new Set(map.features.map((f: { properties: { kind: string } }) => f.properties.kind));
    expect(kinds.has('tenant')).toBe(true);
    expect([...kinds].every((k) => ['tenant', 'street', 'town'].includes(k as string))).toBe(true);
    expect(map.features.some((f: { properties: { name: string } }) => /街道|镇$/.test(f.properties.name))).toBe(true);
  });

  it('finds matters by plain words, pages them, and offers the common ones without a query', async () => {
    const q = async (term: string) =>
      (await get(`/api/public/matters?q=${encodeURIComponent(term)}`))
        .json()
        .items.map((m: { name: string }) => m.name);
    expect((await q('垃圾'))[0]).toBe('暴露垃圾');
    expect(await q('井盖')).toEqual(expect.arrayContaining(['不明井盖异常', '污水井盖异常']));
    expect(await q('占道')).toContain('占道经营');
    expect((await q('摆摊'))[0]).toBe('占道经营');
    const page = (await get('/api/public/matters?q=%E4%BA%95%E7%9B%96&pageSize=2&page=2')).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThan(4);
    const common = (await get('/api/public/matters')).json();
    expect(common.items.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(common.items[0]).sort()).toEqual(['code', 'majorName', 'name']);
    expect((await get(`/api/public/matters?q=${'垃'.repeat(41)}`)).statusCode).toBe(400);
  });

  it('answers 404 for a city that is not served', async () => {
    const res = await get('/api/public/info', { 'x-city': '110101' });
    expect(res.statusCode).toBe(404);
  });
});

describe('reporting', () => {
  it('takes a photo, then a report with a phone: case number and private token; a retry answers the same', async () => {
    const photo = await uploadPhoto(ctx.app, { 'idempotency-key': 'photo-key-0001' });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(Object.keys(photo.json())).toEqual(['id']);
    const body = { phone: PHONE, address: '东岳路 88 号', photoIds: [photo.json().id] };
    const first = await report(body, { 'idempotency-key': 'report-key-0001' });
    expect(first.statusCode, first.body).toBe(201);
    const { caseNo, token } = first.json();
    expect(caseNo).toMatch(/^420281-20240312-\d{5}$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const again = await report(body, { 'idempotency-key': 'report-key-0001' });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual({ caseNo, token });
    const rows = await ctx.database.db
      .selectFrom('cases')
      .select(['id', 'channel', 'reporter_phone', 'device_id'])
      .where('case_no', '=', caseNo)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: 'public', reporter_phone: PHONE, device_id: DEVICE });
    const sameDevice = await ctx.database.db
      .selectFrom('cases')
      .select('id')
      .where('device_id', '=', DEVICE)
      .where('address', '=', '东岳路 88 号')
      .execute();
    expect(sameDevice).toHaveLength(1);
  });

  it('lets only the uploading device, from its address, put a photo on a report; others get the unknown-photo error', async () => {
    const photo = (await uploadPhoto(ctx.app)).json().id;
    const otherDevice = await report({ photoIds: [photo] }, { 'x-device-id': 'citizen-device-0099' });
    expect(otherDevice.statusCode, otherDevice.body).toBe(400);
    expect(otherDevice.json().error).toMatchObject({ code: 'PHOTO_UNKNOWN', details: [{ field: 'body.photoIds.0' }] });
    const otherAddress = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: '203.0.113.9',
      headers: { 'x-device-id': DEVICE },
      payload: { matterCode: '06010', description: '小区门口垃圾堆了三天没人清', ...POINT, photoIds: [photo] },
    });
    expect(otherAddress.statusCode, otherAddress.body).toBe(400);
    expect(otherAddress.json().error.code).toBe('PHOTO_UNKNOWN');
    const unknown = await report({ photoIds: ['no-such-photo-id'] });
    expect(unknown.json().error.code).toBe('PHOTO_UNKNOWN');
    // The uploading device itself still can.
    const own = await report({ photoIds: [photo] });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('refuses bad input with field paths, never a 5xx', async () => {
    const fields = async (res: Awaited<ReturnType<typeof report>>) => {
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.details.map((d: { field: string }) => d.field);
    };
    expect(await fields(await report({ phone: '12345' }))).toContain('body.phone');
    expect(await fields(await report({ description: '脏' }))).toContain('body.description');
    expect(await fields(await report({ matterCode: '99999' }))).toContain('body.matterCode');
    const outside = await report({ lng: 116.4, lat: 39.9 });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('CASE_OUTSIDE_TENANT');
    expect(await fields(await report({}, { 'x-device-id': 'bad id!' }))).toEqual(['headers.x-device-id']);
    expect(await fields(await report({}, { 'idempotency-key': 'short' }))).toEqual(['headers.idempotency-key']);
    expect(await fields(await report({ photoIds: ['a', 'b', 'c', 'd'] }))).toContain('body.photoIds');
    const notPhoto = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      ...multipart(Buffer.from('not an image at all, just text'.repeat(10))),
    });
    expect(notPhoto.statusCode).toBe(415);
    const noFile = await post('/api/public/photos', { file: 'x' });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('tracking, rating and reopening', () => {
  it('shows the public timeline by token; rating waits for closing; after closing the citizen rates and may reopen', async () => {
    const photo = (await uploadPhoto(ctx.app)).json().id;
    const { token, caseNo } = (
      await report({ phone: PHONE, photoIds: [photo], description: '人行道上垃圾堆了好几天' })
    ).json();
    const view = (await get(`/api/public/track/${token}`)).json();
    expect(view).toMatchObject({
      caseNo,
      status: 'reported',
      open: true,
      matterName: '暴露垃圾',
      satisfaction: null,
      reopenUntil: null,
    });
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['report']);
    expect(view.photos).toHaveLength(1);
    const thumb = await get(view.photos[0].thumbUrl);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');

    const early = await post(`/api/public/track/${token}/rating`, { value: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASE_NOT_CLOSED');

    const id = (await ctx.app.services.cases.findByToken((await ctx.app.services.org.publicTenant())!.id, token))!;
    await driveToClosed(ctx.app, s, id, '垃圾已清运');
    const closed = (await get(`/api/public/track/${token}`)).json();
    expect(closed.status).toBe('closed');
    expect(closed.open).toBe(false);
    expect(closed.statusNotes).toBe('垃圾已清运');
    // the closing 办理意见 is internal: only 答复市民 reaches the citizen
    expect(JSON.stringify(closed)).not.toContain('维修基金');
    expect(closed.reopenUntil).not.toBeNull();

    const rated = await post(`/api/public/track/${token}/rating`, { value: 'basically_satisfied', note: '处理及时' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().satisfaction).toBe('basically_satisfied');
    const rerated = (await post(`/api/public/track/${token}/rating`, { value: 'unsatisfied' })).json();
    expect(rerated.satisfaction).toBe('unsatisfied');
    expect((await post(`/api/public/track/${token}/rating`, { value: 'great' })).statusCode).toBe(400);

    expect((await post(`/api/public/track/${token}/reopen`, { reason: '短' })).statusCode).toBe(400);
    const reopened = await post(`/api/public/track/${token}/reopen`, { reason: '又堆满了垃圾，还是没人管' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'pending_dispatch', open: true });
    expect(reopened.json().timeline.at(-1).action).toBe('reopen');
    const row = await ctx.database.db
      .selectFrom('cases')
      .select(['reopen_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(row.reopen_count)).toBe(1);
    const twice = await post(`/api/public/track/${token}/reopen`, { reason: '再次申请重新办理' });
    expect(twice.statusCode).toBe(409);
  });

  it('promises no date before filing: expectedAt is the handling deadline once a unit has the case, never the acceptance clock', async () => {
    const { token } = (await report({ description: '路边垃圾桶满了溢出来' })).json();
    const before = (await get(`/api/public/track/${token}`)).json();
    expect(before).toMatchObject({ status: 'reported', open: true, expectedAt: null });

    const id = (await ctx.app.services.cases.findByToken((await ctx.app.services.org.publicTenant())!.id, token))!;
    await step(ctx.app, s, 'operator', id, { action: 'accept' });
    expect((await get(`/api/public/track/${token}`)).json().expectedAt).toBeNull();
    const conditions = (await as(ctx.app, s.shiftleader!).get('/api/catalog/conditions?matterCode=06010')).json().items;
    await step(ctx.app, s, 'shiftleader', id, {
      action: 'file',
      ...(conditions[0] ? { filingConditionId: conditions[0].id } : {}),
    });
    // The handling clock starts when a unit has the case.
    const sanitation = (await as(ctx.app, s.admin!).get('/api/org/units?q=SANITATION')).json().items[0];
    const dispatched = await step(ctx.app, s, 'dispatcher', id, { action: 'dispatch', unitId: sanitation.id });
    const after = (await get(`/api/public/track/${token}`)).json();
    expect(dispatched.handlingDeadline).toBeTruthy();
    expect(after.expectedAt).toBe(dispatched.handlingDeadline);
  });

  it('refuses reopening after the window (setting case.reopenDays)', async () => {
    const { token } = (await report({ description: '路边垃圾没人清理' })).json();
    const tenantId = (await ctx.app.services.org.publicTenant())!.id;
    await driveToClosed(ctx.app, s, (await ctx.app.services.cases.findByToken(tenantId, token))!);
    const saved = ctx.clock.now();
    ctx.clock.advance(8 * 86_400_000);
    try {
      const late = await post(`/api/public/track/${token}/reopen`, { reason: '问题又出现了，请再处理' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('CASE_REOPEN_EXPIRED');
    } finally {
      ctx.clock.set(saved);
    }
  });

  it('answers the same 404 for an unknown, a malformed and an over-long token', async () => {
    for (const t of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'not a token', 'x'.repeat(120), 'x'.repeat(300)]) {
      const res = await get(`/api/public/track/${encodeURIComponent(t)}`);
      expect(res.statusCode, t).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });
});

describe('the reopen window is a setting', () => {
  it('administrators change it (0–90 days); the public info and the reopen deadline follow', async () => {
    const admin = as(ctx.app, s.admin!);
    expect((await as(ctx.app, s.operator!).get('/api/citizen/settings')).json()).toEqual({ reopenDays: 7 });
    expect((await as(ctx.app, s.operator!).put('/api/citizen/settings', { reopenDays: 3 })).statusCode).toBe(403);
    expect((await admin.put('/api/citizen/settings', { reopenDays: 91 })).json().error.details[0].field).toBe(
      'body.reopenDays',
    );
    const saved = await admin.put('/api/citizen/settings', { reopenDays: 3 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ reopenDays: 3 });
    expect((await get('/api/public/info')).json().reopenDays).toBe(3);
    const { token } = (await report({ description: '绿化带里有建筑垃圾' })).json();
    const tenantId = (await ctx.app.services.org.publicTenant())!.id;
    await driveToClosed(ctx.app, s, (await ctx.app.services.cases.findByToken(tenantId, token))!);
    const view = (await get(`/api/public/track/${token}`)).json();
    expect(Date.parse(view.reopenUntil) - Date.parse(view.closedAt)).toBe(3 * 86_400_000);
    await admin.put('/api/citizen/settings', { reopenDays: 7 });
  });
});
