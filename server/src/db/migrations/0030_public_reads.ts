import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Two read models of the case tables (docs/decisions/0011-public-reads-and-search.md):
 * - `public_cases`: each non-voided case as the public-output rule shows it (docs/security.md "Public output"),
 *   kept by the case module in the transaction of every case change, so Open311 lists read one row per request
 *   instead of assembling it from the case, its timeline and its photos. It holds no reporter identity and no
 *   personal data; the names of the matter and the unit are joined when read, so a rename needs no rewrite.
 * - 1–2 character search (docs/conventions.md "Search"): SQLite gets a contentless FTS5 table of each case's
 *   character grams (common/domain/search-grams.ts) keyed by the case's rowid; PostgreSQL a GIN index over the same
 *   grams computed from search_text by an immutable function, which the index keeps itself.
 * Existing rows are filled by the case module's backfill (prepare.ts runs it once after this migration).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('public_cases')
    .addColumn('case_id', 'text', (c) => c.primaryKey().references('cases.id'))
    .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('matter_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('body_json', 'text', (c) => c.notNull())
    .execute();
  // Open311's two orders (reported, updated) with the id as the tie-break, so a page is an index walk, never a sort;
  // the channel last, so rows of channels that are not public are skipped in the index without reading the row.
  await db.schema
    .createIndex('public_cases_reported')
    .on('public_cases')
    .columns(['tenant_id', 'reported_at', 'case_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('public_cases_updated')
    .on('public_cases')
    .columns(['tenant_id', 'updated_at', 'case_id', 'channel'])
    .execute();
  await db.schema.createIndex('public_cases_no').on('public_cases').columns(['tenant_id', 'case_no']).execute();

  if (isPg) {
    // Letters and digits alone and in pairs, ASCII folded to lower case: the same grams as searchGrams() in
    // common/domain/search-grams.ts (a superset where PostgreSQL counts more characters as letters, which only
    // adds index entries no query asks for).
    await sql`
      create function case_search_grams(t text) returns text[] language sql immutable strict parallel safe as $$
        select coalesce(array_agg(distinct g), '{}'::text[])
        from (
          select substr(x.s, i, n) as g
          from (select translate(t, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') as s) x,
               generate_series(1, char_length(x.s)) as i,
               (values (1), (2)) as v(n)
          where i + n - 1 <= char_length(x.s)
        ) grams
        where g !~ '[[:space:][:punct:][:cntrl:]]'
      $$`.execute(db);
    await sql`create index cases_search_grams on cases using gin (case_search_grams(search_text))`.execute(db);
  } else {
    await sql`create virtual table cases_grams using fts5(grams, content = '', contentless_delete = 1, tokenize = 'ascii')`.execute(
      db,
    );
  }
}
