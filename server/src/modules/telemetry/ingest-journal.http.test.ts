import { createHmac } from 'node:crypto';
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingString } from '../../../../common/domain/iot.ts';
import { startPrivateBroker, type PrivateBroker } from '../../testing/mosquitto.ts';
import { makeTempDir, removeTempDir } from '../../testing/temp-dir.ts';
import {
  as,
  createTestApp,
  login,
  restartedApp,
  type Session,
  type TestApp,
  type TestContext,
} from '../../testing/test-app.ts';
import { TEST_NOW } from '../../testing/test-template.ts';
import { IngestJournal } from './ingest-journal.ts';

/**
 * The ingest journal: what the consumer acknowledged but had not stored when its process died is stored and judged
 * on the next start (once, however often it was journaled), and a record cut short by the crash is skipped.
 */
const TENANT = '420281';
const T0 = Date.parse(TEST_NOW);
// this file's broker port, inside the range set aside for the ingest tests (18840–18844)
const PORT = 18840 + (process.pid % 5);

describe('journal file', () => {
  it('replays the records past the checkpoint across segments and drops the segments behind it', () => {
    const dir = makeTempDir('cityloop-journal-');
    try {
      const rec = (i: number) => ({ topic: `t/${i}`, payload: Buffer.from(`payload ${i}`), receivedAt: T0 + i });
      const j = new IngestJournal(dir, 'c1', { fsync: false, segmentBytes: 100 });
      const marks = [0, 1, 2, 3, 4, 5].map((i) => j.append(rec(i)));
      expect(new Set(marks.map((m) => m.segment)).size).toBeGreaterThan(1);
      j.commit(marks[2]!);
      j.close();
      // the next process: records 3..5 are pending; a record cut short at the end is not
      const last = readdirSync(dir)
        .filter((f) => f.endsWith('.journal'))
        .sort()
        .at(-1)!;
      appendFileSync(join(dir, last), Buffer.from([200, 0, 0, 0, 1, 2, 3]));
      const again = new IngestJournal(dir, 'c1', { fsync: false, segmentBytes: 100 });
      const pending = again.pending();
      expect(pending.map((p) => p.record.topic)).toEqual(['t/3', 't/4', 't/5']);
      expect(pending[0]!.record).toEqual(rec(3));
      again.commit(pending.at(-1)!.mark);
      expect(again.pending()).toEqual([]);
      // segments wholly behind the checkpoint are gone
      const left = readdirSync(dir).filter((f) => f.endsWith('.journal')).length;
      expect(left).toBeLessThanOrEqual(2);
      again.close();
    } finally {
      removeTempDir(dir);
    }
  });
});

let broker: PrivateBroker;
let ctx: TestContext;
let app: TestApp | null = null;
let admin: Session;

beforeAll(async () => {
  broker = await startPrivateBroker(PORT);
  ctx = await createTestApp({
    env: { MQTT_URL: broker.url, MQTT_CLIENT_ID: `cityloop-journal-${process.pid}`, SESSION_TTL_HOURS: '720' },
  });
  admin = await login(ctx.app, 'admin', 'Admin@12345');
}, 180_000);

afterAll(async () => {
  await app?.close();
  await ctx?.database.close();
  if (ctx) removeTempDir(ctx.config.dataDir);
  await broker?.dispose();
});

