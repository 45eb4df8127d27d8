import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../../common/i18n/en.ts';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../../common/domain/roles.ts';
import type { RouteEntry } from '../app.ts';
import { DAYE_USERS } from '../seed/daye-org.ts';
import { TEST_DIALECT } from '../testing/test-db.ts';
import { createTestApp, type Session, type TestContext } from '../testing/test-app.ts';
import { realIdentifiers, requestArb, type FuzzRequest } from './fuzz/route-requests.ts';

/**
 * Fuzzing: every route of app.routeTable gets requests derived from its own schemas (path, query,
 * headers, body) and mutated at random, sent by a role that may call it (sometimes anonymous, sometimes with a
 * forged CSRF token). No answer may be a 5xx, none may carry a stack trace, and every error must use a documented
 * code (one the error catalog translates). Routes added later are fuzzed without touching this file.
 * FUZZ_RUNS (per route, default 20), FUZZ_SEED (default fixed, so CI is reproducible), FUZZ_BUDGET_MS (after it,
 * each remaining route still gets 3 runs).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20241125);
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 40_000);
const REQUEST_TIMEOUT_MS = 10_000;

let ctx: TestContext;
const sessions = new Map<string, Session>();
let ids: string[] = [];
let userSnapshot: Record<string, unknown>[] = [];
let grantSnapshot: Record<string, unknown>[] = [];

function documentedCodes(): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, underErrors: boolean) => {
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (underErrors && typeof v === 'string') out.add(k);
      walk(v, k === 'errors');
    }
  };
  walk(en, false);
  return out;
}
const DOCUMENTED = documentedCodes();
const passwordOf = (username: string) => (username === 'admin' ? 'Admin@12345' : 'Demo@12345');

/** Signs in from an address of its own, so the login rate limit the fuzzer trips on 127.0.0.1 does not stop it. */
async function login(username: string, password: string): Promise<Session> {
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '127.0.0.9',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cityloop_sid')!;
  return { cookie: `cityloop_sid=${cookie.value}`, csrf: res.json().csrfToken };
}

/** Fuzzing may reset a demo user's password, lock or deactivate them: put the user back and sign in again. */
async function ensureSession(role: string): Promise<void> {
  const user = DAYE_USERS.find((u) => u.role === role)!;
  const current = sessions.get(role);
  if (current) {
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: current.cookie } });
    if (me.statusCode === 200 && me.json().mustChangePassword !== true) return;
  }
  try {
    sessions.set(role, await login(user.username, passwordOf(user.username)));
  } catch {
    const db = ctx.database.db;
    const row = userSnapshot.find((u) => u.username === user.username)!;
    await db
      .updateTable('users')
      .set(row as never)
      .where('id', '=', row.id as string)
      .execute();
    await db
      .deleteFrom('user_grants')
      .where('user_id', '=', row.id as string)
      .execute();
    const grants = grantSnapshot.filter((g) => g.user_id === row.id);
    if (grants.length)
      await db
        .insertInto('user_grants')
        .values(grants as never)
        .execute();
    sessions.set(role, await login(user.username, passwordOf(user.username)));
  }
}

/** The roles the demo city has a user for (the prefecture's reader belongs to another tenant). */
const CITY_ROLES = ROLES.filter((r) => DAYE_USERS.some((u) => u.role === r));

const rolesWith = (permission: string | null) =>
  CITY_ROLES.filter((r) => !permission || ROLE_PERMISSIONS[r].includes(permission as Permission));

