import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Searching the register by name, address or code at a million rows (docs/assets.md, "At scale"): the list's `q`
 * is a case-insensitive substring match, which without an index reads every asset. SQLite gets an FTS5 index with
 * the trigram tokenizer over the assets' own columns (external content: the text stays in `assets`, triggers keep
 * the index in step with every insert, edit and delete); PostgreSQL gets pg_trgm GIN indexes on the very
 * expressions the match reads (`lower(code)`, `lower(name)`, `lower(address)`), so its query is unchanged. Both
 * answer terms of 3 characters or more; shorter terms keep the plain substring match.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const ops = await trigramOps(db);
    if (!ops) return;
    for (const column of ['code', 'name', 'address'])
      await sql
        .raw(`create index assets_${column}_trgm on assets using gin (lower(${column}) ${ops})`)
        .execute(db);
    return;
  }
  await sql`create virtual table assets_fts using fts5(code, name, address, content = 'assets', content_rowid = 'rowid',
    tokenize = 'trigram')`.execute(db);
  await sql`insert into assets_fts (assets_fts) values ('rebuild')`.execute(db);
  const add = `insert into assets_fts (rowid, code, name, address) values (new.rowid, new.code, new.name, new.address);`;
  const remove = `insert into assets_fts (assets_fts, rowid, code, name, address)
    values ('delete', old.rowid, old.code, old.name, old.address);`;
  await sql.raw(`create trigger assets_fts_ins after insert on assets begin ${add} end`).execute(db);
  await sql.raw(`create trigger assets_fts_del after delete on assets begin ${remove} end`).execute(db);
  await sql
    .raw(`create trigger assets_fts_upd after update of code, name, address on assets begin ${remove} ${add} end`)
    .execute(db);
}

/**
 * The qualified pg_trgm operator class, creating the extension if it is missing; null (and a warning) when it cannot
 * be created (a managed server without it): the list then keeps its substring match, slower but right.
 */
async function trigramOps(db: Kysely<unknown>): Promise<string | null> {
  const find = async () =>
    (
      await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
        join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
    ).rows[0]?.schema ?? null;
  let schema = await find();
  if (!schema) {
    // a failed statement would abort the migration's transaction: the attempt runs under a savepoint
    await sql`savepoint asset_search_trgm`.execute(db);
    try {
      await sql`create extension if not exists pg_trgm schema public`.execute(db);
      await sql`release savepoint asset_search_trgm`.execute(db);
    } catch (err) {
      await sql`rollback to savepoint asset_search_trgm`.execute(db);
      console.warn(
        `assets search: pg_trgm cannot be created (${err instanceof Error ? err.message : String(err)}); ` +
          'the asset list keeps its substring match without an index',
      );
      return null;
    }
    schema = await find();
  }
  return schema ? `"${schema.replace(/"/g, '""')}".gin_trgm_ops` : null;
}
