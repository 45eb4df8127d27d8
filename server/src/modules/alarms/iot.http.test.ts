import { createHmac } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingString, type MessageKind } from '../../../../common/domain/iot.ts';
import type { LiveEvent } from '../../platform/live-events.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { startPrivateBroker, type PrivateBroker } from '../../testing/mosquitto.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';

/**
 * 城市之感 end to end on a private Mosquitto: devices publish signed messages, the consumer stores them and the rules
 * raise alarms; forged, badly signed and malformed messages are refused and counted without stopping the consumer;
 * a missed heartbeat raises device-offline; an alarm joins a citizen's case nearby; a broker restart loses nothing.
 */
let ctx: TestContext;
let broker: PrivateBroker;
let s: Record<string, Session>;
let publisher: MqttClient;
const live: LiveEvent[] = [];
const T0 = Date.parse(TEST_NOW);
const SEC = 1000;
const TENANT = '420281';
const HERE = { lng: 114.975, lat: 30.1 };

const api = (who: string) => as(ctx.app, s[who]!);

interface TestDevice {
  id: string;
  code: string;
  key: string;
  version: number;
}

function sign(
  d: Pick<TestDevice, 'code' | 'key'>,
  kind: MessageKind,
  ts: string,
  seq: number,
  values: Record<string, number>,
) {
  return createHmac('sha256', d.key)
    .update(signingString({ tenant: TENANT, device: d.code, kind, ts, seq, values }))
    .digest('hex');
}

let seq = 0;
function message(d: Pick<TestDevice, 'code' | 'key'>, kind: MessageKind, at: number, values: Record<string, number>) {
  const ts = new Date(at).toISOString();
  seq++;
  return JSON.stringify({ v: 1, ts, seq, values, sig: sign(d, kind, ts, seq, values) });
}

async function publish(topic: string, payload: string | Buffer): Promise<void> {
  await publisher.publishAsync(topic, payload, { qos: 1 });
}

const handled = (x: { accepted: number; rejected: Record<string, number> }) =>
  x.accepted + Object.values(x.rejected).reduce((a, b) => a + b, 0);

/** Publishes and waits until the consumer has finished with one more message (stored or refused). */
async function send(topic: string, payload: string | Buffer) {
  const before = handled(await status());
  await publish(topic, payload);
  await until(async () => handled(await status()) > before, `the message on ${topic}`);
}

const reading = (d: TestDevice, at: number, values: Record<string, number>) =>
  send(`cityloop/${TENANT}/${d.code}/telemetry`, message(d, 'telemetry', at, values));

async function status() {
  const res = await api('operator').get('/api/telemetry/consumer');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { connected: boolean; received: number; accepted: number; rejected: Record<string, number> };
}

