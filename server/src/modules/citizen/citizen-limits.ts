import type { HitCounter } from '../../platform/rate-counter.ts';

/**
 * Anti-abuse limits for the citizen entry points: fixed windows counted per key (device id, IP) by the app's hit
 * counter, in memory for one process and in Redis across several instances (docs/security.md, "Rate limits across
 * instances").
 */
export interface LimitRule {
  /** 'device' | 'ip' | 'case' (a case number, for the lookup): which key the rule counts, named in the 429 body */
  scope: 'device' | 'ip' | 'case';
  limit: number;
  windowMs: number;
}

export interface Refusal {
  scope: LimitRule['scope'];
  limit: number;
  windowSeconds: number;
  retryAfterSeconds: number;
}

/** The key of each scope the limiter's rules count. */
type Keys = { readonly [S in LimitRule['scope']]?: string };

/** Several rules over one action (e.g. reports: per device and per IP); all must admit a hit. */
export class Limiter {
  /**
   * @param name distinguishes this limiter's keys from other limiters' in the shared counter
   */
  constructor(
    private readonly name: string,
    private readonly rules: readonly LimitRule[],
    private readonly counter: HitCounter,
  ) {}

  private key(rule: LimitRule, keys: Keys) {
    return `citizen:${this.name}:${rule.scope}:${keys[rule.scope] ?? ''}`;
  }

  private refusal(rule: LimitRule, resetAt: number, now: number): Refusal {
    return {
      scope: rule.scope,
      limit: rule.limit,
      windowSeconds: Math.round(rule.windowMs / 1000),
      retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    };
  }

  /** The first rule the hit would break, or null; counts nothing. */
  async check(keys: Keys, now: number): Promise<Refusal | null> {
    const windows = await Promise.all(this.rules.map((rule) => this.counter.peek(this.key(rule, keys), rule.windowMs)));
    for (const [i, rule] of this.rules.entries()) {
      const w = windows[i] as { count: number; resetAt: number };
      if (w.count >= rule.limit) return this.refusal(rule, w.resetAt, now);
    }
    return null;
  }

  async record(keys: Keys): Promise<void> {
    await Promise.all(this.rules.map((rule) => this.counter.hit(this.key(rule, keys), rule.windowMs)));
  }

  /**
   * check + record: null when admitted (and counted). One rule is one atomic hit, refused past the limit (a refused
   * hit counted in the same fixed window changes neither the admissions nor the window's end). Several rules check
   * first, so a hit one rule refuses does not use up another rule's quota.
   */
  async take(keys: Keys, now: number): Promise<Refusal | null> {
    const [only, ...more] = this.rules;
    if (only && more.length === 0) {
      const w = await this.counter.hit(this.key(only, keys), only.windowMs);
      return w.count > only.limit ? this.refusal(only, w.resetAt, now) : null;
    }
    const refusal = await this.check(keys, now);
    if (!refusal) await this.record(keys);
    return refusal;
  }
}

/** A small bounded set of recently answered (scope, idempotency key) pairs: their replays are never refused. */
export class RecentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly max = 10_000) {}
  has(key: string): boolean {
    return this.keys.has(key);
  }
  add(key: string): void {
    this.keys.add(key);
    if (this.keys.size > this.max) {
      const oldest = this.keys.values().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
  }
}
