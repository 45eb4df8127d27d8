import type { Redis } from 'ioredis';
import type { Clock } from './clock.ts';

/**
 * Fixed-window hit counters for the rate limits (docs/security.md, "Rate limits across instances"). A window starts
 * with the first hit on a key and lasts `windowMs`; hits after it start a new one. One process counts in memory;
 * several instances count in Redis (REDIS_URL), so N instances together admit the limit once, not N times.
 */
export interface WindowCount {
  /** hits counted in the current window (0 when none is open) */
  count: number;
  /** when the current window ends (epoch ms); a window that would open now when none is open */
  resetAt: number;
}

export interface HitCounter {
  /** Counts one hit on `key` and answers the window after it. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** The window of `key` as it stands; counts nothing. */
  peek(key: string, windowMs: number): Promise<WindowCount>;
}

const SWEEP_EVERY = 1000;

/** In this process, on the app's clock (tests move it). Windows that have ended are dropped as it goes. */
export class MemoryHitCounter implements HitCounter {
  private readonly windows = new Map<string, WindowCount>();
  private calls = 0;

  constructor(private readonly now: () => number) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const t = this.now();
    this.sweep(t);
    const w = this.windows.get(key);
    if (!w || t >= w.resetAt) {
      const opened = { count: 1, resetAt: t + windowMs };
      this.windows.set(key, opened);
      return { ...opened };
    }
    w.count += 1;
    return { ...w };
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    const t = this.now();
    const w = this.windows.get(key);
    return !w || t >= w.resetAt ? { count: 0, resetAt: t + windowMs } : { ...w };
  }

  private sweep(t: number) {
    this.calls += 1;
    if (this.calls % SWEEP_EVERY !== 0) return;
    for (const [key, w] of this.windows) if (t >= w.resetAt) this.windows.delete(key);
  }
}

/**
 * INCR and the window's expiry in one script, so concurrent hits from several instances neither lose a count nor
 * leave a key without expiry. Plain EVAL commands: Redis 6 has no `PEXPIRE … NX`.
 */
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if n == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {n, ttl}`;
const PEEK = `
local n = redis.call('GET', KEYS[1])
if not n then return {0, -2} end
return {tonumber(n), redis.call('PTTL', KEYS[1])}`;

type Counting = Redis & {
  hitCount(key: string, windowMs: number): Promise<[number, number]>;
  peekCount(key: string): Promise<[number, number]>;
};

/**
 * In Redis, keys `<prefix><key>` expiring with their window. Redis unreachable or slow (over the command timeout):
 * the hit is admitted (count 0) and `onError` is told, at most once a minute. Failing open keeps citizens, Open311
 * clients and staff served while Redis is away; the limits are abuse control, not access control (docs/security.md).
 */
export class RedisHitCounter implements HitCounter {
  private readonly redis: Counting;
  private lastWarning = -Infinity;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    if (!('hitCount' in redis)) {
      redis.defineCommand('hitCount', { numberOfKeys: 1, lua: HIT });
      redis.defineCommand('peekCount', { numberOfKeys: 1, lua: PEEK });
    }
    this.redis = redis as Counting;
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    try {
      const [count, ttl] = await this.redis.hitCount(this.prefix + key, Math.max(1, Math.round(windowMs)));
      return { count, resetAt: this.now() + ttl };
    } catch (err) {
      return this.failOpen(err, windowMs);
    }
  }

  async peek(key: string, windowMs: number): Promise<WindowCount> {
    try {
      const [count, ttl] = await this.redis.peekCount(this.prefix + key);
      return count > 0 && ttl > 0 ? { count, resetAt: this.now() + ttl } : { count: 0, resetAt: this.now() + windowMs };
    } catch (err) {
      return this.failOpen(err, windowMs);
    }
  }

  private failOpen(err: unknown, windowMs: number): WindowCount {
    const t = this.now();
    if (t - this.lastWarning >= 60_000) {
      this.lastWarning = t;
      this.onError(err);
    }
    return { count: 0, resetAt: t + windowMs };
  }
}

export interface RateCounting {
  counter: HitCounter;
  /** options for @fastify/rate-limit: its Redis store under the same prefix, failing open likewise; {} in memory */
  pluginOptions: { redis?: Redis; nameSpace?: string; skipOnError?: boolean };
  close(): Promise<void>;
}

/**
 * The counters of one app: Redis when configured, else memory. The Redis connection fails commands at once while
 * disconnected (no offline queue) and gives up on a slow answer, so a request never waits on an absent Redis.
 */
export async function openRateCounting(
  redis: { url: string; prefix: string } | null,
  clock: Clock,
  onError: (err: unknown) => void,
): Promise<RateCounting> {
  const now = () => clock.now().getTime();
  if (!redis) return { counter: new MemoryHitCounter(now), pluginOptions: {}, close: async () => undefined };
  // ioredis (≈ 20 MiB) is loaded only by the instances that use Redis (docs/decisions/0012-footprint-and-logging.md).
  const { Redis: RedisClient } = await import('ioredis');
  const client = new RedisClient(redis.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
  });
  let lastError = -Infinity;
  // Connection errors repeat on every reconnect attempt: one log line a minute is enough.
  client.on('error', (err) => {
    if (Date.now() - lastError < 60_000) return;
    lastError = Date.now();
    onError(err);
  });
  return {
    counter: new RedisHitCounter(client, `${redis.prefix}hits:`, now, onError),
    pluginOptions: { redis: client, nameSpace: `${redis.prefix}rate:`, skipOnError: true },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
