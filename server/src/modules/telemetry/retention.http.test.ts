import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signingString } from '../../../../common/domain/iot.ts';
import { staffSessions } from '../../testing/case-loop.ts';
import { TEST_DIALECT } from '../../testing/test-db.ts';
import { as, createTestApp, type Session, type TestContext } from '../../testing/test-app.ts';
import { decodePack } from './minute-pack.ts';
import { listPartitions } from './partitions.ts';

/**
 * Retention of readings and roll-ups with the default windows (raw 48 h, minutes 365 days, hours forever) on a real
 * database: the window edges, partitions made ahead by the job (PostgreSQL), a reading outside every prepared
 * partition still stored, and a second run at the same instant changing nothing. The clock is moved as the hourly
 * job would see it; partitions exist only for the years the tests use, not the one migrations ran in.
 */
let ctx: TestContext;
let s: Record<string, Session>;
const api = (who: string) => as(ctx.app, s[who]!);
const pg = TEST_DIALECT === 'postgres';
let seq = 1;
const devices: Record<string, { id: string; key: string }> = {};

beforeAll(async () => {
  ctx = await createTestApp({ env: { SESSION_TTL_HOURS: '720', SESSION_ABSOLUTE_HOURS: '2160' } });
  s = await staffSessions(ctx.app);
  for (const code of ['RET-EDGE', 'RET-DEFAULT', 'RET-YEAR']) devices[code] = await device(code);
}, 120_000);
afterAll(async () => ctx.close());

async function device(code: string): Promise<{ id: string; key: string }> {
  const res = await api('admin').post('/api/devices', { code, type: 'bin_fill', name: code, lng: 114.975, lat: 30.1 });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().device.id, key: res.json().key };
}

