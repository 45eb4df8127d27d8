import { describe, expect, it } from 'vitest';
import { MemoryHitCounter } from '../../platform/rate-counter.ts';
import { Limiter, RecentKeys } from './citizen-limits.ts';

describe('citizen rate limits', () => {
  it('refuses the hit beyond a rule, names the rule and when to retry, and admits again in the next window', async () => {
    let t = 1_000_000;
    const limiter = new Limiter(
      'test',
      [
        { scope: 'device', limit: 2, windowMs: 60_000 },
        { scope: 'ip', limit: 3, windowMs: 60_000 },
      ],
      new MemoryHitCounter(() => t),
    );
    const a = { device: 'A', ip: '1.1.1.1' };
    const b = { device: 'B', ip: '1.1.1.1' };
    expect(await limiter.take(a, t)).toBeNull();
    t += 10_000;
    expect(await limiter.take(a, t)).toBeNull();
    expect(await limiter.take(a, t)).toEqual({ scope: 'device', limit: 2, windowSeconds: 60, retryAfterSeconds: 50 });
    // The device's refused hit used none of the IP's quota: B still gets the IP's third hit.
    expect(await limiter.take(b, t)).toBeNull();
    // The IP has had three admitted hits: a fourth device on it is refused by the IP rule.
    expect((await limiter.take({ device: 'C', ip: '1.1.1.1' }, t))?.scope).toBe('ip');
    expect(await limiter.take({ device: 'C', ip: '2.2.2.2' }, t)).toBeNull();
    t += 50_000;
    expect(await limiter.take(a, t)).toBeNull();
  });

  it('with one rule, refuses past the limit until the window of the first hit ends', async () => {
    let t = 0;
    const limiter = new Limiter('one', [{ scope: 'ip', limit: 2, windowMs: 10_000 }], new MemoryHitCounter(() => t));
    const k = { device: 'x', ip: 'y' };
    expect(await limiter.take(k, t)).toBeNull();
    t = 4000;
    expect(await limiter.take(k, t)).toBeNull();
    expect(await limiter.take(k, t)).toEqual({ scope: 'ip', limit: 2, windowSeconds: 10, retryAfterSeconds: 6 });
    t = 9000;
    expect((await limiter.take(k, t))?.retryAfterSeconds).toBe(1);
    t = 10_000;
    expect(await limiter.take(k, t)).toBeNull();
  });

  it('check alone counts nothing; record counts; limiters sharing a counter count apart', async () => {
    const t = 0;
    const counter = new MemoryHitCounter(() => t);
    const limiter = new Limiter('first', [{ scope: 'ip', limit: 1, windowMs: 1000 }], counter);
    const other = new Limiter('second', [{ scope: 'ip', limit: 1, windowMs: 1000 }], counter);
    const k = { device: 'x', ip: 'y' };
    expect(await limiter.check(k, t)).toBeNull();
    expect(await limiter.check(k, t)).toBeNull();
    await limiter.record(k);
    expect((await limiter.check(k, t))?.scope).toBe('ip');
    expect(await other.check(k, t)).toBeNull();
  });

  it('remembers a bounded number of answered keys, dropping the oldest', () => {
    const keys = new RecentKeys(2);
    keys.add('a');
    keys.add('b');
    keys.add('c');
    expect([keys.has('a'), keys.has('b'), keys.has('c')]).toEqual([false, true, true]);
  });
});
