import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../platform/live-events.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';

/**
 * 来电弹屏 over HTTP (docs/caller-popup.md), clock frozen at 2024-03-12 10:00 +08. The caller 13912345678 has two
 * earlier cases (随手拍, 12345) and one 12345 work order; another citizen has one case. A signed, fresh notice is
 * accepted once and pushed live without the number; the history lists exactly the caller's records, with the number
 * in full for an operator and masked for a leader.
 */
let ctx: TestContext;
let s: Record<string, Session>;
let secret = '';
const api = (who: string) => as(ctx.app, s[who] ?? null);
const CALLER = '13912345678';
const mine: string[] = [];
let orderId = '';
const nowSec = () => Math.floor(ctx.clock.now().getTime() / 1000);
const sign = (body: string, key = secret) => `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
const notify = (payload: object, headers?: Record<string, string>, tenant = '420281') => {
  const body = JSON.stringify(payload);
  return ctx.app.inject({
    method: 'POST',
    url: `/api/hotline/calls/${tenant}`,
    payload: body,
    headers: { 'content-type': 'application/json', 'x-cityloop-signature': sign(body), ...headers },
  });
};
const err = (body: string) => {
  const e = (JSON.parse(body) as { error: { code: string; details?: { field: string }[] } }).error;
  return [e.code, e.details?.[0]?.field];
};

beforeAll(async () => {
  ctx = await createTestApp();
  s = await staffSessions(ctx.app);
  const tenantId = (await ctx.app.services.org.publicTenant())!.id;
  const intake = (phone: string, description: string, channel: 'public' | 'hotline') =>
    ctx.app.services.cases.intake(
      tenantId,
      {
        channel,
        matterCode: '09006',
        description,
        lng: 114.975,
        lat: 30.1,
        reporterName: '张三',
        reporterPhone: phone,
        source: '市民随手拍',
      },
      { scope: 'test', key: null },
    );
  mine.push((await intake(CALLER, '门口占道经营', 'public')).caseId);
  mine.push((await intake(CALLER, '夜间噪音', 'hotline')).caseId);
  await intake('13800001111', '别人的案件', 'public');
  const hookSecret = (await api('admin').post('/api/hotline/sources/12345/secret')).json().secret;
  const order = await ctx.app.inject({
    method: 'POST',
    url: '/api/hotline/webhook/12345',
    payload: { externalNo: 'CALL-1', requesterPhone: CALLER, content: '垃圾清运不及时' },
    headers: { authorization: `Bearer ${hookSecret}` },
  });
  expect(order.statusCode, order.body).toBe(201);
  orderId = order.json().id;
  const rotated = await api('admin').post('/api/hotline/call-centre/secret');
  expect(rotated.statusCode, rotated.body).toBe(201);
  secret = rotated.json().secret;
}, 120_000);
afterAll(async () => ctx?.close());

describe('the signed call webhook', () => {
  it('refuses a wrong, missing or foreign signature with 401', async () => {
    const payload = { callId: 'c-1', callerNumber: CALLER, timestamp: nowSec() };
    const wrongKey = JSON.stringify(payload);
    for (const res of [
      await notify(payload, { 'x-cityloop-signature': sign(wrongKey, 'not-the-secret') }),
      await notify(payload, { 'x-cityloop-signature': '' }),
      await notify(payload, {}, '999999'),
      // the body changed after signing
      await ctx.app.inject({
        method: 'POST',
        url: '/api/hotline/calls/420281',
        payload: JSON.stringify({ ...payload, callerNumber: '13800001111' }),
        headers: { 'content-type': 'application/json', 'x-cityloop-signature': sign(wrongKey) },
      }),
    ])
      expect([res.statusCode, err(res.body)[0]]).toEqual([401, 'HOTLINE_CALL_SIGNATURE']);
    expect(await ctx.database.db.selectFrom('hotline_calls').select('id').execute()).toEqual([]);
  });

  it('refuses a stale or future timestamp and a bad payload with the field', async () => {
    const stale = await notify({ callId: 'c-2', callerNumber: CALLER, timestamp: nowSec() - 301 });
    expect([stale.statusCode, ...err(stale.body)]).toEqual([400, 'HOTLINE_CALL_STALE', 'body.timestamp']);
    const ahead = await notify({ callId: 'c-2', callerNumber: CALLER, timestamp: nowSec() + 301 });
    expect(ahead.statusCode).toBe(400);
    const bad = await notify({ callId: 'c-2', callerNumber: '12ab', timestamp: nowSec() });
    expect([bad.statusCode, ...err(bad.body)]).toEqual([400, 'VALIDATION_FAILED', 'body.callerNumber']);
  });

  it('accepts a fresh notice once and pushes it live to call takers without the number', async () => {
    const seen: LiveEvent[] = [];
    const off = ctx.app.services.live.subscribe((e) => seen.push(e));
    const payload = { callId: 'c-3', callerNumber: `+86${CALLER}`, line: '12319', timestamp: nowSec() - 5 };
    const first = await notify(payload);
    expect([first.statusCode, first.json()]).toEqual([200, { accepted: true, duplicate: false }]);
    const again = await notify(payload);
    expect(again.json()).toEqual({ accepted: true, duplicate: true });
    off();
    const calls = seen.filter((e) => e.type === 'call');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ permission: 'hotline.handle', data: { callId: 'c-3', line: '12319' } });
    expect(JSON.stringify(calls[0])).not.toContain(CALLER);
  });
});

describe('the pop-up', () => {
  it('lists the caller’s own cases and orders, the number in full for an operator', async () => {
    const res = await api('operator').get('/api/hotline/calls/c-3/history');
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json();
    expect([h.phone, h.phoneMasked, h.line]).toEqual([CALLER, false, '12319']);
    expect((h.cases as { id: string }[]).map((c) => c.id).sort()).toEqual([...mine].sort());
    expect((h.orders as { id: string }[]).map((o) => o.id)).toEqual([orderId]);
  });

  it('masks the number for a reader who does not take calls, and hides it from others', async () => {
    const res = await api('leader').get('/api/hotline/calls/c-3/history');
    expect([res.statusCode, res.json().phone, res.json().phoneMasked]).toEqual([200, '139****5678', true]);
    expect(res.json().cases).toHaveLength(2);
    expect((await api('inspector').get('/api/hotline/calls/c-3/history')).statusCode).toBe(403);
    expect((await api('operator').get('/api/hotline/calls/nope/history')).statusCode).toBe(404);
  });
});

describe('the secret screen', () => {
  it('is for administrators only', async () => {
    for (const who of ['operator', 'shiftleader', 'leader']) {
      expect((await api(who).get('/api/hotline/call-centre')).statusCode).toBe(403);
      expect((await api(who).post('/api/hotline/call-centre/secret')).statusCode).toBe(403);
      expect((await api(who).delete('/api/hotline/call-centre/secret')).statusCode).toBe(403);
    }
  });

  it('rotates: the new secret signs, the old one is refused, and only the hint is shown later', async () => {
    const old = secret;
    const rotated = await api('admin').post('/api/hotline/call-centre/secret');
    expect(rotated.statusCode, rotated.body).toBe(201);
    secret = rotated.json().secret;
    expect(secret).not.toBe(old);
    const payload = { callId: 'c-rot', callerNumber: CALLER, timestamp: nowSec() };
    const body = JSON.stringify(payload);
    expect((await notify(payload, { 'x-cityloop-signature': sign(body, old) })).statusCode).toBe(401);
    expect((await notify(payload)).statusCode).toBe(200);
    const config = await api('admin').get('/api/hotline/call-centre');
    expect(config.json()).toMatchObject({ configured: true, hint: `…${secret.slice(-4)}` });
    expect(config.body).not.toContain(secret);
  });

  it('revokes: every notice is refused until a new secret is made, and each step is audited', async () => {
    const revoked = await api('admin').delete('/api/hotline/call-centre/secret');
    expect([revoked.statusCode, revoked.json()]).toEqual([200, { ok: true }]);
    expect((await notify({ callId: 'c-rev', callerNumber: CALLER, timestamp: nowSec() })).statusCode).toBe(401);
    expect((await api('admin').get('/api/hotline/call-centre')).json()).toMatchObject({
      configured: false,
      hint: null,
    });
    expect((await api('admin').delete('/api/hotline/call-centre/secret')).json()).toEqual({ ok: false });
    const rows = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .where('entity', '=', 'call_centre')
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'hotline.call_secret',
      'hotline.call_secret',
      'hotline.call_secret_revoke',
    ]);
    expect(JSON.stringify(rows)).not.toContain(secret);
    const created = await api('admin').post('/api/hotline/call-centre/secret');
    secret = created.json().secret;
    expect((await notify({ callId: 'c-new', callerNumber: CALLER, timestamp: nowSec() })).statusCode).toBe(200);
  });
});
