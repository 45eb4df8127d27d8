/**
 * `npm run crash-test`: crash safety of the real server. Scenarios (all by default, or name some):
 *   sigkill-sqlite   intake at a steady rate, SIGKILL mid-load, restart on the same SQLite file
 *   sigkill-pg       the same on a scratch PostgreSQL database
 *   pg-restart       PostgreSQL restarted under load; the app must reconnect by itself and lose nothing
 * Flags: --allow-shared-pg-restart (restart the machine's PostgreSQL when a private cluster cannot be made; only when
 * no other PostgreSQL test is running), --json <file> (write { passed, failed, reports } for scripts/test-all.ts).
 * Ends with `N passed, N failed` counting its checks; exit 1 on any failure.
 */
import { writeFileSync } from 'node:fs';
import {
  describeReport,
  runCrashScenario,
  type CrashOptions,
  type CrashReport,
} from '../server/src/resilience/crash-driver.ts';

// Ctrl-C or a runner's SIGTERM ends through process.exit, so the exit hooks stop a private PostgreSQL and
// remove temporary directories.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

const argv = process.argv.slice(2);
const jsonAt = argv.indexOf('--json');
const jsonFile = jsonAt >= 0 ? argv[jsonAt + 1] : undefined;
const named = argv.filter((a, k) => !a.startsWith('--') && (jsonAt < 0 || k !== jsonAt + 1));
const allowSharedRestart = argv.includes('--allow-shared-pg-restart');

const SCENARIOS: Record<string, Omit<CrashOptions, 'log'>> = {
  'sigkill-sqlite': { backend: 'sqlite', scenario: 'sigkill' },
  'sigkill-pg': { backend: 'postgres', scenario: 'sigkill' },
  'pg-restart': { backend: 'postgres', scenario: 'pg-restart', allowSharedRestart },
};
const chosen = named.length ? named : Object.keys(SCENARIOS);
const unknown = chosen.filter((n) => !SCENARIOS[n]);
if (unknown.length) {
  console.error(`unknown scenario ${unknown.join(', ')}; choose from ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
const reports: CrashReport[] = [];
for (const name of chosen) {
  console.log(`\n--- crash test: ${name} ---`);
  const started = Date.now();
  try {
    const report = await runCrashScenario({ ...SCENARIOS[name]!, log: (l) => console.log(l) });
    reports.push(report);
    for (const c of report.checks) {
      if (c.ok) passed += 1;
      else failed += 1;
    }
    console.log(`  ${describeReport(report)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed += 1;
    console.log(`  FAIL ${name}: ${(err as Error).stack ?? String(err)}`);
  }
}
if (jsonFile) writeFileSync(jsonFile, JSON.stringify({ passed, failed, reports }, null, 2));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