const STACK = /\bat [^\s]+ \(?[^\s]*\.(ts|js|mjs):\d+|node_modules\/|\bError: .*\n\s+at /;

/** Sends one fuzzed request; returns a problem description or null. */
async function probe(req: FuzzRequest): Promise<string | null> {
  const session = req.role ? sessions.get(req.role) : undefined;
  const headers = {
    ...req.headers,
    ...(session ? { cookie: session.cookie, 'x-csrf-token': req.csrf ? session.csrf : 'forged' } : {}),
  };
  const res = await Promise.race([
    ctx.app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers,
      ...(req.payload === undefined ? {} : { payload: req.payload }),
    }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), REQUEST_TIMEOUT_MS)),
  ]);
  if (!res) return 'no answer within 10 s';
  if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
  if (STACK.test(res.body)) return `stack trace in a ${res.statusCode} answer: ${res.body.slice(0, 300)}`;
  if (res.statusCode >= 400 && /json/.test(String(res.headers['content-type']))) {
    const body = res.json() as { error?: { code?: unknown } };
    if (body.error && !DOCUMENTED.has(String(body.error.code)))
      return `undocumented error code ${String(body.error.code)} (${res.statusCode})`;
  }
  return null;
}

const isStream = (r: RouteEntry) =>
  r.url === '/api/live' ||
  /server-sent events/i.test(String((r.schema as { summary?: unknown } | undefined)?.summary ?? ''));
const fuzzed = () =>
  ctx.app.routeTable
    .filter((r) => !r.url.startsWith('/docs') && !r.url.includes('*') && r.url !== '/' && !isStream(r))
    .filter((r) => r.url.startsWith('/api/') || r.url.startsWith('/open311/') || r.schema !== undefined)
    .filter((r) => !process.env.FUZZ_ONLY || new RegExp(process.env.FUZZ_ONLY).test(`${r.method} ${r.url}`))
    .sort((a, b) => `${a.url} ${a.method}`.localeCompare(`${b.url} ${b.method}`));

beforeAll(async () => {
  ctx = await createTestApp();
  for (const role of CITY_ROLES) await ensureSession(role);
  // One case, so case routes meet a real record as well as missing ones.
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { cookie: sessions.get('inspector')!.cookie, 'x-csrf-token': sessions.get('inspector')!.csrf },
    payload: { matterCode: '09006', description: '模糊测试 占道经营', lng: 114.975, lat: 30.1 },
  });
  expect(res.statusCode, res.body).toBe(201);
  ids = await realIdentifiers(ctx.database);
  userSnapshot = await ctx.database.db.selectFrom('users').selectAll().execute();
  grantSnapshot = await ctx.database.db.selectFrom('user_grants').selectAll().execute();
}, 60_000);
afterAll(async () => ctx.close());

describe(`fuzzing every route (${TEST_DIALECT})`, () => {
  it('no 5xx, no stack trace, only documented error codes', async () => {
    const routes = fuzzed();
    if (!process.env.FUZZ_ONLY) expect(routes.length).toBeGreaterThan(40);
    const started = Date.now();
    const failures: string[] = [];
    let cases = 0;
    for (const route of routes) {
      for (const role of CITY_ROLES) await ensureSession(role);
      const numRuns = Date.now() - started > BUDGET_MS ? 3 : RUNS;
      const result = await fc.check(
        fc.asyncProperty(requestArb(route, ids, rolesWith), async (req) => {
          cases += 1;
          const problem = await probe(req);
          const sent = req.payload === undefined ? '' : ` body ${String(req.payload).slice(0, 300)}`;
          if (problem) throw new Error(`${req.role ?? 'anonymous'} ${req.method} ${req.url}${sent}: ${problem}`);
        }),
        { numRuns, seed: SEED, endOnFailure: true },
      );
      if (process.env.FUZZ_VERBOSE)
        console.log(
          `${route.method} ${route.url}: ${numRuns} runs, ${((Date.now() - started) / 1000).toFixed(1)} s${result.failed ? ' FAILED' : ''}`,
        );
      if (result.failed)
        failures.push(
          `${route.method} ${route.url}: ${(result.errorInstance as Error | undefined)?.message ?? 'failed'}`,
        );
    }
    console.log(
      `fuzz (${TEST_DIALECT}): ${cases} cases over ${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s, seed ${SEED}, ${failures.length} failing route(s)`,
    );
    expect(failures).toEqual([]);
  }, 240_000);
});
