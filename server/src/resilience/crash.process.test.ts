import { describe, expect, it } from 'vitest';
import { TEST_DIALECT } from '../testing/test-db.ts';
import { describeReport, runCrashScenario } from './crash-driver.ts';

/**
 * Crash safety: the real server (main.ts in a child process, SQLite file or a scratch PostgreSQL database)
 * is killed with SIGKILL mid-load and started again. The PostgreSQL restart under load is scripts/crash-test.ts's
 * pg-restart step (run by `npm test` after the PostgreSQL pass, never beside other PostgreSQL tests).
 */
describe(`SIGKILL mid-load (${TEST_DIALECT})`, () => {
  it('every acknowledged report exists exactly once after the restart, and retries with the same key complete the rest', async () => {
    const report = await runCrashScenario({
      backend: TEST_DIALECT,
      scenario: 'sigkill',
      ratePerSecond: 40,
      loadMs: 2000,
    });
    console.log(describeReport(report));
    for (const c of report.checks) expect(c.ok, `${c.name}: ${c.detail}`).toBe(true);
    expect(report.foundAfterRestart).toBe(report.acknowledged);
    expect(report.rowsAtEnd).toBe(report.sent);
  }, 120_000);
});
