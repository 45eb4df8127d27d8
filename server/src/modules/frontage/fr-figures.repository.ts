import type { Executor } from '../../platform/db.ts';

/** The period queries behind the 门前三包 figures and report section (dates inclusive, YYYY-MM-DD). */

export const signedByRegion = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('fr_agreements')
    .select(['region_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('signed_on', '>=', from)
    .where('signed_on', '<=', to)
    .groupBy('region_id')
    .execute();

export const activeAgreements = async (db: Executor, tenantId: string, from: string, to: string) =>
  Number(
    (
      await db
        .selectFrom('fr_agreements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'active')
        .where('period_from', '<=', to)
        .where('period_to', '>=', from)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const inspectionsByRegion = (db: Executor, tenantId: string, from: string, to: string, bar: number) =>
  db
    .selectFrom('fr_inspections as i')
    .innerJoin('fr_agreements as a', 'a.id', 'i.agreement_id')
    .select((eb) => [
      'a.region_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('i.score').as('total'),
      eb.fn.sum<number>(eb.case().when('i.score', '>=', bar).then(1).else(0).end()).as('excellent'),
    ])
    .where('i.tenant_id', '=', tenantId)
    .where('i.inspected_on', '>=', from)
    .where('i.inspected_on', '<=', to)
    .groupBy('a.region_id')
    .execute();

/** Shops on the lists of the months published in the period (a month counts when its first day is inside it). */
export const listedCounts = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('fr_list_entries as e')
    .innerJoin('fr_publications as p', 'p.id', 'e.publication_id')
    .select(['e.kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.tenant_id', '=', tenantId)
    .where('p.month', '>=', from.slice(0, 7))
    .where('p.month', '<=', to.slice(0, 7))
    .groupBy('e.kind')
    .execute();

/** Shifts served starting in a window of instants; the caller keeps those whose business date is in the period. */
export const servedShifts = (db: Executor, tenantId: string, fromAt: string, toAt: string) =>
  db
    .selectFrom('fr_shifts')
    .select(['volunteer_id', 'starts_at', 'minutes_served'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'served')
    .where('starts_at', '>=', fromAt)
    .where('starts_at', '<', toAt)
    .execute();

export const committeesByRegion = (db: Executor, tenantId: string, to: string) =>
  db
    .selectFrom('fr_committees')
    .select(['region_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('founded_on', '<=', to)
    .groupBy('region_id')
    .execute();

export const selfReportCount = async (db: Executor, tenantId: string, from: string, to: string) =>
  Number(
    (
      await db
        .selectFrom('fr_self_reports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('reported_on', '>=', from)
        .where('reported_on', '<=', to)
        .executeTakeFirstOrThrow()
    ).n,
  );
