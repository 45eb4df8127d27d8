import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { prepareDatabase } from './prepare.ts';
import { systemClock } from './platform/clock.ts';
import { openDatabase } from './platform/db.ts';
import { startLiveRelay } from './platform/live-relay.ts';
import { Scheduler, type Job } from './platform/scheduler.ts';
import { statisticsJob } from './platform/db-statistics.ts';
import { createRollup } from './modules/kpi/index.ts';
import { importsResumeJob } from './modules/imports/index.ts';
import { checkpointJob } from './resilience/audit-checkpoint.ts';

/** Process entry: read config, open and migrate the database, seed the demo city if empty, listen. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const { applied, seeded, history } = await prepareDatabase(config.databaseUrl, systemClock, {
    seedDemo: config.seedDemo,
    config,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
    history: config.demoHistory ? config : null,
    prefecture: config.demoPrefecture,
  });
  // Requests wait only briefly for a SQLite lock (the wait blocks the process) and are answered 503 after it.
  const database = openDatabase(config.databaseUrl, {
    busyTimeoutMs: config.sqliteBusyTimeoutMs,
    ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  });
  const app = await buildApp({ config, database });
  // PostgreSQL: today's and the next periods' partitions of the readings exist before the hourly job first runs
  // (docs/iot.md, "Readings and retention"); a failure here only leaves readings in the DEFAULT partition meanwhile.
  await app.services.telemetry
    .preparePartitions(systemClock.now())
    .catch((err: unknown) => app.log.warn({ err }, 'telemetry partitions not prepared at start'));
  if (applied.length) app.log.info({ applied }, 'migrations applied');
  if (seeded) app.log.info('demo city 大冶市 (420281) seeded');
  if (history)
    app.log.info(
      {
        cases: history.cases,
        events: history.events,
        hotlineOrders: history.hotlineOrders,
        ms: Math.round(history.ms),
      },
      'demo history loaded (DEMO_HISTORY=0 skips it on a fresh data directory)',
    );
  // Several instances: live events travel between them through Redis (docs/architecture.md, "Several instances"; docs/deploy.md).
  const relay = config.redis
    ? await startLiveRelay(app.services.live, {
        ...config.redis,
        onError: (err) => app.log.warn({ err }, 'live relay (Redis) error'),
      })
    : null;

  // Jobs persisted in the database and leased per run, so N instances sweep once (docs/architecture.md, "Several instances").
  const scheduler = new Scheduler(database, systemClock, (job, err) =>
    app.log.error({ err, job }, 'scheduled job failed'),
  );
  const jobs: Job[] = [
    { name: 'case.sla-sweep', everyMs: 30_000, run: (now) => app.services.cases.sweep(now) },
    // Deadline warnings and 督办 of enforcement cases, beside the case SLA sweep (docs/enforcement.md).
    { name: 'enforcement.deadline-sweep', everyMs: 60_000, run: (now) => app.services.enforcement.sweep(now) },
    // Unanswered 督办单 past their reply deadline rise one level (docs/supervision.md, "Escalation").
    { name: 'supervision.reply-sweep', everyMs: 60_000, run: (now) => app.services.supervision.sweep(now) },
    { name: 'hotline.sign-sweep', everyMs: 60_000, run: (now) => app.services.hotline.sweep(now) },
    // positions are personal data kept for the tenant's retention period (docs/monitor.md, "Retention")
    { name: 'monitor.purge', everyMs: 3_600_000, run: (now) => app.services.monitor.purge(now) },
    { name: 'auth.purge-sessions', everyMs: 3_600_000, run: () => app.services.auth.purgeExpiredSessions() },
    {
      name: 'photos.sweep-unattached',
      everyMs: 3_600_000,
      run: async (now) => {
        const swept = await app.services.photos.sweep(now);
        if (swept.removed > 0) app.log.info({ removed: swept.removed }, 'unattached photo uploads removed');
        return swept;
      },
    },
    // Import jobs waiting, or left running by a runner that died (docs/imports.md "Resume").
    importsResumeJob(app.services.imports),
    // 案卷 month batches waiting or left by a runner that died; files past their keeping time (docs/dossier.md).
    { name: 'dossier.batches', everyMs: 10_000, run: (now) => app.services.dossierBatches.resume(now) },
    // 城市之感: device-offline alarms and auto cases still to file; retention of readings (docs/iot.md).
    { name: 'alarms.sweep', everyMs: 30_000, run: (now) => app.services.alarms.sweep(now) },
    // the inspections the plans' schedules make due over the next days (docs/inspections.md)
    { name: 'assets.inspection-sweep', everyMs: 3_600_000, run: (now) => app.services.assets.plans.sweep(now) },
    { name: 'telemetry.retention', everyMs: 3_600_000, run: (now) => app.services.telemetry.sweep(now) },
    // yesterday's road coverage and muck checks, recomputed whole (idempotent)
    { name: 'vehicles.nightly', everyMs: 3_600_000, run: () => app.services.vehicles.nightly() },
    { name: 'notify.dispatch', everyMs: 15_000, run: (now) => app.services.notify.dispatch(now) },
    { name: 'kpi.drain', everyMs: 3_000, run: () => createRollup(database).drainAll() },
    // Repeat hotspots open 源头治理 tasks (docs/analysis.md "Repeat hotspots").
    { name: 'analysis.hotspot-scan', everyMs: 3_600_000, run: () => app.services.governance.scanAll() },
    // Signed daily checkpoint of every hash chain's head, outside the database (docs/security.md "Checkpoints").
    checkpointJob(database, app.services.chainKeys, config.audit.checkpointDir),
    statisticsJob(database),
    // 全域与跨区域 (docs/federation.md): the signed outbox with back-off, and the report-up file drop per day.
    { name: 'federation.outbox', everyMs: 10_000, run: (now) => app.services.federation.deliver(now) },
    { name: 'federation.report-up', everyMs: 3_600_000, run: (now) => app.services.federation.reportUp(now) },
  ];

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    scheduler.stop();
    await relay?.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  // The jobs' first runs (catch-up after a restart) start once the server answers, one every 250 ms.
  scheduler.start(jobs, { firstAfterMs: 1000, spreadMs: 250 });
  app.log.info(
    `CityLoop listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${database.dialect})`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
