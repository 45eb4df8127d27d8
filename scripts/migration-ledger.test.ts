import { describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../server/src/db/migrations/index.ts';
import { fileHash, MIGRATION_FILE, migrationFiles, readLedger } from './migration-ledger.ts';

describe('migrations follow the landing rule (docs/architecture.md, "Migrations")', () => {
  const files = migrationFiles();

  it('every file is named NNNN_snake_case.ts and registered, in order', () => {
    for (const f of files) expect(f, `file name ${f}`).toMatch(MIGRATION_FILE);
    expect([...MIGRATION_NAMES]).toEqual(files.map((f) => f.replace(/\.ts$/, '')));
  });

  it('numbers are strictly increasing in the order the migrator applies them', () => {
    const numbers = MIGRATION_NAMES.map((n) => Number(n.slice(0, 4)));
    numbers.forEach((n, i) => {
      if (i > 0)
        expect(n, `${MIGRATION_NAMES[i]} after ${MIGRATION_NAMES[i - 1]}`).toBeGreaterThan(numbers[i - 1] as number);
    });
  });

  it('every migration is recorded in landed.json, and no recorded migration was edited', () => {
    const ledger = readLedger();
    const unrecorded = MIGRATION_NAMES.filter((n) => !(n in ledger));
    expect(unrecorded, 'record new migrations with `npm run migrations:seal`').toEqual([]);
    const edited = MIGRATION_NAMES.filter((n) => ledger[n] !== fileHash(`${n}.ts`));
    expect(edited, 'a landed migration must not change: add a new migration instead').toEqual([]);
    const missing = Object.keys(ledger).filter((n) => !MIGRATION_NAMES.includes(n));
    expect(missing, 'a landed migration must not be removed').toEqual([]);
  });
});
