import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type TestContext } from '../testing/test-app.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { compareFingerprints, pgFingerprints, sqliteFingerprints, type Fingerprints, type Manifest } from './backup.ts';

/**
 * Backup and restore: `npm run backup` then `npm run restore` (the scripts, in child processes) give back
 * every table with the same row count and content hash, after the live database was changed in between.
 */
let ctx: TestContext;
let args: string[];
let fingerprints: () => Promise<Fingerprints>;
const dir = makeTempDir('cityloop-backup-');

async function script(name: string, extra: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', `scripts/${name}.ts`, ...extra],
      { env: { ...process.env, DATA_DIR: dir } },
    );
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  const inspector = await login(ctx.app, 'inspector', 'Demo@12345');
  for (const d of ['备份测试 一号 井盖缺失', '备份测试 二号 占道经营']) {
    const res = await as(ctx.app, inspector).post('/api/cases', {
      matterCode: '09006',
      description: d,
      lng: 114.975,
      lat: 30.1,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Readings on three days, one long before the prepared partitions: on PostgreSQL they land in two day partitions
  // and the DEFAULT one of the partitioned telemetry_readings (migration 0088), on SQLite in the plain table.
  const admin = await login(ctx.app, 'admin', 'Admin@12345');
  const device = await as(ctx.app, admin).post('/api/devices', {
    code: 'BAK-1',
    name: '备份测试设备',
    type: 'bin_fill',
    lng: 114.975,
    lat: 30.1,
  });
  expect(device.statusCode, device.body).toBe(201);
  const tenantId = (
    await ctx.database.db
      .selectFrom('devices')
      .select('tenant_id')
      .where('code', '=', 'BAK-1')
      .executeTakeFirstOrThrow()
  ).tenant_id;
  const day = 86_400_000;
  const now = ctx.clock.now().getTime();
  await ctx.database.db
    .insertInto('telemetry_readings')
    .values(
      [now, now - day, now - 400 * day].flatMap((t) =>
        ['fill_pct', 'battery_pct'].map((metric, i) => ({
          tenant_id: tenantId,
          device_id: device.json().device.id as string,
          metric,
          at: new Date(t).toISOString(),
          value: 40 + i,
          received_at: new Date(t).toISOString(),
        })),
      ),
    )
    .execute();
  if (ctx.database.dialect === 'sqlite') {
    // The "live" database is a file (the backup API copies a file): a copy of the test's in-memory database.
    const live = join(dir, 'live.db');
    await sql`vacuum into ${live}`.execute(ctx.database.db);
    args = ['--url', `sqlite:${live}`];
    fingerprints = async () => sqliteFingerprints(live);
  } else {
    args = ['--url', ctx.database.url, '--schema', ctx.database.schema!];
    fingerprints = () => pgFingerprints({ url: ctx.database.url, schema: ctx.database.schema });
  }
}, 60_000);
afterAll(async () => ctx.close());

describe(`backup and restore round trip (${process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite'})`, () => {
  it('restores every table with equal counts and content hashes, and the restore checks the manifest', async () => {
    const before = await fingerprints();
    expect(before.cases?.rows).toBeGreaterThanOrEqual(2);
    expect(before.users?.rows).toBeGreaterThan(0);
    const out = join(dir, 'b1.backup');
    const backup = await script('backup', [...args, '--out', out]);
    expect(backup.code, backup.out).toBe(0);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as Manifest;
    expect(compareFingerprints(before, manifest.tables)).toEqual([]);

    // The live database moves on (and loses rows) after the backup …
    const c = await script('restore', []); // no file: usage error, nothing touched
    expect(c.code).toBe(2);
    if (ctx.database.dialect === 'sqlite') {
      const live = args[1]!.slice('sqlite:'.length);
      const Sqlite = (await import('better-sqlite3')).default;
      const db = new Sqlite(live);
      db.prepare('delete from case_events').run();
      db.prepare("update users set display_name = '改过'").run();
      db.close();
    } else {
      await ctx.database.db.deleteFrom('case_events').execute();
      await ctx.database.db.updateTable('users').set({ display_name: '改过' }).execute();
    }
    const changed = compareFingerprints(before, await fingerprints());
    expect(changed.map((d) => d.split(':')[0])).toEqual(expect.arrayContaining(['case_events', 'users']));

    // … and the restore brings back exactly what was backed up.
    const restore = await script('restore', [out, ...args]);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain('every table matches the manifest');
    expect(compareFingerprints(before, await fingerprints())).toEqual([]);
  }, 120_000);

  it('counts each logical table once: a partitioned table with its rows, its partitions not beside it', async () => {
    const tables = await fingerprints();
    const counted = await ctx.database.db
      .selectFrom('telemetry_readings')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBeGreaterThanOrEqual(6);
    expect(tables.telemetry_readings?.rows).toBe(Number(counted.n));
    if (ctx.database.dialect !== 'postgres') return;
    const partitions = await sql<{ name: string; parent: string }>`
      select c.relname as name, p.relname as parent from pg_inherits i
        join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
        join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = ${ctx.database.schema} and c.relispartition`.execute(ctx.database.db);
    // the telemetry partitions are there (day, week and year partitions and the DEFAULT ones) …
    expect(partitions.rows.map((r) => r.parent)).toEqual(
      expect.arrayContaining(['telemetry_readings', 'telemetry_minute_packs', 'telemetry_hours']),
    );
    expect(partitions.rows.filter((r) => r.parent === 'telemetry_readings').length).toBeGreaterThanOrEqual(3);
    // … and none is fingerprinted beside its parent, so every row is counted once
    expect(Object.keys(tables).filter((t) => partitions.rows.some((r) => r.name === t))).toEqual([]);
    let total = 0;
    for (const t of Object.keys(tables)) {
      const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(`${ctx.database.schema}.${t}`)}`.execute(
        ctx.database.db,
      );
      expect(tables[t]!.rows, t).toBe(Number(r.rows[0]!.n));
      total += Number(r.rows[0]!.n);
    }
    expect(Object.values(tables).reduce((n, f) => n + f.rows, 0)).toBe(total);
  });

  it('a restore whose result differs from the manifest exits 1 naming the table', async () => {
    const out = join(dir, 'b2.backup');
    expect((await script('backup', [...args, '--out', out])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(`${out}.manifest.json`, 'utf8')) as Manifest;
    manifest.tables.cases = { rows: manifest.tables.cases!.rows + 1, sha256: '0'.repeat(64) };
    writeFileSync(`${out}.manifest.json`, JSON.stringify(manifest));
    const restore = await script('restore', [out, ...args]);
    expect(restore.code).toBe(1);
    expect(restore.out).toMatch(/DIFFERS cases: expected \d+ rows/);
  }, 120_000);
});