/** Sessions end long before the years these tests jump over: sign in again at the clock's instant. */
async function reading(id: string, hours: number) {
  s = await staffSessions(ctx.app);
  const res = await api('operator').get(`/api/devices/${id}/readings?resolution=raw&hours=${hours}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().points as { at: string; value: number; min: number; max: number }[];
}

/** One reading sent at `at` (the clock set there, as the device and the consumer would see it). */
async function send(code: string, key: string, at: string, value: number) {
  ctx.clock.set(new Date(at));
  const values = { fill_pct: value };
  const n = seq++;
  const sig = createHmac('sha256', key)
    .update(signingString({ tenant: '420281', device: code, kind: 'telemetry', ts: at, seq: n, values }))
    .digest('hex');
  const payload = Buffer.from(JSON.stringify({ v: 1, ts: at, seq: n, values, sig }));
  expect(await ctx.app.services.telemetry.ingest(`cityloop/420281/${code}/telemetry`, payload)).toEqual({
    accepted: true,
  });
}

/** The hourly job, run at `at`. */
async function job(at: string) {
  ctx.clock.set(new Date(at));
  return ctx.app.services.telemetry.sweep(new Date(at));
}

const stored = async (table: 'telemetry_readings' | 'telemetry_minute_packs' | 'telemetry_hours', deviceId: string) => {
  if (table === 'telemetry_minute_packs') {
    // the minutes the device's packs hold
    const packs = await ctx.database.db
      .selectFrom(table)
      .select(['hour', 'minutes'])
      .where('device_id', '=', deviceId)
      .execute();
    return packs
      .flatMap((p) => decodePack(p.minutes).map((b) => new Date(Date.parse(p.hour) + b.minute * 60_000).toISOString()))
      .sort();
  }
  if (table === 'telemetry_readings') {
    const rows = await ctx.database.db
      .selectFrom(table)
      .select('at')
      .where('device_id', '=', deviceId)
      .orderBy('at')
      .execute();
    return rows.map((r) => r.at);
  }
  const rows = await ctx.database.db
    .selectFrom(table)
    .select('bucket')
    .where('device_id', '=', deviceId)
    .orderBy('bucket')
    .execute();
  return rows.map((r) => r.bucket);
};

/** Which partition holds a device's readings (PostgreSQL). */
async function holders(deviceId: string): Promise<string[]> {
  const { rows } = await sql<{ part: string }>`
    select distinct tableoid::regclass::text as part from telemetry_readings where device_id = ${deviceId}`.execute(
    ctx.database.db,
  );
  return rows.map((r) => r.part.replace(/^.*\./, '')).sort();
}

describe('telemetry retention', () => {
  it('defaults to raw readings for 48 hours, minute roll-ups for a year and hour roll-ups forever', () => {
    expect(ctx.config.telemetry).toEqual({ rawHours: 48, minuteDays: 365, hourDays: 0 });
  });

  it('drops raw readings past 48 hours at the window edge, whole days at a time on PostgreSQL', async () => {
    const { id, key } = devices['RET-EDGE']!;
    // cut-off of the final run: 2030-01-08T12:00Z (48 hours before 2030-01-10T12:00Z)
    const times = [
      '2030-01-07T23:59:00.000Z', // its day ends at the cut-off: gone on both
      '2030-01-08T11:59:00.000Z', // past the window, but its day partition reaches beyond the cut-off
      '2030-01-08T12:01:00.000Z', // inside the window
      '2030-01-10T11:00:00.000Z',
    ];
    // the job runs before each reading but the last, which the final run's new partition takes in
    for (const [i, at] of times.entries()) {
      if (i < 3) await job(at);
      await send('RET-EDGE', key, at, 10 * (i + 1));
    }
    const swept = await job('2030-01-10T12:00:00.000Z');
    expect(await stored('telemetry_readings', id)).toEqual(pg ? times.slice(1) : times.slice(2));
    if (pg) {
      expect(swept.dropped).toContain('telemetry_readings_p20300107');
      expect(swept.dropped).not.toContain('telemetry_readings_p20300108');
      // every reading sat in its day's partition, none in the DEFAULT one
      expect(await holders(id)).toEqual(['telemetry_readings_p20300108', 'telemetry_readings_p20300110']);
    } else {
      expect(swept.raw).toBe(2);
      expect(swept.dropped).toEqual([]);
    }
    // the chart still has every minute and hour from the start
    expect(await stored('telemetry_minute_packs', id)).toHaveLength(4);
    expect(await stored('telemetry_hours', id)).toEqual([
      '2030-01-07T23:00:00.000Z',
      '2030-01-08T11:00:00.000Z',
      '2030-01-08T12:00:00.000Z',
      '2030-01-10T11:00:00.000Z',
    ]);
    expect((await reading(id, 24)).map((p) => p.at)).toEqual(['2030-01-10T11:00:00.000Z']);

    // a day later the 8th's partition has wholly passed the window
    const later = await job('2030-01-11T12:00:00.000Z');
    expect(await stored('telemetry_readings', id)).toEqual(times.slice(3));
    if (pg) expect(later.dropped).toEqual(['telemetry_readings_p20300108']);
  });

  it('makes partitions ahead for the next period, and a second run at the same instant changes nothing', async () => {
    const at = '2030-01-11T12:00:00.000Z';
    const again = await job(at);
    expect(again).toEqual({ compacted: 0, raw: 0, minutes: 0, hours: 0, rejected: 0, created: [], dropped: [] });
    if (!pg) return;
    const names = async (table: 'telemetry_readings' | 'telemetry_minute_packs' | 'telemetry_hours') =>
      (await listPartitions(ctx.database.db, table)).map((p) => p.name);
    // Friday 2030-01-11: today and tomorrow, this week (from Monday the 7th) and the next, this year and the next
    expect(await names('telemetry_readings')).toEqual(
      expect.arrayContaining([
        'telemetry_readings_p20300111',
        'telemetry_readings_p20300112',
        'telemetry_readings_default',
      ]),
    );
    expect(await names('telemetry_readings')).not.toContain('telemetry_readings_p20300113');
    expect(await names('telemetry_minute_packs')).toEqual(
      expect.arrayContaining([
        'telemetry_minute_packs_p20300107',
        'telemetry_minute_packs_p20300114',
        'telemetry_minute_packs_default',
      ]),
    );
    expect(await names('telemetry_hours')).toEqual(
      expect.arrayContaining(['telemetry_hours_p2030', 'telemetry_hours_p2031', 'telemetry_hours_default']),
    );
    const parts = await listPartitions(ctx.database.db, 'telemetry_readings');
    expect(parts.find((p) => p.name === 'telemetry_readings_p20300112')).toEqual({
      name: 'telemetry_readings_p20300112',
      from: '2030-01-12T00:00:00.000Z',
      to: '2030-01-13T00:00:00.000Z',
    });
    const before = await Promise.all([
      names('telemetry_readings'),
      names('telemetry_minute_packs'),
      names('telemetry_hours'),
    ]);
    await job(at);
    expect(
      await Promise.all([names('telemetry_readings'), names('telemetry_minute_packs'), names('telemetry_hours')]),
    ).toEqual(before);
  });

  it('stores a reading outside every prepared partition, and the next run moves it into its own', async () => {
    const { id, key } = devices['RET-DEFAULT']!;
    const at = '2032-06-15T10:00:00.000Z';
    await send('RET-DEFAULT', key, at, 42);
    expect(await stored('telemetry_readings', id)).toEqual([at]);
    if (pg) expect(await holders(id)).toEqual(['telemetry_readings_default']);
    expect(await reading(id, 6)).toEqual([{ at, value: 42, min: 42, max: 42 }]);

    const swept = await job('2032-06-15T11:00:00.000Z');
    expect(await stored('telemetry_readings', id)).toEqual([at]);
    expect(await stored('telemetry_minute_packs', id)).toEqual([at]);
    if (pg) {
      expect(swept.created).toEqual(
        expect.arrayContaining([
          'telemetry_readings_p20320615',
          'telemetry_minute_packs_p20320614',
          'telemetry_hours_p2032',
        ]),
      );
      expect(await holders(id)).toEqual(['telemetry_readings_p20320615']);
      // the redelivery of the same reading is still refused by the key across the move
      await send('RET-DEFAULT', key, at, 42);
      expect(await stored('telemetry_readings', id)).toEqual([at]);
    }
  });

  it('keeps minute packs for a year and hour roll-ups forever', async () => {
    const { id, key } = devices['RET-YEAR']!;
    const old = '2033-01-03T08:00:00.000Z'; // a Monday: its week ends on 2033-01-10
    const recent = '2033-06-01T08:00:00.000Z';
    for (const at of [old, recent]) {
      await job(at);
      await send('RET-YEAR', key, at, 5);
    }
    // 2034-01-10T08:00Z: the cut-off is 2033-01-10T08:00Z, after the old minute's whole week
    const swept = await job('2034-01-10T08:00:00.000Z');
    expect(await stored('telemetry_minute_packs', id)).toEqual([recent]);
    expect(await stored('telemetry_hours', id)).toEqual([old, recent]);
    if (pg) expect(swept.dropped).toContain('telemetry_minute_packs_p20330103');
    // twenty years on the hours are still there; every minute and raw reading is gone
    await job('2054-01-10T08:00:00.000Z');
    expect(await stored('telemetry_hours', id)).toEqual([old, recent]);
    expect(await stored('telemetry_minute_packs', id)).toEqual([]);
    expect(await stored('telemetry_readings', id)).toEqual([]);
  });
});
