/**
 * The ledger of landed migrations (server/src/db/migrations/landed.json): each migration's name and the SHA-256 of
 * its file. `npm run migrations:seal` records the migrations that are not in it yet and never changes an entry;
 * scripts/migration-ledger.test.ts fails when a recorded file changed, when a migration is not recorded, or when the
 * names are not strictly increasing. The rule it keeps is in docs/architecture.md ("Migrations").
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../server/src/db/migrations/', import.meta.url));
export const LEDGER_PATH = `${MIGRATIONS_DIR}landed.json`;
export const MIGRATION_FILE = /^(\d{4})_[a-z0-9_]+\.ts$/;

export type Ledger = Record<string, string>;

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d/.test(f) && !f.endsWith('.test.ts'))
    .sort();
}

export function fileHash(file: string): string {
  // Line endings are normalised so a checkout with CRLF conversion does not read as an edit.
  const text = readFileSync(`${MIGRATIONS_DIR}${file}`, 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

export function readLedger(): Ledger {
  return JSON.parse(readFileSync(LEDGER_PATH, 'utf8')) as Ledger;
}

/** Adds the migrations the ledger lacks; returns their names. Existing entries are kept as they are. */
export function seal(): string[] {
  const ledger = readLedger();
  const added = migrationFiles()
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((name) => !(name in ledger));
  for (const name of added) ledger[name] = fileHash(`${name}.ts`);
  const sorted = Object.fromEntries(Object.entries(ledger).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(LEDGER_PATH, `${JSON.stringify(sorted, null, 2)}\n`);
  return added;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const added = seal();
  console.log(added.length ? `recorded: ${added.join(', ')}` : 'every migration is recorded');
}
