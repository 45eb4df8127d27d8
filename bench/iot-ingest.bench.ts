/**
 * `npm run bench -- --iot`, part 1: sustained MQTT ingest with rule evaluation (docs/iot.md, "At scale").
 * The real app (bench/server.ts) in a child process consumes a private Mosquitto on its own port; a publisher child
 * process (mqtt.js, QoS 1, signed payloads as devices send them) publishes for `--devices` water-level sensors as
 * fast as the broker takes them (at most `--window` unacknowledged), about one reading in `--spike-every` over the
 * rule's threshold so alarms are raised and cleared. Measured over `--duration` s after a warm-up: the consumer's
 * stored messages/s (its own counter, /api/telemetry/consumer), the publisher's rate, publish → alarm on the live
 * stream (/api/live, as the console hears it), the server's RSS and the rows stored. The hello-world baseline is a
 * bare mqtt.js subscriber that only counts, fed by the same publisher.
 *   node --import tsx bench/iot-ingest.bench.ts --db sqlite|postgres [--devices 1000] [--duration 20] [--rate 10000]
 *     [--hello 0] [--broker-port 18845]
 *   roles started by the bench itself: --role publisher | --role counter
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import mqtt from 'mqtt';
import { signingString } from '../common/domain/iot.ts';
import { BROKER_QUEUE_SETTINGS, MOSQUITTO } from '../server/src/testing/mosquitto.ts';
import { processCpuMs, startApp, type AppProcess } from './lib/app-process.ts';
import { createBackend, type BackendName } from './lib/backend.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'bench' },
    db: { type: 'string', default: 'sqlite' },
    devices: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    window: { type: 'string', default: '2000' },
    // messages a second the publisher sends at most; 0 = as fast as the broker takes them
    rate: { type: 'string', default: '0' },
    // 0: no hello-world baseline (a shorter run when only the consumer's figures are wanted)
    hello: { type: 'string', default: '1' },
    'spike-every': { type: 'string', default: '100' },
    'broker-port': { type: 'string', default: '18845' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
    url: { type: 'string' },
    topic: { type: 'string' },
    keys: { type: 'string' },
  },
});
const TENANT = '420281';
const SELF = fileURLToPath(import.meta.url);

interface Dev {
  code: string;
  key: string;
}

// ---------------------------------------------------------------- publisher (child process)
/**
 * Publishes pre-signed messages (signing is done before the clock starts, so the publisher spends its time on
 * MQTT) for warm-up + duration seconds; reports per-second counts and when each spike was published.
 */
async function publisher(): Promise<void> {
  const devs = JSON.parse(process.env.BENCH_DEVICES ?? '[]') as Dev[];
  const seconds = Number(values.warmup) + Number(values.duration);
  const rateCap = Number(values.rate);
  const total = (rateCap > 0 ? rateCap : 20_000) * seconds;
  const spikeEvery = Number(values['spike-every']);
  const topicOf = values.topic ? () => values.topic! : (d: Dev) => `cityloop/${TENANT}/${d.code}/telemetry`;
  const start = Date.now() - 60_000;
  const msgs: { topic: string; payload: string; spike: string | null }[] = [];
  const seqs = new Map<string, number>();
  for (let i = 0; i < total; i++) {
    const d = devs[i % devs.length]!;
    const n = (seqs.get(d.code) ?? 0) + 1;
    seqs.set(d.code, n);
    // readings of one device 20 ms apart in device time; a spike over 15 cm, unique per device, now and then
    const ts = new Date(start + n * 20).toISOString();
    const spike = n % spikeEvery === 1;
    const value = spike ? 20 + (n % 1000) / 1000 : 5 + (n % 7);
    const values = { water_cm: value };
    const sig = createHmac('sha256', d.key)
      .update(signingString({ tenant: TENANT, device: d.code, kind: 'telemetry', ts, seq: n, values }))
      .digest('hex');
    msgs.push({
      topic: topicOf(d),
      payload: JSON.stringify({ v: 1, ts, seq: n, values, sig }),
      spike: spike ? `${d.code}|${value}` : null,
    });
  }
  const client = await mqtt.connectAsync(values.url!, { clientId: `bench-pub-${process.pid}`, clean: true });
  const window = Number(values.window);
  const perSec: number[] = [];
  const spikes: [string, number][] = [];
  let acked = 0;
  let inflight = 0;
  let i = 0;
  process.send!({ started: true });
  const t0 = Date.now();
  const deadline = t0 + seconds * 1000;
  const tick = setInterval(() => perSec.push(acked), 1000);
  let paced: NodeJS.Timeout | null = null;
  await new Promise<void>((resolve) => {
    const pump = () => {
      // at a fixed rate: no more than rate × elapsed sent so far; the pump is called again by a timer
      const allowed =
        rateCap > 0 ? Math.min(msgs.length, Math.floor(((Date.now() - t0) * rateCap) / 1000)) : msgs.length;
      while (inflight < window && i < allowed && Date.now() < deadline) {
        const m = msgs[i++]!;
        inflight++;
        if (m.spike) spikes.push([m.spike, Date.now()]);
        client.publish(m.topic, m.payload, { qos: 1 }, () => {
          inflight--;
          acked++;
          if (inflight < window / 2) setImmediate(pump);
        });
      }
      if ((i >= msgs.length || Date.now() >= deadline) && inflight === 0) resolve();
    };
    pump();
    if (rateCap > 0) paced = setInterval(pump, 2);
  });
  if (paced) clearInterval(paced);
  clearInterval(tick);
  process.send!({ perSec, acked, seconds: (Date.now() - t0) / 1000, spikes });
  await client.endAsync();
  process.exit(0);
}

