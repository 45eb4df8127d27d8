/**
 * A small, bounded HTTP load generator over keep-alive connections to 127.0.0.1 (autocannon is not a dependency):
 * closed loop (C requests in flight for D seconds), open loop (a fixed rate R for D seconds, latency counted from
 * the instant each request was due, so a slow server cannot hide its queue: no coordinated omission), and a
 * sequential list (one request at a time, each tagged, for query latency). Every run is bounded in time and count.
 */
import http from 'node:http';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** groups the latencies of a sequential run (e.g. the inbox name) */
  tag?: string;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface LoadResult {
  requests: number;
  ok: number;
  errors: Record<string, number>;
  seconds: number;
  rps: number;
  /** ms, for open loops counted from the instant the request was due */
  latency: Percentiles;
}

export interface OpenLoopResult extends LoadResult {
  intendedRate: number;
  /** ms from the actual send to the response (the server's share, without generator or queue delay) */
  service: Percentiles;
  dropped: number;
}

const HARD_MAX_REQUESTS = 2_000_000;
const REQUEST_TIMEOUT_MS = 30_000;

export function percentiles(samples: ArrayLike<number>): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) =>
    sorted.length ? (sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number) : NaN;
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : NaN,
    mean: sum / sorted.length,
  };
}

class Samples {
  private data = new Float64Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

interface Reply {
  status: number;
  body: string;
}

function send(agent: http.Agent, port: number, spec: RequestSpec, keepBody: boolean): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = Buffer.byteLength(spec.body);
    }
    const req = http.request(
      { host: '127.0.0.1', port, method: spec.method, path: spec.path, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => keepBody && chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: keepBody ? Buffer.concat(chunks).toString('utf8') : '' }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(spec.body);
  });
}

const errorKey = (err: unknown) =>
  `error:${err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err)}`;

function tally(errors: Record<string, number>, key: string) {
  errors[key] = (errors[key] ?? 0) + 1;
}

export interface ClosedLoopOptions {
  concurrency: number;
  durationMs: number;
  maxRequests?: number;
  expect: readonly number[];
  make: (i: number) => RequestSpec;
}

/** C workers, each sending its next request as soon as the previous answer arrives, until the time is up. */
export async function closedLoop(port: number, o: ClosedLoopOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies = new Samples();
  const errors: Record<string, number> = {};
  const max = Math.min(o.maxRequests ?? HARD_MAX_REQUESTS, HARD_MAX_REQUESTS);
  let issued = 0;
  let ok = 0;
  const start = performance.now();
  const end = start + o.durationMs;
  const worker = async () => {
    while (performance.now() < end && issued < max) {
      const spec = o.make(issued++);
      const t = performance.now();
      try {
        const reply = await send(agent, port, spec, false);
        latencies.push(performance.now() - t);
        if (o.expect.includes(reply.status)) ok++;
        else tally(errors, `status:${reply.status}`);
      } catch (err) {
        tally(errors, errorKey(err));
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { requests: issued, ok, errors, seconds, rps: ok / seconds, latency: percentiles(latencies.view()) };
}

export interface OpenLoopOptions {
  rate: number;
  durationMs: number;
  expect: readonly number[];
  make: (i: number) => RequestSpec;
  /** connections the generator may open (requests beyond them queue, and the queue counts in latency) */
  connections?: number;
  /** requests in flight beyond this are dropped (counted) instead of sent: bounds memory if the server stalls */
  maxOutstanding?: number;
  /** how long to wait for stragglers after the last request was due */
  graceMs?: number;
}

/** Sends request i at start + i/R whatever happened before, so a server that falls behind shows it in latency. */
export async function openLoop(port: number, o: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections ?? 64 });
  const total = Math.min(Math.round((o.rate * o.durationMs) / 1000), HARD_MAX_REQUESTS);
  const maxOutstanding = o.maxOutstanding ?? 5000;
  const latencies = new Samples();
  const service = new Samples();
  const errors: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  let done = 0;
  let dropped = 0;
  let outstanding = 0;
  const start = performance.now();
  const interval = 1000 / o.rate;

  const fire = (i: number, due: number) => {
    outstanding++;
    const t = performance.now();
    send(agent, port, o.make(i), false)
      .then(
        (reply) => {
          const now = performance.now();
          latencies.push(now - due);
          service.push(now - t);
          if (o.expect.includes(reply.status)) ok++;
          else tally(errors, `status:${reply.status}`);
        },
        (err: unknown) => tally(errors, errorKey(err)),
      )
      .finally(() => {
        outstanding--;
        done++;
      });
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        if (outstanding >= maxOutstanding) dropped++;
        else fire(sent, start + sent * interval);
        sent++;
      }
      if (sent >= total) {
        clearInterval(timer);
        resolve();
      }
    };
    const timer = setInterval(tick, 1);
  });
  const graceEnd = performance.now() + (o.graceMs ?? 10_000);
  while (done + dropped < sent && performance.now() < graceEnd) await new Promise((r) => setTimeout(r, 5));
  const lastDue = start + (total - 1) * interval;
  const seconds = (Math.max(performance.now(), lastDue) - start) / 1000;
  const unfinished = sent - dropped - done;
  // A snapshot: destroying the agent fails the unfinished requests, which must not be counted twice.
  const outcome = {
    ...errors,
    ...(unfinished > 0 ? { 'error:unfinished': unfinished } : {}),
    ...(dropped > 0 ? { dropped } : {}),
  };
  agent.destroy();
  return {
    requests: sent,
    ok,
    errors: outcome,
    seconds,
    rps: ok / seconds,
    intendedRate: o.rate,
    dropped,
    latency: percentiles(latencies.view()),
    service: percentiles(service.view()),
  };
}

export interface TaggedLatency {
  tag: string;
  ms: number;
  status: number;
}

/**
 * One request at a time (no queueing: pure latency); the first failing reply stops the run with its body.
 * With `budgetMs`, stops early once that much time has passed and at least `minRequests` were answered.
 */
export async function sequential(
  port: number,
  specs: readonly RequestSpec[],
  options: { expect?: readonly number[]; budgetMs?: number; minRequests?: number } = {},
): Promise<TaggedLatency[]> {
  const expect = options.expect ?? [200];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out: TaggedLatency[] = [];
  const start = performance.now();
  try {
    for (const spec of specs.slice(0, HARD_MAX_REQUESTS)) {
      if (
        options.budgetMs !== undefined &&
        out.length >= (options.minRequests ?? 1) &&
        performance.now() - start > options.budgetMs
      )
        break;
      const t = performance.now();
      const reply = await send(agent, port, spec, true);
      const ms = performance.now() - t;
      if (!expect.includes(reply.status))
        throw new Error(`${spec.method} ${spec.path}: ${reply.status} ${reply.body.slice(0, 300)}`);
      out.push({ tag: spec.tag ?? spec.path, ms, status: reply.status });
    }
  } finally {
    agent.destroy();
  }
  return out;
}

/** One request, answering status and parsed JSON body (logins, checks). */
export async function once(
  port: number,
  spec: RequestSpec,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: unknown }> {
  return new Promise((resolve, reject) => {
    const body = spec.body;
    const headers: Record<string, string | number> = {
      ...spec.headers,
      ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
    };
    const req = http.request({ host: '127.0.0.1', port, method: spec.method, path: spec.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}
