import { createHmac } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingString } from '../../../../common/domain/iot.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { startPrivateBroker, type PrivateBroker } from '../../testing/mosquitto.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';
import { encodeBinary, TAG_BYTES } from './binary-payload.ts';

/**
 * The binary frame for LPWAN devices end to end on a private Mosquitto: a frame is stored and judged by the rules
 * exactly like the same reading in JSON, and every malformed or forged frame is refused with its reason and counted,
 * while the consumer goes on with the next message.
 */
let ctx: TestContext;
let broker: PrivateBroker;
let s: Record<string, Session>;
let publisher: MqttClient;
const T0 = Date.parse(TEST_NOW);
const TENANT = '420281';
const api = (who: string) => as(ctx.app, s[who]!);

interface TestDevice {
  id: string;
  code: string;
  key: string;
}

async function status() {
  const res = await api('operator').get('/api/telemetry/consumer');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { connected: boolean; accepted: number; rejected: Record<string, number> };
}
const handled = (x: { accepted: number; rejected: Record<string, number> }) =>
  x.accepted + Object.values(x.rejected).reduce((a, b) => a + b, 0);

async function until(test: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Publishes and waits until the consumer has stored or refused it. */
async function send(d: TestDevice, payload: Buffer | string, kind = 'telemetry') {
  const before = handled(await status());
  await publisher.publishAsync(`cityloop/${TENANT}/${d.code}/${kind}`, payload, { qos: 1 });
  await until(async () => handled(await status()) > before, `the message of ${d.code}`);
}

async function device(code: string): Promise<TestDevice> {
  const res = await api('admin').post('/api/devices', {
    code,
    name: `测试设备 ${code}`,
    type: 'manhole_tilt',
    lng: 114.975,
    lat: 30.1,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().device.id, code, key: res.json().key };
}

const frame = (d: TestDevice, at: number, seq: number, values: Record<string, number>, key = d.key) =>
  encodeBinary({ tenant: TENANT, device: d.code, kind: 'telemetry' }, { ts: at / 1000, seq, values }, key);

function json(d: TestDevice, at: number, seq: number, values: Record<string, number>) {
  const ts = new Date(at).toISOString();
  const sig = createHmac('sha256', d.key)
    .update(signingString({ tenant: TENANT, device: d.code, kind: 'telemetry', ts, seq, values }))
    .digest('hex');
  return JSON.stringify({ v: 1, ts, seq, values, sig });
}

/** A frame whose body a test changed, signed again so that only the change is wrong. */
function resigned(d: TestDevice, body: Buffer): Buffer {
  const tag = createHmac('sha256', d.key)
    .update(`cityloop-b1\n${TENANT}\n${d.code}\ntelemetry\n`)
    .update(body)
    .digest()
    .subarray(0, TAG_BYTES);
  return Buffer.concat([body, tag]);
}

async function readings(d: TestDevice, metric: string) {
  const res = await api('operator').get(`/api/devices/${d.id}/readings?resolution=raw&hours=1&metric=${metric}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().points as { at: string; value: number }[]).map((p) => ({ at: p.at, value: p.value }));
}

async function alarmsOf(d: TestDevice) {
  const res = await api('operator').get(`/api/alarms?deviceId=${d.id}&sort=raisedAt&order=asc`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { state: string; value: number; clearReason: string | null }[];
}

beforeAll(async () => {
  broker = await startPrivateBroker();
  ctx = await createTestApp({
    env: {
      MQTT_URL: broker.url,
      MQTT_CLIENT_ID: `cityloop-bin-${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
      SESSION_TTL_HOURS: '720',
    },
  });
  s = await staffSessions(ctx.app);
  await until(async () => (await status()).connected, 'the consumer to connect');
  publisher = await mqtt.connectAsync(broker.url, { clientId: `lpwan-sim-${process.pid}`, clean: true });
  const rule = await api('admin').post('/api/alarm-rules', {
    deviceType: 'manhole_tilt',
    name: '井盖倾斜',
    metric: 'tilt_deg',
    op: 'gt',
    threshold: 15,
    hysteresis: 3,
    minDurationS: 0,
    matterCode: '01003',
    severity: 'major',
    autoCase: false,
  });
  expect(rule.statusCode, rule.body).toBe(201);
}, 120_000);

afterAll(async () => {
  await publisher?.endAsync();
  await ctx?.close();
  await broker?.dispose();
});

