/**
 * A bounded, steady-rate intake load over real HTTP (loopback only): one POST /api/cases per tick, each with its
 * own marker in the description and its own Idempotency-Key, so every acknowledged report can be found again and
 * every unacknowledged one retried safely.
 */
export interface HttpSession {
  cookie: string;
  csrf: string;
}

export interface Attempt {
  i: number;
  key: string;
  body: Record<string, unknown>;
  status: number | null;
  id?: string;
  caseNo?: string;
  error?: string;
  /** error body of a refused request (to prove no stack trace leaks) */
  errorBody?: string;
  startedAt: number;
  endedAt?: number;
}

// A point inside the demo city's synthetic streets (the same as the case HTTP tests).
export const DEMO_POINT = { lng: 114.975, lat: 30.1 };

export async function httpLogin(base: string, username: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('cityloop_sid='));
  if (!cookie) throw new Error('no session cookie');
  const me = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}

export function marker(runId: string, i: number): string {
  return `crash-${runId}-${String(i).padStart(5, '0')}`;
}

export function intakeBody(runId: string, i: number): Record<string, unknown> {
  return { matterCode: '09006', description: `${marker(runId, i)} 金湖大道占道经营`, ...DEMO_POINT };
}

/** One intake request; never throws (a refused connection is recorded as status null). */
export async function postIntake(
  base: string,
  session: HttpSession,
  a: Pick<Attempt, 'key' | 'body'>,
  timeoutMs = 15_000,
) {
  try {
    const res = await fetch(`${base}/api/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'idempotency-key': a.key,
      },
      body: JSON.stringify(a.body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status >= 200 && res.status < 300) {
      const json = JSON.parse(text) as { id: string; caseNo: string };
      return {
        status: res.status,
        id: json.id,
        caseNo: json.caseNo,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      };
    }
    return { status: res.status, errorBody: text.slice(0, 2000), replayed: false };
  } catch (err) {
    return { status: null, error: (err as Error).message, replayed: false };
  }
}

export class IntakeLoad {
  readonly attempts: Attempt[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly inflight = new Set<Promise<void>>();
  skipped = 0;

  constructor(
    private readonly base: string,
    private readonly session: HttpSession,
    private readonly runId: string,
    private readonly ratePerSecond: number,
    private readonly maxInFlight = 32,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.fire(), Math.max(1, Math.round(1000 / this.ratePerSecond)));
  }

  private fire(): void {
    if (this.inflight.size >= this.maxInFlight) {
      this.skipped += 1;
      return;
    }
    const i = this.attempts.length;
    const a: Attempt = {
      i,
      key: `crash-${this.runId}-${i}`,
      body: intakeBody(this.runId, i),
      status: null,
      startedAt: Date.now(),
    };
    this.attempts.push(a);
    const p = postIntake(this.base, this.session, a).then((r) => {
      Object.assign(a, r, { endedAt: Date.now() });
    });
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  acknowledged(): Attempt[] {
    return this.attempts.filter((a) => a.status !== null && a.status >= 200 && a.status < 300);
  }

  /** Stops sending and waits for every request in flight to settle. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.allSettled([...this.inflight]);
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
