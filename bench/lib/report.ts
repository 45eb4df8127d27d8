/** The bench's output: a table of figures next to their goals, and bench/results/latest.json with the machine. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname } from 'node:path';

export interface Goal {
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  backend: string;
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** e.g. the hello-world baseline this figure is a ratio of, or what the goal was stated for */
  note?: string;
  /** req/s figures: this figure over the same backend's hello-world req/s (the baseline) */
  baseline?: number;
}

export interface MachineInfo {
  os: string;
  arch: string;
  cpus: { count: number; model: string; speedMHz: number };
  memoryGiB: number;
  freeMemoryGiB: number;
  /** uncommitted changes in the working tree when the bench ran */
  gitDirty: boolean | null;
  node: string;
  loadAverage: { start: number[]; end?: number[] };
  gitCommit: string | null;
  databases: Record<string, string>;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  let gitCommit: string | null;
  try {
    gitCommit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    gitCommit = null;
  }
  let gitDirty: boolean | null;
  try {
    gitDirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString()
        .trim() !== '';
  } catch {
    gitDirty = null;
  }
  return {
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpus: { count: cpus.length, model: cpus[0]?.model.trim() ?? '?', speedMHz: cpus[0]?.speed ?? 0 },
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGiB: Math.round((os.freemem() / 2 ** 30) * 10) / 10,
    gitDirty,
    node: process.version,
    loadAverage: { start: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    gitCommit,
    databases: {},
  };
}

export const met = (f: Figure): boolean | null => {
  if (!f.goal || !Number.isFinite(f.value)) return null;
  return f.goal.op === '>=' ? f.value >= f.goal.value : f.value <= f.goal.value;
};

function fmt(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'lookups/s' || unit === 'cases/s' || unit === 'req/s')
    return `${Math.round(value).toLocaleString('en')} ${unit}`;
  const digits = unit === 'ratio' || (unit === 'ms' && Math.abs(value) < 10) ? 2 : Math.abs(value) >= 100 ? 0 : 1;
  const n = value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit === 'ratio' ? n : `${n} ${unit}`;
}

export function printTable(figures: readonly Figure[]): void {
  const rows = figures.map((f) => {
    const ok = met(f);
    return [
      f.backend,
      f.name,
      fmt(f.value, f.unit),
      f.goal ? `${f.goal.op} ${fmt(f.goal.value, f.unit)}` : '—',
      ok === null ? '' : ok ? 'MET' : 'MISSED',
      f.baseline === undefined || !Number.isFinite(f.baseline) ? '' : `${f.baseline.toFixed(2)}×`,
      f.note ?? '',
    ];
  });
  const header = ['backend', 'figure', 'value', 'goal', '', '÷ hello', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  // East Asian characters print two columns wide; pad by display width so the table lines up.
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const pad = (s: string, w: number, right: boolean) =>
    right ? ' '.repeat(Math.max(0, w - width(s))) + s : s + ' '.repeat(Math.max(0, w - width(s)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => pad(c, widths[i] as number, i === 2 || i === 3 || i === 5)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

export function writeResults(file: string, payload: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(payload, null, 2) + '\n');
}
