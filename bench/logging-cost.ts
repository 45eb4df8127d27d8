/**
 * What request logging costs: server CPU per request of staff intake and of the Open311 list of 100, at 20
 * connections, with ACCESS_LOG=off, with Fastify's own request lines (ACCESS_LOG=fastify) and with one access line
 * per request (ACCESS_LOG=line, the default), LOG_LEVEL=info, the log written to a file as a deployment's stdout
 * would be. The server is bench/server.ts compiled like the product; the modes alternate over --rounds so that a
 * busy machine's drift falls on each alike. Figures are printed, never asserted (docs/decisions/0012-footprint-and-logging.md).
 *   node --import tsx bench/logging-cost.ts [--backend sqlite|postgres] [--duration 5] [--rounds 2]
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { closedLoop, type RequestSpec } from './http-load.ts';
import { signIn, startApp } from './lib/app-process.ts';
import { createBackend } from './lib/backend.ts';
import { gridPoints } from './lib/case-reference.ts';
import { PEER_CONNECTIONS, withCpu } from './lib/peers.ts';
import { caller, intakeRequest } from './lib/scenarios.ts';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
if (values.backend !== 'sqlite' && values.backend !== 'postgres') throw new Error('--backend sqlite|postgres');
const MODES = ['off', 'fastify', 'line'] as const;
const durationMs = Number(values.duration) * 1000;
const backend = await createBackend(values.backend, values['pg-url']);
const dir = mkdtempSync(join(tmpdir(), 'cityloop-logging-'));
const cpu: Record<string, number[]> = {};
try {
  const tenant = await backend.database.db
    .selectFrom('tenants')
    .select('id')
    .where('code', '=', '420281')
    .executeTakeFirstOrThrow();
  const points = await gridPoints(backend.database.db, tenant.id, 5000);
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const mode of MODES) {
      const file = join(dir, `${mode}-${round}.log`);
      const fd = openSync(file, 'w');
      const env = { ...backend.env, BENCH_LOG: '1', LOG_LEVEL: 'info', ACCESS_LOG: mode };
      const app = await startApp(env, undefined, { built: true, stdout: fd });
      try {
        const inspector = await signIn(app.port, 'inspector', 'Demo@12345');
        const scenarios = {
          intake: { expect: [201], make: intakeRequest(inspector, points, randomBytes(4).toString('hex')) },
          'Open311 list 100': {
            expect: [200],
            make: (i: number): RequestSpec => ({
              method: 'GET',
              path: '/open311/v2/requests.json?page_size=100',
              headers: caller(i + 1),
            }),
          },
        };
        for (const [name, s] of Object.entries(scenarios)) {
          await closedLoop(app.port, {
            concurrency: PEER_CONNECTIONS,
            durationMs: 1000,
            expect: s.expect,
            make: s.make,
          });
          const { r, cpuMs } = await withCpu(app, () =>
            closedLoop(app.port, {
              concurrency: PEER_CONNECTIONS,
              durationMs,
              expect: s.expect,
              make: (i) => s.make(i + 1_000_000),
            }),
          );
          (cpu[`${name} / ${mode}`] ??= []).push(cpuMs);
          console.log(
            `round ${round + 1} ACCESS_LOG=${mode.padEnd(7)} ${name.padEnd(17)} ${r.rps.toFixed(0).padStart(5)} req/s, ` +
              `server CPU ${(cpuMs * 1000).toFixed(0)} µs/request, errors ${JSON.stringify(r.errors)}`,
          );
        }
      } finally {
        await app.stop();
        closeSync(fd);
      }
      console.log(`  log written: ${(statSync(file).size / 1024).toFixed(0)} KiB`);
    }
  }
  console.log('\nmedian server CPU per request:');
  for (const [key, v] of Object.entries(cpu)) {
    const sorted = [...v].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    console.log(
      `  ${key.padEnd(32)} ${(median * 1000).toFixed(0)} µs  (runs ${v.map((x) => (x * 1000).toFixed(0)).join(', ')})`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
  await backend.dispose();
}
