import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../db/migrations/index.ts';
import { openDatabase, type Database } from '../../platform/db.ts';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../../testing/test-db.ts';
import { compactPacks } from './rollup-store.ts';
import { bucketSeries } from './telemetry.repository.ts';

/**
 * Migration 0097 over a database that holds one-row-per-minute buckets: every bucket comes back from the packs with
 * its numbers (one compacted pack per device, metric and hour), the old table is gone, and on PostgreSQL each pack
 * sits in the week partition of its hour.
 */
describe('migration 0097', () => {
  it('converts the minute buckets into one pack per device, metric and hour', async () => {
    const pg = TEST_DIALECT === 'postgres';
    let host: TestDatabase | null = null;
    let database: Database;
    if (pg) {
      host = await createTestDatabase();
      await sql`create schema m0097`.execute(host.db);
      database = openDatabase(host.url, { schema: 'm0097', poolSize: 2 });
    } else database = openDatabase('sqlite::memory:');
    const options = pg ? { schema: 'm0097' } : {};
    const { db } = database;
    try {
      await migrateTo(db, '0096_asset_type_counts', options);
      const t = '2026-01-01T00:00:00.000Z';
      await sql`insert into tenants (id, code, name, timezone, created_at, updated_at)
        values ('t1', '420281', '大冶市', 'Asia/Shanghai', ${t}, ${t})`.execute(db);
      for (const id of ['d1', 'd2'])
        await sql`insert into devices (id, tenant_id, code, name, type, lng, lat, heartbeat_s, key_sealed,
          key_fingerprint, key_issued_at, created_at, updated_at)
          values (${id}, 't1', ${id}, ${id}, 'bin_fill', 114.9, 30.1, 300, 'x', 'x', ${t}, ${t}, ${t})`.execute(db);
      // more rows than one page of the conversion (5,000): d1 every minute for four days, a Sunday into a Monday
      const start = Date.parse('2026-11-27T00:00:00.000Z');
      const rows: {
        device: string;
        metric: string;
        bucket: string;
        n: number;
        sum: number;
        min: number;
        max: number;
      }[] = [];
      for (let m = 0; m < 4 * 1440; m++) {
        const n = 1 + (m % 3);
        const v = (m % 50) + 0.25;
        rows.push({
          device: 'd1',
          metric: 'fill_pct',
          bucket: new Date(start + m * 60_000).toISOString(),
          n,
          // one reading: sum, min and max are that reading
          sum: n === 1 ? v : v * n + 0.125,
          min: n === 1 ? v : v - 1,
          max: n === 1 ? v : v + 1.5,
        });
      }
      rows.push({
        device: 'd2',
        metric: 'battery_pct',
        bucket: '2026-11-29T23:59:00.000Z',
        n: 1,
        sum: 7,
        min: 7,
        max: 7,
      });
      for (let i = 0; i < rows.length; i += 500)
        await sql`insert into telemetry_minutes (tenant_id, device_id, metric, bucket, n, sum, min, max) values ${sql.join(
          rows
            .slice(i, i + 500)
            .map((r) => sql`('t1', ${r.device}, ${r.metric}, ${r.bucket}, ${r.n}, ${r.sum}, ${r.min}, ${r.max})`),
        )}`.execute(db);

      await migrateToLatest(db, options);

      const { rows: left } = await sql<{ n: number }>`select count(*) as n from telemetry_minute_packs`.execute(db);
      expect(Number(left[0]!.n)).toBe(4 * 24 + 1);
      const got = await bucketSeries(db, 'minute', 'd1', 'fill_pct', '2026-01-01T00:00:00.000Z', 10_000);
      expect(got.map((r) => ({ bucket: r.bucket, n: r.n, sum: r.sum, min: r.min, max: r.max }))).toEqual(
        rows
          .filter((r) => r.device === 'd1')
          .reverse()
          .map(({ bucket, n, sum, min, max }) => ({ bucket, n, sum, min, max })),
      );
      expect(await bucketSeries(db, 'minute', 'd2', 'battery_pct', '2026-01-01T00:00:00.000Z', 10)).toEqual([
        { bucket: '2026-11-29T23:59:00.000Z', n: 1, sum: 7, min: 7, max: 7 },
      ]);
      // they are compacted already: nothing for the job to do
      expect(await compactPacks(db, '2027-01-01T00:00:00.000Z')).toEqual({ keys: 0, packs: 0 });
      const { rows: gone } = await sql<{ n: number }>`select count(*) as n from ${sql.raw(
        pg ? "pg_tables where schemaname = 'm0097' and" : 'sqlite_master where',
      )} ${sql.raw(pg ? 'tablename' : 'name')} = 'telemetry_minutes'`.execute(db);
      expect(Number(gone[0]!.n)).toBe(0);
      if (!pg) return;
      const { rows: parts } = await sql<{ part: string }>`
        select distinct tableoid::regclass::text as part from telemetry_minute_packs order by 1`.execute(db);
      expect(parts.map((p) => p.part.replace(/^.*\./, ''))).toEqual([
        'telemetry_minute_packs_p20261123',
        'telemetry_minute_packs_p20261130',
      ]);
    } finally {
      await database.close();
      await host?.close();
    }
  }, 300_000);
});