// ---------------------------------------------------------------- hello-world subscriber (child process)
async function counter(): Promise<void> {
  let n = 0;
  const perSec: number[] = [];
  const client = await mqtt.connectAsync(values.url!, { clientId: `bench-count-${process.pid}`, clean: true });
  client.on('message', () => {
    // the series starts with the first message
    if (n++ === 0) setInterval(() => perSec.push(n), 1000);
  });
  await client.subscribeAsync(values.topic!, { qos: 1 });
  process.send!({ ready: true });
  process.on('message', () => {
    process.send!({ perSec });
    void client.endAsync().then(() => process.exit(0));
  });
}

// ---------------------------------------------------------------- the bench
function broker(port: number) {
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-bench-mqtt-'));
  chmodSync(dir, 0o777);
  const conf = join(dir, 'mosquitto.conf');
  // no persistence (nothing restarts here); the queue settings docs/iot.md asks a deployment for ("Broker
  // settings"), or those of BENCH_BROKER_SETTINGS ("max_inflight_messages 20|…") to measure others
  const settings = process.env.BENCH_BROKER_SETTINGS?.split('|') ?? BROKER_QUEUE_SETTINGS;
  writeFileSync(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'persistence false',
      ...settings,
      ...(process.env.BENCH_BROKER_LOG
        ? [
            `log_dest file ${process.env.BENCH_BROKER_LOG}`,
            'log_type error',
            'log_type warning',
            'log_type notice',
            'log_type information',
          ]
        : ['log_dest none']),
      '',
    ].join('\n'),
  );
  const child = spawn(MOSQUITTO, ['-c', conf], { stdio: 'ignore' });
  return {
    pid: child.pid!,
    settings,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function child(args: string[], env: Record<string, string> = {}): ChildProcess {
  return fork(SELF, args, { execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: 'inherit' });
}

/** The next message of a child; a child that exits (or falls silent for 10 minutes) first fails the bench. */
const message = <T>(c: ChildProcess) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench child sent nothing for 10 minutes')), 600_000);
    const exited = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`bench child exited with ${code} before its message`));
    };
    c.once('exit', exited);
    c.once('message', (m) => {
      clearTimeout(timer);
      c.off('exit', exited);
      resolve(m as T);
    });
  });