describe('crash replay', () => {
  it('stores and judges on restart what was journaled and acknowledged before the process died', async () => {
    const api = as(ctx.app, admin);
    const made = await api.post('/api/devices', {
      code: 'RQ-JOURNAL-1',
      name: '测试设备 RQ-JOURNAL-1',
      type: 'gas_detector',
      lng: 114.975,
      lat: 30.1,
    });
    expect(made.statusCode, made.body).toBe(201);
    const { device, key } = made.json() as { device: { id: string }; key: string };
    const rule = await api.post('/api/alarm-rules', {
      deviceType: 'gas_detector',
      name: '可燃气体',
      metric: 'lel_pct',
      op: 'gt',
      threshold: 20,
      hysteresis: 5,
      minDurationS: 0,
      matterCode: '01011',
      severity: 'major',
      autoCase: false,
    });
    expect(rule.statusCode, rule.body).toBe(201);
    await ctx.app.close();

    // what the dead process had journaled (and acknowledged): two readings, one of them twice, and a forged one
    const signed = (ts: string, seq: number, values: Record<string, number>, k = key) =>
      JSON.stringify({
        v: 1,
        ts,
        seq,
        values,
        sig: createHmac('sha256', k)
          .update(signingString({ tenant: TENANT, device: 'RQ-JOURNAL-1', kind: 'telemetry', ts, seq, values }))
          .digest('hex'),
      });
    const topic = `cityloop/${TENANT}/RQ-JOURNAL-1/telemetry`;
    const journal = new IngestJournal(ctx.config.mqtt!.journal.dir, ctx.config.mqtt!.clientId, {
      fsync: false,
      segmentBytes: 1 << 20,
    });
    const first = signed(new Date(T0).toISOString(), 1, { lel_pct: 3 });
    for (const payload of [
      first,
      first,
      signed(new Date(T0 + 60_000).toISOString(), 2, { lel_pct: 35 }),
      signed(new Date(T0 + 90_000).toISOString(), 3, { lel_pct: 50 }, 'f'.repeat(64)),
    ])
      journal.append({ topic, payload: Buffer.from(payload), receivedAt: T0 + 100_000 });
    journal.close();

    app = await restartedApp(ctx);
    const again = as(app, admin);
    const deadline = Date.now() + 20_000;
    let status: { accepted: number; rejected: Record<string, number> };
    for (;;) {
      status = (await again.get('/api/telemetry/consumer')).json();
      if (status.accepted + (status.rejected.bad_signature ?? 0) >= 4 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toMatchObject({ accepted: 3, rejected: { bad_signature: 1 } });
    const raw = (await again.get(`/api/devices/${device.id}/readings?resolution=raw&hours=1`)).json();
    expect(raw.points.map((p: { value: number }) => p.value)).toEqual([3, 35]);
    const alarms = (await again.get(`/api/alarms?deviceId=${device.id}`)).json().items;
    expect(alarms).toMatchObject([{ state: 'raised', value: 35 }]);
    // once stored, the journal has nothing left to replay
    const dir = ctx.config.mqtt!.journal.dir;
    const left = () => readdirSync(dir).filter((f) => f.endsWith('.journal') && statSync(join(dir, f)).size > 0);
    const until = Date.now() + 10_000;
    while (left().length && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(left()).toEqual([]);
  }, 60_000);
});

describe('one batch, several devices', () => {
  it('marks each device seen once (a later time kept), and raises and clears within and across batches', async () => {
    const api = as(app!, admin);
    const made = async (code: string) => {
      const res = await api.post('/api/devices', {
        code,
        name: `测试设备 ${code}`,
        type: 'gas_detector',
        lng: 114.975,
        lat: 30.1,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { device: { id: string }; key: string };
    };
    const a = await made('RQ-BATCH-A');
    const b = await made('RQ-BATCH-B');
    await app!.close();
    const message = (
      code: string,
      key: string,
      kind: 'telemetry' | 'heartbeat',
      at: number,
      seq: number,
      values: Record<string, number>,
    ) => {
      const ts = new Date(at).toISOString();
      return {
        topic: `cityloop/${TENANT}/${code}/${kind}`,
        payload: Buffer.from(
          JSON.stringify({
            v: 1,
            ts,
            seq,
            values,
            sig: createHmac('sha256', key)
              .update(signingString({ tenant: TENANT, device: code, kind, ts, seq, values }))
              .digest('hex'),
          }),
        ),
      };
    };
    const replay = async (records: { topic: string; payload: Buffer; receivedAt: number }[], expected: number) => {
      const journal = new IngestJournal(ctx.config.mqtt!.journal.dir, ctx.config.mqtt!.clientId, {
        fsync: false,
        segmentBytes: 1 << 20,
      });
      for (const r of records) journal.append(r);
      journal.close();
      app = await restartedApp(ctx);
      // the counter is the new process's own
      const deadline = Date.now() + 20_000;
      let accepted: number;
      for (;;) {
        accepted = (await as(app, admin).get('/api/telemetry/consumer')).json().accepted as number;
        if (accepted >= expected || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(accepted).toBe(expected);
    };
    const T = T0 + 200_000;
    // first batch: A goes over the threshold and back below it (raised and cleared in the batch), then reports its
    // battery; B goes over and stays
    await replay(
      [
        { ...message('RQ-BATCH-A', a.key, 'telemetry', T, 1, { lel_pct: 35 }), receivedAt: T + 1000 },
        { ...message('RQ-BATCH-B', b.key, 'telemetry', T, 1, { lel_pct: 40 }), receivedAt: T + 1000 },
        { ...message('RQ-BATCH-A', a.key, 'telemetry', T + 1000, 2, { lel_pct: 10 }), receivedAt: T + 2000 },
        { ...message('RQ-BATCH-A', a.key, 'heartbeat', T + 2000, 3, { battery_pct: 80 }), receivedAt: T + 3000 },
      ],
      4,
    );
    const alarmsOf = async (id: string) =>
      (await as(app!, admin).get(`/api/alarms?deviceId=${id}`)).json().items as {
        id: string;
        state: string;
        value: number;
        version: number;
      }[];
    expect(await alarmsOf(a.device.id)).toMatchObject([{ state: 'cleared', value: 35, version: 2 }]);
    const [open] = await alarmsOf(b.device.id);
    expect(open).toMatchObject({ state: 'raised', value: 40, version: 1 });
    // the staff on duty are told of both raised alarms, once each
    const notices = await ctx.database.db
      .selectFrom('notifications')
      .select(['message'])
      .where('kind', '=', 'alarm.raised')
      .where('message', 'like', '%RQ-BATCH-%')
      .execute();
    const staff = notices.filter((n) => n.message.includes('RQ-BATCH-A')).length;
    expect(staff).toBeGreaterThan(0);
    expect(notices.filter((n) => n.message.includes('RQ-BATCH-B')).length).toBe(staff);
    const device = async (id: string) =>
      (await as(app!, admin).get(`/api/devices/${id}`)).json() as { lastSeenAt: string; batteryPct: number | null };
    expect(await device(a.device.id)).toMatchObject({ lastSeenAt: new Date(T + 3000).toISOString(), batteryPct: 80 });
    expect(await device(b.device.id)).toMatchObject({ lastSeenAt: new Date(T + 1000).toISOString() });
    await app!.close();

    // second batch: B recovers (its stored alarm is cleared); a message of A received earlier than the one already
    // stored leaves A's last-seen time and battery as they are
    await replay(
      [
        { ...message('RQ-BATCH-B', b.key, 'telemetry', T + 5000, 2, { lel_pct: 5 }), receivedAt: T + 6000 },
        { ...message('RQ-BATCH-A', a.key, 'heartbeat', T + 500, 4, { battery_pct: 20 }), receivedAt: T + 500 },
      ],
      2,
    );
    expect(await alarmsOf(b.device.id)).toMatchObject([{ id: open!.id, state: 'cleared', version: 2 }]);
    expect(await device(a.device.id)).toMatchObject({ lastSeenAt: new Date(T + 3000).toISOString(), batteryPct: 80 });
    expect(await device(b.device.id)).toMatchObject({ lastSeenAt: new Date(T + 6000).toISOString() });
  }, 90_000);
});
