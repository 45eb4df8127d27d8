/**
 * The per-case requests, measured twice per backend: on the new database (after the intake phases) and again after the
 * bulk load, so a query whose cost grows with the city shows as the gap between the two rows. Staff intake, Open311
 * create, the case detail (with its timeline, photos and merged children), one Open311 request and an Open311 page,
 * each as a closed loop.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../server/src/platform/db.ts';
import { closedLoop, once, type LoadResult, type RequestSpec } from '../http-load.ts';
import type { HttpSession } from './app-process.ts';
import type { PlacedPoint } from './case-reference.ts';
import type { Figure } from './report.ts';
import { caller, intakeRequest, open311CreateRequest } from './scenarios.ts';

export interface ProbeContext {
  port: number;
  db: Db;
  tenantId: string;
  inspector: HttpSession;
  operator: HttpSession;
  admin: HttpSession;
  points: readonly PlacedPoint[];
  concurrency: number;
  durationMs: number;
}

export interface ProbeResult {
  name: string;
  result: LoadResult;
}

/** Open311 write keys are limited per minute (6,000 at most): a few keys keep the limit out of the figure. */
const KEYS = 6;

export async function open311Keys(c: Pick<ProbeContext, 'port' | 'admin'>): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < KEYS; i++) {
    const res = await once(c.port, {
      method: 'POST',
      path: '/api/open311/clients',
      headers: { cookie: c.admin.cookie, 'x-csrf-token': c.admin.csrf },
      body: JSON.stringify({ name: `bench-${randomBytes(3).toString('hex')}`, rateLimitPerMinute: 6000 }),
    });
    if (res.status !== 201) throw new Error(`open311 client: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    keys.push((res.body as { apiKey: string }).apiKey);
  }
  return keys;
}

/** Cases spread over the whole history: the first case reported at or after evenly spaced instants. */
async function sampleCases(db: Db, tenantId: string, count: number): Promise<{ id: string; case_no: string }[]> {
  const range = await db
    .selectFrom('cases')
    .select((eb) => [eb.fn.min('reported_at').as('lo'), eb.fn.max('reported_at').as('hi')])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const lo = Date.parse(String(range.lo));
  const hi = Date.parse(String(range.hi));
  const out = new Map<string, { id: string; case_no: string }>();
  for (let i = 0; i < count; i++) {
    const at = new Date(lo + ((hi - lo) * (i + 0.5)) / count).toISOString();
    const row = await db
      .selectFrom('cases')
      .select(['id', 'case_no'])
      .where('tenant_id', '=', tenantId)
      .where('reported_at', '>=', at)
      .orderBy('reported_at')
      .limit(1)
      .executeTakeFirst();
    if (row) out.set(row.id, row);
  }
  return [...out.values()];
}

export async function measurePerCase(
  c: ProbeContext,
  label: string,
  log: (line: string) => void,
): Promise<ProbeResult[]> {
  const keys = await open311Keys(c);
  const runId = randomBytes(4).toString('hex');
  const cases = await sampleCases(c.db, c.tenantId, 300);
  // Open311 shows only its public channels, so the case numbers it serves are taken from its own list once the
  // create probe below has filed some.
  let open311Nos: string[] = [];
  const lists = [
    'page_size=100',
    'page_size=100&page=2',
    'status=open&page_size=100',
    'service_code=09006&page_size=100',
  ];

  const probes: [string, number[], (i: number) => RequestSpec][] = [
    ['intake POST /api/cases', [201], intakeRequest(c.inspector, c.points, `${runId}s`)],
    ['Open311 create POST /open311/v2/requests.json', [200, 201], open311CreateRequest(keys, c.points)],
    [
      'case detail GET /api/cases/:id',
      [200],
      (i) => ({
        method: 'GET',
        path: `/api/cases/${(cases[i % cases.length] as { id: string }).id}`,
        headers: { cookie: c.operator.cookie },
      }),
    ],
    [
      'Open311 request GET /open311/v2/requests/:id.json',
      [200],
      (i) => ({
        method: 'GET',
        path: `/open311/v2/requests/${open311Nos[i % open311Nos.length] as string}.json`,
        headers: caller(i + 1),
      }),
    ],
    [
      'Open311 list GET /open311/v2/requests.json',
      [200],
      (i) => ({
        method: 'GET',
        path: `/open311/v2/requests.json?${lists[i % lists.length] as string}`,
        headers: caller(i + 1),
      }),
    ],
  ];
  const out: ProbeResult[] = [];
  for (const [name, expect, make] of probes) {
    if (name.startsWith('Open311 request') && !open311Nos.length) open311Nos = await publicNumbers(c.port);
    const result = await closedLoop(c.port, { concurrency: c.concurrency, durationMs: c.durationMs, expect, make });
    log(
      `${label} ${name}: ${result.rps.toFixed(0)} req/s (p50 ${result.latency.p50.toFixed(1)} ms, p99 ${result.latency.p99.toFixed(1)} ms), errors ${JSON.stringify(result.errors)}`,
    );
    out.push({ name, result });
  }
  return out;
}

export async function publicNumbers(port: number): Promise<string[]> {
  const listed = await once(port, {
    method: 'GET',
    path: '/open311/v2/requests.json?page_size=200',
    headers: caller(0),
  });
  const nos = (Array.isArray(listed.body) ? (listed.body as { service_request_id: string }[]) : []).map(
    (r) => r.service_request_id,
  );
  if (!nos.length) throw new Error(`open311 list: ${listed.status} ${JSON.stringify(listed.body).slice(0, 200)}`);
  return nos;
}

/** One row per request and state: the new database and the loaded one side by side. */
export function perCaseFigures(
  empty: readonly ProbeResult[],
  loaded: readonly ProbeResult[],
  size: string,
  hello: number,
): Omit<Figure, 'backend'>[] {
  return empty.flatMap((e) => {
    const l = loaded.find((x) => x.name === e.name);
    const row = (state: string, r: LoadResult) => ({
      name: `${e.name} — ${state}`,
      value: r.rps,
      unit: 'req/s',
      baseline: r.rps / hello,
      note: `p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms; ${r.requests - r.ok} errors`,
    });
    return [row('new database', e.result), ...(l ? [row(size, l.result)] : [])];
  });
}
