import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingString } from '../../../../common/domain/iot.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';

/**
 * The device registry over HTTP with no broker configured: register with a key shown once, bind to a 部件 or a point
 * inside the city, list with filters, search, sorting and paging, rotate the key (the old one stops verifying), and
 * the retention sweep of readings and roll-ups.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
const T0 = Date.parse(TEST_NOW);

function signed(code: string, key: string, at: number, values: Record<string, number>, seq = 1) {
  const ts = new Date(at).toISOString();
  const sig = createHmac('sha256', key)
    .update(signingString({ tenant: '420281', device: code, kind: 'telemetry', ts, seq, values }))
    .digest('hex');
  return Buffer.from(JSON.stringify({ v: 1, ts, seq, values, sig }));
}

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  s = await staffSessions(ctx.app);
}, 120_000);
afterAll(async () => ctx.close());

describe('the device registry', () => {
  it('starts with no consumer when no broker is configured', async () => {
    expect(ctx.config.mqtt).toBeNull();
    const res = await api('operator').get('/api/telemetry/consumer');
    expect(res.json()).toMatchObject({ enabled: false, connected: false });
  });

  it('registers devices on a component or a point, refuses bad input with field errors, and checks permissions', async () => {
    const comps = (await api('admin').get('/api/components?pageSize=1')).json().items as {
      code: string;
      lng: number;
      lat: number;
    }[];
    const onComponent = await api('admin').post('/api/devices', {
      code: 'JG-0001',
      name: '人民路雨水井盖倾角',
      type: 'manhole_tilt',
      model: 'TL-200',
      componentCode: comps[0]!.code,
      installDate: '2024-03-01',
      firmware: '1.2.0',
    });
    expect(onComponent.statusCode, onComponent.body).toBe(201);
    const created = onComponent.json();
    expect(created.key).toMatch(/^[0-9a-f]{64}$/);
    expect(created.device).toMatchObject({
      componentCode: comps[0]!.code,
      lng: comps[0]!.lng,
      lat: comps[0]!.lat,
      online: false,
      topic: 'cityloop/420281/JG-0001',
    });
    // the key is never shown again
    const shown = await api('operator').get(`/api/devices/${created.device.id}`);
    expect(shown.statusCode).toBe(200);
    expect(JSON.stringify(shown.json())).not.toContain(created.key);
    expect(shown.json().keyFingerprint).toMatch(/^[0-9a-f]{12}$/);

    for (const [code, type, name] of [
      ['JS-0001', 'water_level', '桥下积水'],
      ['RQ-0001', 'gas_detector', '燃气井'],
      ['LJ-0001', 'bin_fill', '垃圾箱满溢'],
    ] as const) {
      const res = await api('admin').post('/api/devices', { code, type, name, lng: 114.975, lat: 30.1 });
      expect(res.statusCode, res.body).toBe(201);
    }

    const taken = await api('admin').post('/api/devices', {
      code: 'JG-0001',
      type: 'manhole_tilt',
      name: 'x',
      lng: 114.975,
      lat: 30.1,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('DEVICE_CODE_TAKEN');
    const outside = await api('admin').post('/api/devices', {
      code: 'X-1',
      type: 'bin_fill',
      name: 'x',
      lng: 116.4,
      lat: 39.9,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('body.lng');
    const noComponent = await api('admin').post('/api/devices', {
      code: 'X-2',
      type: 'bin_fill',
      name: 'x',
      componentCode: '42028100000000000',
    });
    expect(noComponent.statusCode).toBe(400);
    expect(noComponent.json().error.details[0].field).toBe('body.componentCode');
    const badShape = await api('admin').post('/api/devices', { code: 'has space', type: 'toaster', name: '' });
    expect(badShape.statusCode).toBe(400);
    const fields = (badShape.json().error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['body.code', 'body.type', 'body.name']));

    expect(
      (
        await api('operator').post('/api/devices', {
          code: 'Y-1',
          type: 'bin_fill',
          name: 'y',
          lng: 114.975,
          lat: 30.1,
        })
      ).statusCode,
    ).toBe(403);
    expect((await api('inspector').get('/api/devices')).statusCode).toBe(403);
  });

  it('lists with a type filter, search, sorting and paging', async () => {
    const page = await api('operator').get('/api/devices?pageSize=2&sort=code&order=desc');
    expect(page.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(page.json().items.map((d: { code: string }) => d.code)).toEqual(['RQ-0001', 'LJ-0001']);
    const second = await api('operator').get('/api/devices?pageSize=2&page=2&sort=code&order=desc');
    expect(second.json().items.map((d: { code: string }) => d.code)).toEqual(['JS-0001', 'JG-0001']);
    const gas = await api('operator').get('/api/devices?type=gas_detector');
    expect(gas.json().items.map((d: { code: string }) => d.code)).toEqual(['RQ-0001']);
    const found = await api('operator').get(`/api/devices?q=${encodeURIComponent('积水')}`);
    expect(found.json().items.map((d: { code: string }) => d.code)).toEqual(['JS-0001']);
    const bad = await api('operator').get('/api/devices?sort=secret');
    expect(bad.statusCode).toBe(400);
  });

  it('rotates the key: the old one stops verifying, the new one is accepted; edits are audited', async () => {
    const res = await api('admin').post('/api/devices', {
      code: 'KEY-1',
      type: 'site_noise',
      name: '工地噪声',
      lng: 114.975,
      lat: 30.1,
    });
    const { device, key } = res.json();
    const topic = 'cityloop/420281/KEY-1/telemetry';
    const ingest = (b: Buffer) => ctx.app.services.telemetry.ingest(topic, b);
    expect(await ingest(signed('KEY-1', key, T0, { noise_dba: 61 }))).toEqual({ accepted: true });
    const rotated = await api('admin').post(`/api/devices/${device.id}/key`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().key).not.toBe(key);
    expect(await ingest(signed('KEY-1', key, T0 + 1000, { noise_dba: 62 }))).toEqual({
      accepted: false,
      reason: 'bad_signature',
    });
    expect(await ingest(signed('KEY-1', rotated.json().key, T0 + 2000, { noise_dba: 63 }))).toEqual({ accepted: true });

    const upd = await api('admin').patch(`/api/devices/${device.id}`, {
      version: rotated.json().device.version,
      firmware: '2.0.1',
      active: false,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ firmware: '2.0.1', active: false });
    const stale = await api('admin').patch(`/api/devices/${device.id}`, { version: 1, firmware: '3' });
    expect(stale.statusCode).toBe(409);
    expect(await ingest(signed('KEY-1', rotated.json().key, T0 + 3000, { noise_dba: 64 }))).toEqual({
      accepted: false,
      reason: 'inactive_device',
    });
    const audit = await api('admin').get(`/api/audit?entityId=${device.id}`);
    const actions = (audit.json().items as { action: string }[]).map((a) => a.action).sort();
    expect(actions).toEqual(['device.create', 'device.rotate_key', 'device.update']);
  });

  it('keeps raw readings for the window, then only the roll-ups', async () => {
    const res = await api('admin').post('/api/devices', {
      code: 'RET-1',
      type: 'bin_fill',
      name: '满溢',
      lng: 114.975,
      lat: 30.1,
    });
    const { device, key } = res.json();
    const topic = 'cityloop/420281/RET-1/telemetry';
    for (const [i, v] of [10, 20, 30].entries())
      await ctx.app.services.telemetry.ingest(topic, signed('RET-1', key, T0 + i * 20_000, { fill_pct: v }, i + 1));
    const readings = async (resolution: string) =>
      (await api('operator').get(`/api/devices/${device.id}/readings?resolution=${resolution}&hours=72`)).json().points;
    expect(await readings('raw')).toHaveLength(3);
    expect(await readings('minute')).toEqual([{ at: new Date(T0).toISOString(), value: 20, min: 10, max: 30 }]);

    // 49 hours later the raw readings are gone, the minute and hour roll-ups remain
    ctx.clock.advance(49 * 3_600_000);
    const purged = await ctx.app.services.telemetry.sweep(ctx.clock.now());
    expect(purged.raw).toBeGreaterThanOrEqual(3);
    expect(await readings('raw')).toHaveLength(0);
    expect(await readings('minute')).toHaveLength(1);
    expect(await readings('hour')).toEqual([{ at: new Date(T0).toISOString(), value: 20, min: 10, max: 30 }]);
    ctx.clock.set(new Date(T0));
  });
});
