import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIotFixture, iotReading as reading } from '../../testing/iot.fixtures.ts';
import type { TestDatabase } from '../../testing/test-db.ts';
import { insertReadings } from './batch-store.ts';

/**
 * The consumer's readings on both databases (PostgreSQL takes arrays and counts rows, SQLite VALUES lists with
 * RETURNING): new readings are told apart from repeats and redeliveries, in the order received.
 */
let database: TestDatabase;

beforeAll(async () => {
  database = await createIotFixture();
});
afterAll(() => database.close());

const stored = async () =>
  (
    await database.db
      .selectFrom('telemetry_readings')
      .select(['device_id', 'metric', 'at', 'value'])
      .orderBy('device_id')
      .orderBy('metric')
      .orderBy('at')
      .execute()
  ).map((r) => `${r.device_id} ${r.metric} ${r.at.slice(17, 19)} ${Number(r.value)}`);

describe('insertReadings', () => {
  it('stores a batch once and returns every new reading in the order received, a repeat in it once (the first)', async () => {
    const batch = [reading('d2', 1, 5), reading('d1', 1, 7), reading('d2', 1, 99), reading('d1', 1, 8, 'battery')];
    const fresh = await insertReadings(database.db, batch);
    expect(fresh).toEqual([batch[0], batch[1], batch[3]]);
    expect(await stored()).toEqual(['d1 battery 01 8', 'd1 water_cm 01 7', 'd2 water_cm 01 5']);
  });

  it('returns nothing for a redelivered batch and keeps the values first stored', async () => {
    const again = [reading('d2', 1, 6), reading('d1', 1, 70)];
    expect(await insertReadings(database.db, again)).toEqual([]);
    expect(await stored()).toEqual(['d1 battery 01 8', 'd1 water_cm 01 7', 'd2 water_cm 01 5']);
  });

  it('in a batch of repeats and new readings returns exactly the new ones, also inside a transaction', async () => {
    const batch = [reading('d1', 1, 1), reading('d3', 2, 30), reading('d2', 1, 2), reading('d1', 2, 10)];
    const fresh = await database.db.transaction().execute(async (tx) => {
      // something else written first in the transaction does not count as a new reading
      await sql`update devices set name = name where id = 'd1'`.execute(tx);
      return insertReadings(tx, batch);
    });
    expect(fresh).toEqual([batch[1], batch[3]]);
    expect(await stored()).toEqual([
      'd1 battery 01 8',
      'd1 water_cm 01 7',
      'd1 water_cm 02 10',
      'd2 water_cm 01 5',
      'd3 water_cm 02 30',
    ]);
  });

  it('a batch rolled back leaves nothing, and its replay is new again', async () => {
    const batch = [reading('d3', 5, 1), reading('d3', 6, 2)];
    await expect(
      database.db.transaction().execute(async (tx) => {
        expect(await insertReadings(tx, batch)).toEqual(batch);
        throw new Error('the batch fails after its readings');
      }),
    ).rejects.toThrow('fails');
    expect(await insertReadings(database.db, [...batch, reading('d3', 2, 0)])).toEqual(batch);
  });

  it('handles an empty batch', async () => {
    expect(await insertReadings(database.db, [])).toEqual([]);
  });
});
