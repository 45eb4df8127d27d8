/**
 * The requests the bench sends: intake (POST /api/cases with a fresh Idempotency-Key each), the inbox mix of a
 * command centre (who opens which inbox, in which sort, how deep they page) and case search by 2- and 4-character
 * Chinese terms (2 characters take the LIKE fallback, 3+ the trigram index).
 */
import type { RequestSpec } from '../http-load.ts';
import type { HttpSession } from './app-process.ts';
import type { PlacedPoint } from './case-reference.ts';
import { pick, rng, weighted } from './rng.ts';

const DESCRIPTIONS = ['店外经营，占用人行道', '门店占道摆放货物', '流动摊贩店外经营，影响通行', '餐馆店外摆桌经营'];

export function intakeRequest(session: HttpSession, points: readonly PlacedPoint[], runId: string) {
  return (i: number): RequestSpec => {
    const p = points[i % points.length] as PlacedPoint;
    return {
      method: 'POST',
      path: '/api/cases',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'idempotency-key': `bench-${runId}-${i}` },
      body: JSON.stringify({
        matterCode: '09006',
        description: DESCRIPTIONS[i % DESCRIPTIONS.length],
        lng: p.lng,
        lat: p.lat,
      }),
    };
  };
}

/** Public reads are limited per caller address: each request comes as another caller (the server trusts the proxy header). */
export const caller = (i: number) => ({ 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });

/** Open311 create as a partner app sends it: a form POST with the API key, one of `keys` per request in turn. */
export function open311CreateRequest(keys: readonly string[], points: readonly PlacedPoint[]) {
  return (i: number): RequestSpec => {
    const key = keys[i % keys.length] as string;
    const p = points[i % points.length] as PlacedPoint;
    const form = new URLSearchParams({
      api_key: key,
      jurisdiction_id: '420281',
      service_code: '09006',
      description: '金湖大道水果摊占道经营',
      lat: String(p.lat),
      long: String(p.lng),
      email: 'bench@example.org',
      'attribute[filing_condition]': '1',
    });
    return {
      method: 'POST',
      path: `/open311/v2/requests.json?api_key=${encodeURIComponent(key)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...caller(i + 1) },
      body: form.toString(),
    };
  };
}

export const helloRequest = (): RequestSpec => ({ method: 'GET', path: '/bench/hello' });

interface Shape {
  user: string;
  inbox: string;
  sort?: string;
  order?: 'asc' | 'desc';
  mine?: boolean;
  weight: number;
}

/**
 * Who looks at what (weights ≈ how often): the dispatch and filing queues by deadline dominate; units watch their
 * handling list; leaders look at everything and the overdue list; the closed archive is browsed now and then.
 */
const SHAPES: readonly Shape[] = [
  { user: 'dispatcher', inbox: 'pending_dispatch', weight: 14 },
  { user: 'dispatcher', inbox: 'pending_dispatch', sort: 'reportedAt', order: 'desc', weight: 4 },
  { user: 'operator', inbox: 'reported', weight: 12 },
  { user: 'operator', inbox: 'reported_back', weight: 6 },
  { user: 'shiftleader', inbox: 'pending_filing', weight: 10 },
  { user: 'shiftleader', inbox: 'pending_close', weight: 6 },
  { user: 'shiftleader', inbox: 'overdue', weight: 6 },
  { user: 'inspector', inbox: 'verifying', mine: true, weight: 4 },
  { user: 'inspector', inbox: 'checking', mine: true, weight: 4 },
  { user: 'unitmanager', inbox: 'handling', weight: 10 },
  { user: 'unitmanager', inbox: 'handling', sort: 'reportedAt', order: 'desc', weight: 3 },
  { user: 'dispatcher', inbox: 'handling', weight: 5 },
  { user: 'dispatcher', inbox: 'suspended', weight: 2 },
  { user: 'leader', inbox: 'overdue', weight: 4 },
  { user: 'leader', inbox: 'all', sort: 'reportedAt', order: 'desc', weight: 4 },
  { user: 'leader', inbox: 'closed', sort: 'updatedAt', order: 'desc', weight: 3 },
  { user: 'operator', inbox: 'all', sort: 'caseNo', order: 'desc', weight: 3 },
];

const pickShape = weighted(
  SHAPES,
  SHAPES.map((s) => s.weight),
);
const pickPage = weighted([1, 2, 3, 5, 10, 25], [70, 12, 6, 6, 4, 2]);

export function inboxRequests(sessions: ReadonlyMap<string, HttpSession>, count: number, seed: number): RequestSpec[] {
  const random = rng(seed);
  return Array.from({ length: count }, () => {
    const s = pickShape(random);
    const session = sessions.get(s.user);
    if (!session) throw new Error(`no session for ${s.user}`);
    const params = new URLSearchParams({
      inbox: s.inbox,
      sort: s.sort ?? 'deadline',
      pageSize: '20',
      page: String(pickPage(random)),
    });
    if (s.order) params.set('order', s.order);
    if (s.mine) params.set('mine', 'true');
    return { method: 'GET', path: `/api/cases?${params}`, headers: { cookie: session.cookie }, tag: s.inbox };
  });
}

export const SEARCH_TERMS = {
  two: ['垃圾', '井盖', '广告', '占道'],
  four: ['暴露垃圾', '店外经营', '影响通行', '公交站台'],
} as const;

export function searchRequests(
  session: HttpSession,
  terms: readonly string[],
  count: number,
  seed: number,
): RequestSpec[] {
  const random = rng(seed);
  return Array.from({ length: count }, (_, i) => {
    const term = i < terms.length ? (terms[i] as string) : pick(terms, random);
    const params = new URLSearchParams({ q: term, pageSize: '20' });
    return { method: 'GET', path: `/api/cases?${params}`, headers: { cookie: session.cookie }, tag: term };
  });
}
