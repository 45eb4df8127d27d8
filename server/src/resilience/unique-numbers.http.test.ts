import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSequence } from '../platform/sequences.ts';
import { TEST_DIALECT } from '../testing/test-db.ts';
import { createTestApp, type TestContext } from '../testing/test-app.ts';
import { DEMO_POINT, httpLogin, type HttpSession } from './intake-load.ts';

/**
 * Unique numbers under load: 50 concurrent HTTP clients on a listening server (real sockets, not inject)
 * create cases and components at once; every human-facing number that comes back is unique, on both backends.
 */
const CLIENTS = 50;
const PER_CLIENT = 3;
let ctx: TestContext;
let base = '';
let sessions: HttpSession[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.app.listen({ host: '127.0.0.1', port: 0 });
  const addr = ctx.app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  sessions = [
    await httpLogin(base, 'inspector', 'Demo@12345'),
    await httpLogin(base, 'operator', 'Demo@12345'),
    await httpLogin(base, 'shiftleader', 'Demo@12345'),
  ];
}, 60_000);
afterAll(async () => ctx.close());

async function post(session: HttpSession, url: string, body: unknown) {
  const res = await fetch(`${base}${url}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      connection: 'close',
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** CLIENTS workers start together; each sends `perClient` requests one after another. */
async function concurrently<T>(perClient: number, fn: (client: number, k: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let k = 0; k < perClient; k += 1) results.push(await fn(client, k));
    }),
  );
  return results;
}

describe(`unique numbers under load (${TEST_DIALECT}, ${CLIENTS} concurrent clients)`, () => {
  it("every case number is unique and the day's numbers have no gaps", async () => {
    const results = await concurrently(PER_CLIENT, (client, k) =>
      post(sessions[client % sessions.length]!, '/api/cases', {
        matterCode: '09006',
        description: `并发编号 ${client}-${k}`,
        ...DEMO_POINT,
      }),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const numbers = results.map((r) => String(r.body.caseNo));
    expect(new Set(numbers).size).toBe(CLIENTS * PER_CLIENT);
    const serials = numbers.map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    expect(serials[serials.length - 1]! - serials[0]! + 1).toBe(serials.length);
    const stored = await ctx.database.db
      .selectFrom('cases')
      .select('case_no')
      .where('description', 'like', '并发编号 %')
      .execute();
    expect(new Set(stored.map((s) => s.case_no)).size).toBe(CLIENTS * PER_CLIENT);
  }, 120_000);

  it('components registered without a code at once each get the next serial of their class', async () => {
    const admin = await httpLogin(base, 'admin', 'Admin@12345');
    const results = await concurrently(1, (client) =>
      post(admin, '/api/components', {
        classCode: '03005',
        deptName: '大冶市城市管理执法局',
        lng: 114.96 + client / 10000,
        lat: 30.09,
        notes: `并发 ${client}`,
      }),
    );
    expect(results.filter((r) => r.status !== 201).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    const serials = results.map((r) => Number(String(r.body.code).slice(11))).sort((a, b) => a - b);
    expect(new Set(serials).size).toBe(CLIENTS);
    expect(serials[CLIENTS - 1]! - serials[0]! + 1).toBe(CLIENTS);
  }, 120_000);

  it('any named sequence (permit, enforcement numbers …) hands out each value once to 50 concurrent callers', async () => {
    const tenant = await ctx.database.db.selectFrom('tenants').select('id').executeTakeFirstOrThrow();
    const values = await concurrently(2, () =>
      ctx.database.db.transaction().execute((tx) => nextSequence(tx, tenant.id, 'permit:2024')),
    );
    expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: CLIENTS * 2 }, (_, k) => k + 1));
  }, 60_000);
});