describe('binary frames', () => {
  it('are stored and judged exactly like the same readings in JSON', async () => {
    const bin = await device('LP-BIN-1');
    const txt = await device('LP-JSON-1');
    const series: { at: number; values: Record<string, number> }[] = [
      { at: T0, values: { tilt_deg: 2.125, battery_pct: 87 } },
      { at: T0 + 10_000, values: { tilt_deg: 16.5, rssi_dbm: -97 } },
      { at: T0 + 20_000, values: { tilt_deg: 11.999 } },
    ];
    for (const [i, r] of series.entries()) {
      await send(bin, frame(bin, r.at, i + 1, r.values));
      await send(txt, json(txt, r.at, i + 1, r.values));
    }
    for (const metric of ['tilt_deg', 'battery_pct', 'rssi_dbm'])
      expect(await readings(bin, metric)).toEqual(await readings(txt, metric));
    expect(await readings(bin, 'tilt_deg')).toEqual([
      { at: new Date(T0).toISOString(), value: 2.125 },
      { at: new Date(T0 + 10_000).toISOString(), value: 16.5 },
      { at: new Date(T0 + 20_000).toISOString(), value: 11.999 },
    ]);
    // the rule raised at 16.5 and cleared at 11.999 (past the 3° hysteresis) for both
    const strip = (a: { state: string; value: number; clearReason: string | null }) => ({
      state: a.state,
      value: a.value,
      clearReason: a.clearReason,
    });
    expect((await alarmsOf(bin)).map(strip)).toEqual([{ state: 'cleared', value: 16.5, clearReason: 'recovered' }]);
    expect((await alarmsOf(bin)).map(strip)).toEqual((await alarmsOf(txt)).map(strip));
    // the heartbeat's battery lands on the device as from JSON
    const hb = encodeBinary(
      { tenant: TENANT, device: bin.code, kind: 'heartbeat' },
      { ts: T0 / 1000 + 30, seq: 9, values: { battery_pct: 41.5 } },
      bin.key,
    );
    await send(bin, hb, 'heartbeat');
    expect((await api('operator').get(`/api/devices/${bin.id}`)).json().batteryPct).toBe(41.5);
  });

  it('refuses each malformation and a forged signature with its reason, and goes on', async () => {
    const d = await device('LP-BAD-1');
    const good = frame(d, T0, 1, { tilt_deg: 3 });
    const body = good.subarray(0, good.length - TAG_BYTES);
    const edit = (at: number, byte: number) => {
      const b = Buffer.from(body);
      b[at] = byte;
      return b;
    };
    const forger = { ...d, key: 'f'.repeat(64) };
    const cases: [string, Buffer, string, string | null][] = [
      ['short', good.subarray(0, 12), 'bad_payload', 'binary: 12 bytes, a frame has at least 26'],
      [
        'version',
        Buffer.concat([edit(0, 0xb7), good.subarray(body.length)]),
        'bad_payload',
        'binary: unknown format byte 0xb7',
      ],
      ['metric id', resigned(d, edit(10, 99)), 'bad_payload', 'binary: unknown metric id 99'],
      ['too many', resigned(d, edit(9, 17)), 'bad_payload', 'binary: 17 metrics, at most 16'],
      [
        'trailing',
        resigned(d, Buffer.concat([body, Buffer.from([1, 2, 3])])),
        'bad_payload',
        'binary: 3 bytes more than the metrics and the signature take',
      ],
      ['forged', frame(d, T0, 2, { tilt_deg: 30 }, forger.key), 'bad_signature', null],
      [
        'stale',
        frame(d, T0 - 2 * 86_400_000, 3, { tilt_deg: 3 }),
        'stale',
        `ts ${new Date(T0 - 2 * 86_400_000).toISOString()}`,
      ],
    ];
    const before = await status();
    for (const [, payload] of cases) await send(d, payload);
    const after = await status();
    const delta = (k: string) => (after.rejected[k] ?? 0) - (before.rejected[k] ?? 0);
    expect([delta('bad_payload'), delta('bad_signature'), delta('stale')]).toEqual([5, 1, 1]);
    expect(after.accepted).toBe(before.accepted);

    const res = await api('operator').get(`/api/telemetry/rejected?q=LP-BAD-1&pageSize=50&sort=receivedAt&order=asc`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      reason: string;
      detail: string | null;
      payloadBytes: number;
      payload: string;
      deviceCode: string;
    }[];
    expect(items.map((r) => [r.reason, r.detail])).toEqual(cases.map(([, , reason, detail]) => [reason, detail]));
    expect(items.map((r) => r.payloadBytes)).toEqual(cases.map(([, p]) => p.length));
    // frames are bytes, not text: the log keeps them as hex that reads back to the frame's first bytes
    expect(items.map((r) => r.payload)).toEqual(cases.map(([, p]) => `hex:${p.subarray(0, 500).toString('hex')}`));
    expect(await readings(d, 'tilt_deg')).toEqual([]);

    // the consumer is still there: the good frame goes through after all of them
    await send(d, good);
    expect(await readings(d, 'tilt_deg')).toEqual([{ at: new Date(T0).toISOString(), value: 3 }]);
  });
});
