import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogGateway } from '../notify/index.ts';
import { createTestApp, type TestContext } from '../../testing/test-app.ts';
import { LOOKUP_LIMITS } from './citizen.routes.ts';

/**
 * Lookup by case number and the last 4 digits of the reporter's phone, confirmed by a one-time SMS code
 * (docs/security.md, "Lookup by case number and phone"), on a real database with an SMS gateway configured. The
 * code is read from the notice outbox, where the gateway would pick it up.
 */
let ctx: TestContext;
let off: TestContext;
const POINT = { lng: 114.975, lat: 30.1 };
const PHONE = '13912345678';

beforeAll(async () => {
  [ctx, off] = await Promise.all([
    createTestApp({ env: { SMS_GATEWAY: 'http', SMS_HTTP_URL: 'http://127.0.0.1:9/sms' } }),
    createTestApp(),
  ]);
});
afterAll(async () => {
  await Promise.all([ctx.close(), off.close()]);
});

let reportNo = 0;
/** A citizen report; answers its case number and id. */
async function reportCase(phone: string | null): Promise<{ caseNo: string; caseId: string; token: string }> {
  reportNo += 1;
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    remoteAddress: `10.50.0.${reportNo}`,
    headers: { 'x-device-id': `lookup-device-${reportNo}` },
    payload: {
      matterCode: '06010',
      description: `查询测试 ${reportNo} 路边垃圾`,
      ...POINT,
      ...(phone ? { phone } : {}),
    },
  });
  expect(res.statusCode).toBe(201);
  const { caseNo, token } = res.json() as { caseNo: string; token: string };
  const row = await ctx.database.db
    .selectFrom('cases')
    .select('id')
    .where('case_no', '=', caseNo)
    .executeTakeFirstOrThrow();
  return { caseNo, caseId: row.id, token };
}

const lookup = (body: object, ip: string, app = ctx.app) =>
  app.inject({ method: 'POST', url: '/api/public/lookup', remoteAddress: ip, payload: body });
const verify = (body: object, ip: string, app = ctx.app) =>
  app.inject({ method: 'POST', url: '/api/public/lookup/verify', remoteAddress: ip, payload: body });

const codeNotices = (caseId: string) =>
  ctx.database.db
    .selectFrom('notifications')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', 'lookup.code')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The code of the case's newest lookup SMS, as the gateway would send it. */
