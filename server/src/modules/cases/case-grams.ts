import { sql, type SqlBool } from 'kysely';
import { searchGrams } from '../../../../common/domain/search-grams.ts';
import { compiledStatement } from '../../platform/compiled-statements.ts';
import type { Dialect, Executor } from '../../platform/db.ts';

/*
 * The 1–2 character search index of cases (docs/conventions.md "Search", docs/decisions/0011-public-reads-and-search.md).
 * SQLite: the contentless FTS5 table `cases_grams`, one row per case under the case's own rowid, written here with
 * the case. PostgreSQL: a GIN expression index over case_search_grams(search_text) (migration 0030), kept by the
 * database itself, so nothing is written there.
 */

/** The gram row of a case follows its search text (insert and change alike; SQLite only). */
export async function writeCaseGrams(db: Executor, dialect: Dialect, caseId: string, text: string): Promise<void> {
  if (dialect !== 'sqlite') return;
  await gramsRow.execute(db, { grams: searchGrams(text), caseId });
}
// Compiled once: every intake writes it (platform/compiled-statements.ts).
const gramsRow = compiledStatement((db, p: { grams: string; caseId: string }) => ({
  compile: () =>
    sql`insert or replace into cases_grams (rowid, grams) select rowid, ${p.grams} from cases where id = ${p.caseId}`.compile(
      db,
    ),
}));

/** Grams of every case that has none yet (after migration 0030, after a bulk load); answers how many were written. */
export async function backfillCaseGrams(db: Executor, dialect: Dialect, chunk = 5000): Promise<number> {
  if (dialect !== 'sqlite') return 0;
  let done = 0;
  let after = 0;
  for (;;) {
    const rows = (
      await sql<{ rid: number; text: string }>`
        select c.rowid as rid, c.search_text as text from cases c
        where c.rowid > ${after} and not exists (select 1 from cases_grams g where g.rowid = c.rowid)
        order by c.rowid limit ${chunk}`.execute(db)
    ).rows;
    if (!rows.length) return done;
    // one transaction per chunk: a commit per row would be a sync per row
    await inTransaction(db, async (tx) => {
      for (const r of rows)
        await sql`insert into cases_grams (rowid, grams) values (${r.rid}, ${searchGrams(r.text)})`.execute(tx);
    });
    after = Number(rows[rows.length - 1]?.rid ?? after);
    done += rows.length;
  }
}

/** Runs `fn` in the caller's transaction, or in a new one. */
export const inTransaction = <T>(db: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);

/** PostgreSQL: the cases whose grams hold `gram` (the expression is the index's, so the GIN index answers). */
export const pgGramMatch = (gram: string) => sql<SqlBool>`case_search_grams(c.search_text) @> array[${gram}]::text[]`;

/** SQLite: an FTS5 query for one gram token (double quotes make it a string, whatever it holds). */
export const sqliteGramQuery = (gram: string) => `"${gram.replace(/"/g, '""')}"`;
