import type { Kysely } from 'kysely';

/**
 * A cached score of every member of a KPI subject over a closed period of whole months, so a page of the city's
 * thousands of grids sorted by score reads one small row per grid instead of summing and scoring each
 * (docs/decisions/0015-kpi-period-scores.md). A cached row counts only while its `basis` matches the scoring
 * settings and the per-month write stamps; the roll-up's writer bumps a month's stamp in the transaction that
 * changes it. Both tables start empty: the cache fills on first read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kpi_month_stamps')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stamp', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('kpi_month_stamps_pk', ['tenant_id', 'month'])
    .execute();
  await db.schema
    .createTable('kpi_period_scores')
    .addColumn('tenant_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    /** 'YYYY-MM~YYYY-MM': the first and last month of the period */
    .addColumn('period', 'text', (c) => c.notNull())
    /** '' for the row holding the total counts over every member */
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision')
    /** JSON: the member's indicator values (for sorting by one), or the total's counts */
    .addColumn('figures', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_period_scores_pk', ['tenant_id', 'subject', 'period', 'member_id'])
    .execute();
}
