/**
 * The demo fleet of 城市之感 (docs/iot.md, "Simulator"): registers a few hundred SYNTHETIC devices of six types in the
 * demo city through the API (codes `SIM-…`, names marked 演示), loads the default rules, and then drives them against
 * the broker with signed messages: readings around a plausible level with noise, now and then an excursion over the
 * rule's threshold that lasts long enough to raise an alarm and then recovers, heartbeats with battery and signal,
 * and one device whose battery runs low. The server must run with MQTT_URL pointing at the same broker.
 *
 *   npm run simulate:devices -- [--url http://127.0.0.1:8080] [--mqtt mqtt://127.0.0.1:1883] [--count 300]
 *                               [--every 10] [--user admin --password Admin@12345] [--binary 0.3] [--once]
 *
 * A share of the fleet (`--binary`, default 0.3 of the devices, picked by position) sends the compact binary frame of
 * LPWAN devices instead of JSON (docs/iot.md, "Binary payload").
 *
 * Keys are issued afresh (the registration answer, or a key rotation for a device already there) each time the
 * simulator starts: it holds them in memory only.
 */
import { createHmac } from 'node:crypto';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { DEFAULT_RULES, signingString, type DeviceType, type MessageKind } from '../common/domain/iot.ts';
import { encodeBinary } from '../server/src/modules/telemetry/index.ts';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BASE_URL ?? 'http://127.0.0.1:8080' },
    mqtt: { type: 'string', default: process.env.MQTT_URL ?? 'mqtt://127.0.0.1:1883' },
    count: { type: 'string', default: '300' },
    every: { type: 'string', default: '10' },
    user: { type: 'string', default: 'admin' },
    password: { type: 'string', default: 'Admin@12345' },
    tenant: { type: 'string', default: '420281' },
    once: { type: 'boolean', default: false },
    binary: { type: 'string', default: '0.3' },
  },
});

/** The six types driven and a plausible resting level and noise of each primary metric. */
const FLEET: Record<
  Exclude<DeviceType, 'site_noise'>,
  { prefix: string; name: string; base: number; noise: number }
> = {
  manhole_tilt: { prefix: 'JG', name: '井盖倾角', base: 1.5, noise: 0.8 },
  water_level: { prefix: 'JS', name: '积水液位', base: 0, noise: 0.6 },
  gas_detector: { prefix: 'RQ', name: '可燃气体', base: 1, noise: 1 },
  bin_fill: { prefix: 'LJ', name: '垃圾箱满溢', base: 45, noise: 15 },
  pump_station: { prefix: 'BZ', name: '泵站水位', base: 1.4, noise: 0.3 },
  site_dust: { prefix: 'YC', name: '工地扬尘', base: 70, noise: 20 },
};
const TYPES = Object.keys(FLEET) as (keyof typeof FLEET)[];
/** The synthetic demo extent of the city centre (docs/demo-city.md). */
const CENTRE = { lng: 114.975, lat: 30.1 };

interface SimDevice {
  id: string;
  code: string;
  type: keyof typeof FLEET;
  key: string;
  seq: number;
  /** sends binary frames (docs/iot.md, "Binary payload"), whose seq is a uint32 */
  binary: boolean;
  battery: number;
  /** readings left in the current excursion over the threshold (0: none) */
  excursion: number;
}

