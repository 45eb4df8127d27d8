import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The inspections' daily roll-up (docs/assets.md, "At scale"): the statistics report and the inspection KPIs count
 * a period's inspections as at most one row per due date and asset type instead of reading every inspection of the
 * period (2 million in the bench). `asset_inspection_daily` holds per (tenant, due date, type) the inspections due,
 * those done, those with a failed item and the failed items. Triggers on `asset_inspections` keep it in the
 * transaction of every insert, update of the counted columns and delete, whoever writes (the schedule's sweep, the
 * inspector's form, seeds, bulk loads); the rows already there are rolled up here. The type is the asset's, which
 * never changes (the register refuses it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('asset_inspection_daily')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('due_rows', 'bigint', (c) => c.notNull())
    .addColumn('done_rows', 'bigint', (c) => c.notNull())
    .addColumn('failed_rows', 'bigint', (c) => c.notNull())
    .addColumn('failed_items', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('asset_inspection_daily_pk', ['tenant_id', 'due_date', 'type_id'])
    .execute();

  await rebuildInspectionRollup(db);

  // One inspection counted in (sign 1) or out (sign -1); a day and type left with no inspection is removed.
  const apply = (row: 'new' | 'old', sign: 1 | -1, typeId: string) => `
    insert into asset_inspection_daily (tenant_id, due_date, type_id, due_rows, done_rows, failed_rows, failed_items)
      values (${row}.tenant_id, ${row}.due_date, ${typeId}, ${sign},
        ${sign} * (case when ${row}.state = 'done' then 1 else 0 end),
        ${sign} * (case when ${row}.failed_count > 0 then 1 else 0 end), ${sign} * ${row}.failed_count)
      on conflict (tenant_id, due_date, type_id) do update set
        due_rows = asset_inspection_daily.due_rows + excluded.due_rows,
        done_rows = asset_inspection_daily.done_rows + excluded.done_rows,
        failed_rows = asset_inspection_daily.failed_rows + excluded.failed_rows,
        failed_items = asset_inspection_daily.failed_items + excluded.failed_items;`;
  const sweep = (typeId: string) => `
    delete from asset_inspection_daily where tenant_id = old.tenant_id and due_date = old.due_date
      and type_id = ${typeId} and due_rows = 0;`;
  // the columns the roll-up counts: an update of the results or the note alone leaves it be
  const counted = 'tenant_id, asset_id, due_date, state, failed_count';

  if (isPg) {
    await sql
      .raw(
        `create or replace function asset_inspection_rollup() returns trigger language plpgsql as $$
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
    await sql
      .raw(
        `create trigger asset_inspections_rollup after insert or delete or update of ${counted} on asset_inspections
      for each row execute function asset_inspection_rollup()`,
      )
      .execute(db);
    return;
  }
  const typeOf = (row: 'new' | 'old') => `(select type_id from assets where id = ${row}.asset_id)`;
  const bodies = {
    ins: apply('new', 1, typeOf('new')),
    del: apply('old', -1, typeOf('old')) + sweep(typeOf('old')),
    upd: apply('old', -1, typeOf('old')) + apply('new', 1, typeOf('new')) + sweep(typeOf('old')),
  };
  const events = { ins: 'insert', del: 'delete', upd: `update of ${counted}` } as const;
  for (const k of ['ins', 'upd', 'del'] as const)
    await sql
      .raw(`create trigger asset_inspections_rollup_${k} after ${events[k]} on asset_inspections begin ${bodies[k]} end`)
      .execute(db);
}

/**
 * The roll-up of the inspections already there, replacing whatever it held: the same counts the triggers keep from
 * here on (a test and the bench's bulk load rebuild with it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- also called with the app's typed Kysely
export async function rebuildInspectionRollup(db: Kysely<any>): Promise<void> {
  await sql`delete from asset_inspection_daily`.execute(db);
  await sql`insert into asset_inspection_daily (tenant_id, due_date, type_id, due_rows, done_rows, failed_rows,
      failed_items)
    select i.tenant_id, i.due_date, a.type_id, count(*), sum(case when i.state = 'done' then 1 else 0 end),
      sum(case when i.failed_count > 0 then 1 else 0 end), sum(i.failed_count)
    from asset_inspections i join assets a on a.id = i.asset_id
    group by i.tenant_id, i.due_date, a.type_id`.execute(db);
}
