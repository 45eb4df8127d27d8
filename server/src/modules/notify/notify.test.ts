import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { createTestApp, type TestContext } from '../../testing/test-app.ts';
import { createHttpGateway, NOTICE_KINDS, noticeText } from './index.ts';

/**
 * The message gateway on a real database: the outbox is dispatched through the log gateway (phone masked)
 * or an HTTP SMS provider (a real local HTTP server stands in for it), with retries, back-off and giving up.
 */
let ctx: TestContext;
let tenantId: string;
let provider: Server;
let providerUrl: string;
const received: { auth: string | undefined; body: Record<string, string> }[] = [];
let answer = 200;

beforeAll(async () => {
  ctx = await createTestApp({ env: { SMS_MAX_ATTEMPTS: '2', SMS_SIGN: '大冶城管' } });
  tenantId = (await ctx.app.services.org.publicTenant())!.id;
  provider = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      received.push({ auth: req.headers.authorization, body: JSON.parse(text) as Record<string, string> });
      res
        .writeHead(answer, { 'content-type': 'application/json' })
        .end(JSON.stringify({ messageId: `sms-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/sms`;
});
afterAll(async () => {
  await new Promise((resolve) => provider.close(resolve));
  await ctx.close();
});

const notify = () => ctx.app.services.notify;
const db = () => ctx.database.db;
const row = (id: string) => db().selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
/** Sends earlier tests' leftovers so each test sees only its own rows. */
async function drain() {
  await db()
    .updateTable('notifications')
    .set({ sent_at: '2000-01-01T00:00:00.000Z' })
    .where('sent_at', 'is', null)
    .execute();
}

async function citizenCase(phone: string | null) {
  return ctx.app.services.cases.intake(
    tenantId,
    {
      channel: 'public',
      matterCode: '06010',
      description: '桥洞下垃圾',
      lng: 114.975,
      lat: 30.1,
      reporterPhone: phone,
      source: '市民随手拍',
    },
    { scope: 'notify-test', key: null },
  );
}

describe('notice dispatcher', () => {
  it('sends the received notice through the log gateway with the phone masked, once', async () => {
    await drain();
    const lines: object[] = [];
    notify().setLogger({ info: (obj) => lines.push(obj), warn: (obj) => lines.push(obj) });
    const c = await citizenCase('13912345678');
    const result = await notify().dispatch(ctx.clock.now());
    expect(result).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const text = JSON.stringify(lines);
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
    expect(text).toContain(`【大冶城管】您反映的问题已收到，案件号 ${c.caseNo}`);
    const [n] = await notify().noticesOfCase(c.caseId);
    expect(n).toMatchObject({ kind: NOTICE_KINDS.received, attempts: 1, last_error: null });
    expect(n!.sent_at).not.toBeNull();
    expect(await notify().dispatch(ctx.clock.now())).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('posts to an HTTP SMS provider with the bearer token and keeps its message id', async () => {
    await drain();
    notify().useGateway(createHttpGateway({ url: providerUrl, token: 'secret-token', timeoutMs: 5000 }));
    answer = 200;
    received.length = 0;
    const c = await citizenCase('13912345678');
    const id = await notify().enqueue(db(), {
      tenantId,
      caseId: c.caseId,
      phone: '13912345678',
      kind: NOTICE_KINDS.reply,
      message: '经核实，已安排环卫所清运。',
    });
    expect(await notify().dispatch(ctx.clock.now())).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(received.map((r) => r.auth)).toEqual(['Bearer secret-token', 'Bearer secret-token']);
    expect(received[1]!.body).toMatchObject({ id, phone: '13912345678', kind: 'case.reply', caseNo: c.caseNo });
    expect(received[1]!.body.text).toBe(
      `【大冶城管】关于您反映的问题（案件号 ${c.caseNo}）的答复：经核实，已安排环卫所清运。`,
    );
    expect((await row(id)).provider_id).toBe('sms-2');
  });

  it('retries a refused notice after a back-off and gives up after SMS_MAX_ATTEMPTS, recording the error', async () => {
    await drain();
    notify().useGateway(createHttpGateway({ url: providerUrl, token: null, timeoutMs: 5000 }));
    answer = 503;
    const c = await citizenCase('13600000001');
    const [n] = await notify().noticesOfCase(c.caseId);
    const t0 = ctx.clock.now();
    expect(await notify().dispatch(t0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(n!.id)).toMatchObject({
      attempts: 1,
      last_error: 'HTTP 503',
      next_attempt_at: new Date(t0.getTime() + 60_000).toISOString(),
      sent_at: null,
      failed_at: null,
    });
    // Not due yet.
    expect(await notify().dispatch(new Date(t0.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const t1 = new Date(t0.getTime() + 61_000);
    expect(await notify().dispatch(t1)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(n!.id)).toMatchObject({ attempts: 2, failed_at: t1.toISOString(), sent_at: null });
    expect(await notify().dispatch(new Date(t0.getTime() + 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('records an unreachable provider as a retryable error', async () => {
    await drain();
    notify().useGateway(createHttpGateway({ url: 'http://127.0.0.1:9/sms', token: null, timeoutMs: 2000 }));
    const c = await citizenCase('13600000002');
    expect(await notify().dispatch(ctx.clock.now())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [n] = await notify().noticesOfCase(c.caseId);
    expect(n!.last_error).toMatch(/^unreachable|^timeout/);
  });

  it('does not text landlines and leaves in-app rows without a phone alone', async () => {
    await drain();
    answer = 200;
    notify().useGateway(createHttpGateway({ url: providerUrl, token: null, timeoutMs: 5000 }));
    const c = await citizenCase(null);
    const landline = await notify().enqueue(db(), {
      tenantId,
      caseId: c.caseId,
      phone: '0714-8761234',
      kind: NOTICE_KINDS.reply,
      message: '已处理',
    });
    const user = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'inspector')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('notifications')
      .values({
        id: 'in-app-0001',
        tenant_id: tenantId,
        case_id: c.caseId,
        user_id: user.id,
        phone: null,
        kind: 'merged_parent_closed',
        message: 'x',
        created_at: ctx.clock.now().toISOString(),
        sent_at: null,
      })
      .execute();
    expect(await notify().dispatch(ctx.clock.now())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(landline)).toMatchObject({ last_error: 'not a mobile number', attempts: 1 });
    expect(await row('in-app-0001')).toMatchObject({ sent_at: null, attempts: 0 });
  });
});

describe('notice texts and configuration', () => {
  it('renders every known kind, and an unknown kind with its stored message', () => {
    const n = { case_no: '420281-20240312-00001', tenant_name: '大冶市', message: '请携带材料' };
    expect(noticeText({ ...n, kind: NOTICE_KINDS.closed }, '')).toBe(
      '【大冶市】您反映的问题（案件号 420281-20240312-00001）已办结，欢迎在“市民随手拍-进度查询”中评价。',
    );
    expect(noticeText({ ...n, kind: NOTICE_KINDS.mergedClosed }, 'X')).toContain('合并办理');
    expect(noticeText({ ...n, kind: 'something.else' }, 'X')).toBe('【X】请携带材料');
  });

  it('keeps SMS off the network unless configured, and refuses an http gateway without a URL', () => {
    expect(loadConfig({ DATA_DIR: '/tmp/cityloop-notify-cfg', SESSION_SECRET: 'x'.repeat(32) }).sms).toMatchObject({
      gateway: 'log',
      httpUrl: null,
      maxAttempts: 5,
    });
    expect(() =>
      loadConfig({ DATA_DIR: '/tmp/cityloop-notify-cfg', SESSION_SECRET: 'x'.repeat(32), SMS_GATEWAY: 'http' }),
    ).toThrow(ConfigError);
    expect(() =>
      loadConfig({ DATA_DIR: '/tmp/cityloop-notify-cfg', SESSION_SECRET: 'x'.repeat(32), SMS_GATEWAY: 'aliyun' }),
    ).toThrow(ConfigError);
    const http = loadConfig({
      DATA_DIR: '/tmp/cityloop-notify-cfg',
      SESSION_SECRET: 'x'.repeat(32),
      SMS_GATEWAY: 'http',
      SMS_HTTP_URL: 'https://sms.example.cn/send',
      SMS_HTTP_TOKEN: 't',
    });
    expect(http.sms).toMatchObject({ gateway: 'http', httpUrl: 'https://sms.example.cn/send', httpToken: 't' });
  });
});
