import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's register search without the wide rows (docs/assets.md, "Name and address search"): a term that many
 * assets contain made the list read one page of `assets` (about 400 bytes a row) per match to check the trigram
 * index's candidates and to order them, and those pages do not stay in 128 MB of shared buffers. `asset_search` holds
 * per asset only what the list's search needs: the tenant (as a small number, `asset_search_tenants`), the code (the
 * key within the tenant and the list's default order) and the lower-cased name and address, with trigram indexes
 * on the code and on that text. Triggers on `assets` keep it in the writer's transaction, whoever writes; the assets
 * already there are copied here. SQLite keeps its FTS5 index (migration 0092) and gets nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // no asset is written between the copy and the triggers
  await sql`lock table assets in share mode`.execute(db);
  await sql`create table asset_search_tenants (
    tenant_id text primary key,
    no integer generated always as identity unique)`.execute(db);
  await sql`create table asset_search (tenant_no integer not null, code text not null, text text not null)`.execute(
    db,
  );
  // the copy first, the indexes after: one sort per index instead of a million insertions into each
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await fillAssetSearch(db);
  await sql`alter table asset_search add constraint asset_search_pk primary key (tenant_no, code)`.execute(db);
  const ops = await trigramOps(db);
  if (ops) {
    await sql.raw(`create index asset_search_code_trgm on asset_search using gin (lower(code) ${ops})`).execute(db);
    await sql.raw(`create index asset_search_text_trgm on asset_search using gin (text ${ops})`).execute(db);
  }
  await sql`analyze asset_search`.execute(db);

  await sql
    .raw(
      `create or replace function asset_search_sync() returns trigger language plpgsql as $$
      declare t integer;
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          delete from asset_search s using asset_search_tenants n
            where n.tenant_id = old.tenant_id and s.tenant_no = n.no and s.code = old.code;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          select no into t from asset_search_tenants where tenant_id = new.tenant_id;
          if t is null then
            insert into asset_search_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
            select no into t from asset_search_tenants where tenant_id = new.tenant_id;
          end if;
          insert into asset_search (tenant_no, code, text) values (t, new.code, ${searchText('new')});
        end if;
        return null;
      end $$`,
    )
    .execute(db);
  await sql`create trigger assets_search after insert or delete or update of tenant_id, code, name, address on assets
    for each row execute function asset_search_sync()`.execute(db);
}

/**
 * The searchable text of an asset row: name and address lower-cased, joined by a line feed (a search term holding
 * one is not looked up here, so no match spans the two).
 */
const searchText = (row: string) => `lower(${row}.name) || E'\\n' || lower(coalesce(${row}.address, ''))`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
async function fillAssetSearch(db: Kysely<any>): Promise<void> {
  await sql`insert into asset_search_tenants (tenant_id)
    select t.id from tenants t where exists (select 1 from assets a where a.tenant_id = t.id) order by t.id
    on conflict do nothing`.execute(db);
  await sql
    .raw(
      `insert into asset_search (tenant_no, code, text)
      select n.no, a.code, ${searchText('a')} from assets a join asset_search_tenants n on n.tenant_id = a.tenant_id`,
    )
    .execute(db);
}

/**
 * The search table of the assets there now, replacing whatever it held (the bench's bulk load writes the register
 * with the trigger off and calls this after); PostgreSQL only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
export async function rebuildAssetSearch(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`delete from asset_search`.execute(db);
  await fillAssetSearch(db);
  await sql`analyze asset_search`.execute(db);
}

/** The qualified pg_trgm operator class, null when the extension is missing (migration 0092 warned then). */
async function trigramOps(db: Kysely<unknown>): Promise<string | null> {
  const schema = (
    await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
      join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
  ).rows[0]?.schema;
  return schema ? `"${schema.replace(/"/g, '""')}".gin_trgm_ops` : null;
}
