import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrations/index.ts';
import { FixedClock } from '../platform/clock.ts';
import { openDatabase, type Database } from '../platform/db.ts';
import { Scheduler, type Job } from '../platform/scheduler.ts';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.ts';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../testing/test-db.ts';

/**
 * Scheduled jobs run once per interval across instances: two schedulers, each on its OWN connection pool
 * to the same database (as two app processes would be), race for the same job again and again; exactly one wins
 * each round, and every won run is in job_runs. On PostgreSQL this races real concurrent UPDATEs on the lease row.
 */
let first: Database;
let second: Database;
let cleanup: () => Promise<void>;
const clock = new FixedClock(new Date('2024-03-12T02:00:00.000Z'));

beforeAll(async () => {
  if (TEST_DIALECT === 'postgres') {
    const test: TestDatabase = await createTestDatabase();
    first = test;
    second = openDatabase(test.url, { schema: test.schema ?? undefined, poolSize: 5 });
    cleanup = async () => {
      await second.close();
      await test.close();
    };
  } else {
    // Two handles on one SQLite file (an in-memory database cannot be shared between connections).
    const dir = makeTempDir('cityloop-lease-');
    first = openDatabase(`sqlite:${join(dir, 'lease.db')}`);
    await migrateToLatest(first.db);
    second = openDatabase(`sqlite:${join(dir, 'lease.db')}`);
    cleanup = async () => {
      await first.close();
      await second.close();
      removeTempDir(dir);
    };
  }
});
afterAll(async () => cleanup());

describe('scheduler lease across instances', () => {
  it('lets exactly one of two instances run a job per interval, under concurrent claims', async () => {
    const a = new Scheduler(first, clock, () => undefined);
    const b = new Scheduler(second, clock, () => undefined);
    const ran: string[] = [];
    const job = (who: string): Job => ({
      name: 'test.race',
      everyMs: 30_000,
      run: async () => {
        ran.push(who);
      },
    });
    const rounds = 15;
    for (let round = 0; round < rounds; round++) {
      // Four claims in flight at once per round: two per instance, from different pool connections.
      const won = await Promise.all([a.tick(job('a')), b.tick(job('b')), a.tick(job('a')), b.tick(job('b'))]);
      expect(won.filter(Boolean)).toHaveLength(1);
      // Within the interval nobody else gets it.
      expect(await b.tick(job('b'))).toBe(false);
      clock.advance(30_000);
    }
    expect(ran).toHaveLength(rounds);
    const runs = await first.db
      .selectFrom('job_runs')
      .selectAll()
      .where('name', '=', 'test.race')
      .orderBy('started_at')
      .execute();
    expect(runs).toHaveLength(rounds);
    expect(new Set(runs.map((r) => r.owner))).toEqual(new Set(ran.map((w) => (w === 'a' ? a.owner : b.owner))));
    // One run per interval: consecutive runs are a whole interval apart.
    for (let i = 1; i < runs.length; i++) {
      expect(
        Date.parse((runs[i] as { started_at: string }).started_at) -
          Date.parse((runs[i - 1] as { started_at: string }).started_at),
      ).toBe(30_000);
    }
    expect(runs.every((r) => r.finished_at !== null && r.error === null)).toBe(true);
  });

  it('records a failed run with its error, and the lease still holds for the interval', async () => {
    const a = new Scheduler(first, clock, () => undefined);
    const b = new Scheduler(second, clock, () => undefined);
    const failing: Job = {
      name: 'test.failing',
      everyMs: 60_000,
      run: async () => {
        throw new Error('sweep exploded');
      },
    };
    await expect(a.tick(failing)).rejects.toThrow('sweep exploded');
    expect(await b.tick(failing)).toBe(false);
    const [run] = await second.db.selectFrom('job_runs').selectAll().where('name', '=', 'test.failing').execute();
    expect(run).toMatchObject({ owner: a.owner, error: 'sweep exploded' });
    expect(run?.finished_at).not.toBeNull();
  });
});
