/**
 * One write scenario against the real app in a child process, for profiling and quick before/after checks:
 * staff intake or Open311 create at 20 connections for --duration seconds, printing req/s and server CPU per request.
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" node --import tsx bench/profile-intake.ts --backend sqlite
 *   options: --backend sqlite|postgres  --scenario intake|open311  --duration 10  --pg-url …
 * The profile is written when the server exits; summarise it with bench/lib/profile-summary.ts.
 * On PostgreSQL it also samples pg_stat_activity every 10 ms during the measured phase and prints what the app's
 * connections were doing: running on a CPU, idle between statements, or waiting (and on what, e.g. a row lock).
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { closedLoop } from './http-load.ts';
import { signIn, startApp } from './lib/app-process.ts';
import { createBackend } from './lib/backend.ts';
import { gridPoints } from './lib/case-reference.ts';
import { open311Keys } from './lib/at-size.ts';
import { PEER_CONNECTIONS, withCpu } from './lib/peers.ts';
import { intakeRequest, open311CreateRequest } from './lib/scenarios.ts';
import { sampleWaits } from './lib/pg-waits.ts';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'sqlite' },
    scenario: { type: 'string', default: 'intake' },
    duration: { type: 'string', default: '10' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
if (values.backend !== 'sqlite' && values.backend !== 'postgres') throw new Error('--backend sqlite|postgres');
const backend = await createBackend(values.backend, values['pg-url']);
try {
  const app = await startApp(backend.env);
  try {
    const inspector = await signIn(app.port, 'inspector', 'Demo@12345');
    const admin = await signIn(app.port, 'admin', 'Admin@12345');
    const tenant = await backend.database.db
      .selectFrom('tenants')
      .select('id')
      .where('code', '=', '420281')
      .executeTakeFirstOrThrow();
    const points = await gridPoints(backend.database.db, tenant.id, 5000);
    const make =
      values.scenario === 'open311'
        ? open311CreateRequest(await open311Keys({ port: app.port, admin }), points)
        : intakeRequest(inspector, points, randomBytes(4).toString('hex'));
    const expect = [200, 201];
    await closedLoop(app.port, { concurrency: PEER_CONNECTIONS, durationMs: 2000, expect, make });
    const durationMs = Number(values.duration) * 1000;
    const waits = values.backend === 'postgres' ? sampleWaits(values['pg-url']) : null;
    const { r, cpuMs } = await withCpu(app, () =>
      closedLoop(app.port, { concurrency: PEER_CONNECTIONS, durationMs, expect, make: (i) => make(i + 1_000_000) }),
    );
    const waited = await waits?.stop();
    console.log(
      `${values.backend} ${values.scenario}: ${r.rps.toFixed(0)} req/s, server CPU ${(cpuMs * 1000).toFixed(0)} µs/request, ` +
        `p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms, errors ${JSON.stringify(r.errors)}`,
    );
    if (waited) console.log(waited);
  } finally {
    await app.stop();
  }
} finally {
  await backend.dispose();
}
