import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/test-db.ts';
import { insertReadings } from './batch-store.ts';
import { decodePack, encodePack, mergePacks, type MinuteBucket } from './minute-pack.ts';
import { sweepTelemetry } from './retention.ts';
import { addToBuckets, compactPacks } from './rollup-store.ts';
import { bucketSeries, metricsOf, type Reading } from './telemetry.repository.ts';

/**
 * The packed minute roll-up (docs/iot.md, "Minute packs"): the encoding, the consumer's appends across batches
 * (duplicates, out of order, late readings for an hour already compacted), the hourly compaction and retention, and
 * the minute series read back exactly as the one-row-per-minute table gave it.
 */
describe('minute pack encoding', () => {
  it('gives back every bucket with the very same numbers', () => {
    const buckets: MinuteBucket[] = [
      { minute: 59, n: 1, sum: 12, min: 12, max: 12 },
      { minute: 0, n: 1, sum: -3.5, min: -3.5, max: -3.5 },
      { minute: 7, n: 3, sum: 0.1 + 0.2 + 0.7, min: 0.1, max: 0.7 },
      { minute: 8, n: 1, sum: 1e20, min: 1e20, max: 1e20 },
      { minute: 9, n: 2, sum: 123456.789 * 2, min: 123456.789, max: 123456.789 },
      { minute: 10, n: 1, sum: Math.PI, min: Math.PI, max: Math.PI },
      { minute: 11, n: 300, sum: -0.001, min: -(2 ** 40), max: 2 ** 40 },
    ];
    const back = decodePack(encodePack(buckets));
    expect(back).toEqual([...buckets].sort((a, b) => a.minute - b.minute));
  });

  it('packs an hour of readings in whole centimetres into a few bytes a minute', () => {
    const hour = Array.from({ length: 60 }, (_, minute) => ({ minute, n: 1, sum: 5 + (minute % 13), min: 0, max: 0 }));
    const pack = encodePack(hour.map((b) => ({ ...b, min: b.sum, max: b.sum })));
    // a byte for the minute, one or two for the value (5 to 17: zigzag and two tag bits)
    expect(pack.length).toBe(1 + 60 + 60 + hour.filter((b) => b.sum >= 16).length);
  });

  it('merges packs of one hour by adding counts and sums and keeping the extremes', () => {
    const a = encodePack([{ minute: 3, n: 1, sum: 4, min: 4, max: 4 }]);
    const b = encodePack([
      { minute: 3, n: 2, sum: 10, min: 1, max: 9 },
      { minute: 1, n: 1, sum: 2, min: 2, max: 2 },
    ]);
    expect(mergePacks([a, b])).toEqual([
      { minute: 1, n: 1, sum: 2, min: 2, max: 2 },
      { minute: 3, n: 3, sum: 14, min: 1, max: 9 },
    ]);
  });

  it('refuses a pack of another version or cut short', () => {
    expect(() => decodePack(Buffer.from([2]))).toThrow(/version/);
    expect(() =>
      decodePack(encodePack([{ minute: 1, n: 1, sum: Math.PI, min: Math.PI, max: Math.PI }]).subarray(0, 5)),
    ).toThrow(/cut short/);
  });
});

let tdb: TestDatabase;
const T0 = '2031-03-10T00:00:00.000Z';
beforeAll(async () => {
  tdb = await createTestDatabase();
  await sql`insert into tenants (id, code, name, timezone, created_at, updated_at)
    values ('t1', '420281', '大冶市', 'Asia/Shanghai', ${T0}, ${T0})`.execute(tdb.db);
  for (const id of ['d1', 'd2', 'd3'])
    await sql`insert into devices (id, tenant_id, code, name, type, lng, lat, heartbeat_s, key_sealed,
      key_fingerprint, key_issued_at, created_at, updated_at)
      values (${id}, 't1', ${id}, ${id}, 'water_level', 114.9, 30.1, 300, 'x', 'x', ${T0}, ${T0}, ${T0})`.execute(
      tdb.db,
    );
}, 120_000);
afterAll(async () => tdb.close());

const reading = (deviceId: string, at: string, value: number, metric = 'water_cm'): Reading => ({
  tenantId: 't1',
  deviceId,
  metric,
  at,
  value,
  receivedAt: at,
});

/** The consumer's transaction for one batch. */
async function store(batch: Reading[]) {
  await tdb.db.transaction().execute(async (tx) => addToBuckets(tx, await insertReadings(tx, batch)));
}

