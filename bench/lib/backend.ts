/**
 * A throw-away database per backend for one bench run: SQLite as a file in a temp directory, PostgreSQL as a fresh
 * schema on the local server (dropped at the end). Migrated and seeded with the demo city, like a new install.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { migrateToLatest } from '../../server/src/db/migrations/index.ts';
import { seedDemoCity } from '../../server/src/seed/demo-city.ts';
import { systemClock } from '../../server/src/platform/clock.ts';
import { openDatabase, type Database } from '../../server/src/platform/db.ts';

export type BackendName = 'sqlite' | 'postgres';

export interface BenchBackend {
  name: BackendName;
  url: string;
  schema: string | null;
  dataDir: string;
  database: Database;
  version: string;
  seedMs: number;
  /** env for bench/server.ts */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

export async function createBackend(name: BackendName, pgUrl: string): Promise<BenchBackend> {
  const dataDir = mkdtempSync(join(tmpdir(), `cityloop-bench-${name}-`));
  let url: string;
  let schema: string | null = null;
  if (name === 'sqlite') {
    url = `sqlite:${join(dataDir, 'cityloop.db')}`;
  } else {
    url = pgUrl;
    schema = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query('create extension if not exists pg_trgm schema public').catch(() => undefined);
      await admin.query(`create schema ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const database = openDatabase(url, schema ? { schema, poolSize: 4 } : {});
  const dispose = async () => {
    await database.close().catch(() => undefined);
    if (schema) {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`).finally(() => admin.end());
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await migrateToLatest(database.db, schema ? { schema } : {});
    const t = performance.now();
    await seedDemoCity(database.db, systemClock);
    const seedMs = performance.now() - t;
    const version =
      name === 'sqlite'
        ? ((await sql<{ v: string }>`select sqlite_version() as v`.execute(database.db)).rows[0]?.v ?? '?')
        : ((await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db)).rows[0]?.v ??
          '?');
    const env: Record<string, string> = {
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      SEED_DEMO: 'false',
      // Open311 reads are limited per caller address: the bench speaks as many callers through X-Forwarded-For.
      TRUST_PROXY: 'true',
      WEB_DIST: join(dataDir, 'no-web'),
      SESSION_SECRET: randomBytes(32).toString('hex'),
      ...(schema ? { BENCH_PG_SCHEMA: schema } : {}),
    };
    return {
      name,
      url,
      schema,
      dataDir,
      database,
      version: `${name === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${version}`,
      seedMs,
      env,
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** What the planner knows after a bulk load (the generator ran ANALYZE on both backends, as every bulk load does). */
export async function analyzeAfterLoad(backend: BenchBackend): Promise<string> {
  if (backend.name === 'postgres') {
    // VACUUM sets the visibility map, so capped counts run as index-only scans without heap visits: what
    // autovacuum does after a bulk insert (PostgreSQL 13+ vacuums insert-only tables too).
    await sql`vacuum (analyze) cases, case_events`.execute(backend.database.db);
    return 'ANALYZE by the generator, then VACUUM ANALYZE (as autovacuum would after a bulk load)';
  }
  // Statistics another connection writes are not reloaded by an open one: the running server keeps planning
  // cases without them until its next PRAGMA optimize, so these figures show plans that do not need them.
  return 'ANALYZE by the generator; the running server plans without it until its hourly PRAGMA optimize';
}
