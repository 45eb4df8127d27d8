import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrations/index.ts';
import { ADMIN_PASSWORD, DEMO_PASSWORD } from '../seed/daye-org.ts';
import { seedDemoCity } from '../seed/demo-city.ts';
import { systemClock } from '../platform/clock.ts';
import { openDatabase } from '../platform/db.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { TEST_DIALECT, TEST_PG_URL } from '../testing/test-db.ts';

/**
 * Several instances (docs/architecture.md, "Several instances"): two real app processes (node --import tsx server/src/main.ts) on one fresh
 * PostgreSQL database and the local Redis, on distinct ports with a unique Redis prefix. A case created through A
 * reaches a console streaming from B; a session signed in on A works on B; each scheduled job ran exactly once
 * across the two although both started their schedulers at the same moment; rate limits count once across the two
 * (the citizen per-IP budget, Open311 POSTs per IP and the per-api_key limit), not once per instance.
 * PostgreSQL only: SQLite is the single-instance backend (one process owns the file).
 */
const POSTGRES = TEST_DIALECT === 'postgres';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface Instance {
  name: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

const dbName = `cityloop_scale_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbUrl = TEST_PG_URL.replace(/\/[^/?]*(\?.*)?$/, `/${dbName}$1`);
// Made when the tests run (not when the file loads: on SQLite they are skipped, and so are their hooks).
let dataDir = '';
const instances: Instance[] = [];

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON bodies, asserted field by field
type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: any };

/** HTTP against one instance; answers status, headers and parsed body. */
function call(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) {
  return new Promise<Reply>((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => {
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function signIn(port: number, username: string, password = DEMO_PASSWORD) {
  const res = await call(port, 'POST', '/api/auth/login', {}, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const sid = ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .map((c) => /^cityloop_sid=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  return { cookie: `cityloop_sid=${sid}`, csrf: res.body.csrfToken as string };
}

function start(name: string, port: number, env: Record<string, string>): Instance {
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return { name, port, child, output: () => out };
}

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
};

describe.skipIf(!POSTGRES)(
  'two app instances on one PostgreSQL and Redis (PostgreSQL pass only: SQLite runs one instance)',
  () => {
    beforeAll(async () => {
      dataDir = makeTempDir('cityloop-scale-');
      await admin((c) => c.query(`create database ${dbName}`));
      // Migrate and seed once up front, as a deployment's first instance does before the others start.
      const database = openDatabase(dbUrl, { poolSize: 2 });
      await migrateToLatest(database.db, { schema: 'public' });
      await seedDemoCity(database.db, systemClock);
      await database.close();
      const env = {
        DATABASE_URL: dbUrl,
        REDIS_URL,
        REDIS_PREFIX: `cityloop-test-${randomBytes(4).toString('hex')}:`,
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SESSION_SECRET: randomBytes(32).toString('hex'),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'info',
        WEB_DIST: join(dataDir, 'no-web'),
        // Small limits, so a test can reach them; only the rate-limit test calls these routes.
        PUBLIC_REQUESTS_PER_MINUTE_IP: '6',
        OPEN311_POSTS_PER_MINUTE_IP: '4',
      };
      const [portA, portB] = [await freePort(), await freePort()];
      // Both at the same moment: their schedulers race for the first run of every job.
      instances.push(start('A', portA, env), start('B', portB, env));
      for (const i of instances) {
        const up = await until(
          async () => (await call(i.port, 'GET', '/api/health').catch(() => ({ status: 0 }))).status === 200,
          60_000,
        );
        if (!up) throw new Error(`instance ${i.name} did not start:\n${i.output().slice(-2000)}`);
      }
    }, 120_000);

    afterAll(async () => {
      await Promise.all(
        instances.map(
          (i) =>
            new Promise<void>((resolve) => {
              if (i.child.exitCode !== null) return resolve();
              i.child.once('exit', () => resolve());
              i.child.kill('SIGTERM');
              setTimeout(() => i.child.kill('SIGKILL'), 10_000).unref();
            }),
        ),
      );
      await admin((c) => c.query(`drop database if exists ${dbName} with (force)`)).catch(() => undefined);
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    it('shows a case created through instance A live on a console connected to instance B', async () => {
      const [a, b] = instances as [Instance, Instance];
      const inspector = await signIn(a.port, 'inspector');
      const dispatcher = await signIn(b.port, 'dispatcher');
      let text = '';
      const stream = request(
        {
          host: '127.0.0.1',
          port: b.port,
          path: '/api/live',
          headers: { cookie: dispatcher.cookie, accept: 'text/event-stream' },
        },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
        },
      );
      stream.on('error', () => undefined);
      stream.end();
      try {
        expect(await until(() => text.includes(': connected'), 10_000)).toBe(true);
        const created = await call(
          a.port,
          'POST',
          '/api/cases',
          { cookie: inspector.cookie, 'x-csrf-token': inspector.csrf },
          { matterCode: '09006', description: '多实例实时推送测试', lng: 114.975, lat: 30.1 },
        );
        expect(created.status).toBe(201);
        expect(await until(() => text.includes(created.body.caseNo), 10_000)).toBe(true);
        expect(text).toContain('event: case');
        // The same session works on either instance (one session table, one SESSION_SECRET).
        expect((await call(b.port, 'GET', `/api/cases/${created.body.id}`, { cookie: inspector.cookie })).status).toBe(
          200,
        );
      } finally {
        stream.destroy();
      }
    }, 60_000);

    it('ran each scheduled job exactly once across both instances', async () => {
      const database = openDatabase(dbUrl, { poolSize: 1 });
      try {
        const runs = async () =>
          database.db.selectFrom('job_runs').select(['name', 'owner', 'started_at']).orderBy('started_at').execute();
        // Every instance makes its first attempts soon after it listens, one job after another; wait until the
        // sweep and the session purge (a later job in the list) have a recorded run.
        const ran = async (name: string) => (await runs()).some((r) => r.name === name);
        expect(
          await until(async () => (await ran('case.sla-sweep')) && (await ran('auth.purge-sessions')), 20_000),
        ).toBe(true);
        const sweep = (await runs()).filter((r) => r.name === 'case.sla-sweep');
        const first = Date.parse((sweep[0] as { started_at: string }).started_at);
        // Within one 30 s interval of the first run: one run, by one of the two.
        expect(Date.now() - first).toBeLessThan(30_000);
        expect(sweep).toHaveLength(1);
        const purge = (await runs()).filter((r) => r.name === 'auth.purge-sessions');
        expect(purge).toHaveLength(1);
        const lock = await database.db
          .selectFrom('job_locks')
          .selectAll()
          .where('name', '=', 'case.sla-sweep')
          .executeTakeFirstOrThrow();
        expect(lock.owner).toBe(sweep[0]?.owner);
      } finally {
        await database.close();
      }
    }, 60_000);

    it('counts each rate limit once across both instances: calls alternating between A and B are refused after the limit in total', async () => {
      const [a, b] = instances as [Instance, Instance];
      const both = [a, b, a, b, a, b];
      // Citizen API, PUBLIC_REQUESTS_PER_MINUTE_IP=6 per address: six calls in all are admitted, not six per instance.
      for (const i of both) expect((await call(i.port, 'GET', '/api/public/info')).status).toBe(200);
      for (const i of [a, b]) {
        const refused = await call(i.port, 'GET', '/api/public/info');
        expect(refused.status).toBe(429);
        expect(refused.body.error.details).toMatchObject({ scope: 'ip', limit: 6, windowSeconds: 60 });
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }

      // Open311 POSTs per address (@fastify/rate-limit's Redis store), OPEN311_POSTS_PER_MINUTE_IP=4: without a key
      // each admitted POST is a 403, the fifth in all a 429.
      for (const i of [a, b, a, b])
        expect((await call(i.port, 'POST', '/open311/v2/requests.json', {}, {})).status).toBe(403);
      for (const i of [a, b]) {
        const refused = await call(i.port, 'POST', '/open311/v2/requests.json', {}, {});
        expect(refused.status).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      }

      // Each api_key's per-minute limit (windows are calendar minutes): start early in a minute so the calls share one.
      const admin = await signIn(a.port, 'admin', ADMIN_PASSWORD);
      const created = await call(
        a.port,
        'POST',
        '/api/open311/clients',
        { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
        { name: 'Two instances', rateLimitPerMinute: 3 },
      );
      expect(created.status).toBe(201);
      if (new Date().getSeconds() > 45) await new Promise((r) => setTimeout(r, (61 - new Date().getSeconds()) * 1000));
      const updates = (i: Instance) =>
        call(i.port, 'GET', `/open311/v2/servicerequestupdates.json?api_key=${created.body.apiKey}`);
      for (const i of [a, b, a]) expect((await updates(i)).status).toBe(200);
      expect((await updates(b)).status).toBe(429);
      expect((await updates(a)).status).toBe(429);
    }, 60_000);
  },
);
