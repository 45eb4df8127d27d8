/**
 * PostgreSQL for the crash tests: a throw-away database on the shared server (SIGKILL of the app), or a private
 * throw-away cluster on its own port (restart of PostgreSQL under load) so that restarting it never disturbs
 * anybody else's tests on the machine's shared server.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { freePort } from './server-process.ts';

export const SHARED_PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A new, empty database on the server of `adminUrl`; drop() removes it (closing what is still connected). */
export async function createScratchDatabase(adminUrl: string, prefix = 'cityloop_crash'): Promise<{ url: string; name: string; drop(): Promise<void> }> {
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

function pgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export interface PrivateCluster {
  url: string;
  port: number;
  /** asynchronous, so the load keeps running while PostgreSQL goes down and comes back */
  restart(): Promise<void>;
  stop(): void;
}

/** initdb + pg_ctl start as the postgres user (PostgreSQL refuses to run as root); null when not possible here. */
export async function startPrivateCluster(): Promise<PrivateCluster | null> {
  const bin = pgBin();
  if (!bin) return null;
  const isRoot = process.getuid?.() === 0;
  const argv = (cmd: string, args: string[]): [string, string[]] => (isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args]);
  const asPostgres = (cmd: string, args: string[]) => {
    const [c, a] = argv(cmd, args);
    execFileSync(c, a, { stdio: 'pipe', timeout: 60_000 });
  };
  const dir = mkdtempSync(join(tmpdir(), 'cityloop-pg-'));
  try {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    asPostgres(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const port = await freePort();
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c shared_buffers=16MB`;
    const ctlArgs = (...args: string[]) => ['-D', data, '-l', join(dir, 'log'), '-o', opts, '-w', '-t', '60', ...args];
    const ctl = (...args: string[]) => asPostgres(join(bin, 'pg_ctl'), ctlArgs(...args));
    ctl('start');
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      // fast: every connection is terminated at once, as in a crash of the database server or a failover.
      restart: async () => {
        const [c, a] = argv(join(bin, 'pg_ctl'), ctlArgs('-m', 'fast', 'restart'));
        await promisify(execFile)(c, a, { timeout: 60_000 });
      },
      stop: () => {
        try {
          ctl('-m', 'immediate', 'stop');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
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
  await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', '-m', 'fast', versions[0], 'main', 'restart'], { timeout: 60_000 });
}
