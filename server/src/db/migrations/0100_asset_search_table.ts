import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL's register search without the wide rows (docs/assets.md, "Name and address search"): a term that many
 * assets contain made the list read one page of `assets` (about 400 bytes a row) per match, to check the trigram
 * index's candidates and to order them, and those pages do not stay in 128 MB of shared buffers. Two narrow tables
 * hold what the search needs instead, the tenant as a small number (`asset_search_tenants`):
 * - `asset_search`: per asset its code (the key within the tenant and the list's default order) and lower-cased name,
 *   with trigram indexes on the code and the name;
 * - `asset_search_addresses`: per tenant and lower-cased address the codes of the assets there, with a trigram index on
 *   the address. Many assets share an address (a street's house number), so a term found in addresses reads one
 *   row per address, not one page per asset.
 * Triggers on `assets` keep both in the writer's transaction, whoever writes; the assets already there are copied
 * here. SQLite keeps its FTS5 index (migration 0092) and gets nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // no asset is written between the copy and the triggers
  await sql`lock table assets in share mode`.execute(db);
  await sql`create table asset_search_tenants (
    tenant_id text primary key,
    no integer generated always as identity unique)`.execute(db);
  await sql`create table asset_search (tenant_no integer not null, code text not null, name text not null)`.execute(
    db,
  );
  await sql`create table asset_search_addresses (tenant_no integer not null, address text not null,
    codes text[] not null)`.execute(db);
  // the copy first, the indexes after: one sort per index instead of a million insertions into each
  await sql`set local maintenance_work_mem = '256MB'`.execute(db);
  await sql`set local work_mem = '64MB'`.execute(db);
  await fillAssetSearch(db);
  await sql`alter table asset_search add constraint asset_search_pk primary key (tenant_no, code)`.execute(db);
  await sql`alter table asset_search_addresses add constraint asset_search_addresses_pk
    primary key (tenant_no, address)`.execute(db);
  const ops = await trigramOps(db);
  if (ops) {
    await sql.raw(`create index asset_search_code_trgm on asset_search using gin (lower(code) ${ops})`).execute(db);
    await sql.raw(`create index asset_search_name_trgm on asset_search using gin (name ${ops})`).execute(db);
    await sql
      .raw(`create index asset_search_addresses_trgm on asset_search_addresses using gin (address ${ops})`)
      .execute(db);
  }
  await sql`analyze asset_search`.execute(db);
  await sql`analyze asset_search_addresses`.execute(db);

  // An edit that keeps the code, the name or the address leaves that part's row alone: an address's list of codes
  // is rewritten only when an asset comes, goes or moves.
  await sql
    .raw(
      `create or replace function asset_search_sync() returns trigger language plpgsql as $$
      declare
        t_old integer;
        t_new integer;
        same_key boolean := tg_op = 'UPDATE' and old.tenant_id = new.tenant_id and old.code = new.code;
        same_address boolean := same_key and lower(coalesce(old.address, '')) = lower(coalesce(new.address, ''));
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          select no into t_old from asset_search_tenants where tenant_id = old.tenant_id;
          if not same_key then
            delete from asset_search where tenant_no = t_old and code = old.code;
          end if;
          if not same_address and coalesce(old.address, '') <> '' then
            update asset_search_addresses set codes = array_remove(codes, old.code)
              where tenant_no = t_old and address = lower(old.address);
            delete from asset_search_addresses
              where tenant_no = t_old and address = lower(old.address) and cardinality(codes) = 0;
          end if;
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          select no into t_new from asset_search_tenants where tenant_id = new.tenant_id;
          if t_new is null then
            insert into asset_search_tenants (tenant_id) values (new.tenant_id) on conflict do nothing;
            select no into t_new from asset_search_tenants where tenant_id = new.tenant_id;
          end if;
          if not same_key then
            insert into asset_search (tenant_no, code, name) values (t_new, new.code, lower(new.name));
          elsif old.name <> new.name then
            update asset_search set name = lower(new.name) where tenant_no = t_new and code = new.code;
          end if;
          if not same_address and coalesce(new.address, '') <> '' then
            insert into asset_search_addresses (tenant_no, address, codes)
              values (t_new, lower(new.address), array[new.code])
              on conflict (tenant_no, address) do update set codes = asset_search_addresses.codes || excluded.codes;
          end if;
        end if;
        return null;
      end $$`,
    )
    .execute(db);
  await sql`create trigger assets_search after insert or delete or update of tenant_id, code, name, address on assets
    for each row execute function asset_search_sync()`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
async function fillAssetSearch(db: Kysely<any>): Promise<void> {
  await sql`insert into asset_search_tenants (tenant_id)
    select t.id from tenants t where exists (select 1 from assets a where a.tenant_id = t.id) order by t.id
    on conflict do nothing`.execute(db);
  await sql`insert into asset_search (tenant_no, code, name)
    select n.no, a.code, lower(a.name) from assets a join asset_search_tenants n on n.tenant_id = a.tenant_id`.execute(
    db,
  );
  await sql`insert into asset_search_addresses (tenant_no, address, codes)
    select n.no, lower(a.address), array_agg(a.code) from assets a join asset_search_tenants n on n.tenant_id = a.tenant_id
    where coalesce(a.address, '') <> '' group by n.no, lower(a.address)`.execute(db);
}

/**
 * The search tables of the assets there now, replacing whatever they held (the bench's bulk load writes the register
 * with the trigger off and calls this after); PostgreSQL only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
export async function rebuildAssetSearch(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`delete from asset_search`.execute(db);
  await sql`delete from asset_search_addresses`.execute(db);
  await fillAssetSearch(db);
  await sql`analyze asset_search`.execute(db);
  await sql`analyze asset_search_addresses`.execute(db);
}

/** The qualified pg_trgm operator class, null when the extension is missing (migration 0092 warned then). */
async function trigramOps(db: Kysely<unknown>): Promise<string | null> {
  const schema = (
    await sql<{ schema: string }>`select n.nspname as schema from pg_extension e
      join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)
  ).rows[0]?.schema;
  return schema ? `"${schema.replace(/"/g, '""')}".gin_trgm_ops` : null;
}