let csrf = '';
let cookie = '';
async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${args.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(cookie ? { cookie } : {}),
      ...(csrf ? { 'x-csrf-token': csrf } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const setCookie = res.headers.getSetCookie?.() ?? [];
  if (setCookie.length) cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20241206);

async function setUp(count: number): Promise<SimDevice[]> {
  const login = await call<{ csrfToken: string }>('POST', '/api/auth/login', {
    username: args.user,
    password: args.password,
  });
  if (login.status !== 200) throw new Error(`login failed (${login.status}): ${JSON.stringify(login.body)}`);
  csrf = login.body.csrfToken;
  await call('POST', '/api/alarm-rules/defaults', {});
  const existing = new Map<string, string>();
  for (let page = 1; ; page++) {
    const res = await call<{ items: { id: string; code: string }[]; total: number }>(
      'GET',
      `/api/devices?q=SIM-&pageSize=200&page=${page}`,
    );
    for (const d of res.body.items) existing.set(d.code, d.id);
    if (res.body.items.length < 200) break;
  }
  const devices: SimDevice[] = [];
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length]!;
    const f = FLEET[type];
    const code = `SIM-${f.prefix}-${String(Math.floor(i / TYPES.length) + 1).padStart(4, '0')}`;
    let id = existing.get(code);
    let key: string | null = null;
    if (id) {
      const rotated = await call<{ key: string }>('POST', `/api/devices/${id}/key`);
      key = rotated.body.key;
    } else {
      // a point in the city centre; one outside the city is refused, so try another
      for (let attempt = 0; attempt < 10 && !id; attempt++) {
        const res = await call<{ device: { id: string }; key: string }>('POST', '/api/devices', {
          code,
          name: `演示${f.name}传感器（合成）${code.slice(-4)}`,
          type,
          lng: Math.round((CENTRE.lng + (random() - 0.5) * 0.06) * 1e6) / 1e6,
          lat: Math.round((CENTRE.lat + (random() - 0.5) * 0.05) * 1e6) / 1e6,
          heartbeatS: 300,
        });
        if (res.status === 201) {
          id = res.body.device.id;
          key = res.body.key;
        }
      }
    }
    if (!id || !key) throw new Error(`could not register ${code}`);
    // the first `--binary` share of every hundred devices speaks binary; one in every hundred starts with a battery
    // that is running out
    const binary = i % 100 < Number(args.binary) * 100;
    devices.push({
      id,
      code,
      type,
      key,
      binary,
      seq: binary ? Math.floor(Date.now() / 1000) : Date.now(),
      battery: i % 100 === 7 ? 9 : 60 + random() * 40,
      excursion: 0,
    });
  }
  return devices;
}

function reading(d: SimDevice): Record<string, number> {
  const f = FLEET[d.type];
  const rule = DEFAULT_RULES[d.type];
  // about one reading in 400 starts an excursion long enough to pass the rule's minimum duration
  if (d.excursion === 0 && random() < 0.0025) d.excursion = Math.ceil(rule.minDurationS / Number(args.every)) + 3;
  let v = f.base + (random() - 0.5) * 2 * f.noise;
  if (d.excursion > 0) {
    d.excursion--;
    v = rule.threshold * (1.1 + random() * 0.4);
  }
  v = Math.max(0, Math.round(v * 1000) / 1000);
  const values: Record<string, number> = { [rule.metric]: v };
  if (d.type === 'pump_station') values.running = v > 2 ? 1 : 0;
  return values;
}

function message(tenant: string, d: SimDevice, kind: MessageKind, values: Record<string, number>): string | Buffer {
  if (d.binary) {
    d.seq++;
    const ts = Math.floor(Date.now() / 1000);
    return encodeBinary({ tenant, device: d.code, kind }, { ts, seq: d.seq, values }, d.key);
  }
  const ts = new Date().toISOString();
  d.seq++;
  const sig = createHmac('sha256', d.key)
    .update(signingString({ tenant, device: d.code, kind, ts, seq: d.seq, values }))
    .digest('hex');
  return JSON.stringify({ v: 1, ts, seq: d.seq, values, sig });
}

async function main() {
  const count = Number(args.count);
  const everyS = Number(args.every);
  const devices = await setUp(count);
  console.log(`${devices.length} demo devices ready; publishing to ${args.mqtt} every ${everyS} s`);
  const client = await mqtt.connectAsync(args.mqtt, { clientId: `cityloop-sim-${process.pid}`, clean: true });
  let tick = 0;
  let sent = 0;
  const round = async () => {
    tick++;
    for (const d of devices) {
      const topic = `cityloop/${args.tenant}/${d.code}`;
      await client.publishAsync(`${topic}/telemetry`, message(args.tenant, d, 'telemetry', reading(d)), { qos: 1 });
      sent++;
      // a heartbeat every sixth round, with the battery slowly draining and the signal
      if (tick % 6 === 1) {
        d.battery = Math.max(1, d.battery - 0.05);
        const hb = { battery_pct: Math.round(d.battery * 10) / 10, rssi_dbm: Math.round(-70 - random() * 30) };
        await client.publishAsync(`${topic}/heartbeat`, message(args.tenant, d, 'heartbeat', hb), { qos: 1 });
        sent++;
      }
    }
    const over = devices.filter((d) => d.excursion > 0).map((d) => d.code);
    console.log(`round ${tick}: ${sent} messages so far${over.length ? `; over threshold: ${over.join(', ')}` : ''}`);
  };
  await round();
  if (args.once) {
    await client.endAsync();
    return;
  }
  const timer = setInterval(() => void round(), everyS * 1000);
  process.once('SIGINT', () => {
    clearInterval(timer);
    void client.endAsync().then(() => process.exit(0));
  });
}

await main();
