import { makeTempDir } from '../testing/temp-dir.ts';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { migrateToLatest } from '../db/migrations/index.ts';

import { FixedClock } from './clock.ts';
import { openDatabase, type Database } from './db.ts';
import { isStorageUnavailable } from './storage-errors.ts';
import { as, createTestApp, login, type TestApp, type TestContext } from '../testing/test-app.ts';
import { TEST_DIALECT } from '../testing/test-db.ts';
import { buildApp, seedDemoCity } from '../testing/app-parts.ts';

/**
 * A database that cannot take a write (locked by another connection, read-only) is answered 503 with Retry-After
 * and reported by /api/health, not a 500 after a long wait while health says "ok"; an unwritable photo folder makes
 * health 503 too. The lock is SQLite's (a file database and a second connection); read-only is PostgreSQL's.
 */
const report = { matterCode: '09006', description: '存储不可用 测试', lng: 114.975, lat: 30.1 };

describe('which errors mean "storage unavailable"', () => {
  it('SQLite busy/locked/read-only/I/O/full, PostgreSQL connection, shutdown, resource and read-only codes; not constraint errors', () => {
    const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    for (const code of [
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_LOCKED',
      'SQLITE_READONLY',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_IOERR_WRITE',
      'SQLITE_FULL',
      'ECONNREFUSED',
      'ECONNRESET',
      '57P01',
      '57P03',
      '53300',
      '53100',
      '08006',
      '08001',
      '25006',
      '55P03',
    ]) {
      expect(isStorageUnavailable(err(code)), code).toBe(true);
    }
    expect(isStorageUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isStorageUnavailable(new Error('wrapped', { cause: err('SQLITE_BUSY') }))).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', '23505', '22P02', '42P01', 'FST_ERR_VALIDATION']) {
      expect(isStorageUnavailable(err(code)), code).toBe(false);
    }
    expect(isStorageUnavailable(new TypeError('cannot read properties of undefined'))).toBe(false);
  });
});

/** An app on the given database, with its own data directory, like main.ts builds it. */
async function appOn(database: Database, dataDir: string): Promise<TestApp> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIST: join(dataDir, 'no-web'),
    SESSION_SECRET: 'storage-test-secret-0123456789abcdef',
  });
  const app = await buildApp({
    config,
    database,
    clock: new FixedClock(new Date('2024-03-12T02:00:00.000Z')),
    logger: false,
  });
  await app.ready();
  return app;
}

describe.runIf(TEST_DIALECT === 'sqlite')('SQLite file database locked by another connection', () => {
  const dir = makeTempDir('cityloop-locked-');
  const file = join(dir, 'cityloop.db');
  let database: Database;
  let app: TestApp;
  let other: SQLite.Database;

  beforeAll(async () => {
    const setup = openDatabase(`sqlite:${file}`);
    await migrateToLatest(setup.db);
    await seedDemoCity(setup.db, new FixedClock(new Date('2024-03-12T02:00:00.000Z')));
    await setup.close();
    // A short wait, as on the server's request path: the test needs no second of blocking to see SQLITE_BUSY.
    database = openDatabase(`sqlite:${file}`, { busyTimeoutMs: 50 });
    app = await appOn(database, dir);
    other = new SQLite(file);
  });
  afterAll(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await app.close();
    await database.close();
  });

  it('a write answers 503 STORAGE_UNAVAILABLE with Retry-After and health says 503; both recover when the lock goes', async () => {
    const inspector = await login(app, 'inspector', 'Demo@12345');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);

    other.exec('BEGIN EXCLUSIVE');
    const refused = await as(app, inspector).post('/api/cases', report);
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json().error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringContaining('暂时不可用'),
    });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({
      status: 'degraded',
      db: { ok: false },
      photos: { ok: true },
      failed: ['db'],
    });
    // Reads still work in WAL mode while another connection writes: only the write path is refused.
    expect((await as(app, inspector).get('/api/cases')).statusCode).toBe(200);

    other.exec('ROLLBACK');
    expect((await as(app, inspector).post('/api/cases', report)).statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe.runIf(TEST_DIALECT === 'postgres')('PostgreSQL refusing writes (read-only transactions)', () => {
  let ctx: TestContext;
  let readOnly: Database;
  let app: TestApp;

  beforeAll(async () => {
    ctx = await createTestApp();
    // The same schema through connections whose transactions are read-only, as on a standby or a database set
    // read-only by its administrator: every write fails with SQLSTATE 25006.
    const pool = new pg.Pool({
      connectionString: ctx.database.url,
      max: 2,
      options: `-c search_path=${ctx.database.schema} -c default_transaction_read_only=on`,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    readOnly = { db, dialect: 'postgres', close: () => db.destroy() };
    // Same configuration (session secret) as the test app, so a session opened there is valid here.
    app = await buildApp({ config: ctx.config, database: readOnly, clock: ctx.clock, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await readOnly.close();
    await ctx.close();
  });

  it('a write answers 503 STORAGE_UNAVAILABLE with Retry-After, and health says 503 naming the database', async () => {
    // Signed in where writes work; the session row is shared through the schema.
    const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
    const refused = await app.inject({
      method: 'POST',
      url: '/api/cases',
      payload: report,
      headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrf, 'accept-language': 'en' },
    });
    expect(refused.statusCode, refused.body).toBe(503);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused.json().error).toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
      message: expect.stringContaining('temporarily unavailable'),
    });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', db: { ok: false, dialect: 'postgres' }, failed: ['db'] });
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

/** Makes a directory unwritable even for root: mode 0555 stops other users; root needs the immutable attribute. */
function makeUnwritable(dir: string): () => void {
  chmodSync(dir, 0o555);
  if (process.getuid?.() !== 0) return () => chmodSync(dir, 0o755);
  if (spawnSync('chattr', ['+i', dir]).status === 0) {
    return () => {
      spawnSync('chattr', ['-i', dir]);
      chmodSync(dir, 0o755);
    };
  }
  // No chattr (or no file system support): a file where the folder should be is unwritable for anyone.
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(dir, 'not a folder');
  return () => {
    rmSync(dir, { force: true });
    mkdirSync(dir, { recursive: true });
  };
}

describe(`photo folder not writable (${TEST_DIALECT})`, () => {
  let ctx: TestContext;
  let restore: (() => void) | null = null;
  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterEach(() => {
    restore?.();
    restore = null;
  });
  afterAll(async () => ctx.close());

  it('health answers 503 naming the photo check, and 200 again once the folder is writable', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    const photos = join(ctx.config.dataDir, 'photos');
    mkdirSync(photos, { recursive: true });
    restore = makeUnwritable(photos);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.json()).toMatchObject({
      status: 'degraded',
      db: { ok: true },
      photos: { ok: false },
      failed: ['photos'],
    });
    restore();
    restore = null;
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
