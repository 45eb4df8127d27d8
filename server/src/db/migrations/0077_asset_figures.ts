import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Figures per asset type (docs/assets.md, "Figures"): a type declares the kinds of 养护工单 done on its assets and a
 * work order names its kind; daily logs take counted quantities too (人次, 台次, 盆) and money (元, a township's
 * 奖补资金), so the units' checks widen. SQLite cannot alter a check, so the column is replaced by one with the
 * wider check (its own check goes with the dropped column; no index names it).
 */
const LOG_UNITS = ['t', 'h', 'm', 'm2', 'person', 'trip', 'pot', 'yuan'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('asset_types')
    .addColumn('work_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('asset_work_orders').addColumn('kind', 'text').execute();
  // the report counts finished orders per type and kind in a period: the period bound stays the index's range
  await db.schema
    .createIndex('asset_work_orders_done_kind')
    .on('asset_work_orders')
    .columns(['tenant_id', 'done_at', 'kind'])
    .execute();
  const units = sql.join(LOG_UNITS.map((u) => sql.lit(u)));
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table asset_types drop constraint if exists asset_types_log_unit_check`.execute(db);
    await sql`alter table asset_types add constraint asset_types_log_unit_check check (log_unit in (${units}))`.execute(
      db,
    );
    await sql`alter table asset_daily_logs drop constraint if exists asset_daily_logs_unit_check`.execute(db);
    await sql`alter table asset_daily_logs add constraint asset_daily_logs_unit_check check (unit in (${units}))`.execute(
      db,
    );
    return;
  }
  await widen(db, 'asset_types', 'log_unit', sql`check (log_unit_w in (${units}))`, false);
  await widen(db, 'asset_daily_logs', 'unit', sql`check (unit_w in (${units}))`, true);
}

async function widen(db: Kysely<unknown>, table: string, column: string, check: ReturnType<typeof sql>, notNull: boolean) {
  const wide = `${column}_w`;
  // a NOT NULL column added to rows needs a default; the copy below replaces it at once
  await sql`alter table ${sql.table(table)} add column ${sql.ref(wide)} text ${notNull ? sql`not null default 't'` : sql``} ${check}`.execute(
    db,
  );
  await sql`update ${sql.table(table)} set ${sql.ref(wide)} = ${sql.ref(column)}`.execute(db);
  await sql`alter table ${sql.table(table)} drop column ${sql.ref(column)}`.execute(db);
  await sql`alter table ${sql.table(table)} rename column ${sql.ref(wide)} to ${sql.ref(column)}`.execute(db);
}
