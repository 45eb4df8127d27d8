/**
 * The README's test command (`npm test`): typecheck, the whole Vitest suite on SQLite, the database suite again on
 * PostgreSQL (a fresh schema per test file), the web build and its bundle budget, and the Playwright journeys in
 * Debian Chromium.
 * It ends with one plain line `N passed, N failed` totalling every pass, the line CI reads.
 *
 * Flags: --skip-pg, --skip-e2e (for quick local runs; CI runs everything).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const out = mkdtempSync(join(tmpdir(), 'cityloop-tests-'));
const totals = { passed: 0, failed: 0 };
const summary: string[] = [];
let broken = false;

function run(label: string, cmd: string, cmdArgs: string[], env: Record<string, string> = {}): number {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status ?? 1;
}

function vitestPass(label: string, paths: string[], env: Record<string, string>) {
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const code = run(label, 'npx', ['vitest', 'run', ...paths, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (!existsSync(file)) {
    summary.push(`${label}: no report (exit ${code})`);
    totals.failed += 1;
    broken = true;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTestSuites: number; success: boolean };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  // A file that fails to load counts no test but fails the run.
  if (!r.success && r.numFailedTests === 0) {
    totals.failed += 1;
    broken = true;
  }
  summary.push(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}

function playwrightPass() {
  const file = join(out, 'e2e.json');
  const code = run('Playwright journeys (Chromium)', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) {
    summary.push(`e2e: no report (exit ${code})`);
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  totals.passed += r.stats.expected + r.stats.flaky;
  totals.failed += r.stats.unexpected;
  if (code !== 0 && r.stats.unexpected === 0) totals.failed += 1;
  summary.push(`e2e: ${r.stats.expected + r.stats.flaky} passed (${r.stats.flaky} after a retry), ${r.stats.unexpected} failed`);
}

if (run('Typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) !== 0) {
  summary.push('typecheck: failed');
  totals.failed += 1;
}
vitestPass('vitest (SQLite)', [], { TEST_DB: 'sqlite' });
if (args.has('--skip-pg')) summary.push('PostgreSQL pass: skipped (--skip-pg)');
else vitestPass('vitest (PostgreSQL)', ['server/'], { TEST_DB: 'postgres' });
// PostgreSQL restarted under load (issue 8): its own step after the PostgreSQL pass, so no other test shares the server.
if (!args.has('--skip-pg')) scriptPass('crash test: PostgreSQL restart under load', ['scripts/crash-test.ts', 'pg-restart', '--allow-shared-pg-restart']);
function scriptPass(label: string, scriptArgs: string[]) {
  const file = join(out, `${label.replace(/\W+/g, '-')}.json`);
  const code = run(label, 'node', ['--import', 'tsx', ...scriptArgs, '--json', file]);
  const r = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number }) : { passed: 0, failed: 1 };
  if (code !== 0 && r.failed === 0) r.failed = 1;
  totals.passed += r.passed;
  totals.failed += r.failed;
  summary.push(`${label}: ${r.passed} passed, ${r.failed} failed`);
}
if (args.has('--skip-e2e')) summary.push('e2e: skipped (--skip-e2e)');
else if (run('Web build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']) !== 0) {
  summary.push('web build: failed');
  totals.failed += 1;
} else {
  // First-load size of each page against its budget, from the build just made: one check.
  const withinBudget = run('Bundle budget', 'node', ['--import', 'tsx', 'scripts/bundle-budget.ts']) === 0;
  totals[withinBudget ? 'passed' : 'failed'] += 1;
  summary.push(`bundle budget: ${withinBudget ? 'passed' : 'failed'}`);
  playwrightPass();
}

console.log('\n=== Summary ===');
for (const line of summary) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
