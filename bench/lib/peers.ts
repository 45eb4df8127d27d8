/**
 * The peer scenarios (the requests other 311 servers are compared on), at 20 connections each, with the server's
 * CPU time per request next to req/s: on a shared machine req/s moves with the neighbours' load, CPU per request
 * hardly does. Order matters: the two creates run first so the public list and get-by-id read real rows.
 * Goals (docs/decisions/0010-intake-cost.md): creates ≤ 0.4 ms CPU on SQLite and ≤ 0.6 ms on PostgreSQL, the list
 * of 100 ≤ 1 ms, get by id ≤ 0.2 / 0.4 ms.
 */
import { randomBytes } from 'node:crypto';
import { closedLoop, type LoadResult, type RequestSpec } from '../http-load.ts';
import type { AppProcess, HttpSession } from './app-process.ts';
import { open311Keys, publicNumbers } from './at-size.ts';
import type { BackendName } from './backend.ts';
import type { PlacedPoint } from './case-reference.ts';
import type { Figure } from './report.ts';
import { caller, helloRequest, intakeRequest, open311CreateRequest } from './scenarios.ts';

export const PEER_CONNECTIONS = 20;

export interface PeerContext {
  backend: BackendName;
  app: AppProcess;
  inspector: HttpSession;
  admin: HttpSession;
  points: readonly PlacedPoint[];
  durationMs: number;
}

export interface PeerRow {
  name: string;
  result: LoadResult;
  /** server CPU (user + system) per successful request, ms */
  cpuMs: number;
  /** goal for cpuMs on this backend, ms */
  goalMs?: number;
}

/** Runs `run` and divides the server's CPU time over it by the successful requests. */
export async function withCpu<R extends LoadResult>(app: AppProcess, run: () => Promise<R>) {
  const before = app.cpuMs();
  const r = await run();
  const after = app.cpuMs();
  return { r, cpuMs: before !== null && after !== null && r.ok > 0 ? (after - before) / r.ok : NaN };
}

export async function measurePeers(c: PeerContext, log: (line: string) => void): Promise<PeerRow[]> {
  const sqlite = c.backend === 'sqlite';
  const keys = await open311Keys({ port: c.app.port, admin: c.admin });
  const runId = randomBytes(4).toString('hex');
  let numbers: string[] = [];
  const scenarios: { name: string; expect: number[]; goalMs?: number; make: () => (i: number) => RequestSpec }[] = [
    { name: 'hello-world GET /bench/hello', expect: [200], make: () => helloRequest },
    {
      name: 'Open311 create (form POST)',
      expect: [200, 201],
      goalMs: sqlite ? 0.4 : 0.6,
      make: () => open311CreateRequest(keys, c.points),
    },
    {
      name: 'staff intake POST /api/cases',
      expect: [201],
      goalMs: sqlite ? 0.4 : 0.6,
      make: () => intakeRequest(c.inspector, c.points, `${runId}p`),
    },
    {
      name: 'Open311 list of 100',
      expect: [200],
      goalMs: 1,
      make: () => (i) => ({ method: 'GET', path: '/open311/v2/requests.json?page_size=100', headers: caller(i + 1) }),
    },
    {
      name: 'Open311 get one request by id',
      expect: [200],
      goalMs: sqlite ? 0.2 : 0.4,
      make: () => (i) => ({
        method: 'GET',
        path: `/open311/v2/requests/${numbers[i % numbers.length] as string}.json`,
        headers: caller(i + 1),
      }),
    },
  ];
  const rows: PeerRow[] = [];
  for (const s of scenarios) {
    if (s.name.startsWith('Open311 get') && !numbers.length) numbers = await publicNumbers(c.app.port);
    const make = s.make();
    // A short warm-up per scenario (JIT, caches, statement cache): not counted.
    await closedLoop(c.app.port, { concurrency: PEER_CONNECTIONS, durationMs: 1000, expect: s.expect, make });
    const { r, cpuMs } = await withCpu(c.app, () =>
      closedLoop(c.app.port, {
        concurrency: PEER_CONNECTIONS,
        durationMs: c.durationMs,
        expect: s.expect,
        make: (i) => make(i + 1_000_000),
      }),
    );
    rows.push({ name: s.name, result: r, cpuMs, ...(s.goalMs !== undefined ? { goalMs: s.goalMs } : {}) });
    log(
      `[${c.backend}] peer ${s.name}: ${r.rps.toFixed(0)} req/s, server CPU ${(cpuMs * 1000).toFixed(0)} µs/request` +
        ` (p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms), errors ${JSON.stringify(r.errors)}`,
    );
  }
  return rows;
}

/** Two figures per scenario: req/s over hello-world, and server CPU per request against its goal. */
export function peerFigures(rows: readonly PeerRow[]): Omit<Figure, 'backend'>[] {
  const hello = rows[0];
  if (!hello) return [];
  return rows.flatMap((row) => {
    const r = row.result;
    const ratio = r.rps / hello.result.rps;
    const cpuRatio = row.cpuMs / hello.cpuMs;
    return [
      {
        name: `peer: ${row.name} (${PEER_CONNECTIONS} conns)`,
        value: r.rps,
        unit: 'req/s',
        baseline: ratio,
        note: `p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms; ${r.requests - r.ok} errors`,
      },
      {
        name: `peer: ${row.name} — server CPU/request`,
        value: row.cpuMs,
        unit: 'ms',
        ...(row.goalMs !== undefined ? { goal: { op: '<=' as const, value: row.goalMs } } : {}),
        note: `${cpuRatio.toFixed(1)}× hello-world's CPU per request`,
      },
    ];
  });
}
