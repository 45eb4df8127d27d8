/**
 * The real app in its own process for bench/run.ts (so the load generator never shares its event loop), plus one
 * bench-only route, GET /bench/hello, registered after buildApp: the same server's floor, with the same hooks
 * (helmet, request id, auth pass-through) but no work. Never part of the product.
 * Environment: the product's (DATABASE_URL, DATA_DIR, SESSION_SECRET, LOG_LEVEL, ACCESS_LOG, …), BENCH_PG_SCHEMA (search_path)
 * and BENCH_LOG=1 (log as the product does; otherwise no logger).
 * Reports { port } over the IPC channel once listening, or prints `listening <port>` without one.
 */
import { buildApp } from '../server/src/app.ts';
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { statementCounter } from './lib/statement-counter.ts';

const config = loadConfig(process.env);
const schema = process.env.BENCH_PG_SCHEMA || undefined;
const opened = openDatabase(config.databaseUrl, schema ? { schema } : {});
// BENCH_COUNT_STATEMENTS=1: every statement the app sends is counted (GET /bench/statements), for the IoT bench's
// statements and rows per batch
const counted = process.env.BENCH_COUNT_STATEMENTS === '1' ? statementCounter() : null;
const database = counted ? { ...opened, db: opened.db.withPlugin(counted.plugin) } : opened;
// logger:false as in the tests unless BENCH_LOG=1 (bench/logging-cost.ts): then the product's logger, with
// LOG_LEVEL and ACCESS_LOG as a deployment sets them, writing to this process's stdout.
const app = await buildApp({ config, database, logger: process.env.BENCH_LOG === '1' });
app.get('/bench/hello', { config: { public: true } }, async () => ({ hello: 'world' }));
if (counted) app.get('/bench/statements', { config: { public: true } }, async () => counted.stats);
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;
if (process.send) process.send({ port });
else console.log(`listening ${port}`);

let closing = false;
const shutdown = async () => {
  if (closing) return;
  closing = true;
  await app.close();
  await opened.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
process.on('disconnect', () => void shutdown());
