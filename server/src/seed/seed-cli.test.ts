import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../platform/db.ts';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../testing/test-db.ts';

/**
 * `npm run seed` (package.json → server/src/seed/cli.ts): migrates and seeds the demo city into the configured
 * database, and a second run changes nothing. SQLite: a DATA_DIR of its own; PostgreSQL: a fresh schema.
 */
const dir = mkdtempSync(join(tmpdir(), 'cityloop-seed-'));
let pg: TestDatabase | null = null;
let args: string[] = [];
let database: () => Database;

beforeAll(async () => {
  if (TEST_DIALECT === 'postgres') {
    pg = await createTestDatabase();
    args = ['--url', pg.url, '--schema', pg.schema!];
    database = () => pg!;
  } else {
    let opened: Database | null = null;
    database = () => (opened ??= openDatabase(`sqlite:${join(dir, 'cityloop.db')}`));
  }
});
afterAll(async () => {
  if (pg) await pg.close();
  else await database().close();
});

async function seed(): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/src/seed/cli.ts', ...args],
      {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, out: `${stdout}${stderr}` };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

const count = async (table: 'tenants' | 'users' | 'regions') =>
  Number(
    (
      await database()
        .db.selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe(`npm run seed (${TEST_DIALECT})`, () => {
  it('seeds the demo city into the configured database, and a second run changes nothing', async () => {
    const first = await seed();
    expect(first.code, first.out).toBe(0);
    expect(first.out).toContain('demo city 大冶市 (420281) seeded');
    const tenants = await database().db.selectFrom('tenants').select('code').execute();
    expect(tenants.map((t) => t.code)).toEqual(['420281']);
    const users = await count('users');
    const regions = await count('regions');
    expect(users).toBeGreaterThan(1);

    const second = await seed();
    expect(second.code, second.out).toBe(0);
    expect(second.out).toContain('already present');
    expect(await count('tenants')).toBe(1);
    expect(await count('users')).toBe(users);
    expect(await count('regions')).toBe(regions);
  }, 120_000);
});