async function sentCode(caseId: string): Promise<string> {
  const notices = await codeNotices(caseId);
  const code = notices.at(-1)?.message ?? '';
  expect(code).toMatch(/^\d{6}$/);
  return code;
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
/** An error body without its request id, to compare answers. */
const errorOf = (res: { json(): unknown }) => {
  const { error } = res.json() as { error: Record<string, unknown> };
  const { requestId: _requestId, ...rest } = error;
  return rest;
};

describe('lookup by case number and phone', () => {
  it('sends a code to the reporter phone, and a right code opens the case once', async () => {
    const c = await reportCase(PHONE);
    const sent = await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.60.0.1');
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ expiresInMinutes: 10 });
    expect(sent.headers['cache-control']).toBe('no-store');
    const [notice] = await codeNotices(c.caseId);
    expect(notice).toMatchObject({ phone: PHONE, kind: 'lookup.code', sent_at: null });
    const code = await sentCode(c.caseId);
    // Only an HMAC of the code is stored with the lookup.
    const stored = await ctx.database.db
      .selectFrom('public_lookup_codes')
      .selectAll()
      .where('case_id', '=', c.caseId)
      .executeTakeFirstOrThrow();
    expect(stored.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(code);

    const opened = await verify({ caseNo: c.caseNo, code }, '10.60.0.1');
    expect(opened.statusCode).toBe(200);
    const result = opened.json() as { caseNo: string; token: string; expiresAt: string };
    expect(result.caseNo).toBe(c.caseNo);
    expect(result.expiresAt).toBe(new Date(ctx.clock.now().getTime() + 24 * 3_600_000).toISOString());
    expect(result.token).not.toBe(c.token);
    expect(JSON.stringify(result)).not.toContain(PHONE.slice(-4));

    // The access token opens the tracking routes like the tracking token; the view never carries the phone.
    const view = await ctx.app.inject({ method: 'GET', url: `/api/public/track/${result.token}` });
    expect(view.statusCode).toBe(200);
    expect(view.json().caseNo).toBe(c.caseNo);
    expect(view.body).not.toContain(PHONE);

    // A code works once.
    const again = await verify({ caseNo: c.caseNo, code }, '10.60.0.1');
    expect(again.statusCode).toBe(400);
    expect(errorOf(again)).toMatchObject({
      code: 'PUBLIC_LOOKUP_CODE_INVALID',
      details: [{ field: 'body.code', rule: 'code', message: '验证码不正确或已失效，请重新获取' }],
    });
  });

  it('answers a wrong phone, a case without phone and a missing case exactly like a match, and sends nothing', async () => {
    const withPhone = await reportCase(PHONE);
    const withoutPhone = await reportCase(null);
    const day = withPhone.caseNo.split('-')[1];
    const answers = [
      await lookup({ caseNo: withPhone.caseNo, phoneLast4: '5678' }, '10.61.0.1'),
      await lookup({ caseNo: withPhone.caseNo, phoneLast4: '0000' }, '10.61.0.2'),
      await lookup({ caseNo: withoutPhone.caseNo, phoneLast4: '5678' }, '10.61.0.3'),
      await lookup({ caseNo: `420281-${day}-99999`, phoneLast4: '5678' }, '10.61.0.4'),
    ];
    for (const a of answers) {
      expect(a.statusCode).toBe(202);
      expect(a.body).toBe(answers[0]!.body);
      expect(a.headers['content-type']).toBe(answers[0]!.headers['content-type']);
    }
    expect(await codeNotices(withPhone.caseId)).toHaveLength(1);
    expect(await codeNotices(withoutPhone.caseId)).toHaveLength(0);

    // Trying a code: the case that got one (wrong code) and those that did not answer the same.
    const code = await sentCode(withPhone.caseId);
    const refusals = [
      await verify({ caseNo: withPhone.caseNo, code: otherCode(code) }, '10.61.0.5'),
      await verify({ caseNo: withoutPhone.caseNo, code }, '10.61.0.5'),
      await verify({ caseNo: `420281-${day}-99999`, code }, '10.61.0.5'),
    ];
    for (const r of refusals) {
      expect(r.statusCode).toBe(400);
      expect(errorOf(r)).toEqual(errorOf(refusals[0]!));
    }
  });

  it('limits tries per code: after 5 wrong codes even the right one is refused', async () => {
    const c = await reportCase(PHONE);
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.62.0.1')).statusCode).toBe(202);
    const code = await sentCode(c.caseId);
    for (let i = 0; i < 5; i += 1)
      expect((await verify({ caseNo: c.caseNo, code: otherCode(code) }, '10.62.0.1')).statusCode).toBe(400);
    const right = await verify({ caseNo: c.caseNo, code }, '10.62.0.1');
    expect(right.statusCode).toBe(400);
    expect(right.json().error.code).toBe('PUBLIC_LOOKUP_CODE_INVALID');
  });

  it('accepts a right code after a wrong one, and only the newest code of a case', async () => {
    const c = await reportCase(PHONE);
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.63.0.1')).statusCode).toBe(202);
    const first = await sentCode(c.caseId);
    // Within a minute no second SMS goes out: the first is still on its way.
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.63.0.1')).statusCode).toBe(202);
    expect(await codeNotices(c.caseId)).toHaveLength(1);
    ctx.clock.advance(61_000);
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.63.0.1')).statusCode).toBe(202);
    const second = await sentCode(c.caseId);
    expect(await codeNotices(c.caseId)).toHaveLength(2);
    if (first !== second) expect((await verify({ caseNo: c.caseNo, code: first }, '10.63.0.1')).statusCode).toBe(400);
    expect((await verify({ caseNo: c.caseNo, code: otherCode(second) }, '10.63.0.1')).statusCode).toBe(400);
    expect((await verify({ caseNo: c.caseNo, code: second }, '10.63.0.1')).statusCode).toBe(200);
  });

  it('refuses an expired code, and the dispatcher drops an expired unsent code', async () => {
    const c = await reportCase(PHONE);
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.64.0.1')).statusCode).toBe(202);
    const code = await sentCode(c.caseId);
    ctx.clock.advance(10 * 60_000);
    expect((await verify({ caseNo: c.caseNo, code }, '10.64.0.1')).statusCode).toBe(400);
    await ctx.app.services.notify.dispatch();
    const [notice] = await codeNotices(c.caseId);
    expect(notice).toMatchObject({ sent_at: null, message: '' });
    expect(notice!.failed_at).not.toBeNull();
  });

  it('sends through the gateway without logging the code or the phone, then blanks the outbox row', async () => {
    const c = await reportCase(PHONE);
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.65.0.1')).statusCode).toBe(202);
    const code = await sentCode(c.caseId);
    const logged: object[] = [];
    const notify = ctx.app.services.notify;
    notify.useGateway(createLogGateway(() => ({ info: (o) => logged.push(o), warn: (o) => logged.push(o) })));
    await notify.dispatch();
    const text = JSON.stringify(logged);
    expect(text).toContain('lookup.code');
    expect(text).not.toContain(code);
    expect(text).not.toContain(PHONE);
    const [notice] = await codeNotices(c.caseId);
    expect(notice!.sent_at).not.toBeNull();
    expect(notice!.message).toBe('');
    // The code still works: it was delivered, only the outbox copy is gone.
    expect((await verify({ caseNo: c.caseNo, code }, '10.65.0.1')).statusCode).toBe(200);
  });

  it('limits codes per case number (whether or not it exists) and per IP address', async () => {
    const c = await reportCase(PHONE);
    for (let i = 0; i < LOOKUP_LIMITS.sendsPerHourCase; i += 1)
      expect((await lookup({ caseNo: c.caseNo, phoneLast4: '0000' }, `10.66.1.${i}`)).statusCode).toBe(202);
    const refused = await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.66.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: '该案件的查询过于频繁，请 60 分钟后再试',
      details: { scope: 'case', limit: LOOKUP_LIMITS.sendsPerHourCase },
    });
    expect(await codeNotices(c.caseId)).toHaveLength(0);

    const day = c.caseNo.split('-')[1];
    for (let i = 0; i < LOOKUP_LIMITS.sendsPerHourIp; i += 1)
      expect(
        (await lookup({ caseNo: `420281-${day}-8${String(i).padStart(4, '0')}`, phoneLast4: '1234' }, '10.66.3.1'))
          .statusCode,
      ).toBe(202);
    const ipRefused = await lookup({ caseNo: `420281-${day}-89999`, phoneLast4: '1234' }, '10.66.3.1');
    expect(ipRefused.statusCode).toBe(429);
    expect(ipRefused.json().error.details).toMatchObject({ scope: 'ip', limit: LOOKUP_LIMITS.sendsPerHourIp });
  });

  it('limits code tries per case number', async () => {
    const c = await reportCase(PHONE);
    for (let i = 0; i < LOOKUP_LIMITS.triesPerHourCase; i += 1)
      expect((await verify({ caseNo: c.caseNo, code: '000000' }, `10.67.0.${i}`)).statusCode).toBe(400);
    const refused = await verify({ caseNo: c.caseNo, code: '000000' }, '10.67.1.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.details).toMatchObject({ scope: 'case' });
  });

  it('names the field of bad input', async () => {
    const badNo = await lookup({ caseNo: '420281-2024', phoneLast4: '5678' }, '10.68.0.1');
    expect(badNo.statusCode).toBe(400);
    expect(badNo.json().error.details).toEqual([expect.objectContaining({ field: 'body.caseNo' })]);
    const badPhone = await lookup({ caseNo: '420281-20240312-00001', phoneLast4: '56a8' }, '10.68.0.1');
    expect(badPhone.json().error.details).toEqual([expect.objectContaining({ field: 'body.phoneLast4' })]);
    const badCode = await verify({ caseNo: '420281-20240312-00001', code: '12345' }, '10.68.0.1');
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details).toEqual([expect.objectContaining({ field: 'body.code' })]);
  });

  it('lets an access token expire after a day', async () => {
    const c = await reportCase(PHONE);
    expect((await lookup({ caseNo: c.caseNo, phoneLast4: '5678' }, '10.69.0.1')).statusCode).toBe(202);
    const opened = await verify({ caseNo: c.caseNo, code: await sentCode(c.caseId) }, '10.69.0.1');
    const { token } = opened.json() as { token: string };
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/track/${token}` })).statusCode).toBe(200);
    ctx.clock.advance(24 * 3_600_000);
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/track/${token}` })).statusCode).toBe(404);
    // The tracking token of the receipt keeps working.
    expect((await ctx.app.inject({ method: 'GET', url: `/api/public/track/${c.token}` })).statusCode).toBe(200);
  });
});

describe('lookup without an SMS gateway', () => {
  it('is refused whatever the input, telling the citizen to use the tracking code', async () => {
    const info = await off.app.inject({ method: 'GET', url: '/api/public/info' });
    expect(info.json().smsEnabled).toBe(false);
    const res = await lookup({ caseNo: '420281-20240312-00001', phoneLast4: '5678' }, '10.70.0.1', off.app);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'PUBLIC_LOOKUP_UNAVAILABLE',
      message: '本市暂未开通短信验证，请使用回执中的查询码或链接查询',
    });
    const tried = await verify({ caseNo: '420281-20240312-00001', code: '123456' }, '10.70.0.1', off.app);
    expect(tried.statusCode).toBe(409);
  });
});
