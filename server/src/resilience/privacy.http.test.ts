import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, ROLES, type Permission } from '../../../common/domain/roles.ts';
import { maskPersonalText } from '../../../common/domain/privacy.ts';
import { DAYE_USERS } from '../seed/daye-org.ts';
import { TEST_DIALECT } from '../testing/test-db.ts';
import { as, createTestApp, login, type Session, type TestContext } from '../testing/test-app.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { join } from 'node:path';
import { httpLogin } from './intake-load.ts';
import { startServer } from './server-process.ts';

/**
 * Phone numbers and ID numbers are masked in lists and logs: generated from the route table, every list
 * (a GET without path parameters) is read by every role that may read it, and no full phone number of a user or a
 * reporter appears; public routes never show the reporter at all. The request log of the real server masks them.
 */
const USER_PHONE = '13912345678';
const REPORTER_PHONE = '13812345678';
const REPORTER_NAME = '隐私测试报告人';
let ctx: TestContext;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  ctx = await createTestApp();
  for (const u of DAYE_USERS)
    sessions.set(u.role, await login(ctx.app, u.username, u.username === 'admin' ? 'Admin@12345' : 'Demo@12345'));
  const admin = as(ctx.app, sessions.get('admin')!);
  const unit =
    (await admin.get('/api/org/units?q=SANITATION')).json().items[0] ??
    (await admin.get('/api/org/units')).json().items[0];
  const user = await admin.post('/api/org/users', {
    username: 'privacy1',
    displayName: '隐私测试',
    password: 'Privacy#2024',
    phone: USER_PHONE,
    grants: [{ role: 'unitHandler', unitId: unit.id }],
  });
  expect(user.statusCode, user.body).toBe(201);
  const reported = await as(ctx.app, sessions.get('operator')!).post('/api/cases', {
    channel: 'operator',
    matterCode: '09006',
    description: '市民来电 占道经营',
    lng: 114.975,
    lat: 30.1,
    reporterName: REPORTER_NAME,
    reporterPhone: REPORTER_PHONE,
  });
  expect(reported.statusCode, reported.body).toBe(201);
}, 60_000);
afterAll(async () => ctx.close());

const lists = () =>
  ctx.app.routeTable.filter(
    (r) =>
      r.method === 'GET' &&
      !r.url.includes(':') &&
      !r.url.includes('*') &&
      r.url !== '/api/live' &&
      !/\.(xlsx|docx|pdf|zip)$/.test(r.url) &&
      (r.url.startsWith('/api/') || r.url.startsWith('/open311/')),
  );

describe(`personal data in lists (${TEST_DIALECT})`, () => {
  it('no list shows a full phone number, to any role', async () => {
    const leaks: string[] = [];
    let read = 0;
    for (const r of lists()) {
      for (const role of ROLES) {
        if (r.permission && !ROLE_PERMISSIONS[role].includes(r.permission as Permission)) continue;
        const res = await as(ctx.app, sessions.get(role)!).get(`${r.url}?pageSize=100`);
        if (res.statusCode !== 200) continue;
        read += 1;
        for (const phone of [USER_PHONE, REPORTER_PHONE])
          if (res.body.includes(phone)) leaks.push(`${role} ${r.url}: ${phone}`);
      }
    }
    expect(read).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('public routes never show the reporter', async () => {
    const leaks: string[] = [];
    for (const r of lists().filter((x) => x.public)) {
      const res = await ctx.app.inject({ method: 'GET', url: r.url });
      if ([REPORTER_NAME, REPORTER_PHONE, maskPersonalText(REPORTER_PHONE)].some((v) => res.body.includes(v)))
        leaks.push(r.url);
    }
    expect(leaks).toEqual([]);
  });
});

describe('personal data in logs', () => {
  // The default access line names the route pattern and never the URL; Fastify's own request lines (ACCESS_LOG=fastify)
  // carry the URL with phone and ID numbers masked. Neither ever holds a password, a session cookie or a CSRF token.
  it.each([
    ['line', ['"route":"/api/cases"', '"route":"/api/org/users"']],
    ['fastify', ['/api/cases?q=138****5678', '110101********4512']],
  ])(
    'ACCESS_LOG=%s: masks or leaves out phone and ID numbers, never logs secrets',
    async (mode, shown) => {
      const dataDir = makeTempDir('cityloop-logs-');
      const server = await startServer({
        DATABASE_URL: `sqlite:${join(dataDir, 'db.sqlite')}`,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        ACCESS_LOG: mode,
        WEB_DIST: join(dataDir, 'none'),
      });
      try {
        const session = await httpLogin(server.base, 'operator', 'Demo@12345');
        await fetch(`${server.base}/api/cases?q=${REPORTER_PHONE}`, { headers: { cookie: session.cookie } });
        await fetch(`${server.base}/api/org/users?q=110101199003074512`, { headers: { cookie: session.cookie } });
        await fetch(`${server.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'operator', password: 'Leaked#Secret99' }),
        });
        await new Promise((r) => setTimeout(r, 300));
        const log = server.output();
        for (const text of shown) expect(log).toContain(text);
        for (const secret of [
          REPORTER_PHONE,
          '110101199003074512',
          'Leaked#Secret99',
          'Demo@12345',
          session.cookie.split('=')[1]!,
          session.csrf,
        ]) {
          expect(log, secret).not.toContain(secret);
        }
      } finally {
        await server.kill('SIGTERM');
      }
    },
    90_000,
  );
});