function pct(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

/** The rate over the measured seconds of a per-second cumulative series (warm-up left out). */
function rate(perSec: number[], warmup: number, duration: number): number {
  const a = perSec[warmup - 1] ?? 0;
  const b = perSec[Math.min(perSec.length - 1, warmup + duration - 1)] ?? a;
  return (b - a) / Math.max(1, Math.min(perSec.length, warmup + duration) - warmup);
}

export interface IngestResult {
  backend: BackendName;
  devices: number;
  /** the publisher's cap in messages/s, 0 = flat out */
  rate: number;
  brokerSettings: string[];
  ingestPerS: number;
  publisherPerS: number;
  helloPerS: number;
  alarmP50Ms: number;
  alarmP99Ms: number;
  alarmsMatched: number;
  spikes: number;
  rssMiB: number;
  peakRssMiB: number;
  rows: Record<string, number>;
  dbMiB: number | null;
  windowS: number;
  stored: number;
  /** messages the consumer refused over the run, by reason (each counted as handled) */
  rejected: Record<string, number>;
  /** messages the publisher had acknowledged, and how many of them the consumer handled by the window's end */
  published: number;
  handled: number;
  serverCpuPct: number | null;
  /** Mosquitto's CPU per message handled (in from the publisher and out to the consumer) */
  brokerCpuUsPerMsg: number | null;
  /** PostgreSQL: CPU of the app's database backends (their /proc stat) per message handled */
  pgCpuUsPerMsg: number | null;
  /** statements the app sent over the window (Kysely), per batch, and readings per insert statement */
  statements: { total: number; perBatch: number; readingsPerInsert: number; readingsPerInsertMax: number } | null;
  /** server CPU (all threads) per stored message, and the rate one fully available core would give at that cost */
  cpuUsPerMsg: number | null;
  perCoreMsgPerS: number | null;
  loadAverage: number[];
  /** 1-minute load average sampled each second over the window: min, mean, max */
  loadDuringRun: { min: number; mean: number; max: number };
}

async function bench(): Promise<void> {
  const name = values.db as BackendName;
  const devices = Number(values.devices);
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const port = Number(values['broker-port']);
  const url = `mqtt://127.0.0.1:${port}`;
  const log = (s: string) => console.log(`[iot ${name}] ${s}`);
  const mq = broker(port);
  await new Promise((r) => setTimeout(r, 300));
  const backend = await createBackend(name, values['pg-url']!);
  let app: AppProcess | null = null;
  try {
    // hello-world: a bare subscriber that only counts, fed by the same publisher on a topic nobody else reads
    const helloDevs: Dev[] = Array.from({ length: devices }, (_, i) => ({ code: `HW-${i}`, key: 'k'.repeat(64) }));
    let helloPerS = NaN;
    if (values.hello !== '0') {
      const counter = child(['--role', 'counter', '--url', url, '--topic', 'bench/hello']);
      await message(counter);
      const helloPub = child(
        [
          '--role',
          'publisher',
          '--url',
          url,
          '--topic',
          'bench/hello',
          '--duration',
          String(duration),
          '--warmup',
          String(warmup),
        ],
        { BENCH_DEVICES: JSON.stringify(helloDevs) },
      );
      await message(helloPub);
      const helloSent = await message<{ perSec: number[] }>(helloPub);
      counter.send('stop');
      const hello = await message<{ perSec: number[] }>(counter);
      helloPerS = rate(hello.perSec, warmup, duration);
      log(
        `hello-world subscriber ${Math.round(helloPerS)} msg/s (publisher ${Math.round(rate(helloSent.perSec, warmup, duration))}/s)`,
      );
    }

    // compiled as production runs it (not through the TypeScript loader); its log lines to BENCH_SERVER_LOG if set
    const logFd = process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'a') : undefined;
    // the app's PostgreSQL connections carry this name, so their backends' CPU can be read from /proc
    const appName = `cityloop-bench-${process.pid}`;
    app = await startApp(
      {
        ...backend.env,
        MQTT_URL: url,
        MQTT_CLIENT_ID: appName,
        PGAPPNAME: appName,
        BENCH_COUNT_STATEMENTS: '1',
      },
      120_000,
      {
        built: true,
        ...(logFd !== undefined ? { stdout: logFd } : {}),
      },
    );
    const base = `http://127.0.0.1:${app.port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Admin@12345' }),
    });
    const cookie = /cityloop_sid=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, unknown>>;
    };
    await post('/api/alarm-rules', {
      deviceType: 'water_level',
      name: '积水（压测）',
      metric: 'water_cm',
      op: 'gt',
      threshold: 15,
      hysteresis: 2,
      minDurationS: 0,
      matterCode: '01004',
      severity: 'major',
      autoCase: false,
    });
    const devs: Dev[] = [];
    for (let i = 0; i < devices; i++) {
      const r = await post('/api/devices', {
        code: `BENCH-${String(i).padStart(5, '0')}`,
        name: `压测设备 ${i}（合成）`,
        type: 'water_level',
        lng: 114.96 + (i % 100) * 0.0003,
        lat: 30.09 + Math.floor(i / 100) * 0.0003,
      });
      devs.push({ code: `BENCH-${String(i).padStart(5, '0')}`, key: r.key as string });
    }
    log(`${devices} devices registered`);

    // the live stream as the console hears it
    const heard = new Map<string, number>();
    const live = request(
      { host: '127.0.0.1', port: app.port, path: '/api/live', headers: { cookie, accept: 'text/event-stream' } },
      (res) => {
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let at;
          while ((at = buf.indexOf('\n\n')) >= 0) {
            const frame = buf.slice(0, at);
            buf = buf.slice(at + 2);
            const data = /^data: (.*)$/m.exec(frame)?.[1];
            if (!data || !frame.includes('alarm')) continue;
            try {
              const e = JSON.parse(data) as { action?: string; deviceCode?: string; value?: number; data?: never };
              const d = (e.data ?? e) as { action?: string; deviceCode?: string; value?: number };
              if (d.action === 'raised') heard.set(`${d.deviceCode}|${d.value}`, Date.now());
            } catch {
              // not an alarm frame
            }
          }
        });
      },
    );
    live.end();

    const status = async () =>
      (await (await fetch(`${base}/api/telemetry/consumer`, { headers: { cookie } })).json()) as {
        connected: boolean;
        received: number;
        accepted: number;
        rejected: Record<string, number>;
      };
    // the consumer is connected and subscribed before anything is published
    for (let i = 0; i < 100 && !(await status()).connected; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const pub = child(
      [
        '--role',
        'publisher',
        '--url',
        url,
        '--duration',
        String(duration),
        '--warmup',
        String(warmup),
        '--rate',
        String(values.rate),
      ],
      { BENCH_DEVICES: JSON.stringify(devs) },
    );
    await message(pub);
    const sent = message<{ perSec: number[]; acked: number; spikes: [string, number][] }>(pub);
    let peak = 0;
    const loads: number[] = [];
    let samples = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, app!.memoryMiB()?.rss ?? 0);
      if (samples++ % 2 === 0) loads.push(os.loadavg()[0]!);
    }, 500);
    // The window: from the end of the warm-up to when the consumer has handled (stored or refused) all that was
    // published; it ends early only if the consumer makes no progress for 10 s, so idle waiting is never counted.
    await new Promise((r) => setTimeout(r, warmup * 1000));
    // the CPU of each database backend of the app, first and last seen (a backend that starts within the window
    // counts from zero; one that ends loses at most its last half second)
    const pgSeen = new Map<number, { first: number; last: number }>();
    const samplePg = async () => {
      if (name !== 'postgres') return;
      const { rows: pids } = await sql<{ pid: number }>`select pid from pg_stat_activity
        where application_name = ${appName}`.execute(backend.database.db);
      for (const { pid } of pids) {
        const ms = processCpuMs(pid);
        if (ms === null) continue;
        const seen = pgSeen.get(pid);
        if (seen) seen.last = ms;
        else pgSeen.set(pid, { first: pgStarted ? 0 : ms, last: ms });
      }
    };
    let pgStarted = false;
    const pgSampler = setInterval(() => void samplePg(), 500);
    const statements = async () =>
      (await (await fetch(`${base}/bench/statements`)).json()) as {
        statements: number;
        byTarget: Record<string, number>;
        readingInserts: number;
        readingRows: number;
        readingRowsMax: number;
      };
    const mark = async () => {
      const s = await status();
      await samplePg();
      const pgMs = [...pgSeen.values()].reduce((a, b) => a + b.last - b.first, 0);
      return {
        t: performance.now(),
        n: s.received,
        accepted: s.accepted,
        cpu: app!.cpuMs(),
        broker: processCpuMs(mq.pid),
        pg: pgMs,
        st: await statements(),
      };
    };
    const from = await mark();
    pgStarted = true;
    const published = await sent;
    let to = await mark();
    let progress = to;
    while (to.n < published.acked && to.t - progress.t < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      const now = await mark();
      if (now.n > to.n) progress = now;
      to = now;
    }
    if (to.n < published.acked) to = progress;
    clearInterval(sampler);
    clearInterval(pgSampler);
    await new Promise((r) => setTimeout(r, 1500));
    live.destroy();
    const windowS = (to.t - from.t) / 1000;
    const ingestPerS = (to.accepted - from.accepted) / windowS;
    const cpuMs = from.cpu !== null && to.cpu !== null ? to.cpu - from.cpu : null;
    const brokerMs = from.broker !== null && to.broker !== null ? to.broker - from.broker : null;
    const final = await status();
    const lat = published.spikes.flatMap(([k, t]) => (heard.has(k) ? [heard.get(k)! - t] : [])).sort((a, b) => a - b);
    const db = backend.database.db;
    const count = async (t: 'telemetry_readings' | 'telemetry_minute_packs' | 'telemetry_hours' | 'alarms') =>
      Number(
        (
          await db
            .selectFrom(t)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const rows = {
      readings: await count('telemetry_readings'),
      minutePacks: await count('telemetry_minute_packs'),
      hours: await count('telemetry_hours'),
      alarms: await count('alarms'),
    };
    const dbMiB =
      name === 'sqlite'
        ? statSync(join(backend.dataDir, 'cityloop.db')).size / 2 ** 20
        : Number(
            (
              await sql<{
                b: string;
              }>`select sum(pg_total_relation_size(quote_ident(table_schema) || '.' || quote_ident(table_name)))::bigint as b
                from information_schema.tables where table_schema = ${backend.schema}`.execute(db)
            ).rows[0]?.b ?? 0,
          ) /
          2 ** 20;
    const mem = app.memoryMiB();
    const result: IngestResult = {
      backend: name,
      devices,
      rate: Number(values.rate),
      brokerSettings: mq.settings,
      ingestPerS,
      publisherPerS: rate(published.perSec, warmup, duration),
      helloPerS,
      alarmP50Ms: pct(lat, 50),
      alarmP99Ms: pct(lat, 99),
      alarmsMatched: lat.length,
      spikes: published.spikes.length,
      rssMiB: peak,
      peakRssMiB: mem?.peak ?? NaN,
      rows,
      dbMiB,
      windowS,
      stored: to.accepted - from.accepted,
      rejected: final.rejected,
      published: published.acked,
      handled: to.n,
      serverCpuPct: cpuMs !== null ? (cpuMs / (windowS * 1000)) * 100 : null,
      cpuUsPerMsg: cpuMs !== null && to.n > from.n ? (cpuMs * 1000) / (to.n - from.n) : null,
      perCoreMsgPerS: cpuMs ? ((to.n - from.n) * 1000) / cpuMs : null,
      pgCpuUsPerMsg: name === 'postgres' && to.n > from.n ? ((to.pg - from.pg) * 1000) / (to.n - from.n) : null,
      statements: (() => {
        const batches = to.st.readingInserts - from.st.readingInserts;
        const total = to.st.statements - from.st.statements;
        return {
          total,
          perBatch: batches ? total / batches : NaN,
          readingsPerInsert: batches ? (to.st.readingRows - from.st.readingRows) / batches : NaN,
          readingsPerInsertMax: to.st.readingRowsMax,
        };
      })(),
      brokerCpuUsPerMsg: brokerMs !== null && to.n > from.n ? (brokerMs * 1000) / (to.n - from.n) : null,
      loadAverage: os.loadavg().map((v) => Math.round(v * 100) / 100),
      loadDuringRun: {
        min: Math.min(...loads),
        mean: Math.round((loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)) * 100) / 100,
        max: Math.max(...loads),
      },
    };
    log(
      `${result.rate ? `publisher capped at ${result.rate}/s` : 'publisher flat out'}, broker: ${mq.settings.join(', ')}`,
    );
    log(
      `ingest ${Math.round(ingestPerS)} msg/s handled over ${windowS.toFixed(1)} s (publisher ${Math.round(result.publisherPerS)}/s, hello-world ${Math.round(helloPerS)}/s); ` +
        `publish → alarm p50 ${result.alarmP50Ms} ms p99 ${result.alarmP99Ms} ms (${lat.length}/${published.spikes.length} spikes heard); ` +
        `server CPU ${result.serverCpuPct?.toFixed(0)} % = ${result.cpuUsPerMsg?.toFixed(0)} µs/msg (${Math.round(result.perCoreMsgPerS ?? NaN)} msg/s per core), PostgreSQL backends ${result.pgCpuUsPerMsg?.toFixed(0) ?? 'n/a'} µs/msg, ${result.statements?.total} statements (${result.statements?.perBatch.toFixed(1)} per readings insert, ${result.statements?.readingsPerInsert.toFixed(0)} readings per insert, max ${result.statements?.readingsPerInsertMax}), broker ${result.brokerCpuUsPerMsg?.toFixed(0)} µs/msg, RSS max ${peak.toFixed(0)} MiB (VmHWM ${result.peakRssMiB.toFixed(0)}); ` +
        `rows ${JSON.stringify(rows)}; database ${dbMiB.toFixed(0)} MiB; refused ${JSON.stringify(final.rejected)}; handled ${to.n} of ${published.acked} published; load during the window ${JSON.stringify(result.loadDuringRun)}`,
    );
    console.log(`RESULT ${JSON.stringify(result)}`);
    console.log(`STATEMENTS ${JSON.stringify(to.st.byTarget)}`);
  } finally {
    await app?.stop();
    mq.stop();
    await backend.dispose();
  }
}

if (values.role === 'publisher') await publisher();
else if (values.role === 'counter') await counter();
else await bench();
