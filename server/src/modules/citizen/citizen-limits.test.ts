import { describe, expect, it } from 'vitest';
import { Limiter, RecentKeys } from './citizen-limits.ts';

describe('citizen rate limits', () => {
  it('refuses the hit beyond a rule, names the rule and when to retry, and admits again in the next window', () => {
    let t = 1_000_000;
    const limiter = new Limiter([{ scope: 'device', limit: 2, windowMs: 60_000 }, { scope: 'ip', limit: 3, windowMs: 60_000 }], () => t);
    const a = { device: 'A', ip: '1.1.1.1' };
    const b = { device: 'B', ip: '1.1.1.1' };
    expect(limiter.take(a, t)).toBeNull();
    t += 10_000;
    expect(limiter.take(a, t)).toBeNull();
    expect(limiter.take(a, t)).toEqual({ scope: 'device', limit: 2, windowSeconds: 60, retryAfterSeconds: 50 });
    expect(limiter.take(b, t)).toBeNull();
    // The IP has had three admitted hits: a fourth device on it is refused by the IP rule.
    expect(limiter.take({ device: 'C', ip: '1.1.1.1' }, t)?.scope).toBe('ip');
    expect(limiter.take({ device: 'C', ip: '2.2.2.2' }, t)).toBeNull();
    t += 50_000;
    expect(limiter.take(a, t)).toBeNull();
  });

  it('check alone counts nothing; record counts', () => {
    const t = 0;
    const limiter = new Limiter([{ scope: 'ip', limit: 1, windowMs: 1000 }], () => t);
    const k = { device: 'x', ip: 'y' };
    expect(limiter.check(k, t)).toBeNull();
    expect(limiter.check(k, t)).toBeNull();
    limiter.record(k);
    expect(limiter.check(k, t)?.scope).toBe('ip');
  });

  it('remembers a bounded number of answered keys, dropping the oldest', () => {
    const keys = new RecentKeys(2);
    keys.add('a');
    keys.add('b');
    keys.add('c');
    expect([keys.has('a'), keys.has('b'), keys.has('c')]).toEqual([false, true, true]);
  });
});
