import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * An open /api/live stream ends when its session does: signed out elsewhere, password changed on another device,
 * account disabled. Real listening server (inject does not stream); a short heartbeat so the re-check comes quickly.
 */
let ctx: TestContext;
let port: number;
let admin: Session;

beforeAll(async () => {
  ctx = await createTestApp({ env: { LIVE_HEARTBEAT_MS: '100', LIVE_MAX_STREAMS_PER_USER: '2' } });
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  port = (ctx.app.server.address() as AddressInfo).port;
  admin = await login(ctx.app, 'admin', 'Admin@12345');
});
afterAll(async () => ctx.close());

/** Opens /api/live; collects what arrives and whether the server ended the stream. */
function open(session: Session) {
  let text = '';
  let status = 0;
  let ended = false;
  const req = request(
    { host: '127.0.0.1', port, path: '/api/live', headers: { cookie: session.cookie, accept: 'text/event-stream' } },
    (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => {
        ended = true;
      });
    },
  );
  req.on('error', () => {
    ended = true;
  });
  req.end();
  return { text: () => text, status: () => status, ended: () => ended, close: () => req.destroy() };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

const pings = (text: string) => text.split(': ping').length - 1;

async function userId(username: string): Promise<string> {
  return (await as(ctx.app, admin).get(`/api/org/users?q=${username}`))
    .json()
    .items.find((u: { username: string }) => u.username === username).id;
}

describe('live stream and the session behind it', () => {
  it('stays open across heartbeats while the session stands', async () => {
    const s = await login(ctx.app, 'leader', 'Demo@12345');
    const stream = open(s);
    expect(await until(() => pings(stream.text()) >= 3)).toBe(true);
    expect(stream.ended()).toBe(false);
    stream.close();
  });

  it('ends once the session is signed out from another tab', async () => {
    const s = await login(ctx.app, 'dispatcher', 'Demo@12345');
    const stream = open(s);
    expect(await until(() => stream.text().includes(': connected'))).toBe(true);
    expect((await as(ctx.app, s).post('/api/auth/logout')).statusCode).toBe(200);
    expect(await until(stream.ended)).toBe(true);
    expect(stream.text()).toContain('event: end');
  });

  it('ends once the password is changed on another device', async () => {
    const phone = await login(ctx.app, 'operator', 'Demo@12345');
    const desk = await login(ctx.app, 'operator', 'Demo@12345');
    const stream = open(phone);
    expect(await until(() => stream.text().includes(': connected'))).toBe(true);
    const changed = await as(ctx.app, desk).post('/api/auth/password', {
      currentPassword: 'Demo@12345',
      newPassword: 'Harbour#Lights7',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await until(stream.ended)).toBe(true);
  });

  it('ends once an administrator disables the account', async () => {
    const s = await login(ctx.app, 'shiftleader', 'Demo@12345');
    const stream = open(s);
    expect(await until(() => stream.text().includes(': connected'))).toBe(true);
    expect(
      (await as(ctx.app, admin).patch(`/api/org/users/${await userId('shiftleader')}`, { active: false })).statusCode,
    ).toBe(200);
    expect(await until(stream.ended)).toBe(true);
  });

  it('refuses one stream more than the per-user limit with 429, and takes it once one closes', async () => {
    const s = await login(ctx.app, 'inspector', 'Demo@12345');
    const first = open(s);
    const second = open(s);
    expect(await until(() => first.text().includes(': connected') && second.text().includes(': connected'))).toBe(true);
    const third = open(s);
    expect(await until(() => third.status() !== 0)).toBe(true);
    expect(third.status()).toBe(429);
    expect(await until(() => third.text().includes('LIVE_TOO_MANY_STREAMS'))).toBe(true);
    first.close();
    // The server notices the closed connection; then a new stream is accepted.
    let fourth = open(s);
    expect(
      await until(() => {
        if (fourth.status() === 429) fourth = open(s);
        return fourth.text().includes(': connected');
      }),
    ).toBe(true);
    second.close();
    fourth.close();
  });
});
