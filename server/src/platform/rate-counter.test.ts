import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from './clock.ts';
import {
  MemoryHitCounter,
  openRateCounting,
  RedisHitCounter,
  type HitCounter,
  type RateCounting,
} from './rate-counter.ts';

/**
 * The fixed-window hit counters behind the rate limits: the memory one on a moved clock, the Redis one on the local
 * Redis (under a random prefix, removed afterwards), and two Redis counters standing for two app instances.
 * Runs on both test passes (no database).
 */
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `cityloop-test-${randomBytes(4).toString('hex')}:`;
let raw: Redis;
const opened: RateCounting[] = [];

beforeAll(() => {
  raw = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
});
afterAll(async () => {
  for (const o of opened) await o.close();
  const keys = await raw.keys(`${prefix}*`);
  if (keys.length) await raw.del(...keys);
  raw.disconnect();
});

/** A counter on the local Redis, as an app instance opens it; resolves once its connection is ready. */
async function redisCounter(clock: FixedClock): Promise<HitCounter> {
  const rates = await openRateCounting({ url: REDIS_URL, prefix }, clock, (err) => {
    throw err;
  });
  opened.push(rates);
  const client = rates.pluginOptions.redis as Redis;
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
  return rates.counter;
}

const until = async (check: () => Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return check();
};

describe('memory hit counter', () => {
  it('counts per key in a window opened by the first hit, and opens a new one when it ends', async () => {
    const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
    const t0 = clock.now().getTime();
    const c = new MemoryHitCounter(() => clock.now().getTime());
    expect(await c.peek('a', 60_000)).toEqual({ count: 0, resetAt: t0 + 60_000 });
    expect(await c.hit('a', 60_000)).toEqual({ count: 1, resetAt: t0 + 60_000 });
    clock.advance(59_000);
    expect(await c.hit('a', 60_000)).toEqual({ count: 2, resetAt: t0 + 60_000 });
    expect(await c.peek('a', 60_000)).toEqual({ count: 2, resetAt: t0 + 60_000 });
    expect(await c.hit('b', 60_000)).toEqual({ count: 1, resetAt: t0 + 119_000 });
    clock.advance(1000);
    expect(await c.peek('a', 60_000)).toEqual({ count: 0, resetAt: t0 + 120_000 });
    expect(await c.hit('a', 60_000)).toEqual({ count: 1, resetAt: t0 + 120_000 });
  });
});

describe('Redis hit counter', () => {
  it('counts per key under the configured prefix, peeks without counting, and expires the key with its window', async () => {
    const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
    const t0 = clock.now().getTime();
    const c = await redisCounter(clock);
    expect(await c.peek('a', 60_000)).toEqual({ count: 0, resetAt: t0 + 60_000 });
    const first = await c.hit('a', 60_000);
    expect(first.count).toBe(1);
    expect(first.resetAt).toBeGreaterThan(t0 + 50_000);
    expect(first.resetAt).toBeLessThanOrEqual(t0 + 60_000);
    expect((await c.hit('a', 60_000)).count).toBe(2);
    expect((await c.peek('a', 60_000)).count).toBe(2);
    expect((await c.peek('a', 60_000)).count).toBe(2);
    expect((await c.hit('b', 60_000)).count).toBe(1);
    const ttl = await raw.pttl(`${prefix}hits:a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await raw.get(`${prefix}hits:a`)).toBe('2');

    // A later hit does not extend the window; once it ends the key is gone and the next hit opens a new one.
    await c.hit('short', 200);
    await new Promise((r) => setTimeout(r, 50));
    await c.hit('short', 200);
    expect(await raw.pttl(`${prefix}hits:short`)).toBeLessThanOrEqual(150);
    expect(await until(async () => (await raw.exists(`${prefix}hits:short`)) === 0)).toBe(true);
    expect((await c.peek('short', 200)).count).toBe(0);
    expect((await c.hit('short', 200)).count).toBe(1);
  });

  it('two instances share one count: concurrent hits through both are each counted once', async () => {
    const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
    const [a, b] = [await redisCounter(clock), await redisCounter(clock)];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).hit('shared', 60_000)));
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect((await a.peek('shared', 60_000)).count).toBe(40);
    expect((await b.peek('shared', 60_000)).count).toBe(40);
  });

  it('fails open while Redis is unreachable: the hit is admitted uncounted and the error reported once a minute', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const client = new Redis(`redis://127.0.0.1:${port}`, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    client.on('error', () => undefined);
    const errors: unknown[] = [];
    const clock = new FixedClock(new Date('2026-03-01T08:00:00Z'));
    const c = new RedisHitCounter(
      client,
      prefix,
      () => clock.now().getTime(),
      (err) => errors.push(err),
    );
    try {
      expect(await c.hit('down', 60_000)).toEqual({ count: 0, resetAt: clock.now().getTime() + 60_000 });
      expect((await c.peek('down', 60_000)).count).toBe(0);
      expect(errors).toHaveLength(1);
      clock.advance(60_000);
      await c.hit('down', 60_000);
      expect(errors).toHaveLength(2);
    } finally {
      client.disconnect();
    }
  });
});
