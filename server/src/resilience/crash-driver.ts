/**
 * Crash safety: the real server under a steady intake load is killed with SIGKILL (or its PostgreSQL is
 * restarted under it); afterwards every report that got a 2xx must exist exactly once, and a retry of every other
 * request with its Idempotency-Key must leave each report exactly once. Used by crash.process.test.ts (vitest) and
 * scripts/crash-test.ts (CI step, figures printed).
 */
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../platform/db.ts';
import { IntakeLoad, httpLogin, marker, postIntake, sleep, type Attempt, type HttpSession } from './intake-load.ts';
import { SHARED_PG_URL, createScratchDatabase, restartSharedCluster, startPrivateCluster } from './pg-cluster.ts';
import { startServer, type ServerProcess } from './server-process.ts';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.ts';

export type CrashScenario = 'sigkill' | 'pg-restart';

export interface CrashOptions {
  backend: 'sqlite' | 'postgres';
  scenario: CrashScenario;
  ratePerSecond?: number;
  /** how long the load runs before the kill (or before the PostgreSQL restart) */
  loadMs?: number;
  /** pg-restart: restart the machine's shared cluster when a private one cannot be made (CI step only) */
  allowSharedRestart?: boolean;
  log?: (line: string) => void;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface CrashReport {
  scenario: CrashScenario;
  backend: 'sqlite' | 'postgres';
  sent: number;
  acknowledged: number;
  foundAfterRestart: number;
  refused: number;
  connectionErrors: number;
  /** requests whose record committed though the client never saw the 2xx (the retry replayed them) */
  committedUnacknowledged: number;
  retried: number;
  rowsAtEnd: number;
  /** pg-restart: 2xx for requests sent after PostgreSQL was back, with no restart of the app */
  acknowledgedAfterDbRestart?: number;
  checks: Check[];
}

interface Backend {
  env: Record<string, string>;
  url: string;
  restartDb?: () => Promise<void>;
  cleanup(): Promise<void>;
}

async function prepare(o: CrashOptions, dataDir: string): Promise<Backend> {
  if (o.backend === 'sqlite') {
    const url = `sqlite:${join(dataDir, 'cityloop.db')}`;
    return { url, env: { DATABASE_URL: url }, cleanup: async () => undefined };
  }
  if (o.scenario === 'sigkill') {
    const scratch = await createScratchDatabase(SHARED_PG_URL);
    return { url: scratch.url, env: { DATABASE_URL: scratch.url }, cleanup: () => scratch.drop() };
  }
  const cluster = await startPrivateCluster();
  if (cluster) {
    const scratch = await createScratchDatabase(cluster.url);
    return {
      url: scratch.url,
      env: { DATABASE_URL: scratch.url },
      restartDb: () => cluster.restart(),
      cleanup: async () => cluster.stop(),
    };
  }
  if (!o.allowSharedRestart)
    throw new Error('no private PostgreSQL cluster could be started (and restarting the shared one was not allowed)');
  const scratch = await createScratchDatabase(SHARED_PG_URL);
  return {
    url: scratch.url,
    env: { DATABASE_URL: scratch.url },
    restartDb: restartSharedCluster,
    cleanup: () => scratch.drop(),
  };
}

async function rowsOf(url: string, runId: string) {
  const database = openDatabase(url, { poolSize: 2 });
  try {
    return await database.db
      .selectFrom('cases')
      .select(['id', 'case_no', 'description'])
      .where('description', 'like', `crash-${runId}-%`)
      .execute();
  } finally {
    await database.close();
  }
}

async function getCase(base: string, session: HttpSession, id: string) {
  const res = await fetch(`${base}/api/cases/${id}`, { headers: { cookie: session.cookie } });
  return {
    status: res.status,
    body: res.status === 200 ? ((await res.json()) as { id: string; caseNo: string; description: string }) : null,
  };
}

async function inBatches<T>(items: T[], size: number, fn: (x: T) => Promise<void>) {
  for (let k = 0; k < items.length; k += size) await Promise.all(items.slice(k, k + size).map(fn));
}

const hasStack = (body: string | undefined) => !!body && /\n\s+at |node_modules|\.ts:\d+/.test(body);

export async function runCrashScenario(o: CrashOptions): Promise<CrashReport> {
  const log = o.log ?? (() => undefined);
  const runId = randomBytes(4).toString('hex');
  const dataDir = makeTempDir('cityloop-crash-');
  const backend = await prepare(o, dataDir);
  const env = { ...backend.env, DATA_DIR: dataDir, WEB_DIST: join(dataDir, 'no-web') };
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name: `${o.scenario} ${o.backend}: ${name}`, ok, detail });
    log(`  ${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  };
  let server: ServerProcess | null = null;
  try {
    server = await startServer(env);
    const session = await httpLogin(server.base, 'inspector', 'Demo@12345');
    // One report first, so caches are warm and the load starts at its steady rate (not counted in the figures).
    await postIntake(server.base, session, {
      key: `warm-${runId}`,
      body: { matterCode: '09006', description: '预热 warm-up', lng: 114.975, lat: 30.1 },
    });
    const load = new IntakeLoad(server.base, session, runId, o.ratePerSecond ?? 40);
    load.start();
    const loadMs = o.loadMs ?? 2000;
    let acknowledgedAfterDbRestart: number | undefined;
    let ackedBeforeFailure = 0;
    if (o.scenario === 'sigkill') {
      await sleep(loadMs);
      ackedBeforeFailure = load.acknowledged().length;
      log(`  SIGKILL after ${load.attempts.length} requests sent, ${ackedBeforeFailure} acknowledged`);
      await server.kill('SIGKILL');
      await load.stop();
      server = await startServer(env);
    } else {
      await sleep(loadMs / 2);
      ackedBeforeFailure = load.acknowledged().length;
      log(`  restarting PostgreSQL after ${load.attempts.length} requests sent, ${ackedBeforeFailure} acknowledged`);
      await backend.restartDb?.();
      const backAt = Date.now();
      await sleep(Math.max(2000, loadMs));
      await load.stop();
      acknowledgedAfterDbRestart = load.acknowledged().filter((a) => a.startedAt > backAt + 500).length;
      check(
        'app process survived the database restart',
        server.alive(),
        server.alive() ? 'still running' : `exited: ${server.output()}`,
      );
      check(
        'app reconnected by itself',
        acknowledgedAfterDbRestart > 0,
        `${acknowledgedAfterDbRestart} requests sent after PostgreSQL came back got a 2xx`,
      );
    }
    const attempts = load.attempts;
    const acked = load.acknowledged();
    const failedHttp = attempts.filter((a) => a.status !== null && (a.status < 200 || a.status >= 300));
    check(
      'load acknowledged before the failure',
      ackedBeforeFailure >= 3,
      `${ackedBeforeFailure} before, ${acked.length} of ${attempts.length} in all`,
    );
    check(
      'refusals are documented errors without stack traces',
      failedHttp.every((a) => !hasStack(a.errorBody) && /"code"/.test(a.errorBody ?? '')),
      `${failedHttp.length} refused (${[...new Set(failedHttp.map((a) => a.status))].join(', ') || 'none'})`,
    );

    // Every acknowledged report is there after the restart, as acknowledged.
    const relogged = await httpLogin(server.base, 'inspector', 'Demo@12345');
    let found = 0;
    const missing: string[] = [];
    await inBatches(acked, 8, async (a) => {
      const got = await getCase(server!.base, relogged, a.id!);
      if (got.status === 200 && got.body?.caseNo === a.caseNo && got.body?.description === a.body.description)
        found += 1;
      else missing.push(`${a.key} → ${got.status}`);
    });
    check(
      'every acknowledged report found after restart',
      found === acked.length,
      `${found} of ${acked.length}${missing.length ? `; missing ${missing.slice(0, 5).join(', ')}` : ''}`,
    );
    const rows = await rowsOf(backend.url, runId);
    const count = (i: number) => rows.filter((r) => r.description.startsWith(`${marker(runId, i)} `)).length;
    const twice = attempts.filter((a) => count(a.i) > 1);
    check(
      'no report stored twice',
      twice.length === 0,
      `${rows.length} rows for ${attempts.length} requests; duplicates ${twice.length}`,
    );

    // Retry everything not acknowledged with the same key: committed ones replay, the rest are created once.
    const pending = attempts.filter((a) => !acked.includes(a));
    let replayed = 0;
    const retryFailures: string[] = [];
    await inBatches(pending, 8, async (a: Attempt) => {
      const r = await postIntake(server!.base, relogged, a);
      if (r.status === null || r.status >= 300) retryFailures.push(`${a.key} → ${r.status ?? r.error}`);
      else if (r.replayed) replayed += 1;
    });
    check(
      'retries with the same Idempotency-Key succeed',
      retryFailures.length === 0,
      `${pending.length} retried, ${replayed} replayed the first result${retryFailures.length ? `; failed ${retryFailures.slice(0, 3).join(', ')}` : ''}`,
    );
    const finalRows = await rowsOf(backend.url, runId);
    const exact = attempts.every(
      (a) => finalRows.filter((r) => r.description.startsWith(`${marker(runId, a.i)} `)).length === 1,
    );
    const caseNos = new Set(finalRows.map((r) => r.case_no));
    check(
      'after the retries every request exists exactly once',
      exact && finalRows.length === attempts.length,
      `${finalRows.length} rows for ${attempts.length} requests`,
    );
    check('case numbers unique', caseNos.size === finalRows.length, `${caseNos.size} distinct of ${finalRows.length}`);
    return {
      scenario: o.scenario,
      backend: o.backend,
      sent: attempts.length,
      acknowledged: acked.length,
      foundAfterRestart: found,
      refused: failedHttp.length,
      connectionErrors: attempts.filter((a) => a.status === null).length,
      committedUnacknowledged: replayed,
      retried: pending.length,
      rowsAtEnd: finalRows.length,
      acknowledgedAfterDbRestart,
      checks,
    };
  } finally {
    await server?.kill('SIGTERM').catch(() => undefined);
    await backend.cleanup().catch((err: unknown) => log(`  cleanup: ${(err as Error).message}`));
    removeTempDir(dataDir);
  }
}

export function describeReport(r: CrashReport): string {
  const extra =
    r.acknowledgedAfterDbRestart === undefined
      ? ''
      : `, acknowledged after the database came back ${r.acknowledgedAfterDbRestart}`;
  return (
    `${r.scenario} on ${r.backend}: sent ${r.sent}, acknowledged ${r.acknowledged}, found after restart ${r.foundAfterRestart}, ` +
    `refused ${r.refused}, connection errors ${r.connectionErrors}, committed but unacknowledged ${r.committedUnacknowledged}, ` +
    `retried ${r.retried}, rows at end ${r.rowsAtEnd}${extra}`
  );
}
