/**
 * First-load budgets of the web client, measured from the Vite build manifest (web/dist/.vite/manifest.json, so
 * run `npm run build:web` first). For each page the first load is its HTML entry chunk plus every chunk it imports
 * statically (recursively), plus, for the console, the lazy chunk of its first route (the home page) with that
 * chunk's static imports. Sizes are gzip sizes of the JavaScript; CSS is listed but not budgeted.
 *
 * Prints a small table and exits non-zero when a page is over its budget or missing from the manifest.
 * Usage: node --import tsx scripts/bundle-budget.ts [--dist web/dist] [--json out.json]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Budget {
  page: string;
  /** Manifest keys loaded at start-up: the HTML entry, and for the console its first route's lazy page. */
  loads: string[];
  limitKb: number | null;
  /** A lower size the page is meant to reach; shown in the table, not enforced yet. */
  goalKb?: number;
}

export const BUDGETS: Budget[] = [
  // The citizen page registers only the catalog parts it shows (common/i18n/citizen.ts), so staff modules' texts do
  // not cost it.
  { page: 'citizen (/public)', loads: ['public.html'], limitKb: 140 },
  // The inspector app builds on the phone pages' own components (web/src/phone), like the citizen page: no antd.
  { page: 'inspector (/h5)', loads: ['h5.html'], limitKb: 250 },
  { page: 'console (/ first route)', loads: ['index.html', 'src/pages/HomePage.tsx'], limitKb: 600 },
  { page: 'dashboard (/dashboard)', loads: ['dashboard.html'], limitKb: null },
];

/** Manifest keys of the chunks a start-up load fetches: the given keys and their static imports, recursively. */
export function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return seen;
}

function gzipKb(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024;
}

export interface Row {
  page: string;
  jsKb: number;
  cssKb: number;
  chunks: number;
  limitKb: number | null;
  ok: boolean;
  note?: string;
}

export function measure(dist: string): Row[] {
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run the web build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  return BUDGETS.map(({ page, loads, limitKb, goalKb }) => {
    const missing = loads.filter((key) => !manifest[key]);
    if (missing.length > 0)
      return { page, jsKb: 0, cssKb: 0, chunks: 0, limitKb, ok: false, note: `not in manifest: ${missing.join(', ')}` };
    const keys = staticClosure(manifest, loads);
    const files = [...keys].map((key) => manifest[key]!);
    const jsKb = files.reduce(
      (sum, chunk) => sum + (chunk.file.endsWith('.js') ? gzipKb(join(dist, chunk.file)) : 0),
      0,
    );
    const css = new Set(files.flatMap((chunk) => chunk.css ?? []));
    const cssKb = [...css].reduce((sum, file) => sum + gzipKb(join(dist, file)), 0);
    const ok = limitKb === null || jsKb <= limitKb;
    const note = ok && goalKb !== undefined && jsKb > goalKb ? `ok (goal ${goalKb} KB not met)` : undefined;
    return { page, jsKb, cssKb, chunks: keys.size, limitKb, ok, ...(note ? { note } : {}) };
  });
}

function printTable(rows: Row[]): void {
  const line = (cells: string[]) =>
    `  ${cells[0]!.padEnd(26)} ${cells[1]!.padStart(10)} ${cells[2]!.padStart(9)} ${cells[3]!.padStart(7)} ${cells[4]!.padStart(8)}  ${cells[5]}`;
  console.log(line(['page', 'JS gzip', 'CSS gzip', 'chunks', 'budget', 'result']));
  for (const r of rows) {
    const result = r.note ?? (r.ok ? 'ok' : 'OVER BUDGET');
    console.log(
      line([
        r.page,
        `${r.jsKb.toFixed(1)} KB`,
        `${r.cssKb.toFixed(1)} KB`,
        String(r.chunks),
        r.limitKb === null ? '-' : `${r.limitKb} KB`,
        result,
      ]),
    );
  }
}

function main(): void {
  const argv = process.argv.slice(2);
  const flag = (name: string) => {
    const index = argv.indexOf(name);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const dist = resolve(flag('--dist') ?? 'web/dist');
  const rows = measure(dist);
  printTable(rows);
  const failed = rows.filter((r) => !r.ok).length;
  const json = flag('--json');
  if (json) writeFileSync(json, JSON.stringify({ passed: rows.length - failed, failed, rows }));
  process.exit(failed > 0 ? 1 : 0);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
