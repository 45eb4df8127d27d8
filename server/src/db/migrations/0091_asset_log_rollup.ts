import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The daily logs' monthly roll-up (docs/assets.md, "At scale"): the statistics report and the figures read a year as
 * 12 rows per asset type instead of summing millions of log rows. `asset_log_monthly` holds Σ quantity and the row
 * count per (tenant, type, unit, month); `asset_log_asset_months` marks each asset that logged in a month (with its
 * row count), so the report's "number of assets logging" stays an exact distinct count over a few rows per asset.
 * Triggers on `asset_daily_logs` keep both in the transaction of every insert, replacement and delete, whoever writes
 * (the form, the weighbridge import, seeds, bulk loads); the existing rows are rolled up here. An asset never changes
 * its type (the register refuses it), so the type read at write time stays right.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('asset_log_monthly')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('milli', 'bigint', (c) => c.notNull())
    .addColumn('log_rows', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_log_monthly_pk', ['tenant_id', 'month', 'type_id', 'unit'])
    .execute();
  await db.schema
    .createTable('asset_log_asset_months')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('asset_id', 'text', (c) => c.notNull())
    .addColumn('log_rows', 'bigint', (c) => c.notNull())
    // the key is the report's read order: a period's months, then per type and unit the distinct assets
    .addPrimaryKeyConstraint('asset_log_asset_months_pk', ['tenant_id', 'month', 'type_id', 'unit', 'asset_id'])
    .execute();

  await rebuildLogRollup(db);

  // One log row added (sign 1) or taken away (sign -1); a bucket left with no rows is removed.
  const apply = (row: 'new' | 'old', sign: 1 | -1, typeId: string) => `
    insert into asset_log_monthly (tenant_id, type_id, unit, month, milli, log_rows)
      values (${row}.tenant_id, ${typeId}, ${row}.unit, substr(${row}.log_date, 1, 7), ${sign} * ${row}.quantity_milli, ${sign})
      on conflict (tenant_id, month, type_id, unit)
      do update set milli = asset_log_monthly.milli + excluded.milli, log_rows = asset_log_monthly.log_rows + excluded.log_rows;
    insert into asset_log_asset_months (tenant_id, month, type_id, unit, asset_id, log_rows)
      values (${row}.tenant_id, substr(${row}.log_date, 1, 7), ${typeId}, ${row}.unit, ${row}.asset_id, ${sign})
      on conflict (tenant_id, month, type_id, unit, asset_id)
      do update set log_rows = asset_log_asset_months.log_rows + excluded.log_rows;`;
  const sweep = (typeId: string) => `
    delete from asset_log_monthly where tenant_id = old.tenant_id and month = substr(old.log_date, 1, 7)
      and type_id = ${typeId} and unit = old.unit and log_rows = 0;
    delete from asset_log_asset_months where tenant_id = old.tenant_id and month = substr(old.log_date, 1, 7)
      and type_id = ${typeId} and unit = old.unit and asset_id = old.asset_id and log_rows = 0;`;

  if (isPg) {
    await sql
      .raw(
        `create or replace function asset_log_rollup() returns trigger language plpgsql as $$
      declare
        new_type text;
        old_type text;
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          select type_id into old_type from assets where id = old.asset_id;
          ${apply('old', -1, 'old_type')}
        end if;
        if tg_op in ('INSERT', 'UPDATE') then
          select type_id into new_type from assets where id = new.asset_id;
          ${apply('new', 1, 'new_type')}
        end if;
        if tg_op in ('UPDATE', 'DELETE') then
          ${sweep('old_type')}
        end if;
        return null;
      end $$`,
      )
      .execute(db);
    await sql`create trigger asset_daily_logs_rollup after insert or update or delete on asset_daily_logs
      for each row execute function asset_log_rollup()`.execute(db);
    return;
  }
  // SQLite: a row-value insert cannot read the type into a variable, so each statement selects it from the asset.
  const typeOf = (row: 'new' | 'old') => `(select type_id from assets where id = ${row}.asset_id)`;
  const bodies = {
    ins: apply('new', 1, typeOf('new')),
    del: apply('old', -1, typeOf('old')) + sweep(typeOf('old')),
    upd: apply('old', -1, typeOf('old')) + apply('new', 1, typeOf('new')) + sweep(typeOf('old')),
  };
  const events = { ins: 'insert', del: 'delete', upd: 'update' } as const;
  for (const k of ['ins', 'upd', 'del'] as const)
    await sql
      .raw(`create trigger asset_daily_logs_rollup_${k} after ${events[k]} on asset_daily_logs begin ${bodies[k]} end`)
      .execute(db);
}

/**
 * The roll-up of the rows already logged, replacing whatever it held: the same sums the triggers keep from here on
 * (a test and the bench's bulk load rebuild with it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
export async function rebuildLogRollup(db: Kysely<any>): Promise<void> {
  await sql`delete from asset_log_monthly`.execute(db);
  await sql`delete from asset_log_asset_months`.execute(db);
  await sql`insert into asset_log_monthly (tenant_id, type_id, unit, month, milli, log_rows)
    select l.tenant_id, a.type_id, l.unit, substr(l.log_date, 1, 7), sum(l.quantity_milli), count(*)
    from asset_daily_logs l join assets a on a.id = l.asset_id
    group by l.tenant_id, a.type_id, l.unit, substr(l.log_date, 1, 7)`.execute(db);
  await sql`insert into asset_log_asset_months (tenant_id, month, type_id, unit, asset_id, log_rows)
    select l.tenant_id, substr(l.log_date, 1, 7), a.type_id, l.unit, l.asset_id, count(*)
    from asset_daily_logs l join assets a on a.id = l.asset_id
    group by l.tenant_id, substr(l.log_date, 1, 7), a.type_id, l.unit, l.asset_id`.execute(db);
}
