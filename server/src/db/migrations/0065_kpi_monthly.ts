import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { KPI_COUNTERS } from '../../../../common/domain/kpi.ts';

/**
 * A monthly roll-up beside the daily one, kept by the same writer: a period of whole months is read from one row
 * per member and month instead of one per day, which is what the KPI page of every grid with its comparison
 * periods needs at 10 million cases (docs/decisions/0014-kpi-monthly-rollup.md). Filled from the daily rows that
 * exist, so figures do not change.
 */
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const counterType = (k: string) => (k === 'handlingHours' ? 'double precision' : 'integer');
  let monthly = db.schema
    .createTable('kpi_monthly')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('dim_id', 'text', (c) => c.notNull());
  for (const k of KPI_COUNTERS) monthly = monthly.addColumn(snake(k), counterType(k), (c) => c.notNull().defaultTo(0));
  await monthly.addPrimaryKeyConstraint('kpi_monthly_pk', ['tenant_id', 'dim', 'month', 'dim_id']).execute();

  const cols = KPI_COUNTERS.map(snake);
  await sql`insert into kpi_monthly (tenant_id, dim, month, dim_id, ${sql.raw(cols.join(', '))})
    select tenant_id, dim, substr(day, 1, 7), dim_id, ${sql.raw(cols.map((c) => `sum(${c})`).join(', '))}
    from kpi_daily group by tenant_id, dim, substr(day, 1, 7), dim_id`.execute(db);
  // SQLite plans from sqlite_stat1 (see 0057); PostgreSQL analyses a table on its own after a bulk insert.
  if (!isPg) await sql`analyze kpi_monthly`.execute(db);
}