/** What the one-row-per-minute table held: the distinct readings summed per minute, newest first. */
function expected(readings: Reading[], deviceId: string, metric: string, from: string) {
  const seen = new Set<string>();
  const by = new Map<string, { bucket: string; n: number; sum: number; min: number; max: number }>();
  for (const r of readings) {
    if (r.deviceId !== deviceId || r.metric !== metric || seen.has(r.at)) continue;
    seen.add(r.at);
    const t = Date.parse(r.at);
    const bucket = new Date(t - (t % 60_000)).toISOString();
    if (bucket < from) continue;
    const b = by.get(bucket);
    if (!b) by.set(bucket, { bucket, n: 1, sum: r.value, min: r.value, max: r.value });
    else {
      b.n++;
      b.sum += r.value;
      b.min = Math.min(b.min, r.value);
      b.max = Math.max(b.max, r.value);
    }
  }
  return [...by.values()].sort((a, b) => (a.bucket < b.bucket ? 1 : -1));
}

const series = async (deviceId: string, from: string, limit = 5000, metric = 'water_cm') =>
  (await bucketSeries(tdb.db, 'minute', deviceId, metric, from, limit)).map((r) => ({
    bucket: r.bucket,
    n: Number(r.n),
    sum: Number(r.sum),
    min: Number(r.min),
    max: Number(r.max),
  }));

const packRows = async (deviceId: string) =>
  (
    await tdb.db
      .selectFrom('telemetry_minute_packs')
      .select(['hour', 'compacted'])
      .where('device_id', '=', deviceId)
      .orderBy('hour')
      .orderBy('compacted')
      .execute()
  ).map((r) => [r.hour, Number(r.compacted)]);

