import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestContext } from '../../testing/test-app.ts';

/**
 * Sign-in throttle per address and account: the same answers for real and unknown usernames, nobody can lock
 * another person out from their own address, and blocks grow 1, 2, 4 … minutes up to the cap (here 4).
 * Each test uses addresses of its own; the per-address rate limit (real time, not the test clock) is raised.
 */
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({
    env: { LOGIN_MAX_FAILURES: '5', LOCKOUT_FIRST_MINUTES: '1', LOCKOUT_MINUTES: '4', LOGIN_PER_MINUTE_IP: '1000' },
  });
});
afterAll(async () => ctx.close());

const attempt = (username: string, password: string, remoteAddress: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password } });

/** status and body without the request id, which differs on every answer */
async function answer(username: string, password: string, ip: string) {
  const res = await attempt(username, password, ip);
  const { error } = res.json() as { error: Record<string, unknown> };
  delete error.requestId;
  return { status: res.statusCode, error, retryAfter: res.headers['retry-after'] ?? null };
}

describe('sign-in throttle', () => {
  it('answers an existing and an unknown username identically, before and after the block', async () => {
    const real: unknown[] = [];
    const unknown: unknown[] = [];
    for (let k = 0; k < 7; k += 1) {
      real.push(await answer('admin', `wrong-${k}`, '10.0.1.1'));
      unknown.push(await answer('no-such-admin', `wrong-${k}`, '10.0.1.2'));
    }
    expect(unknown).toEqual(real);
    expect(real.map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 429, 429, 429]);
    expect(real[4]).toMatchObject({ error: { code: 'AUTH_THROTTLED', details: { minutes: 1 } }, retryAfter: '60' });
  });

  it('a stranger failing against admin does not stop admin signing in from elsewhere', async () => {
    for (let k = 0; k < 5; k += 1) await attempt('admin', `guess-${k}`, '10.0.2.1');
    expect((await attempt('admin', 'Admin@12345', '10.0.2.1')).statusCode).toBe(429);
    expect((await attempt('admin', 'Admin@12345', '10.0.2.2')).statusCode).toBe(200);
  });

  it('blocks grow 1, 2, 4 minutes and stay at the cap; the right password is refused while blocked', async () => {
    const ip = '10.0.3.1';
    const blockAfterFailures = async () => {
      for (let k = 0; k < 4; k += 1) expect((await attempt('operator', `bad-${k}`, ip)).statusCode).toBe(401);
      return (await answer('operator', 'bad-4', ip)).error;
    };
    const minutes: unknown[] = [];
    for (let round = 0; round < 4; round += 1) {
      const blocked = await blockAfterFailures();
      minutes.push((blocked.details as { minutes: number }).minutes);
      expect((await attempt('operator', 'Demo@12345', ip)).statusCode).toBe(429);
      ctx.clock.advance((minutes[round] as number) * 60_000 + 1000);
    }
    expect(minutes).toEqual([1, 2, 4, 4]);
    expect((await attempt('operator', 'Demo@12345', ip)).statusCode).toBe(200);
    // A success clears the history: the next block starts at one minute again.
    expect((await blockAfterFailures()).details).toEqual({ minutes: 1 });
  });

  it('shows the account as locked to the administrator, who can lift every block on it', async () => {
    for (let k = 0; k < 5; k += 1) await attempt('dispatcher', `nope-${k}`, '10.0.4.1');
    const admin = as(ctx.app, await login(ctx.app, 'admin', 'Admin@12345'));
    const user = (await admin.get('/api/org/users?q=dispatcher'))
      .json()
      .items.find((u: { username: string }) => u.username === 'dispatcher');
    expect(user.locked).toBe(true);
    const unlocked = await admin.post(`/api/org/users/${user.id}/unlock`, {});
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json().locked).toBe(false);
    expect((await attempt('dispatcher', 'Demo@12345', '10.0.4.1')).statusCode).toBe(200);
  });
});
