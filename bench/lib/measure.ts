/**
 * One backend's measurements, in order: hello-world and intake throughput (closed loop), intake latency at a fixed
 * rate (open loop), then the bulk load and inbox / search latency at that size. Answers figures and raw details.
 */
import { randomBytes } from 'node:crypto';
import { generateCases } from '../generate-cases.ts';
import {
  closedLoop,
  openLoop,
  percentiles,
  sequential,
  type LoadResult,
  type OpenLoopResult,
  type TaggedLatency,
} from '../http-load.ts';
import { signIn, startApp, startProduct, type HttpSession } from './app-process.ts';
import { analyzeAfterLoad, createBackend, type BackendName } from './backend.ts';
import { gridPoints } from './case-reference.ts';
import type { Figure } from './report.ts';
import type { Db } from '../../server/src/platform/db.ts';
import { helloRequest, inboxRequests, intakeRequest, SEARCH_TERMS, searchRequests } from './scenarios.ts';
import { databaseSizeMiB, dropBulkIndexes } from './bulk-indexes.ts';
import { kpiFigures } from './kpi-row.ts';
import { measurePerCase, perCaseFigures, type ProbeContext } from './at-size.ts';
import { refreshStatistics } from '../../server/src/platform/db-statistics.ts';
import { measurePeers, peerFigures } from './peers.ts';

export interface MeasureOptions {
  cases: number;
  durationS: number;
  concurrency: number;
  rate: number;
  inboxRequests: number;
  searchRequests: number;
  pgUrl: string;
  fullTimeline: boolean;
  /** keep the loaded database for inspection (bench/explain-inbox.ts) instead of dropping it */
  keep: boolean;
  /** drop secondary indexes during loads of at least this many cases and rebuild them after */
  dropIndexesFrom: number;
  /** the peer scenarios, the fixed-rate intake, memory and restart only (no bulk load, inbox, search or KPIs) */
  quick: boolean;
}

export interface BackendResult {
  backend: BackendName;
  version: string;
  figures: Figure[];
  details: Record<string, unknown>;
}

const USERS = ['inspector', 'operator', 'shiftleader', 'dispatcher', 'leader', 'unitmanager'] as const;

