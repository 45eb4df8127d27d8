import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../testing/test-app.ts';
import { uploadPublicPhoto } from '../../testing/citizen.fixtures.ts';

/** Anti-abuse limits of the citizen API: per device and per IP, with clear 429 bodies. */
let ctx: TestContext;
const POINT = { lng: 114.975, lat: 30.1 };

beforeAll(async () => {
  ctx = await createTestApp({
    env: { PUBLIC_REPORTS_PER_HOUR_DEVICE: '2', PUBLIC_REPORTS_PER_HOUR_IP: '3', PUBLIC_REQUESTS_PER_MINUTE_IP: '40' },
  });
});
afterAll(async () => ctx.close());

const report = (device: string, ip: string, key?: string, lang = 'zh-CN') =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    remoteAddress: ip,
    payload: { matterCode: '06010', description: `限流测试 ${device} ${key ?? ''}`, ...POINT },
    headers: { 'x-device-id': device, 'accept-language': lang, ...(key ? { 'idempotency-key': key } : {}) },
  });

describe('citizen rate limits', () => {
  it('limits reports per device, then per IP, answers replays of answered reports, and lifts after the window', async () => {
    expect((await report('device-aaaa-01', '10.0.0.1', 'limit-key-0001')).statusCode).toBe(201);
    expect((await report('device-aaaa-01', '10.0.0.1', 'limit-key-0002')).statusCode).toBe(201);
    const third = await report('device-aaaa-01', '10.0.0.1', 'limit-key-0003');
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBe('3600');
    expect(third.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      message: '本机提交过于频繁，请 60 分钟后再试',
      details: { scope: 'device', limit: 2, windowSeconds: 3600, retryAfterSeconds: 3600 },
    });
    // The citizen whose answer was lost retries the same report: never refused, never a second case.
    const replay = await report('device-aaaa-01', '10.0.0.1', 'limit-key-0002');
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');

    // Invalid reports do not use up the quota.
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/reports',
      remoteAddress: '10.0.0.1',
      payload: { matterCode: '06010' },
      headers: { 'x-device-id': 'device-bbbb-01' },
    });
    expect(invalid.statusCode).toBe(400);
    expect((await report('device-bbbb-01', '10.0.0.1')).statusCode).toBe(201);
    const ipFull = await report('device-cccc-01', '10.0.0.1', undefined, 'en');
    expect(ipFull.statusCode).toBe(429);
    expect(ipFull.json().error.details.scope).toBe('ip');
    expect(ipFull.json().error.message).toBe('Too many requests from this network; try again in 60 min');
    expect((await report('device-cccc-01', '10.0.0.2')).statusCode).toBe(201);

    ctx.clock.advance(3_600_000);
    expect((await report('device-aaaa-01', '10.0.0.1')).statusCode).toBe(201);
  });

  it('limits photo uploads per device (3 photos per allowed report)', async () => {
    for (let i = 0; i < 6; i += 1)
      expect((await uploadPublicPhoto(ctx.app, { 'x-device-id': 'photo-device-01' })).statusCode).toBe(201);
    const refused = await uploadPublicPhoto(ctx.app, { 'x-device-id': 'photo-device-01' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.details).toMatchObject({ scope: 'device', limit: 6 });
  });

  it('limits every public request per IP per minute', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 40; i += 1)
      expect((await ctx.app.inject({ method: 'GET', url: '/api/public/info', remoteAddress: ip })).statusCode).toBe(
        200,
      );
    const refused = await ctx.app.inject({ method: 'GET', url: '/api/public/matters?q=垃圾', remoteAddress: ip });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.details).toMatchObject({ scope: 'ip', limit: 40, windowSeconds: 60 });
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/public/info', remoteAddress: '10.9.9.10' })).statusCode,
    ).toBe(200);
    ctx.clock.advance(60_000);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/public/info', remoteAddress: ip })).statusCode).toBe(200);
  });
});
