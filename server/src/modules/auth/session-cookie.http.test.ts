import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../../config.ts';
import { as, createTestApp, login, type TestApp, type TestContext } from '../../testing/test-app.ts';
import { buildApp } from '../../testing/app-parts.ts';

/** The session cookie is Secure whenever the browser came over HTTPS, and a session ends 7 days after sign-in. */
let direct: TestContext;
let proxied: TestApp;
let forced: TestApp;

/** A second app over the same database and data directory, with other settings. */
async function sibling(env: Record<string, string>): Promise<TestApp> {
  const config = loadConfig({
    DATA_DIR: direct.config.dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(direct.config.dataDir, 'no-web'),
    ...env,
  });
  const app = await buildApp({ config, database: direct.database, clock: direct.clock, logger: false });
  await app.ready();
  return app;
}

beforeAll(async () => {
  direct = await createTestApp();
  proxied = await sibling({ TRUST_PROXY: 'true' });
  forced = await sibling({ COOKIE_SECURE: 'true' });
}, 120_000);
afterAll(async () => {
  await proxied.close();
  await forced.close();
  await direct.close();
});

async function sessionCookie(app: TestApp, headers: Record<string, string> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers,
    payload: { username: 'operator', password: 'Demo@12345' },
  });
  expect(res.statusCode).toBe(200);
  return res.cookies.find((c) => c.name === 'cityloop_sid')!;
}

describe('Secure cookie', () => {
  it('is set when a trusted proxy says the request came over HTTPS', async () => {
    const res = await proxied.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'leader', password: 'Demo@12345' },
    });
    const cookie = res.cookies.find((c) => c.name === 'cityloop_sid')!;
    expect(cookie.secure).toBe(true);
    expect(cookie.httpOnly).toBe(true);
    // Signing out clears the cookie with the same attributes.
    const logout = await proxied.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: {
        'x-forwarded-proto': 'https',
        cookie: `cityloop_sid=${cookie.value}`,
        'x-csrf-token': res.json().csrfToken,
      },
    });
    expect(logout.statusCode).toBe(200);
    expect(logout.cookies.find((c) => c.name === 'cityloop_sid')?.secure).toBe(true);
  });

  it('is not set over plain HTTP, nor when an untrusted client merely claims HTTPS', async () => {
    expect((await sessionCookie(proxied, { 'x-forwarded-proto': 'http' })).secure).toBeFalsy();
    expect((await sessionCookie(direct.app)).secure).toBeFalsy();
    expect((await sessionCookie(direct.app, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
  });

  it('is always set with COOKIE_SECURE=true', async () => {
    expect((await sessionCookie(forced)).secure).toBe(true);
  });
});

describe('absolute session lifetime', () => {
  it('ends a session 7 days after sign-in even when it was never idle', async () => {
    const s = await login(direct.app, 'inspector', 'Demo@12345');
    // Active every 11 hours (idle timeout 12 h) for almost 7 days: still signed in.
    for (let h = 0; h + 11 < 7 * 24; h += 11) {
      direct.clock.advance(11 * 3600_000);
      expect((await as(direct.app, s).get('/api/auth/me')).statusCode, `after ${h + 11} h`).toBe(200);
    }
    direct.clock.advance(11 * 3600_000);
    const res = await as(direct.app, s).get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('AUTH_REQUIRED');
  });

  it('the cookie lasts as long as the absolute lifetime', async () => {
    expect((await sessionCookie(direct.app)).maxAge).toBe(7 * 24 * 3600);
  });
});