const countCases = async (db: Db) =>
  Number(
    (
      await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Resolves true once `probe` gives the same answer twice 1 s apart (false if that never happens in time). */
async function untilIdle(probe: () => Promise<number>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  let last = await probe();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await probe();
    if (now === last) return true;
    last = now;
  }
  return false;
}

function byTag(samples: readonly TaggedLatency[]) {
  const groups = new Map<string, number[]>();
  for (const s of samples) groups.set(s.tag, [...(groups.get(s.tag) ?? []), s.ms]);
  return Object.fromEntries([...groups].map(([tag, ms]) => [tag, { n: ms.length, ...percentiles(ms) }]));
}

const brief = (r: LoadResult | OpenLoopResult) => ({
  requests: r.requests,
  ok: r.ok,
  errors: r.errors,
  seconds: r.seconds,
  rps: r.rps,
  latency: r.latency,
  ...('service' in r ? { service: r.service, intendedRate: r.intendedRate, dropped: r.dropped } : {}),
});

export async function measureBackend(
  name: BackendName,
  o: MeasureOptions,
  log: (line: string) => void,
): Promise<BackendResult> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const add = (f: Omit<Figure, 'backend'>) => figures.push({ backend: name, ...f });
  const backend = await createBackend(name, o.pgUrl);
  log(`[${name}] ${backend.version}; migrated and seeded the demo city in ${(backend.seedMs / 1000).toFixed(1)} s`);
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  try {
    // bench/server.ts compiled like the product (no TypeScript loader in the measured process)
    app = await startApp(backend.env, undefined, { built: true });
    const port = app.port;
    const memory: Record<string, { rss: number; peak: number } | null> = { started: app.memoryMiB() };
    log(
      `[${name}] app listening on 127.0.0.1:${port} (child pid ${app.pid}), RSS ${memory.started?.rss.toFixed(0) ?? '?'} MiB`,
    );
    const sessions = new Map<string, HttpSession>();
    for (const u of USERS) sessions.set(u, await signIn(port, u, 'Demo@12345'));
    const inspector = sessions.get('inspector') as HttpSession;
    const tenant = await backend.database.db
      .selectFrom('tenants')
      .select('id')
      .where('code', '=', '420281')
      .executeTakeFirstOrThrow();
    const points = await gridPoints(backend.database.db, tenant.id, 5000);
    const runId = randomBytes(4).toString('hex');
    const durationMs = o.durationS * 1000;

    const drainedCount = async () => countCases(backend.database.db);
    /** Intake at a fixed rate (open loop), then the peak RSS so far: the server under the intake load. */
    async function fixedRate(server: NonNullable<typeof app>) {
      const fixed = await openLoop(server.port, {
        rate: o.rate,
        durationMs,
        expect: [201],
        make: intakeRequest(inspector, points, `${runId}o`),
        connections: 64,
        maxOutstanding: 2000,
      });
      // A server that fell behind still works through what it received: wait until it is idle before loading data.
      const drained = await untilIdle(drainedCount, 120_000);
      if (!drained) log(`[${name}] warning: the server was still creating cases 120 s after the fixed-rate phase`);
      log(
        `[${name}] intake at ${o.rate}/s: p50 ${fixed.latency.p50.toFixed(1)} ms, p99 ${fixed.latency.p99.toFixed(1)} ms (server share p99 ${fixed.service.p99.toFixed(1)} ms), achieved ${fixed.rps.toFixed(0)}/s, errors ${JSON.stringify(fixed.errors)}`,
      );
      details.intakeFixedRate = brief(fixed);
      add({
        name: `intake p99 at ${o.rate} req/s`,
        value: fixed.latency.p99,
        unit: 'ms',
        goal: { op: '<=', value: 25 },
        note: `achieved ${fixed.rps.toFixed(0)} req/s; p50 ${fixed.latency.p50.toFixed(1)} ms; server share p99 ${fixed.service.p99.toFixed(1)} ms; ${fixed.requests - fixed.ok} errors`,
      });

      const loaded = server.memoryMiB();
      add({
        name: 'server RSS: peak under intake load',
        value: loaded?.peak ?? NaN,
        unit: 'MiB',
        goal: { op: '<=', value: 300 },
        note: `VmHWM after the peer scenarios and ${o.rate}/s intake; RSS now ${loaded?.rss.toFixed(0) ?? '?'} MiB`,
      });
      return fixed;
    }
    /** Restart on the database as it is now: time to a healthy /api/health, then the idle RSS. */
    async function restartFigures() {
      await app?.stop();
      // the production entry, node dist/server/main.js, as a deployment starts it
      app = await startProduct(backend.env);
      const ms = await app.healthyAfterMs();
      const startCpu = app.cpuMs();
      await new Promise((r) => setTimeout(r, 2000));
      const idle = app.memoryMiB();
      log(
        `[${name}] restart (node dist/server/main.js): healthy after ${ms?.toFixed(0) ?? 'never'} ms (${startCpu?.toFixed(0) ?? '?'} ms CPU), idle RSS ${idle?.rss.toFixed(0) ?? '?'} MiB`,
      );
      add({
        name: 'start on an existing database → healthy /api/health',
        value: ms ?? NaN,
        unit: 'ms',
        goal: { op: '<=', value: 2000 },
        note: `from spawning \`node dist/server/main.js\` (npm run build:server) to its first 200; ${startCpu?.toFixed(0) ?? '?'} ms of CPU`,
      });
      add({
        name: 'server RSS: idle after restart',
        value: idle?.rss ?? NaN,
        unit: 'MiB',
        goal: { op: '<=', value: 150 },
        note: '2 s after healthy, no requests yet',
      });
    }

    // Warm-up (JIT, connection pools, SQLite page cache): discarded.
    await closedLoop(port, { concurrency: o.concurrency, durationMs: 2000, expect: [200], make: helloRequest });
    await closedLoop(port, {
      concurrency: 8,
      durationMs: 2000,
      expect: [201],
      make: intakeRequest(inspector, points, `${runId}w`),
    });

    const admin = await signIn(port, 'admin', 'Admin@12345');
    const peers = await measurePeers(
      { backend: name, app, inspector, admin, points, durationMs: Math.max(3, Math.round(o.durationS / 2)) * 1000 },
      log,
    );
    details.peers = peers.map((p) => ({ name: p.name, cpuMs: p.cpuMs, ...brief(p.result) }));
    for (const f of peerFigures(peers)) add(f);
    if (o.quick) {
      await fixedRate(app);
      await restartFigures();
      return { backend: name, version: backend.version, figures, details };
    }

    // Server CPU per request (from /proc): a figure a busy machine does not distort the way it distorts req/s.
    const server = app;
    const cpuPer = async <R extends LoadResult>(run: () => Promise<R>) => {
      const before = server.cpuMs();
      const r = await run();
      const after = server.cpuMs();
      return { r, cpu: before !== null && after !== null && r.ok > 0 ? (after - before) / r.ok : NaN };
    };
    const { r: hello, cpu: helloCpu } = await cpuPer(() =>
      closedLoop(port, { concurrency: o.concurrency, durationMs, expect: [200], make: helloRequest }),
    );
    log(
      `[${name}] hello-world: ${hello.rps.toFixed(0)} req/s (p99 ${hello.latency.p99.toFixed(1)} ms), server CPU ${(helloCpu * 1000).toFixed(0)} µs/request`,
    );
    const { r: intake, cpu: intakeCpu } = await cpuPer(() =>
      closedLoop(port, {
        concurrency: o.concurrency,
        durationMs,
        expect: [201],
        make: intakeRequest(inspector, points, `${runId}c`),
      }),
    );
    log(
      `[${name}] intake: ${intake.rps.toFixed(0)} req/s (p50 ${intake.latency.p50.toFixed(1)} ms, p99 ${intake.latency.p99.toFixed(1)} ms), server CPU ${(intakeCpu * 1000).toFixed(0)} µs/request, errors ${JSON.stringify(intake.errors)}`,
    );
    await fixedRate(app);
    // The per-case requests on the new database, to set against the same requests after the bulk load.
    const probe: ProbeContext = {
      port,
      db: backend.database.db,
      tenantId: tenant.id,
      inspector,
      operator: sessions.get('operator') as HttpSession,
      admin,
      points,
      concurrency: o.concurrency,
      durationMs: Math.max(3, Math.round(o.durationS / 2)) * 1000,
    };
    const perCaseEmpty = await measurePerCase(probe, `[${name}] new database:`, log);
    details.perCaseEmpty = perCaseEmpty.map((p) => ({ name: p.name, ...brief(p.result) }));
    details.hello = { ...brief(hello), serverCpuMsPerRequest: helloCpu };
    details.intake = { ...brief(intake), serverCpuMsPerRequest: intakeCpu };
    memory.afterIntake = app.memoryMiB();
    add({
      name: 'hello-world GET /bench/hello (baseline)',
      value: hello.rps,
      unit: 'req/s',
      baseline: 1,
      note: `closed loop, ${o.concurrency} conns, ${o.durationS} s`,
    });
    add({
      name: 'intake POST /api/cases',
      value: intake.rps,
      unit: 'req/s',
      baseline: intake.rps / hello.rps,
      note: `closed loop, ${o.concurrency} conns, ${o.durationS} s; ${intake.requests - intake.ok} errors`,
    });
    add({
      name: `intake latency p99 at ${o.concurrency} conns`,
      value: intake.latency.p99,
      unit: 'ms',
      note: `closed loop: p50 ${intake.latency.p50.toFixed(1)} ms, p95 ${intake.latency.p95.toFixed(1)} ms`,
    });
    add({
      name: 'intake / hello-world',
      value: intake.rps / hello.rps,
      unit: 'ratio',
      goal: { op: '>=', value: 0.3 },
      note: 'req/s over req/s, same run',
    });
    add({
      name: 'server CPU per request: hello',
      value: helloCpu * 1000,
      unit: 'µs',
      note: 'user+system of the server process / requests',
    });
    add({
      name: 'server CPU per request: intake',
      value: intakeCpu * 1000,
      unit: 'µs',
      note: `CPU-based ratio hello/intake ${(helloCpu / intakeCpu).toFixed(2)} (what the req/s ratio would be if the server were CPU-bound)`,
    });
    const before = await countCases(backend.database.db);
    log(
      `[${name}] bulk-loading ${o.cases.toLocaleString('en')} cases (${before.toLocaleString('en')} already from intake)…`,
    );
    // Large loads: secondary indexes off during the load and built once after it (sorted builds beat random inserts).
    const restore = o.cases >= o.dropIndexesFrom ? await dropBulkIndexes(backend.database) : null;
    let generatorPeak = process.memoryUsage().rss;
    const load = await generateCases({
      url: backend.url,
      schema: backend.schema,
      cases: o.cases,
      fullTimeline: o.fullTimeline,
      onProgress: (done, total, ms) => {
        generatorPeak = Math.max(generatorPeak, process.memoryUsage().rss);
        log(
          `[${name}]   ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases, ${(ms / 1000).toFixed(0)} s`,
        );
      },
    });
    if (restore) {
      const t = performance.now();
      const n = await restore();
      // The generator analysed before these indexes existed again.
      await refreshStatistics(backend.database.db);
      log(`[${name}] rebuilt ${n} indexes in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      details.indexRebuildMs = performance.now() - t;
    }
    const analyzed = await analyzeAfterLoad(backend);
    log(
      `[${name}] loaded ${load.cases.toLocaleString('en')} cases + ${load.events.toLocaleString('en')} timeline rows in ${(load.ms / 1000).toFixed(1)} s; ${analyzed}`,
    );
    const dbSize = await databaseSizeMiB(backend.database, backend.url);
    details.load = {
      ...load,
      casesBefore: before,
      planner: analyzed,
      generatorPeakRssMiB: generatorPeak / 2 ** 20,
      databaseMiB: dbSize,
    };
    add({
      name: 'bulk load (generator)',
      value: load.casesPerSecond,
      unit: 'cases/s',
      note: `${load.cases.toLocaleString('en')} cases, ${load.events.toLocaleString('en')} events, ${(load.ms / 1000).toFixed(0)} s`,
    });

    const size = `${((before + load.cases) / 1e6).toFixed(2)}M cases`;
    const perCaseLoaded = await measurePerCase(probe, `[${name}] ${size}:`, log);
    details.perCaseLoaded = perCaseLoaded.map((p) => ({ name: p.name, ...brief(p.result) }));
    for (const f of perCaseFigures(perCaseEmpty, perCaseLoaded, size, hello.rps)) add(f);
    await sequential(port, inboxRequests(sessions, 50, 99));
    const inbox = await sequential(port, inboxRequests(sessions, o.inboxRequests, 7));
    const all = percentiles(inbox.map((s) => s.ms));
    details.inbox = { n: inbox.length, ...all, byInbox: byTag(inbox) };
    log(
      `[${name}] inbox (${inbox.length} requests): p50 ${all.p50.toFixed(1)} ms, p95 ${all.p95.toFixed(1)} ms, p99 ${all.p99.toFixed(1)} ms`,
    );
    for (const [tag, p] of Object.entries(byTag(inbox)))
      log(
        `[${name}]   ${tag.padEnd(18)} n=${String(p.n).padStart(3)}  p50 ${p.p50.toFixed(1).padStart(7)} ms  p95 ${p.p95.toFixed(1).padStart(7)} ms  max ${p.max.toFixed(1).padStart(7)} ms`,
      );
    add({ name: 'inbox query p50', value: all.p50, unit: 'ms', note: size });
    const worst = Object.entries(byTag(inbox))
      .sort((a, b) => b[1].p95 - a[1].p95)
      .slice(0, 3)
      .map(([tag, p]) => `${tag} ${p.p95.toFixed(0)}`)
      .join(', ');
    add({
      name: 'inbox query p95',
      value: all.p95,
      unit: 'ms',
      goal: { op: '<=', value: 20 },
      note: `${size} (goal stated at 1M); ${inbox.length} requests; slowest p95: ${worst} ms`,
    });

    const operator = sessions.get('operator') as HttpSession;
    for (const [label, terms] of [
      ['2-char', SEARCH_TERMS.two],
      ['4-char', SEARCH_TERMS.four],
    ] as const) {
      // A full-scan search can take seconds at 1M cases: stop after 60 s (at least two rounds of the terms).
      const res = await sequential(port, searchRequests(operator, terms, o.searchRequests, label.length), {
        budgetMs: 60_000,
        minRequests: terms.length * 2,
      });
      const p = percentiles(res.map((s) => s.ms));
      details[`search${label}`] = { n: res.length, ...p, byTerm: byTag(res) };
      log(`[${name}] search ${label} (${terms.join(' ')}): p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms`);
      add({ name: `search ${label} p50`, value: p.p50, unit: 'ms', note: size });
      add({
        name: `search ${label} p95`,
        value: p.p95,
        unit: 'ms',
        note: `${res.length} requests: ${terms.join(' ')}; ${label === '2-char' ? 'LIKE fallback' : 'trigram index'}`,
      });
    }
    const kpi = await kpiFigures(
      {
        url: backend.url,
        schema: backend.schema,
        database: backend.database,
        port,
        cookie: (sessions.get('leader') as HttpSession).cookie,
        log: (l) => log(`[${name}] ${l}`),
      },
      size,
    );
    for (const f of kpi.figures) add(f);
    details.kpi = kpi.details;

    memory.end = app.memoryMiB();
    details.memoryMiB = memory;
    const mib = (v: number | undefined) => (v === undefined ? NaN : v);
    add({
      name: 'server memory: RSS after start',
      value: mib(memory.started?.rss),
      unit: 'MiB',
      note: 'idle, seeded demo city',
    });
    add({
      name: 'server memory: peak RSS',
      value: mib(memory.end?.peak),
      unit: 'MiB',
      note: `VmHWM over the run (intake at ${o.concurrency} conns, ${size} queries); RSS at end ${mib(memory.end?.rss).toFixed(0)} MiB`,
    });
    add({
      name: 'generator memory: peak RSS',
      value: generatorPeak / 2 ** 20,
      unit: 'MiB',
      note: 'the bench process while bulk-loading (batches of 5,000)',
    });
    add({
      name: 'database size on disk',
      value: dbSize,
      unit: 'MiB',
      note: `${size} with timelines and indexes${name === 'sqlite' ? ' (file + WAL)' : ' (tables + indexes + TOAST of the schema)'}`,
    });
    await restartFigures();
    return { backend: name, version: backend.version, figures, details };
  } finally {
    await app?.stop();
    if (o.keep) {
      await backend.database.close();
      log(
        `[${name}] kept: --url ${backend.url}${backend.schema ? ` --schema ${backend.schema}` : ''} (remove it when done)`,
      );
    } else {
      await backend.dispose();
    }
  }
}