async function until(test: () => Promise<boolean>, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function alarmsOf(deviceId: string) {
  const res = await api('operator').get(`/api/alarms?deviceId=${deviceId}&pageSize=50&sort=raisedAt&order=asc`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as {
    id: string;
    state: string;
    kind: string;
    value: number | null;
    caseId: string | null;
    caseNo: string | null;
    merged: boolean;
    clearReason: string | null;
    version: number;
  }[];
}

async function device(type: string, code: string, extra: Record<string, unknown> = {}): Promise<TestDevice> {
  const res = await api('admin').post('/api/devices', { code, name: `测试设备 ${code}`, type, ...HERE, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  return { id: body.device.id, code, key: body.key, version: body.device.version };
}

async function rule(body: Record<string, unknown>) {
  const res = await api('admin').post('/api/alarm-rules', {
    severity: 'major',
    autoCase: false,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  broker = await startPrivateBroker();
  ctx = await createTestApp({
    env: {
      MQTT_URL: broker.url,
      MQTT_CLIENT_ID: `cityloop-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      SESSION_TTL_HOURS: '720',
    },
  });
  ctx.app.services.live.subscribe((e) => {
    if (e.type === 'alarm') live.push(e);
  });
  s = await staffSessions(ctx.app);
  await until(async () => (await status()).connected, 'the consumer to connect');
  publisher = await mqtt.connectAsync(broker.url, {
    clientId: `device-sim-${process.pid}`,
    clean: true,
    reconnectPeriod: 200,
  });
  await rule({
    deviceType: 'manhole_tilt',
    name: '井盖倾斜',
    metric: 'tilt_deg',
    op: 'gt',
    threshold: 15,
    hysteresis: 3,
    minDurationS: 10,
    matterCode: '01003',
  });
}, 120_000);

afterAll(async () => {
  await publisher?.endAsync();
  await ctx?.close();
  await broker?.dispose();
});

describe('rules', () => {
  it('raises after the minimum duration, holds through the hysteresis band, clears past it', async () => {
    const d = await device('manhole_tilt', 'JG-TILT-1');
    // 16° at 0 s and 17° at 5 s: over the threshold, but not yet for 10 s
    await reading(d, T0, { tilt_deg: 16 });
    await reading(d, T0 + 5 * SEC, { tilt_deg: 17 });
    expect(await alarmsOf(d.id)).toHaveLength(0);
    // 10 s over without a break: raised, and heard on the live stream
    await reading(d, T0 + 10 * SEC, { tilt_deg: 16 });
    let alarms = await alarmsOf(d.id);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ state: 'raised', kind: 'threshold', value: 16 });
    expect(live.some((e) => e.data.id === alarms[0]!.id && e.data.action === 'raised')).toBe(true);
    expect(live.find((e) => e.data.id === alarms[0]!.id)?.permission).toBe('alarm.read');
    // the 值班长 on duty hears of it through the notice outbox, in the app and by SMS when they have a phone
    const notices = await ctx.database.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['u.username', 'n.message'])
      .where('n.kind', '=', 'alarm.raised')
      .where('n.message', 'like', '%JG-TILT-1%')
      .execute();
    expect(notices.map((n) => n.username)).toContain('shiftleader');
    expect(notices.map((n) => n.username)).not.toContain('inspector');

    // the operator acknowledges it
    const ack = await api('operator').post(`/api/alarms/${alarms[0]!.id}/acknowledge`, { version: alarms[0]!.version });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().state).toBe('acknowledged');

    // 14° is under the threshold but inside the 3° band: still the same open alarm; 16° again raises no second one
    await reading(d, T0 + 15 * SEC, { tilt_deg: 14 });
    await reading(d, T0 + 20 * SEC, { tilt_deg: 16 });
    await reading(d, T0 + 40 * SEC, { tilt_deg: 16.5 });
    alarms = await alarmsOf(d.id);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]!.state).toBe('acknowledged');

    // 12° is past the band: cleared as recovered
    await reading(d, T0 + 45 * SEC, { tilt_deg: 12 });
    alarms = await alarmsOf(d.id);
    expect(alarms[0]).toMatchObject({ state: 'cleared', clearReason: 'recovered' });

    // over again, but broken by a reading under the threshold before 10 s: the duration starts over, no alarm
    await reading(d, T0 + 50 * SEC, { tilt_deg: 18 });
    await reading(d, T0 + 55 * SEC, { tilt_deg: 15 });
    await reading(d, T0 + 60 * SEC, { tilt_deg: 18 });
    expect(await alarmsOf(d.id)).toHaveLength(1);
    await reading(d, T0 + 70 * SEC, { tilt_deg: 18 });
    alarms = await alarmsOf(d.id);
    expect(alarms).toHaveLength(2);
    expect(alarms[1]!.state).toBe('raised');

    // a QoS 1 redelivery of a stored reading (same device, metric and instant) is stored once and judged once
    const again = message(d, 'telemetry', T0 + 70 * SEC, { tilt_deg: 18 });
    await send(`cityloop/${TENANT}/${d.code}/telemetry`, again);
    await send(`cityloop/${TENANT}/${d.code}/telemetry`, again);
    expect(await alarmsOf(d.id)).toHaveLength(2);
    const raw = (await api('operator').get(`/api/devices/${d.id}/readings?resolution=raw&hours=1`)).json();
    expect(raw.points.map((p: { value: number }) => p.value)).toEqual([16, 17, 16, 14, 16, 16.5, 12, 18, 15, 18, 18]);
    const minute = (await api('operator').get(`/api/devices/${d.id}/readings?resolution=minute&hours=1`)).json();
    // the first minute holds the readings of 0 s to 55 s
    expect(minute.points[0]).toMatchObject({ min: 12, max: 18 });
    expect(minute.points[1]).toMatchObject({ min: 18, max: 18, value: 18 });
  });
});

describe('rule editor fields', () => {
  it('stores a rate-of-change rule with daily windows, judges it on the consumer path, and refuses an empty window', async () => {
    const made = await rule({
      deviceType: 'water_level',
      name: '积水快速上涨（夜间）',
      metric: 'water_cm',
      op: 'gt',
      threshold: 2,
      hysteresis: 1,
      minDurationS: 0,
      matterCode: '01004',
      measure: 'rate',
      windows: [{ from: '00:00', to: '23:59' }],
    });
    expect(made).toMatchObject({ measure: 'rate', windows: [{ from: '00:00', to: '23:59' }] });
    const listed = (await api('operator').get('/api/alarm-rules')).json() as { id: string; measure: string }[];
    expect(listed.find((r) => r.id === made.id)?.measure).toBe('rate');
    // 10 → 11 cm in a minute is 1 cm/min; then 11 → 16 cm in a minute is 5 cm/min: raised on the rate alone
    const d = await device('water_level', 'JS-RATE-1');
    await reading(d, T0, { water_cm: 10 });
    await reading(d, T0 + 60 * SEC, { water_cm: 11 });
    expect(await alarmsOf(d.id)).toHaveLength(0);
    await reading(d, T0 + 120 * SEC, { water_cm: 16 });
    expect(await alarmsOf(d.id)).toMatchObject([{ state: 'raised', value: 16 }]);

    const { id: _id, deviceType: _type, ...editable } = made;
    const ok = await api('admin').put(`/api/alarm-rules/${made.id}`, { ...editable, windows: [] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ windows: [], version: 2 });
    const bad = await api('admin').put(`/api/alarm-rules/${made.id}`, {
      ...editable,
      version: 2,
      windows: [{ from: '08:00', to: '08:00' }],
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().details?.[0]?.field ?? bad.body).toContain('windows');
    const malformed = await api('admin').put(`/api/alarm-rules/${made.id}`, {
      ...editable,
      version: 2,
      windows: [{ from: '25:00', to: '01:00' }],
    });
    expect(malformed.statusCode).toBe(400);
  });
});

describe('refused messages', () => {
  it('counts and stores a forged device, a bad signature and malformed payloads, and keeps consuming', async () => {
    const d = await device('manhole_tilt', 'JG-SIG-1');
    const before = await status();
    // a device nobody registered
    await send(
      `cityloop/${TENANT}/NO-SUCH-DEVICE/telemetry`,
      message({ code: 'NO-SUCH-DEVICE', key: d.key }, 'telemetry', T0, { tilt_deg: 40 }),
    );
    // a registered device's name with a key of the forger's own
    await send(
      `cityloop/${TENANT}/${d.code}/telemetry`,
      message({ code: d.code, key: 'f'.repeat(64) }, 'telemetry', T0, { tilt_deg: 40 }),
    );
    // a signature of other values than those sent
    const ts = new Date(T0).toISOString();
    await send(
      `cityloop/${TENANT}/${d.code}/telemetry`,
      JSON.stringify({ v: 1, ts, seq: 1, values: { tilt_deg: 40 }, sig: sign(d, 'telemetry', ts, 1, { tilt_deg: 4 }) }),
    );
    // not JSON; JSON without a signature; a value that is not a number
    await send(`cityloop/${TENANT}/${d.code}/telemetry`, Buffer.from([0xff, 0x00, 0x7b]));
    await send(
      `cityloop/${TENANT}/${d.code}/telemetry`,
      JSON.stringify({ v: 1, ts, seq: 2, values: { tilt_deg: 40 } }),
    );
    await send(
      `cityloop/${TENANT}/${d.code}/telemetry`,
      JSON.stringify({ v: 1, ts, seq: 3, values: { tilt_deg: 'forty' }, sig: '0'.repeat(64) }),
    );
    // a clock two days behind
    await send(
      `cityloop/${TENANT}/${d.code}/telemetry`,
      message(d, 'telemetry', T0 - 48 * 3600 * SEC, { tilt_deg: 40 }),
    );

    const after = await status();
    const delta = (k: string) => (after.rejected[k] ?? 0) - (before.rejected[k] ?? 0);
    expect({
      unknown: delta('unknown_device'),
      signature: delta('bad_signature'),
      json: delta('bad_json'),
      payload: delta('bad_payload'),
      stale: delta('stale'),
    }).toEqual({ unknown: 1, signature: 2, json: 1, payload: 2, stale: 1 });
    expect(after.accepted).toBe(before.accepted);
    expect(await alarmsOf(d.id)).toHaveLength(0);

    const page = await api('operator').get('/api/telemetry/rejected?pageSize=50');
    expect(page.statusCode, page.body).toBe(200);
    const rows = page.json().items as { reason: string; topic: string; payload: string; deviceCode: string }[];
    expect(
      rows
        .filter((r) => r.deviceCode === d.code)
        .map((r) => r.reason)
        .sort(),
    ).toEqual(['bad_json', 'bad_payload', 'bad_payload', 'bad_signature', 'bad_signature', 'stale']);
    expect(rows.find((r) => r.deviceCode === 'NO-SUCH-DEVICE')?.reason).toBe('unknown_device');
    // without the permission the page is refused
    expect((await api('inspector').get('/api/telemetry/rejected')).statusCode).toBe(403);

    // the consumer is alive: the device's next good message is stored
    expect(after.connected).toBe(true);
    await reading(d, T0 + SEC, { tilt_deg: 3 });
    expect((await status()).accepted).toBe(after.accepted + 1);
  });
});

describe('heartbeat', () => {
  it('raises device-offline after three missed heartbeats and clears it when the device is heard again', async () => {
    const d = await device('water_level', 'JS-HB-1', { heartbeatS: 60 });
    await send(`cityloop/${TENANT}/${d.code}/heartbeat`, message(d, 'heartbeat', T0, { battery_pct: 87 }));
    const shown = (await api('operator').get(`/api/devices/${d.id}`)).json();
    expect(shown).toMatchObject({ online: true, batteryPct: 87 });

    ctx.clock.advance(179 * SEC);
    await ctx.app.services.alarms.sweep(ctx.clock.now());
    expect(await alarmsOf(d.id)).toHaveLength(0);
    ctx.clock.advance(2 * SEC);
    await ctx.app.services.alarms.sweep(ctx.clock.now());
    // a second sweep raises nothing more
    await ctx.app.services.alarms.sweep(ctx.clock.now());
    let alarms = await alarmsOf(d.id);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ kind: 'offline', state: 'raised' });
    expect((await api('operator').get(`/api/devices/${d.id}`)).json().online).toBe(false);

    await send(
      `cityloop/${TENANT}/${d.code}/heartbeat`,
      message(d, 'heartbeat', ctx.clock.now().getTime(), { battery_pct: 86 }),
    );
    alarms = await alarmsOf(d.id);
    expect(alarms[0]).toMatchObject({ state: 'cleared', clearReason: 'online' });
    ctx.clock.set(new Date(T0));
  });
});

describe('cases', () => {
  it('files an auto case on channel sensor, and joins a citizen’s open case at the same place instead', async () => {
    await rule({
      deviceType: 'gas_detector',
      name: '可燃气体',
      metric: 'lel_pct',
      op: 'gt',
      threshold: 20,
      hysteresis: 5,
      minDurationS: 0,
      matterCode: '01011',
      autoCase: true,
    });
    // far from any report: a case of its own, on channel sensor
    const far = await device('gas_detector', 'RQ-FAR-1', { lng: 114.99, lat: 30.09 });
    await reading(far, T0, { lel_pct: 25 });
    await until(async () => (await alarmsOf(far.id))[0]?.caseId != null, 'the auto case');
    const own = (await alarmsOf(far.id))[0]!;
    expect(own).toMatchObject({ state: 'case', merged: false });
    const filed = (await api('operator').get(`/api/cases/${own.caseId}`)).json();
    expect(filed).toMatchObject({ channel: 'sensor', matterCode: '01011', status: 'reported' });

    // an inspector reported a broken manhole cover here first: the alarm joins that case
    const human = await api('inspector').post('/api/cases', {
      matterCode: '01003',
      description: '燃气井盖附近有异味，井盖松动',
      lng: 114.9652,
      lat: 30.1051,
    });
    expect(human.statusCode, human.body).toBe(201);
    const near = await device('gas_detector', 'RQ-NEAR-1', { lng: 114.9652, lat: 30.1051 });
    await reading(near, T0 + SEC, { lel_pct: 30 });
    await until(async () => (await alarmsOf(near.id))[0]?.caseId != null, 'the merge');
    const joined = (await alarmsOf(near.id))[0]!;
    expect(joined).toMatchObject({ state: 'case', merged: true, caseId: human.json().id, caseNo: human.json().caseNo });
    // the case's timeline shows both sources: the inspector who reported it and the sensor that joined it
    const timeline = (await api('operator').get(`/api/cases/${human.json().id}`)).json().timeline as {
      action: string;
      actorName: string | null;
      actorRole: string | null;
      note: string | null;
    }[];
    expect(timeline[0]).toMatchObject({ action: 'report', actorRole: 'inspector' });
    const joinedEvent = timeline.find((e) => e.action === 'source_joined');
    expect(joinedEvent?.actorName).toContain('物联感知');
    expect(joinedEvent?.note).toContain('RQ-NEAR-1');

    // an operator files the case of a manual-case rule's alarm by hand
    const tilt = await device('manhole_tilt', 'JG-HAND-1', { lng: 114.98, lat: 30.095 });
    await reading(tilt, T0, { tilt_deg: 30 });
    await reading(tilt, T0 + 10 * SEC, { tilt_deg: 30 });
    const raised = (await alarmsOf(tilt.id))[0]!;
    expect(raised).toMatchObject({ state: 'raised', caseId: null });
    expect((await api('inspector').post(`/api/alarms/${raised.id}/case`, { version: raised.version })).statusCode).toBe(
      403,
    );
    const made = await api('operator').post(`/api/alarms/${raised.id}/case`, { version: raised.version });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ state: 'case', merged: false });
    const again = await api('operator').post(`/api/alarms/${raised.id}/case`, { version: made.json().version });
    expect(again.statusCode).toBe(409);
    const cleared = await api('operator').post(`/api/alarms/${raised.id}/clear`, {
      version: made.json().version,
      note: '已现场复位',
    });
    expect(cleared.json()).toMatchObject({ state: 'cleared', clearReason: 'manual' });
  });
});

describe('broker restart', () => {
  it('loses no alarm: messages published while the consumer is away are delivered on its persistent session', async () => {
    const d = await device('manhole_tilt', 'JG-RESTART-1');
    await reading(d, T0, { tilt_deg: 2 });
    const before = await status();
    await broker.stop();
    await until(async () => !(await status()).connected, 'the consumer to notice');
    await broker.start();
    // published at once after the restart, before the consumer is back: the broker queues them for its session
    await publish(`cityloop/${TENANT}/${d.code}/telemetry`, message(d, 'telemetry', T0 + 20 * SEC, { tilt_deg: 40 }));
    await publish(`cityloop/${TENANT}/${d.code}/telemetry`, message(d, 'telemetry', T0 + 30 * SEC, { tilt_deg: 41 }));
    await until(async () => (await status()).accepted >= before.accepted + 2, 'the queued messages');
    const alarms = await alarmsOf(d.id);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]).toMatchObject({ state: 'raised', value: 41 });
    expect((await status()).connected).toBe(true);
  }, 60_000);
});
