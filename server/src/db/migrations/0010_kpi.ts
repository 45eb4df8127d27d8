import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { KPI_COUNTERS } from '../../../../common/domain/kpi.ts';

/**
 * The KPI engine (issue 6, cn-standards.md §4): per-case facts, a daily roll-up per dimension, and a dirty queue
 * filled by triggers on `cases` inside the transaction that changes a case, so every writer (transitions, the SLA
 * sweep, partner intake, ratings, reopening, bulk loads) is seen without the case module calling us. Reads drain
 * the queue first: figures are consistent right after a change.
 */
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  const counterType = (k: string) => (k === 'handlingHours' ? 'double precision' : 'integer');

  let facts = db.schema.createTable('kpi_case_facts')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('report_day', 'text', (c) => c.notNull())
    .addColumn('filed_day', 'text');
  for (const col of ['street_id', 'community_id', 'grid_code', 'unit_id']) facts = facts.addColumn(col, 'text');
  facts = facts.addColumn('channel', 'text', (c) => c.notNull()).addColumn('major_code', 'text', (c) => c.notNull());
  for (const col of ['reporter_id', 'acceptor_id', 'verifier_id', 'filer_id', 'dispatcher_id', 'check_sender_id', 'checker_id', 'closer_id']) facts = facts.addColumn(col, 'text');
  for (const k of KPI_COUNTERS) facts = facts.addColumn(snake(k), counterType(k), (c) => c.notNull().defaultTo(0));
  await facts.execute();
  // Drill-down: the cases of a period (by anchor day) within a scope.
  await db.schema.createIndex('kpi_facts_report_day').on('kpi_case_facts').columns(['tenant_id', 'report_day']).execute();
  await db.schema.createIndex('kpi_facts_filed_day').on('kpi_case_facts').columns(['tenant_id', 'filed_day']).execute();

  let daily = db.schema.createTable('kpi_daily')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('dim_id', 'text', (c) => c.notNull());
  for (const k of KPI_COUNTERS) daily = daily.addColumn(snake(k), counterType(k), (c) => c.notNull().defaultTo(0));
  await daily.addPrimaryKeyConstraint('kpi_daily_pk', ['tenant_id', 'dim', 'day', 'dim_id']).execute();

  await db.schema.createTable('kpi_dirty')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('mark', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kpi_dirty_tenant').on('kpi_dirty').columns(['tenant_id']).execute();

  // Lookups the facts and lists need on the case module's tables.
  await db.schema.createIndex('case_warnings_case').on('case_warnings').columns(['case_id', 'level']).execute();
  await db.schema.createIndex('cases_closed').on('cases').columns(['tenant_id', 'closed_at']).execute();
  await db.schema.createIndex('cases_escalated').on('cases').columns(['tenant_id', 'escalation_count']).execute();

  // A fresh mark on every change: the drainer deletes a row only if its mark is unchanged, so a change that lands
  // while the case is being recomputed is never lost.
  if (isPg) {
    await sql`create or replace function kpi_mark_dirty() returns trigger language plpgsql as $$
      begin
        insert into kpi_dirty (case_id, tenant_id, mark) values (new.id, new.tenant_id, md5(random()::text || clock_timestamp()::text))
        on conflict (case_id) do update set mark = excluded.mark;
        return null;
      end $$`.execute(db);
    await sql`create trigger kpi_cases_dirty after insert or update on cases for each row execute function kpi_mark_dirty()`.execute(db);
  } else {
    for (const [name, event] of [['kpi_cases_dirty_ins', 'insert'], ['kpi_cases_dirty_upd', 'update']] as const) {
      await sql.raw(`create trigger ${name} after ${event} on cases begin
        delete from kpi_dirty where case_id = new.id;
        insert into kpi_dirty (case_id, tenant_id, mark) values (new.id, new.tenant_id, hex(randomblob(8)));
      end`).execute(db);
    }
  }
}
