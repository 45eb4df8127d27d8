import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSessions, step } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * Citizens taking part (docs/participation.md): the nearby check and the public list say nothing private, a
 * supporter counts once per phone or device, and a subscription turns each status change into an outbox notice.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const POINT = { lng: 114.97531, lat: 30.10047 };
const PHONE = '13700001234';
const NAME = '欧阳小明';
const ADDRESS = '新冶大道 18 号 3 栋 2 单元';
const EMAIL = 'xiaoming.ouyang@example.cn';

beforeAll(async () => {
  ctx = await createTestApp({ env: { SMS_GATEWAY: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms' } });
  s = await staffSessions(ctx.app);
});
afterAll(async () => ctx.close());

let deviceSeq = 0;
async function call(method: 'GET' | 'POST', url: string, payload?: object, device = 'participation-device-1') {
  return ctx.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { 'x-device-id': device } });
}

async function report(description: string, at = POINT) {
  const res = await call(
    'POST',
    '/api/public/reports',
    { matterCode: '06010', description, ...at, phone: PHONE, address: ADDRESS },
    `reporter-device-${++deviceSeq}`,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { caseNo: string; token: string };
}

const caseIdOf = async (caseNo: string) => (await ctx.app.services.cases.findByNo((await tenant()).id, caseNo))!;
const tenant = async () => (await ctx.app.services.org.publicTenant())!;

describe('nearby open reports', () => {
  it('lists open reports of the same matter nearby, nearest first, with nothing private', async () => {
    // A partner-channel report carries a name, an e-mail and a device id as well as the phone.
    const intake = await ctx.app.services.cases.intake(
      (await tenant()).id,
      {
        channel: 'public',
        matterCode: '06010',
        description: `桥下垃圾成堆，联系电话 ${PHONE}`,
        ...POINT,
        address: ADDRESS,
        reporterName: NAME,
        reporterPhone: PHONE,
        reporterEmail: EMAIL,
        deviceId: 'reporter-device-private',
        source: '市民随手拍',
      },
      { scope: 'participation', key: null },
    );
    const near = { caseNo: intake.caseNo, token: intake.token };
    await report('远处的垃圾', { lng: POINT.lng + 0.02, lat: POINT.lat });
    const res = await call('GET', `/api/public/nearby?matterCode=06010&lng=${POINT.lng}&lat=${POINT.lat}&radius=300`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.radiusM).toBe(300);
    expect(body.items.map((i: { caseNo: string }) => i.caseNo)).toContain(near.caseNo);
    expect(body.items.length).toBeLessThanOrEqual(5);
    expect(body.items.every((i: { distanceM: number }) => i.distanceM <= 300)).toBe(true);
    // No reporter, phone, token or internal id; coordinates no finer than 3 decimals.
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain(PHONE.slice(-4) + '"');
    expect(res.body).not.toContain(NAME);
    expect(res.body).not.toContain(EMAIL);
    expect(res.body).not.toContain('reporter-device-private');
    expect(res.body).not.toContain('18 号');
    expect(res.body).not.toContain(near.token);
    expect(res.body).not.toContain(await caseIdOf(near.caseNo));
    for (const item of body.items) {
      expect(Object.keys(item)).not.toEqual(expect.arrayContaining(['id', 'reporterPhone', 'reporterName']));
      expect(Math.round(item.lng * 1000) / 1000).toBe(item.lng);
      expect(Math.round(item.lat * 1000) / 1000).toBe(item.lat);
    }
  });

  it('refuses an unbounded radius with a field error', async () => {
    const res = await call('GET', `/api/public/nearby?matterCode=06010&lng=${POINT.lng}&lat=${POINT.lat}&radius=50000`);
    expect(res.statusCode).toBe(400);
  });

  it('pages the public list without a total, with the same fields', async () => {
    const res = await call('GET', '/api/public/cases?page=1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 20 });
    expect(typeof body.hasMore).toBe('boolean');
    expect(res.body).not.toContain(PHONE);
    expect(res.body).not.toContain(NAME);
  });
});

describe('我也遇到', () => {
  it('counts one support per phone or device, audits it, and shows the count to staff', async () => {
    const { caseNo } = await report('人行道井盖松动');
    const url = `/api/public/cases/${caseNo}/support`;
    const first = await call('POST', url, {}, 'support-device-a');
    expect(first.json()).toEqual({ added: true, supporters: 1 });
    const again = await call('POST', url, {}, 'support-device-a');
    expect(again.json()).toEqual({ added: false, supporters: 1 });
    const byPhone = await call('POST', url, { phone: '13911112222' }, 'support-device-b');
    expect(byPhone.json()).toEqual({ added: true, supporters: 2 });
    const samePhone = await call('POST', url, { phone: '13911112222' }, 'support-device-c');
    expect(samePhone.json()).toEqual({ added: false, supporters: 2 });

    const id = await caseIdOf(caseNo);
    const staff = await as(ctx.app, s.operator!).get(`/api/cases/${id}/supporters`);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.json()).toEqual({ supporters: 2 });
    const audit = await as(ctx.app, s.admin!).get(`/api/audit?action=case.support&pageSize=50`);
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json().items.filter((r: { entityId: string }) => r.entityId === id)).toHaveLength(2);
    const nearby = await call('GET', `/api/public/nearby?matterCode=06010&lng=${POINT.lng}&lat=${POINT.lat}`);
    expect(nearby.json().items.find((i: { caseNo: string }) => i.caseNo === caseNo)?.supporters).toBe(2);
  });

  it('answers 404 for an unknown case number', async () => {
    const res = await call('POST', '/api/public/cases/420281-20200101-99999/support', {});
    expect(res.statusCode).toBe(404);
  });
});

describe('subscriptions', () => {
  it('turns each status change into an outbox notice with an unsubscribe link, until unsubscribed', async () => {
    const { caseNo } = await report('路灯不亮，晚上很黑');
    const id = await caseIdOf(caseNo);
    const sub = await call('POST', `/api/public/cases/${caseNo}/subscriptions`, {
      channel: 'sms',
      address: '13622223333',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    const { unsubscribeUrl } = sub.json();
    expect(unsubscribeUrl).toMatch(/^\/public\/unsubscribe\/[A-Za-z0-9_-]{16,}$/);

    await step(ctx.app, s, 'operator', id, { action: 'accept' });
    const notices = await ctx.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('case_id', '=', id)
      .where('kind', '=', 'case.status')
      .execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ phone: '13622223333' });
    expect(notices[0]!.message).toContain(caseNo);
    expect(notices[0]!.message).toContain(unsubscribeUrl);

    const token = unsubscribeUrl.split('/').pop();
    const cancel = await call('POST', `/api/public/subscriptions/${token}/cancel`);
    expect(cancel.json()).toEqual({ subscribed: false });
    const conditions = (await as(ctx.app, s.shiftleader!).get('/api/catalog/conditions?matterCode=06010')).json().items;
    await step(ctx.app, s, 'shiftleader', id, { action: 'file', filingConditionId: conditions[0].id });
    const after = await ctx.database.db
      .selectFrom('notifications')
      .select('id')
      .where('case_id', '=', id)
      .where('kind', '=', 'case.status')
      .execute();
    expect(after).toHaveLength(1);
  });

  it('refuses a channel without a gateway, and a bad phone by field', async () => {
    const { caseNo } = await report('绿化带垃圾');
    const wechat = await call('POST', `/api/public/cases/${caseNo}/subscriptions`, {
      channel: 'wechat',
      address: 'oAbCdEf123456',
    });
    expect(wechat.statusCode).toBe(409);
    expect(wechat.json().error.code).toBe('PARTICIPATION_CHANNEL_UNAVAILABLE');
    const bad = await call('POST', `/api/public/cases/${caseNo}/subscriptions`, {
      channel: 'sms',
      address: '010-1234',
    });
    expect(bad.statusCode).toBe(400);
    const channels = await call('GET', '/api/public/subscriptions/channels');
    expect(channels.json()).toEqual({ sms: true, wechat: false });
  });
});
