import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIotFixture, iotAt as at } from '../../testing/iot.fixtures.ts';
import type { TestDatabase } from '../../testing/test-db.ts';
import type { DevicesTable } from '../../db/schema-iot.ts';
import { markSeenMany } from './device.repository.ts';
import { seenRecently, seenStep } from './device.service.ts';

/**
 * A batch marks its devices seen on both databases (PostgreSQL takes arrays, SQLite a VALUES list) without going
 * back in time, and skips a device whose row was written a moment ago.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createIotFixture();
});
afterAll(() => database.close());

describe('markSeenMany', () => {
  const device = (id: string) =>
    database.db
      .selectFrom('devices')
      .select(['last_seen_at', 'offline_due_at', 'battery_pct'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  it('marks each device seen, keeps a battery not reported, and never goes back in time', async () => {
    await markSeenMany(database.db, [
      { id: 'd1', at: at(10), offlineDueAt: at(910), batteryPct: 87.5 },
      { id: 'd2', at: at(10), offlineDueAt: at(910), batteryPct: null },
    ]);
    expect(await device('d1')).toEqual({ last_seen_at: at(10), offline_due_at: at(910), battery_pct: 87.5 });
    expect(await device('d2')).toEqual({ last_seen_at: at(10), offline_due_at: at(910), battery_pct: 50 });
    await markSeenMany(database.db, [
      { id: 'd1', at: at(5), offlineDueAt: at(905), batteryPct: 10 },
      { id: 'd2', at: at(20), offlineDueAt: at(920), batteryPct: 40 },
    ]);
    expect(await device('d1')).toEqual({ last_seen_at: at(10), offline_due_at: at(910), battery_pct: 87.5 });
    expect(await device('d2')).toEqual({ last_seen_at: at(20), offline_due_at: at(920), battery_pct: 40 });
    await markSeenMany(database.db, []);
  });
});

describe('seenMany skips a device seen a moment ago', () => {
  const row = (over: Partial<DevicesTable>) =>
    ({ heartbeat_s: 300, last_seen_at: at(0), offline_due_at: at(900), battery_pct: 50, ...over }) as DevicesTable;
  const t = (s: number) => new Date(at(s));

  it('writes again after a tenth of the heartbeat (at most 5 s), a new battery, or when the watch had stopped', () => {
    expect(seenStep(300)).toBe(5000);
    expect(seenStep(10)).toBe(1000);
    expect(seenRecently(row({}), t(4.9), null)).toBe(true);
    expect(seenRecently(row({}), t(4.9), 50)).toBe(true);
    expect(seenRecently(row({}), t(5), null)).toBe(false);
    expect(seenRecently(row({ heartbeat_s: 10 }), t(1), null)).toBe(false);
    expect(seenRecently(row({}), t(1), 49)).toBe(false);
    expect(seenRecently(row({ battery_pct: null }), t(1), 49)).toBe(false);
    expect(seenRecently(row({ offline_due_at: null }), t(1), null)).toBe(false);
    expect(seenRecently(row({ last_seen_at: null }), t(1), null)).toBe(false);
  });
});
