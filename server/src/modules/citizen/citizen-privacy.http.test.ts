import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import { driveToClosed, staffSessions } from '../../testing/case-loop.ts';
import { createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { uploadPublicPhoto } from '../../testing/citizen.fixtures.ts';

/**
 * Citizen privacy (docs/conventions.md, "Public output"): no public response — report, photo upload, tracking at
 * every stage, rating, reopening,
 * matters, city info, map, errors — carries the reporter's phone (plain or masked), name, e-mail or device id, or
 * the name of any staff member who handled the case.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const POINT = { lng: 114.975, lat: 30.1 };
const PHONE = '13700001234';
const OTHER_PHONE = '13811112222';
const NAME = '欧阳小明';
const EMAIL = 'xiaoming.ouyang@example.cn';
const DEVICE = 'privacy-device-9f3a';
const bodies: { url: string; body: string }[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
});
afterAll(async () => ctx.close());

async function call(method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await ctx.app.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: { 'x-device-id': DEVICE },
  });
  bodies.push({ url: `${method} ${url}`, body: res.body });
  return res;
}

describe('citizen privacy', () => {
  it('no public output carries personal data or staff names', async () => {
    const tenantId = (await ctx.app.services.org.publicTenant())!.id;
    await call('GET', '/api/public/info');
    await call('GET', '/api/public/map');
    for (const q of ['', '垃圾', '井盖', '占道']) await call('GET', `/api/public/matters?q=${encodeURIComponent(q)}`);

    const photo = await uploadPublicPhoto(ctx.app, { 'x-device-id': DEVICE });
    bodies.push({ url: 'POST /api/public/photos', body: photo.body });
    const reported = await call('POST', '/api/public/reports', {
      matterCode: '06010',
      description: '桥下垃圾成堆，气味很大',
      ...POINT,
      phone: PHONE,
      photoIds: [photo.json().id],
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const { token } = reported.json();
    await call('POST', '/api/public/reports', {
      matterCode: '06010',
      description: '一样的问题',
      ...POINT,
      phone: 'x' + PHONE,
    });

    // A partner-channel case that carries a name and an e-mail too (Open311 / hotline give them), tracked the same way.
    const partner = await ctx.app.services.cases.intake(
      tenantId,
      {
        channel: 'public',
        matterCode: '06010',
        description: '路口垃圾桶满溢',
        ...POINT,
        reporterName: NAME,
        reporterPhone: OTHER_PHONE,
        reporterEmail: EMAIL,
        deviceId: DEVICE,
        source: '市民随手拍',
      },
      { scope: 'privacy', key: null },
    );

    for (const t of [token, partner.token]) {
      await call('GET', `/api/public/track/${t}`);
      await call('POST', `/api/public/track/${t}/rating`, { value: 'satisfied' });
      const id = (await ctx.app.services.cases.findByToken(tenantId, t))!;
      await driveToClosed(ctx.app, s, id, '已清运完毕');
      const closed = await call('GET', `/api/public/track/${t}`);
      expect(closed.json().status).toBe('closed');
      await call('POST', `/api/public/track/${t}/rating`, { value: 'unsatisfied', note: '还有异味' });
      await call('POST', `/api/public/track/${t}/reopen`, { reason: '清运后又有人倒垃圾' });
      await call('GET', `/api/public/track/${t}`);
    }
    await call('GET', '/api/public/track/unknown-token-0000000000');

    const staff = await ctx.database.db.selectFrom('users').select(['username', 'display_name', 'phone']).execute();
    const secrets = [
      PHONE,
      OTHER_PHONE,
      maskPhone(PHONE)!,
      maskPhone(OTHER_PHONE)!,
      PHONE.slice(-8),
      NAME,
      EMAIL,
      DEVICE,
      ...staff.map((u) => u.display_name),
      ...staff.map((u) => u.username),
      ...staff.flatMap((u) => (u.phone ? [u.phone] : [])),
    ];
    expect(bodies.length).toBeGreaterThan(20);
    const leaks = bodies.flatMap(({ url, body }) =>
      secrets.filter((secret) => body.includes(secret)).map((secret) => `${url}: ${secret}`),
    );
    expect(leaks).toEqual([]);
    // No field that could carry identity, whatever its value.
    const keys = bodies.flatMap(({ body }) => [...body.matchAll(/"(\w+)":/g)].map((m) => m[1]!));
    expect(keys.filter((k) => /reporter|actor|phone|email|device|handler|user/i.test(k))).toEqual([]);
  });
});
