import type { Kysely } from 'kysely';

/**
 * An optimistic version on assets and asset types (docs/conventions.md, "Concurrent edits"): an edit carries the
 * version it read, and a row another person changed meanwhile answers 409 instead of being overwritten. The rows
 * already there start at 1, as new ones do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['assets', 'asset_types'])
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
}
