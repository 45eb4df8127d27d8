import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { TestContext } from './test-app.ts';
import { makeTempDir } from './temp-dir.ts';

/**
 * Runs `scripts/audit-verify.ts` as an operator would, on the test's database: a file copy of the in-memory SQLite
 * database, or the test's PostgreSQL schema; with the app's DATA_DIR, where it finds the audit key and checkpoints.
 */
export async function runAuditVerify(ctx: TestContext): Promise<{ code: number; out: string }> {
  let args: string[];
  if (ctx.database.dialect === 'sqlite') {
    const file = join(makeTempDir('cityloop-av-'), 'copy.db');
    await sql`vacuum into ${file}`.execute(ctx.database.db);
    args = ['--url', `sqlite:${file}`];
  } else args = ['--url', ctx.database.url, '--schema', ctx.database.schema!];
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', ...args],
      { env: { ...process.env, DATA_DIR: ctx.config.dataDir } },
    );
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}
