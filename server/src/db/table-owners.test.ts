import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TABLE_OWNERS, type TableOwner } from './table-owners.ts';
import { OWNERSHIP_TODO } from './table-owners.todo.ts';

/**
 * Every table has one owning module (docs/architecture.md, "Table ownership"): a file may name a table in a Kysely
 * query only when its module owns the table. Files map to modules by path: `modules/<m>/` → m, `platform/` →
 * platform. Everything else (the seed, the composition root, testing/, resilience/, scale/ and the operator scripts
 * in scripts/) owns no table and goes through the owners' index.ts like any other module; migrations are exempt
 * (they build the tables), and so is bench/ (benchmarks bulk-load and measure the storage itself).
 */
const SRC = fileURLToPath(new URL('..', import.meta.url));
const QUERY =
  /(?:\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|replaceInto|mergeInto)|\b(?:leftJoinRows|innerJoinRows))\(\s*(['"`])([a-z_0-9]+)(?:\s+as\s+[a-z_0-9]+)?\1/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The module a file belongs to, `null` for migrations; any other folder is its own owner of nothing. */
export function moduleOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] === 'db' && parts[1] === 'migrations') return null;
  if (parts[0] === 'modules') return parts[1] ?? null;
  if (parts[0] === 'platform') return 'platform';
  return parts.length > 1 ? `${parts[0]}/` : file;
}

/** `[file, table]` for each query naming a table, with the file relative to server/src and `/`-separated. */
export function tableReferences(text: string): string[] {
  return [...text.matchAll(QUERY)].map((m) => m[2] ?? '');
}

/** The operator scripts at the repository root follow the same rule as the seed: owners' functions only. */
const SCRIPTS = fileURLToPath(new URL('../../../scripts', import.meta.url));

function referencesUnder(root: string, prefix: string) {
  return sourceFiles(root).flatMap((path) => {
    const file = prefix + relative(root, path).split(sep).join('/');
    return [...new Set(tableReferences(readFileSync(path, 'utf8')))].map((table) => ({ file, table }));
  });
}

const references = [...referencesUnder(SRC, ''), ...referencesUnder(SCRIPTS, 'scripts/')];

describe('table ownership', () => {
  it('finds queries in their usual forms, aliases and line breaks included', () => {
    const text = `db.selectFrom('cases as c').innerJoin("units as u", 'u.id', 'c.unit_id')\n  .leftJoin(\n    'regions', 'r.id', 'c.region_id'); tx.insertInto('notifications'); tx.updateTable('components'); db.deleteFrom('sessions'); leftJoinRows('users', q, 'u', {})`;
    expect(tableReferences(text)).toEqual([
      'cases',
      'units',
      'regions',
      'notifications',
      'components',
      'sessions',
      'users',
    ]);
    expect(moduleOf('modules/kpi/kpi.repository.ts')).toBe('kpi');
    expect(moduleOf('platform/scheduler.ts')).toBe('platform');
    expect(moduleOf('db/migrations/0005_cases.ts')).toBeNull();
    expect(moduleOf('seed/demo-city.ts')).toBe('seed/');
    expect(moduleOf('scripts/backup.ts')).toBe('scripts/');
  });

  it('the scan sees the queries of the whole server', () => {
    expect(references.length).toBeGreaterThan(80);
  });

  it('every table a query names has an owner', () => {
    const owners: Record<string, TableOwner> = TABLE_OWNERS;
    const unmapped = references
      .filter((r) => moduleOf(r.file) !== null && !owners[r.table])
      .map((r) => `${r.file}: ${r.table}`);
    expect(unmapped, 'tables without an owner in table-owners.ts').toEqual([]);
  });

  it('only the owning module names a table; the rest goes through the owner', () => {
    const owners: Record<string, TableOwner> = TABLE_OWNERS;
    const todo = new Set(OWNERSHIP_TODO.map((t) => `${t.file}: ${t.table}`));
    const violations = references
      .filter((r) => {
        const m = moduleOf(r.file);
        return m !== null && owners[r.table] !== undefined && owners[r.table] !== m;
      })
      .map((r) => `${r.file}: ${r.table} (owned by ${owners[r.table]})`);
    const open = violations.filter((v) => !todo.has(v.replace(/ \(owned by .*\)$/, '')));
    expect(open, "queries on another module's table: call the owner through its index.ts").toEqual([]);
    const fixed = [...todo].filter((t) => !violations.some((v) => v.startsWith(`${t} (`)));
    expect(fixed, 'remove these from table-owners.todo.ts: they no longer name the table').toEqual([]);
  });
});
