import { join } from 'node:path';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { FixedClock } from '../platform/clock.ts';
import { makeTempDir, removeTempDir } from './temp-dir.ts';
import { createTestDatabase, type TestDatabase } from './test-db.ts';
import { TEST_NOW } from './test-template.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface TestContext {
  app: TestApp;
  database: TestDatabase;
  clock: FixedClock;
  config: Config;
  close(): Promise<void>;
}

/**
 * A real app on a real, migrated database with a frozen clock (at TEST_NOW); the demo city seeded unless `seed` is
 * false. The database is a copy of the run's template (test-template.ts), seeded at that same instant.
 */
export async function createTestApp(
  options: { seed?: boolean; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const database = await createTestDatabase({ kind: options.seed === false ? 'migrated' : 'seeded' });
  const clock = new FixedClock(new Date(TEST_NOW));
  const dataDir = makeTempDir('cityloop-test-');
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dataDir, 'no-web'),
    ...options.env,
  });
  const app = await buildApp({ config, database, clock, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    async close() {
      await app.close();
      await database.close();
      removeTempDir(dataDir);
    },
  };
}

/**
 * Another app on a test context's database, config and clock: an instance restarted after its process went down
 * (the context's own app closed first), as peers see it.
 */
export async function restartedApp(ctx: Pick<TestContext, 'database' | 'config' | 'clock'>): Promise<TestApp> {
  const app = await buildApp({ config: ctx.config, database: ctx.database, clock: ctx.clock, logger: false });
  await app.ready();
  return app;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: TestApp, username: string, password: string, tenantCode?: string): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password, ...(tenantCode ? { tenantCode } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cityloop_sid');
  if (!cookie) throw new Error('no session cookie');
  return { cookie: `cityloop_sid=${cookie.value}`, csrf: res.json().csrfToken };
}

/**
 * First sign-in of a user an administrator created (or whose password was reset): the server answers nothing but
 * the password change until it is done, so this signs in and replaces the temporary password.
 */
export async function firstSignIn(
  app: TestApp,
  username: string,
  temporary: string,
  chosen: string,
  tenantCode?: string,
): Promise<Session> {
  const session = await login(app, username, temporary, tenantCode);
  const res = await as(app, session).post('/api/auth/password', { currentPassword: temporary, newPassword: chosen });
  if (res.statusCode !== 200) throw new Error(`password change of ${username} failed: ${res.statusCode} ${res.body}`);
  return session;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Calls the API as a signed-in user, sending the CSRF token on writes like the console does. */
export function as(app: TestApp, session: Session | null) {
  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
        ...headers,
      },
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, body?: unknown, headers?: Record<string, string>) => call('POST', url, body ?? {}, headers),
    patch: (url: string, body: unknown, headers?: Record<string, string>) => call('PATCH', url, body, headers),
    put: (url: string, body: unknown, headers?: Record<string, string>) => call('PUT', url, body, headers),
    delete: (url: string, headers?: Record<string, string>) => call('DELETE', url, undefined, headers),
  };
}
