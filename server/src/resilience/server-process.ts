/**
 * The product's own entry point (server/src/main.ts) in a child process on a loopback port, for tests that must
 * kill it for real (SIGKILL) and start it again on the same database (crash-safety tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface ServerProcess {
  port: number;
  base: string;
  child: ChildProcess;
  /** true while the process has not exited */
  alive(): boolean;
  /** the tail of what the process printed (for failure messages) */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** A free loopback port (bound and released; the child binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(
  base: string,
  timeoutMs: number,
  isAlive: () => boolean = () => true,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (!isAlive()) throw new Error('server exited before it was healthy');
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${base} not healthy after ${timeoutMs} ms`);
}

/** Starts main.ts with the given environment (DATABASE_URL, DATA_DIR, …) and waits until /api/health answers 200. */
export async function startServer(
  env: Record<string, string>,
  port?: number,
  timeoutMs = 90_000,
): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(p),
      LOG_LEVEL: 'warn',
      SESSION_SECRET: 'crash-test-secret-0123456789abcdef0123',
      // The checks need the demo city, not its synthetic months of cases.
      DEMO_HISTORY: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const alive = () => child.exitCode === null && child.signalCode === null;
  const base = `http://127.0.0.1:${p}`;
  const proc: ServerProcess = {
    port: p,
    base,
    child,
    alive,
    output: () => tail,
    async kill(signal) {
      if (!alive()) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
  };
  try {
    await waitForHealth(base, timeoutMs, alive);
  } catch (err) {
    await proc.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${tail}`, { cause: err });
  }
  return proc;
}
