import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestContext } from '../../testing/test-app.ts';

/** Live update: a new case reaches a dispatcher's open stream without reload; a unit user outside its scope hears nothing. */
let ctx: TestContext;
let port: number;
const s: Record<string, Session> = {};

beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  port = (ctx.app.server.address() as AddressInfo).port;
  for (const u of ['inspector', 'dispatcher', 'handler', 'operator']) s[u] = await login(ctx.app, u, 'Demo@12345');
});
afterAll(async () => ctx.close());

/** Opens /api/live and collects the text it receives. */
function listen(session: Session | undefined) {
  let text = '';
  const req = request(
    {
      host: '127.0.0.1',
      port,
      path: '/api/live',
      headers: { cookie: session?.cookie ?? '', accept: 'text/event-stream' },
    },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
    },
  );
  req.end();
  return { text: () => text, close: () => req.destroy() };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return check();
};

describe('live events (SSE)', () => {
  it('delivers a new case to the dispatcher, not to a unit handler who may not see it', async () => {
    const dispatcher = listen(s.dispatcher);
    const handler = listen(s.handler);
    expect(await until(() => dispatcher.text().includes(': connected') && handler.text().includes(': connected'))).toBe(
      true,
    );
    const created = await as(ctx.app, s.inspector ?? null).post('/api/cases', {
      matterCode: '09006',
      description: '实时推送测试',
      lng: 114.975,
      lat: 30.1,
    });
    expect(created.statusCode).toBe(201);
    expect(await until(() => dispatcher.text().includes(created.json().caseNo))).toBe(true);
    expect(dispatcher.text()).toContain('event: case');
    await new Promise((r) => setTimeout(r, 200));
    expect(handler.text()).not.toContain(created.json().caseNo);
    dispatcher.close();
    handler.close();
  });

  it('sends an event that names a verb (an incoming call) only to holders of that verb', async () => {
    const operator = listen(s.operator);
    const dispatcher = listen(s.dispatcher);
    expect(
      await until(() => operator.text().includes(': connected') && dispatcher.text().includes(': connected')),
    ).toBe(true);
    const tenantId = (await ctx.app.services.org.publicTenant())!.id;
    ctx.app.services.live.publish({
      type: 'call',
      tenantId,
      permission: 'hotline.handle',
      data: { callId: 'live-call-1', line: null, calledAt: '2024-03-12T02:00:00.000Z', phone: '139****5678' },
    });
    expect(await until(() => operator.text().includes('live-call-1'))).toBe(true);
    expect(operator.text()).toContain('event: call');
    await new Promise((r) => setTimeout(r, 200));
    expect(dispatcher.text()).not.toContain('live-call-1');
    operator.close();
    dispatcher.close();
  });

  it('refuses an anonymous stream', async () => {
    const anon = listen(undefined);
    expect(await until(() => anon.text().includes('AUTH_REQUIRED'))).toBe(true);
    anon.close();
  });
});