describe('minute packs in the database', () => {
  it('reads back the same minute buckets across batches, duplicates, late and out-of-order readings', async () => {
    const all: Reading[] = [];
    const at = (h: number, m: number, s: number) =>
      new Date(Date.parse(T0) + h * 3_600_000 + m * 60_000 + s * 1000).toISOString();
    // three hours of readings every 20 s with values that are not all whole, sent in batches of 7, newest first
    // within a batch; every batch also repeats one reading of the batch before (a QoS 1 redelivery)
    const readings: Reading[] = [];
    for (let h = 0; h < 3; h++)
      for (let m = 0; m < 60; m += 1)
        for (const s of [0, 20, 40]) readings.push(reading('d1', at(h, m, s), ((h * 60 + m) % 17) + s / 40 + 0.1));
    let prev: Reading | null = null;
    for (let i = 0; i < readings.length; i += 7) {
      const batch = readings.slice(i, i + 7).reverse();
      if (prev) batch.push(prev);
      prev = batch[0]!;
      await store(batch);
      all.push(...batch);
    }
    // another metric and device beside it
    await store([reading('d1', at(1, 5, 0), 99, 'battery_pct'), reading('d2', at(1, 5, 0), 1)]);

    expect(await series('d1', at(0, 0, 0))).toEqual(expected(all, 'd1', 'water_cm', at(0, 0, 0)));
    // a window starting inside an hour, and the newest 100 only
    expect(await series('d1', at(1, 30, 0))).toEqual(expected(all, 'd1', 'water_cm', at(1, 30, 0)));
    expect(await series('d1', at(0, 0, 0), 100)).toEqual(expected(all, 'd1', 'water_cm', at(0, 0, 0)).slice(0, 100));
    expect(await metricsOf(tdb.db, 'd1', at(0, 0, 0))).toEqual(['battery_pct', 'water_cm']);
    // SQLite merges each batch into the key's open pack of the hour; PostgreSQL appends one pack per batch
    const open = (await packRows('d1')).filter((r) => r[0] === at(0, 0, 0));
    if (tdb.dialect === 'sqlite') expect(open).toEqual([[at(0, 0, 0), 0]]);
    else expect(open.length).toBeGreaterThan(20);

    // compaction of the closed hours (the third is still open at 02:30): one row per device, metric and hour
    const first = await compactPacks(tdb.db, at(2, 0, 0));
    expect(first.keys).toBe(4); // d1's water_cm at 00:00 and 01:00, its battery_pct and d2's at 01:00
    const rows = await packRows('d1');
    expect(rows.filter((r) => r[0] === at(0, 0, 0))).toEqual([[at(0, 0, 0), 1]]);
    expect(rows.filter((r) => r[0] === at(2, 0, 0)).every((r) => r[1] === 0)).toBe(true);
    expect(await series('d1', at(0, 0, 0))).toEqual(expected(all, 'd1', 'water_cm', at(0, 0, 0)));
    // idempotent
    expect(await compactPacks(tdb.db, at(2, 0, 0))).toEqual({ keys: 0, packs: 0 });

    // a late reading for the compacted first hour, plus one into an existing minute: merged on read, then compacted
    const late = [reading('d1', at(0, 10, 5), 1000), reading('d1', at(0, 11, 7), -1000)];
    await store(late);
    all.push(...late);
    expect(await series('d1', at(0, 0, 0))).toEqual(expected(all, 'd1', 'water_cm', at(0, 0, 0)));
    expect(await compactPacks(tdb.db, at(3, 0, 0))).toMatchObject({ keys: 2 });
    expect((await packRows('d1')).filter((r) => r[1] === 0)).toEqual([]);
    expect(await series('d1', at(0, 0, 0))).toEqual(expected(all, 'd1', 'water_cm', at(0, 0, 0)));

    // the hour roll-up agrees with the minutes
    const hours = await bucketSeries(tdb.db, 'hour', 'd1', 'water_cm', at(0, 0, 0), 10);
    const mins = expected(all, 'd1', 'water_cm', at(0, 0, 0));
    for (const h of hours) {
      const inHour = mins.filter((m) => m.bucket.slice(0, 13) === h.bucket.slice(0, 13));
      expect(Number(h.n)).toBe(inHour.reduce((n, m) => n + m.n, 0));
      expect(Number(h.min)).toBe(Math.min(...inHour.map((m) => m.min)));
    }
  });

  it('merges a batch into an open pack beside others of the same hour and reads the sum of all', async () => {
    const hour = '2031-05-01T08:00:00.000Z';
    const at = (m: number) => `2031-05-01T08:${String(m).padStart(2, '0')}:00.000Z`;
    // two open packs of one key and hour, as another process (or the append of before) leaves them
    for (const minutes of [
      [{ minute: 1, n: 1, sum: 4, min: 4, max: 4 }],
      [{ minute: 2, n: 2, sum: 10, min: 3, max: 7 }],
    ])
      await tdb.db
        .insertInto('telemetry_minute_packs')
        .values({ tenant_id: 't1', device_id: 'd2', metric: 'level', hour, compacted: 0, minutes: encodePack(minutes) })
        .execute();
    // every minute ends up with two readings summing to 10, whichever packs hold them
    const expectMinutes = async () =>
      expect(
        (await bucketSeries(tdb.db, 'minute', 'd2', 'level', hour, 100)).map((b) => [b.bucket, b.n, b.sum]),
      ).toEqual([
        [at(3), 2, 10],
        [at(2), 2, 10],
        [at(1), 2, 10],
      ]);
    await store([reading('d2', at(1), 6, 'level'), reading('d2', at(3), 1, 'level')]);
    await store([reading('d2', at(3).replace(':00.000Z', ':30.000Z'), 9, 'level')]);
    await expectMinutes();
    const packs = await tdb.db
      .selectFrom('telemetry_minute_packs')
      .select('compacted')
      .where('device_id', '=', 'd2')
      .where('metric', '=', 'level')
      .execute();
    expect(packs.length).toBe(tdb.dialect === 'sqlite' ? 2 : 4);
    await compactPacks(tdb.db, '2031-05-01T09:00:00.000Z');
    await expectMinutes();
  });

  it('drops packs past the minute window with the retention job, and compacts what it leaves', async () => {
    // the cut-off is 2030-01-01T10:30Z: the pack of 09:00 has wholly passed it, the one of 10:00 has not
    const old = '2030-01-01T09:15:00.000Z';
    const kept = '2030-06-01T10:15:00.000Z';
    await store([reading('d3', old, 1)]);
    await store([reading('d3', '2030-01-01T10:10:00.000Z', 5)]);
    await store([reading('d3', kept, 2)]);
    await store([reading('d3', '2030-06-01T10:16:00.000Z', 3)]);
    const swept = await sweepTelemetry(
      tdb,
      { rawHours: 48, minuteDays: 365, hourDays: 0 },
      new Date('2031-01-01T10:30:00.000Z'),
    );
    expect(swept.minutes).toBeGreaterThanOrEqual(1);
    expect(await packRows('d3')).toEqual([
      ['2030-01-01T10:00:00.000Z', 1],
      ['2030-06-01T10:00:00.000Z', 1],
    ]);
    expect((await series('d3', '2029-01-01T00:00:00.000Z')).map((b) => [b.bucket, b.sum])).toEqual([
      ['2030-06-01T10:16:00.000Z', 3],
      [kept, 2],
      ['2030-01-01T10:10:00.000Z', 5],
    ]);
  });
});
