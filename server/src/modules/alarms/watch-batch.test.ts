import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIotFixture, IOT_T0 as T, iotAt as at } from '../../testing/iot.fixtures.ts';
import type { TestDatabase } from '../../testing/test-db.ts';
import { openAlarms, saveWatches, watchesOf } from './alarm.repository.ts';

/**
 * The rule watches and open alarms of a batch on both databases (PostgreSQL takes arrays, SQLite lists): written and
 * read for many devices in one go, nulls kept.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createIotFixture({ rule: true });
});
afterAll(() => database.close());

describe('rule watches and open alarms of a batch', () => {
  it('upserts watches with their nulls, reads them back by device, and finds open alarms by key', async () => {
    const { db } = database;
    const w = (device_id: string, last: number, breach: string | null, value: number | null) => ({
      device_id,
      rule_id: 'r1',
      tenant_id: 't1',
      breach_since: breach,
      latched: breach ? 1 : 0,
      last_at: at(last),
      last_value: value,
    });
    await saveWatches(db, [w('d1', 1, null, 5), w('d2', 1, at(1), null)]);
    await saveWatches(db, [w('d2', 2, null, 3.5), w('d3', 2, at(2), 20)]);
    const got = (await watchesOf(db, ['d1', 'd2', 'd3', 'd2'])).sort((a, b) => a.device_id.localeCompare(b.device_id));
    expect(got.map((x) => ({ ...x, last_value: x.last_value === null ? null : Number(x.last_value) }))).toEqual([
      w('d1', 1, null, 5),
      w('d2', 2, null, 3.5),
      w('d3', 2, at(2), 20),
    ]);
    expect(await watchesOf(db, [])).toEqual([]);

    await sql`insert into alarms (id, tenant_id, device_id, device_code, device_type, rule_id, kind, state, severity,
      lng, lat, raised_at, merged, open_key, history, version, updated_at)
      values ('a1', 't1', 'd1', 'D1', 'water_level', 'r1', 'threshold', 'raised', 'major', 114.9, 30.1, ${T}, 0,
        'd1:r1', '[]', 1, ${T})`.execute(db);
    expect((await openAlarms(db, 't1', ['d2:r1', 'd1:r1', 'd1:offline'])).map((a) => a.id)).toEqual(['a1']);
    expect(await openAlarms(db, 't1', [])).toEqual([]);
    expect(await openAlarms(db, 'other', ['d1:r1'])).toEqual([]);
  });
});
