/**
 * Starts bench/server.ts (the real app) in a child process and signs users in over HTTP, so the bench's own
 * event loop never shares a thread with the server it measures.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { once } from '../http-load.ts';

export interface AppProcess {
  port: number;
  pid: number;
  /** CPU time (user + system, all threads) the server process has used so far, in ms; null where /proc is missing */
  cpuMs(): number | null;
  /** resident memory now and its peak so far (VmRSS, VmHWM), in MiB; null where /proc is missing */
  memoryMiB(): { rss: number; peak: number } | null;
  stop(): Promise<void>;
  /** ms from spawning the process to the first 200 from /api/health (null if it never answered in time); kept once known */
  healthyAfterMs(timeoutMs?: number): Promise<number | null>;
}

let ticksPerSecond: number | null = null;

/** utime + stime of a process from /proc/<pid>/stat (Linux): how much CPU a phase really cost, busy machine or not. */
export function processCpuMs(pid: number): number | null {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** VmRSS and VmHWM of a process from /proc/<pid>/status (Linux), in MiB. */
export function processMemoryMiB(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

const SERVER = fileURLToPath(new URL('../server.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The node flags a deployment starts the server with: those of `npm run serve` (package.json), so the bench's
 * servers run as production does (e.g. the young-generation size that sets idle memory).
 */
export function productNodeArgs(): string[] {
  const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
  const words = (pkg.scripts.serve ?? '').split(/\s+/);
  return words.slice(words.indexOf('node') + 1).filter((w) => w.startsWith('--'));
}

let builtBench: Promise<string> | undefined;
/**
 * bench/server.ts compiled the way `npm run build:server` compiles the product (esbuild, packages external) into
 * dist/bench/, so the bench measures what production runs and not the TypeScript loader (tsx) as well.
 */
export function buildBenchServer(): Promise<string> {
  builtBench ??= build({
    absWorkingDir: ROOT,
    entryPoints: { server: 'bench/server.ts', 'sheet-worker': 'server/src/platform/sheet-worker.ts' },
    outdir: `${ROOT}dist/bench`,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  }).then(() => {
    cpSync(`${ROOT}server/src/modules/catalog/data`, `${ROOT}dist/bench/data`, { recursive: true });
    return `${ROOT}dist/bench/server.js`;
  });
  return builtBench;
}

let builtProduct: string | undefined;
/** `npm run build:server` once per bench run: dist/server/main.js, the production entry. */
export function buildProductServer(): string {
  builtProduct ??= (() => {
    execFileSync(process.execPath, ['--import', 'tsx', `${ROOT}scripts/build-server.ts`], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    return `${ROOT}dist/server/main.js`;
  })();
  return builtProduct;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * The production entry, `node dist/server/main.js`, as a deployment starts it (migrations check, demo seed check,
 * scheduler, listen): for the start-to-healthy time and the idle memory. A PostgreSQL schema is the product's
 * DATABASE_SCHEMA setting.
 */
export async function startProduct(env: Record<string, string>, timeoutMs = 120_000): Promise<AppProcess> {
  const main = buildProductServer();
  const port = await freePort();
  const schema = env.BENCH_PG_SCHEMA;
  const spawnedAt = performance.now();
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...productNodeArgs(), ...extra, main], {
    env: {
      ...process.env,
      ...env,
      ...(schema ? { DATABASE_SCHEMA: schema } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      DEMO_HISTORY: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const app = appProcess(child, port, spawnedAt);
  if ((await app.healthyAfterMs(timeoutMs)) === null) {
    child.kill('SIGKILL');
    await exited;
    throw new Error('the built server did not become healthy in time');
  }
  return app;
}

/**
 * BENCH_SERVER_NODE_ARGS adds node flags to the server process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
 * `built: true` runs bench/server.ts compiled (buildBenchServer) instead of through tsx; `stdout`, a file descriptor
 * for the server's stdout (its log lines).
 */
export async function startApp(
  env: Record<string, string>,
  timeoutMs = 120_000,
  options: { built?: boolean; stdout?: number } = {},
): Promise<AppProcess> {
  const spawnedAt = performance.now();
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const entry = options.built ? [...productNodeArgs(), await buildBenchServer()] : ['--import', 'tsx', SERVER];
  const child: ChildProcess = spawn(process.execPath, [...extra, ...entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', options.stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start in time')), timeoutMs);
    child.once('message', (m: unknown) => {
      clearTimeout(timer);
      const p = (m as { port?: unknown }).port;
      if (typeof p === 'number' && p > 0) resolve(p);
      else reject(new Error(`bench server sent ${JSON.stringify(m)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bench server exited with ${code}`));
    });
  }).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return appProcess(child, port, spawnedAt);
}

function appProcess(child: ChildProcess, port: number, spawnedAt: number): AppProcess {
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const pid = child.pid ?? 0;
  let healthyAt: number | null = null;
  const healthyAfterMs = async (waitMs = 30_000) => {
    const end = performance.now() + waitMs;
    while (healthyAt === null && performance.now() < end) {
      const res = await once(port, { method: 'GET', path: '/api/health' }).catch(() => null);
      if (res?.status === 200) return (healthyAt = performance.now() - spawnedAt);
      await new Promise((r) => setTimeout(r, 10));
    }
    return healthyAt;
  };
  return {
    port,
    pid,
    cpuMs: () => processCpuMs(pid),
    memoryMiB: () => processMemoryMiB(pid),
    stop,
    healthyAfterMs,
  };
}

export interface HttpSession {
  username: string;
  cookie: string;
  csrf: string;
}

export async function signIn(port: number, username: string, password: string): Promise<HttpSession> {
  const res = await once(port, {
    method: 'POST',
    path: '/api/auth/login',
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const sid = setCookie.map((c) => /^cityloop_sid=([^;]+)/.exec(c)?.[1]).find((v) => v !== undefined);
  const csrf = (res.body as { csrfToken?: unknown }).csrfToken;
  if (!sid || typeof csrf !== 'string') throw new Error(`login ${username}: no session cookie or csrf token`);
  return { username, cookie: `cityloop_sid=${sid}`, csrf };
}
