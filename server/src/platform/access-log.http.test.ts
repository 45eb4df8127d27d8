import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildApp } from '../testing/app-parts.ts';
import { loadConfig } from '../config.ts';
import { FixedClock } from './clock.ts';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-db.ts';
import { TEST_NOW } from '../testing/test-template.ts';

const PHONE = '13812345678';
const API_KEY = 'k3y-never-logged-0123456789';
const PASSWORD = 'Demo@12345';

let database: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDatabase({ kind: 'seeded' });
  dataDir = makeTempDir('cityloop-access-log-');
});
afterAll(async () => {
  await database.close();
  removeTempDir(dataDir);
});

/** An app whose log lines are collected; runs a few requests that carry personal data and secrets. */
async function run(accessLog?: string) {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    WEB_DIST: join(dataDir, 'no-web'),
    ...(accessLog ? { ACCESS_LOG: accessLog } : {}),
  });
  const logStream = {
    write(line: string) {
      raw.push(line);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  const app = await buildApp({ config, database, clock: new FixedClock(new Date(TEST_NOW)), logStream });
  await app.ready();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'operator', password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const search = await app.inject({ url: `/api/cases?q=${PHONE}&pageSize=5`, headers: { cookie } });
    expect(search.statusCode).toBe(200);
    const missing = await app.inject({ url: `/api/nothing/${PHONE}` });
    expect(missing.statusCode).toBe(404);
    const keyed = await app.inject({ url: `/open311/v2/servicerequestupdates.json?api_key=${API_KEY}` });
    const responses = [login, search, missing, keyed];
    return { lines, text: raw.join(''), responses, cookie };
  } finally {
    await app.close();
  }
}

describe('request logging', () => {
  it('writes one access line per request by default, with the route pattern and no personal data or secret', async () => {
    const { lines, text, responses, cookie } = await run();
    const access = lines.filter((l) => l.msg === 'access');
    expect(access).toHaveLength(responses.length);
    expect(access.map((l) => [l.method, l.route, l.status])).toEqual([
      ['POST', '/api/auth/login', 200],
      ['GET', '/api/cases', 200],
      ['GET', '(no route)', 404],
      ['GET', '/open311/v2/servicerequestupdates.:format', responses[3]?.statusCode],
    ]);
    for (const [i, line] of access.entries()) {
      expect(line.reqId).toBe(responses[i]?.headers['x-request-id']);
      expect(typeof line.ms).toBe('number');
      expect(line.level).toBe(30);
    }
    // Fastify's own request lines are off in this mode
    expect(lines.some((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toBe(false);
    for (const secret of [PHONE, API_KEY, PASSWORD, cookie.split('=')[1] as string]) expect(text).not.toContain(secret);
  });

  it('ACCESS_LOG=off writes no request lines', async () => {
    const { lines } = await run('off');
    expect(lines.filter((l) => l.msg === 'access' || l.msg === 'request completed')).toEqual([]);
  });

  it("ACCESS_LOG=fastify writes Fastify's lines, with phone numbers in URLs masked", async () => {
    const { lines, text } = await run('fastify');
    expect(lines.filter((l) => l.msg === 'request completed').length).toBeGreaterThanOrEqual(3);
    expect(lines.some((l) => l.msg === 'access')).toBe(false);
    const urls = lines.map((l) => (l.req as { url?: string } | undefined)?.url).filter(Boolean);
    expect(urls.some((u) => u?.startsWith('/api/cases?q='))).toBe(true);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain(PASSWORD);
  });
});
