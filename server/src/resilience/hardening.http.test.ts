import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestContext } from '../testing/test-app.ts';

/** Hardening: security headers, the login rate limit, lockout and CSRF, over HTTP on a real database. */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const attempt = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

describe('security headers', () => {
  it('every answer — API, error, documentation — carries them, and none names the server software', async () => {
    for (const url of ['/api/health', '/api/cases', '/api/no-such-route', '/docs']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy'], url).toMatch(/frame-ancestors 'self'|frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toMatch(/SAMEORIGIN|DENY/);
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect(res.headers['referrer-policy'], url).toBeDefined();
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
      expect(res.headers['x-request-id'], url).toBeDefined();
    }
  });

  it('the session cookie is HttpOnly and SameSite', async () => {
    const res = await attempt('operator', 'Demo@12345', '127.0.0.20');
    const cookie = res.cookies.find((c) => c.name === 'cityloop_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(String(cookie.sameSite).toLowerCase()).toBe('lax');
  });
});

describe('login rate limit and lockout', () => {
  it('one address gets 429 after 30 attempts a minute; another address is not affected', async () => {
    const statuses: number[] = [];
    for (let k = 0; k < 31; k += 1)
      statuses.push((await attempt(`nobody${k}`, 'wrong-password', '127.0.0.30')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    const limited = await attempt('nobody', 'wrong-password', '127.0.0.30');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    expect((await attempt('nobody', 'wrong-password', '127.0.0.31')).statusCode).toBe(401);
  });

  it('five wrong passwords block that address for that account (even the right password) until the block passes; other addresses still sign in', async () => {
    for (let k = 0; k < 4; k += 1)
      expect((await attempt('dispatcher', `wrong-${k}`, '127.0.0.40')).statusCode).toBe(401);
    expect((await attempt('dispatcher', 'wrong-5', '127.0.0.40')).statusCode).toBe(429);
    const blocked = await attempt('dispatcher', 'Demo@12345', '127.0.0.40');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('AUTH_THROTTLED');
    expect((await attempt('dispatcher', 'Demo@12345', '127.0.0.41')).statusCode).toBe(200);
    ctx.clock.advance(2 * 60_000);
    expect((await attempt('dispatcher', 'Demo@12345', '127.0.0.40')).statusCode).toBe(200);
  });

  it('an unknown user and a wrong password get the same answer', async () => {
    const unknown = await attempt('no-such-user', 'Demo@12345', '127.0.0.50');
    const wrong = await attempt('leader', 'Wrong@12345', '127.0.0.50');
    expect(unknown.statusCode).toBe(wrong.statusCode);
    expect(unknown.json().error.code).toBe(wrong.json().error.code);
  });
});

describe('CSRF', () => {
  it("a write with the session cookie but without the session's token is refused; reads need none", async () => {
    const s = await login(ctx.app, 'inspector', 'Demo@12345');
    const body = { matterCode: '09006', description: 'CSRF 测试', lng: 114.975, lat: 30.1 };
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: body,
      headers: { cookie: s.cookie },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('AUTH_CSRF');
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: body,
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
    const other = await login(ctx.app, 'operator', 'Demo@12345');
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: body,
      headers: { cookie: s.cookie, 'x-csrf-token': other.csrf },
    });
    expect(foreign.statusCode).toBe(403);
    expect((await as(ctx.app, s).post('/api/cases', body)).statusCode).toBe(201);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/cases', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
  });
});

describe('numbers out of range', () => {
  it('page=1e309 (coerced to Infinity) is a 400 naming the field, on every list', async () => {
    const s = await login(ctx.app, 'leader', 'Demo@12345');
    for (const url of ['/api/cases?page=1e309', '/api/audit?page=Infinity', '/api/org/units?pageSize=1e309']) {
      const res = await as(ctx.app, s).get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details[0].field, url).toMatch(/^query\.page/);
    }
    const body = await as(ctx.app, await login(ctx.app, 'inspector', 'Demo@12345')).post(
      '/api/cases',
      '{"matterCode":"09006","description":"无穷","lng":1e309,"lat":30.1}',
      { 'content-type': 'application/json' },
    );
    expect(body.statusCode).toBe(400);
  });
});
