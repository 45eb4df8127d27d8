/**
 * Anti-abuse limits for the citizen entry points: fixed windows counted per key (device id, IP) in
 * memory. One process counts its own traffic; behind a load balancer with N copies the effective limit is up to
 * N × the configured one, which is acceptable for abuse control (a shared store can replace `WindowCounter`).
 */
export interface LimitRule {
  /** 'device' | 'ip': which key the rule counts, named in the 429 body */
  scope: 'device' | 'ip';
  limit: number;
  windowMs: number;
}

export interface Refusal {
  scope: LimitRule['scope'];
  limit: number;
  windowSeconds: number;
  retryAfterSeconds: number;
}

const SWEEP_EVERY = 1000;

/** Counts hits per key in fixed windows; entries of past windows are dropped as it goes. */
export class WindowCounter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  private calls = 0;

  constructor(private readonly windowMs: number, private readonly now: () => number) {}

  /** Hits counted in the current window for `key`, and when that window ends. */
  peek(key: string): { count: number; resetAt: number } {
    const t = this.now();
    const entry = this.hits.get(key);
    if (!entry || t - entry.start >= this.windowMs) return { count: 0, resetAt: t + this.windowMs };
    return { count: entry.count, resetAt: entry.start + this.windowMs };
  }

  add(key: string): void {
    const t = this.now();
    this.sweep(t);
    const entry = this.hits.get(key);
    if (!entry || t - entry.start >= this.windowMs) this.hits.set(key, { start: t, count: 1 });
    else entry.count += 1;
  }

  private sweep(t: number) {
    this.calls += 1;
    if (this.calls % SWEEP_EVERY !== 0) return;
    for (const [key, entry] of this.hits) if (t - entry.start >= this.windowMs) this.hits.delete(key);
  }
}

/** Several rules over one action (e.g. reports: per device and per IP); all must admit a hit. */
export class Limiter {
  private readonly counters: { rule: LimitRule; counter: WindowCounter }[];

  constructor(rules: readonly LimitRule[], now: () => number) {
    this.counters = rules.map((rule) => ({ rule, counter: new WindowCounter(rule.windowMs, now) }));
  }

  /** The first rule the hit would break, or null; counts nothing. */
  check(keys: Readonly<Record<LimitRule['scope'], string>>, now: number): Refusal | null {
    for (const { rule, counter } of this.counters) {
      const { count, resetAt } = counter.peek(keys[rule.scope]);
      if (count >= rule.limit) {
        return { scope: rule.scope, limit: rule.limit, windowSeconds: Math.round(rule.windowMs / 1000), retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
      }
    }
    return null;
  }

  record(keys: Readonly<Record<LimitRule['scope'], string>>): void {
    for (const { rule, counter } of this.counters) counter.add(keys[rule.scope]);
  }

  /** check + record: null when admitted (and counted). */
  take(keys: Readonly<Record<LimitRule['scope'], string>>, now: number): Refusal | null {
    const refusal = this.check(keys, now);
    if (!refusal) this.record(keys);
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
