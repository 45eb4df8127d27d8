import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestContext } from '../../testing/test-app.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => ctx.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, payload, headers });

describe('login', () => {
  it('signs in with the right password and returns grants, permissions and a CSRF token', async () => {
    const res = await post('/api/auth/login', { username: 'admin', password: 'Admin@12345', tenantCode: '420281' });
    expect(res.statusCode).toBe(200);
    const me = res.json();
    expect(me.user).toMatchObject({
      username: 'admin',
      tenantCode: '420281',
      tenantName: '大冶市',
      tenantTimezone: 'Asia/Shanghai',
    });
    expect(me.permissions).toContain('user.manage');
    expect(me.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'cityloop_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrong = await post('/api/auth/login', { username: 'operator', password: 'nope-nope' });
    const unknown = await post('/api/auth/login', { username: 'nobody', password: 'nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
  });

  it('speaks English when asked', async () => {
    const res = await post(
      '/api/auth/login',
      { username: 'nobody', password: 'x' },
      { 'accept-language': 'en-US,en;q=0.9' },
    );
    expect(res.json().error.message).toMatch(/password/i);
  });

  it('rejects a malformed body with field-level messages, never a 5xx', async () => {
    const res = await post('/api/auth/login', { password: 1 });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'body.username', rule: 'required' })]),
    );
    const broken = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.code).toBe('BAD_REQUEST');
    expect(broken.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('throttles repeated failures from one address and tells for how long', async () => {
    for (let i = 0; i < 4; i++)
      expect((await post('/api/auth/login', { username: 'leader', password: 'wrong-pass' })).statusCode).toBe(401);
    const fifth = await post('/api/auth/login', { username: 'leader', password: 'wrong-pass' });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error).toMatchObject({ code: 'AUTH_THROTTLED', details: { minutes: 1 } });
    // Even the right password is refused while throttled ...
    expect((await post('/api/auth/login', { username: 'leader', password: 'Demo@12345' })).statusCode).toBe(429);
    // ... and accepted once the block has passed.
    ctx.clock.advance(2 * 60_000);
    expect((await post('/api/auth/login', { username: 'leader', password: 'Demo@12345' })).statusCode).toBe(200);
  });
});

describe('sign-in hints', () => {
  it('names the demo accounts while the demo city is seeded, and each of them signs in', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/auth/sign-in-hints' });
    expect(res.statusCode).toBe(200);
    const { demo } = res.json();
    expect(demo.tenantCode).toBe('420281');
    expect(demo.accounts.map((a: { role: string }) => a.role)).toContain('dispatcher');
    // each from its own address: the sign-in limit counts per address, and these are many accounts at once
    for (const [i, a] of (demo.accounts as { username: string; password: string }[]).entries()) {
      const signIn = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: `10.77.0.${i + 1}`,
        payload: { username: a.username, password: a.password, tenantCode: '420281' },
      });
      expect(signIn.statusCode, a.username).toBe(200);
    }
  });

  it('names nothing on a deployment without the demo seed (SEED_DEMO=0)', async () => {
    const real = await createTestApp({ seed: false, env: { SEED_DEMO: '0' } });
    try {
      const res = await real.app.inject({ method: 'GET', url: '/api/auth/sign-in-hints' });
      expect(res.json()).toEqual({ demo: null });
    } finally {
      await real.close();
    }
  });
});

describe('session', () => {
  it('requires a session on every non-public route', async () => {
    for (const url of ['/api/auth/me', '/api/org/units', '/api/org/users', '/api/audit']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('AUTH_REQUIRED');
    }
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await login(ctx.app, 'admin', 'Admin@12345');
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { code: 'X1', name: 'x', kind: 'other' },
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH_CSRF');
    const forged = await ctx.app.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { code: 'X1', name: 'x', kind: 'other' },
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('logs out: the cookie no longer works', async () => {
    const s = await login(ctx.app, 'operator', 'Demo@12345');
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(200);
    expect((await as(ctx.app, s).post('/api/auth/logout')).statusCode).toBe(200);
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires after the configured idle time', async () => {
    const s = await login(ctx.app, 'dispatcher', 'Demo@12345');
    ctx.clock.advance(13 * 3600_000);
    expect((await as(ctx.app, s).get('/api/auth/me')).statusCode).toBe(401);
  });

  it('forbids what the role does not grant', async () => {
    const s = await login(ctx.app, 'inspector', 'Demo@12345');
    const res = await as(ctx.app, s).get('/api/org/users');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'AUTH_FORBIDDEN', details: { permission: 'user.read' } });
  });
});

describe('change password', () => {
  it('checks the current password, then signs other sessions out', async () => {
    const first = await login(ctx.app, 'handler', 'Demo@12345');
    const second = await login(ctx.app, 'handler', 'Demo@12345');
    const wrong = await as(ctx.app, first).post('/api/auth/password', {
      currentPassword: 'bad-password',
      newPassword: 'NewPass#2024',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].field).toBe('body.currentPassword');
    const short = await as(ctx.app, first).post('/api/auth/password', {
      currentPassword: 'Demo@12345',
      newPassword: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details[0]).toMatchObject({ field: 'body.newPassword', rule: 'minLength' });
    const ok = await as(ctx.app, first).post('/api/auth/password', {
      currentPassword: 'Demo@12345',
      newPassword: 'NewPass#2024',
    });
    expect(ok.statusCode).toBe(200);
    expect((await as(ctx.app, first).get('/api/auth/me')).statusCode).toBe(200);
    expect((await as(ctx.app, second).get('/api/auth/me')).statusCode).toBe(401);
    await expect(login(ctx.app, 'handler', 'Demo@12345')).rejects.toThrow(/401/);
    await login(ctx.app, 'handler', 'NewPass#2024');
  });
});
