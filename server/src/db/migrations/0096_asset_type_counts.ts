import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The register's counts per asset type and status (docs/assets.md, "At scale"): the statistics report's inventory
 * lines, the type list and a whole-tenant line view read a few dozen rows instead of counting a million assets.
 * Triggers on `assets` keep `asset_type_counts` in the transaction of every insert, delete and change of type or
 * status, whoever writes (the form, the import, seeds, bulk loads); the assets already there are counted here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('asset_type_counts')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_type_counts_pk', ['tenant_id', 'type_id', 'status'])
    .execute();

  await rebuildAssetCounts(db);

  const apply = (row: 'new' | 'old', sign: 1 | -1) => `
    insert into asset_type_counts (tenant_id, type_id, status, n) values (${row}.tenant_id, ${row}.type_id, ${row}.status, ${sign})
      on conflict (tenant_id, type_id, status) do update set n = asset_type_counts.n + excluded.n;`;
  const sweep = `
    delete from asset_type_counts where tenant_id = old.tenant_id and type_id = old.type_id and status = old.status
      and n = 0;`;
  const counted = 'tenant_id, type_id, status';

  if (isPg) {
    await sql
      .raw(
        `create or replace function asset_type_count() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          ${apply('old', -1)}
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          ${apply('new', 1)}
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          ${sweep}
        end if;
        return null;
      end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger assets_type_count after insert or delete or update of ${counted} on assets
      for each row execute function asset_type_count()`,
      )
      .execute(db);
    return;
  }
  const bodies = { ins: apply('new', 1), del: apply('old', -1) + sweep, upd: apply('old', -1) + apply('new', 1) + sweep };
  const events = { ins: 'insert', del: 'delete', upd: `update of ${counted}` } as const;
  for (const k of ['ins', 'upd', 'del'] as const)
    await sql.raw(`create trigger assets_type_count_${k} after ${events[k]} on assets begin ${bodies[k]} end`).execute(db);
}

/** The counts of the assets there now, replacing whatever the table held (a test and the bench's bulk load call it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
export async function rebuildAssetCounts(db: Kysely<any>): Promise<void> {
  await sql`delete from asset_type_counts`.execute(db);
  await sql`insert into asset_type_counts (tenant_id, type_id, status, n)
    select tenant_id, type_id, status, count(*) from assets group by tenant_id, type_id, status`.execute(db);
}
