import type { Kysely } from 'kysely';

/**
 * Drill-down pages read through an index (docs/decisions/0009-kpi-drill-down-pages.md). A page lists the facts of
 * one period, newest anchor day first, optionally within one member (street, community, grid, unit): each index
 * holds tenant, member, anchor day and case id in that order, so `tenant = ? [and member = ?] and day between ? and ?
 * order by day desc, case_id desc limit n offset m` walks the index backwards and stops after offset + n matching
 * rows, instead of reading and sorting the whole period. Equalities lead the index so that its use does not depend
 * on planner statistics (decision 0006).
 */
const DAYS = ['report_day', 'filed_day'] as const;
const MEMBERS = ['street_id', 'community_id', 'grid_code', 'unit_id'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const day of DAYS) {
    // Whole-tenant pages; the case id makes the order total and index-served. Replaces (tenant_id, <day>).
    await db.schema.createIndex(`kpi_facts_${day}_page`).on('kpi_case_facts').columns(['tenant_id', day, 'case_id']).execute();
    await db.schema.dropIndex(`kpi_facts_${day}`).execute();
    for (const member of MEMBERS)
      await db.schema.createIndex(`kpi_facts_${member}_${day}`).on('kpi_case_facts')
        .columns(['tenant_id', member, day, 'case_id']).execute();
  }
  // A drill-down's total for one member over a year sums that member's days; the primary key (tenant, dim, day,
  // dim_id) would read every member of the dimension over the period to find them.
  await db.schema.createIndex('kpi_daily_member').on('kpi_daily').columns(['tenant_id', 'dim', 'dim_id', 'day']).execute();
}
