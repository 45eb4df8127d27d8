import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrateTo } from '../../db/migrations/index.ts';
import { openDatabase, type Database } from '../../platform/db.ts';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../../testing/test-db.ts';
import {
  listPartitions,
  PARTITIONED,
  partitionName,
  periodAfter,
  periodStart,
  type PartitionedTable,
} from './partitions.ts';
import { insertReadings } from './batch-store.ts';

/**
 * The periods of the partitions (UTC days, weeks from Monday, years), and migration 0088 over a database that
 * already holds readings and roll-ups: every row kept, on PostgreSQL in the partition of its period.
 */
const d = (iso: string) => new Date(iso);
const spec = (table: string) => PARTITIONED.find((p) => p.table === table)!;

describe('partition periods', () => {
  it('starts days at UTC midnight, weeks on Monday and years on 1 January, and names partitions by their start', () => {
    expect(periodStart('day', d('2026-12-06T23:59:59.999Z')).toISOString()).toBe('2026-12-06T00:00:00.000Z');
    expect(periodAfter('day', d('2026-12-31T00:00:00.000Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
    // Sunday 6 December 2026 belongs to the week of Monday 30 November; a Monday starts its own week
    expect(periodStart('week', d('2026-12-06T12:00:00.000Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(periodStart('week', d('2026-12-07T00:00:00.000Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(periodAfter('week', d('2026-12-28T00:00:00.000Z')).toISOString()).toBe('2027-01-04T00:00:00.000Z');
    expect(periodStart('year', d('2028-02-29T08:00:00.000Z')).toISOString()).toBe('2028-01-01T00:00:00.000Z');
    expect(periodAfter('year', d('2028-01-01T00:00:00.000Z')).toISOString()).toBe('2029-01-01T00:00:00.000Z');
    expect(partitionName(spec('telemetry_readings'), d('2026-12-06T00:00:00.000Z'))).toBe(
      'telemetry_readings_p20261206',
    );
    expect(partitionName(spec('telemetry_minute_packs'), d('2026-11-30T00:00:00.000Z'))).toBe(
      'telemetry_minute_packs_p20261130',
    );
    expect(partitionName(spec('telemetry_hours'), d('2026-01-01T00:00:00.000Z'))).toBe('telemetry_hours_p2026');
  });
});

describe('migration 0088', () => {
  it('keeps every reading and roll-up; on PostgreSQL each lands in the partition of its period', async () => {
    const pg = TEST_DIALECT === 'postgres';
    let host: TestDatabase | null = null;
    let database: Database;
    if (pg) {
      // a schema of its own beside the test database's tables, migrated step by step
      host = await createTestDatabase();
      await sql`create schema m0088`.execute(host.db);
      database = openDatabase(host.url, { schema: 'm0088', poolSize: 2 });
    } else database = openDatabase('sqlite::memory:');
    const options = pg ? { schema: 'm0088' } : {};
    const { db } = database;
    try {
      await migrateTo(db, '0086_campaign_target_codes', options);
      const t = '2026-01-01T00:00:00.000Z';
      await sql`insert into tenants (id, code, name, timezone, created_at, updated_at)
        values ('t1', '420281', '大冶市', 'Asia/Shanghai', ${t}, ${t})`.execute(db);
      await sql`insert into devices (id, tenant_id, code, name, type, lng, lat, heartbeat_s, key_sealed,
        key_fingerprint, key_issued_at, created_at, updated_at)
        values ('d1', 't1', 'BIN-1', '满溢', 'bin_fill', 114.9, 30.1, 300, 'x', 'x', ${t}, ${t}, ${t})`.execute(db);
      // a year's last minute, a Sunday and the Monday after it
      const times = ['2025-12-31T23:59:00.000Z', '2026-11-29T10:00:00.000Z', '2026-11-30T10:00:00.000Z'];
      for (const [i, at] of times.entries()) {
        await sql`insert into telemetry_readings (tenant_id, device_id, metric, at, value, received_at)
          values ('t1', 'd1', 'fill_pct', ${at}, ${i + 1}, ${at})`.execute(db);
        for (const table of ['telemetry_minutes', 'telemetry_hours'])
          await sql`insert into ${sql.id(table)} (tenant_id, device_id, metric, bucket, n, sum, min, max)
            values ('t1', 'd1', 'fill_pct', ${table === 'telemetry_hours' ? at.slice(0, 13) + ':00:00.000Z' : at},
              1, ${i + 1}, ${i + 1}, ${i + 1})`.execute(db);
      }

      // as 0088 left it (0097 replaced the minute table with packs, tested in rollup-store.test.ts)
      await migrateTo(db, '0096_asset_type_counts', options);

      const rows = await db.selectFrom('telemetry_readings').select(['at', 'value']).orderBy('at').execute();
      expect(rows.map((r) => [r.at, Number(r.value)])).toEqual(times.map((at, i) => [at, i + 1]));
      expect(
        (await sql<{ bucket: string }>`select bucket from telemetry_minutes order by bucket`.execute(db)).rows,
      ).toEqual(times.map((bucket) => ({ bucket })));
      expect((await db.selectFrom('telemetry_hours').select('bucket').orderBy('bucket').execute()).length).toBe(3);
      // the key still refuses a redelivery of the same reading
      const again = { tenantId: 't1', deviceId: 'd1', metric: 'fill_pct', at: times[1]!, value: 9, receivedAt: t };
      expect((await insertReadings(db, [again])).length === 1).toBe(false);
      if (!pg) return;

      const where = async (table: string) => {
        const { rows: parts } = await sql<{ part: string }>`
          select distinct tableoid::regclass::text as part from ${sql.id(table)} order by 1`.execute(db);
        return parts.map((p) => p.part.replace(/^.*\./, ''));
      };
      expect(await where('telemetry_readings')).toEqual([
        'telemetry_readings_p20251231',
        'telemetry_readings_p20261129',
        'telemetry_readings_p20261130',
      ]);
      expect(await where('telemetry_minutes')).toEqual([
        'telemetry_minutes_p20251229',
        'telemetry_minutes_p20261123',
        'telemetry_minutes_p20261130',
      ]);
      expect(await where('telemetry_hours')).toEqual(['telemetry_hours_p2025', 'telemetry_hours_p2026']);
      // the current and next periods exist too, and a DEFAULT partition per table
      const now = new Date();
      for (const s of [
        spec('telemetry_readings'),
        { table: 'telemetry_minutes', key: 'bucket', period: 'week' } as const,
        spec('telemetry_hours'),
      ]) {
        const names = (await listPartitions(db, s.table as PartitionedTable['table'])).map((p) => p.name);
        const start = periodStart(s.period, now);
        const named = (t: Date) => partitionName(s as PartitionedTable, t);
        expect(names).toEqual(
          expect.arrayContaining([named(start), named(periodAfter(s.period, start)), `${s.table}_default`]),
        );
      }
      const { rows: indexes } = await sql<{ indexname: string }>`
        select indexname from pg_indexes where schemaname = 'm0088' and tablename like 'telemetry\\_%'
          and indexname in ('telemetry_readings_pk', 'telemetry_readings_at', 'telemetry_minutes_pk',
            'telemetry_minutes_bucket', 'telemetry_hours_pk', 'telemetry_hours_bucket')
        order by 1`.execute(db);
      expect(indexes.map((i) => i.indexname)).toEqual([
        'telemetry_hours_bucket',
        'telemetry_hours_pk',
        'telemetry_minutes_bucket',
        'telemetry_minutes_pk',
        'telemetry_readings_at',
        'telemetry_readings_pk',
      ]);
      const { rows: left } = await sql<{ name: string | null }>`
        select to_regclass('m0088.telemetry_readings_unpartitioned')::text as name`.execute(db);
      expect(left).toEqual([{ name: null }]);
    } finally {
      await database.close();
      await host?.close();
    }
  }, 300_000);
});
