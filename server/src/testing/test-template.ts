/**
 * Templates of the test databases: migrating and seeding the demo city for every test file was most of the suite's
 * time, so it is done once per Vitest run and each test file gets a copy.
 *  - SQLite: the first test file that needs a template builds it in memory and writes it with `VACUUM INTO` to
 *    `<CITYLOOP_TEST_TMP>/<tag>/<kind>.sqlite` (renamed into place whole, so two builders at once do no harm);
 *    every test file opens the file's bytes as its own in-memory database.
 *  - PostgreSQL: a template database `<tag>_<kind>`, built by the first test file that needs it while the others
 *    wait on an advisory lock; each test file gets `CREATE DATABASE … TEMPLATE` of it.
 * Vitest's global setup (vitest-global.ts) names the run (CITYLOOP_TEST_DB_TAG) and removes the templates at its
 * end and when watch mode reruns tests (the code may have changed). Outside Vitest (no tag) a SQLite template lives
 * in the process and PostgreSQL databases are built from scratch.
 * server/src/testing/test-template.test.ts keeps a copy equal to a database built from scratch.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { seedDemoCity } from '../seed/demo-city.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { FixedClock } from '../platform/clock.ts';
import { openDatabase, type Db } from '../platform/db.ts';
import { makeTempDir, removeTempDir, testTmpRoot } from './temp-dir.ts';
import { quoteName, vitestTag, withAdmin, withDatabase } from './test-db-names.ts';

export type TestDataKind = 'migrated' | 'seeded';

/** The instant the test clock starts at; the demo city is seeded at it (test-app.ts starts its clock there too). */
export const TEST_NOW = '2024-03-12T02:00:00.000Z';

/** The schema of the tables in a PostgreSQL test database (each test file has a database of its own). */
export const TEST_PG_SCHEMA = 'cityloop_test';

/** Migrates a new, empty database and, for 'seeded', seeds the demo city at TEST_NOW. */
export async function buildTestData(db: Db, kind: TestDataKind, schema?: string): Promise<void> {
  await migrateToLatest(db, schema ? { schema } : {});
  if (kind === 'seeded') await seedDemoCity(db, new FixedClock(new Date(TEST_NOW)));
}

// ---------------------------------------------------------------------------------------------------------------
// SQLite

const images = new Map<TestDataKind, Promise<Buffer>>();

/** The bytes of a SQLite database of `kind`, to open in memory (openDatabase's `image`). */
export function sqliteTemplate(kind: TestDataKind): Promise<Buffer> {
  let image = images.get(kind);
  if (!image) {
    image = loadOrBuildSqlite(kind);
    images.set(kind, image);
    image.catch(() => images.delete(kind));
  }
  return image;
}

async function loadOrBuildSqlite(kind: TestDataKind): Promise<Buffer> {
  const tag = vitestTag();
  const dir = tag ? join(testTmpRoot(), tag) : null;
  const file = dir ? join(dir, `${kind}.sqlite`) : null;
  if (file) {
    try {
      return readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const work = dir ?? makeTempDir('cityloop-template-');
  mkdirSync(work, { recursive: true });
  const out = join(work, `${kind}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const database = openDatabase('sqlite::memory:');
  try {
    await buildTestData(database.db, kind);
    await sql`vacuum into ${out}`.execute(database.db);
  } finally {
    await database.close();
  }
  const image = readFileSync(out);
  if (file) renameSync(out, file);
  else removeTempDir(work);
  return image;
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL

/** Creates database `name` on the server of `url` and builds `kind` in it from scratch. */
export async function buildPgDatabase(url: string, name: string, kind: TestDataKind): Promise<void> {
  await withAdmin(url, (admin) => admin.query(`create database ${quoteName(name)}`));
  const database = openDatabase(withDatabase(url, name), { poolSize: 2 });
  try {
    // Extensions live outside the tables' schema, as on a production server.
    await sql`create extension if not exists pg_trgm schema public`.execute(database.db).catch(() => undefined);
    await sql`create schema ${sql.id(TEST_PG_SCHEMA)}`.execute(database.db);
  } finally {
    await database.close();
  }
  const tables = openDatabase(withDatabase(url, name), { schema: TEST_PG_SCHEMA, poolSize: 2 });
  try {
    await buildTestData(tables.db, kind, TEST_PG_SCHEMA);
  } finally {
    await tables.close();
  }
}

const pgTemplates = new Map<string, Promise<string>>();

/** The name of this run's template database of `kind` on the server of `url`, built if no test file has yet. */
export function pgTemplate(url: string, tag: string, kind: TestDataKind): Promise<string> {
  const key = `${url} ${tag} ${kind}`;
  let name = pgTemplates.get(key);
  if (!name) {
    name = ensurePgTemplate(url, `${tag}_${kind}`, kind);
    pgTemplates.set(key, name);
    name.catch(() => pgTemplates.delete(key));
  }
  return name;
}

async function ensurePgTemplate(url: string, name: string, kind: TestDataKind): Promise<string> {
  const digest = createHash('sha256').update(name).digest();
  const lock = [digest.readInt32BE(0), digest.readInt32BE(4)];
  return withAdmin(url, async (admin) => {
    // One builder per template among the run's worker processes; the others wait here and then find it built.
    await admin.query('select pg_advisory_lock($1, $2)', lock);
    try {
      if ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount) return name;
      // Built under another name and renamed when complete: a builder that dies leaves no half-built template.
      const building = `${name}_b`;
      await admin.query(`drop database if exists ${quoteName(building)} with (force)`);
      await buildPgDatabase(url, building, kind);
      await admin.query(`alter database ${quoteName(building)} rename to ${quoteName(name)}`);
      return name;
    } finally {
      await admin.query('select pg_advisory_unlock($1, $2)', lock).catch(() => undefined);
    }
  });
}
