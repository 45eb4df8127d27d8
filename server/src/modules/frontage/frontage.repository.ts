import { sql } from 'kysely';
import type {
  FrAgreementsTable,
  FrCommitteesTable,
  FrInspectionsTable,
  FrListEntriesTable,
  FrPublicationsTable,
  FrSelfReportsTable,
  FrShiftsTable,
  FrVolunteersTable,
} from '../../db/schema-frontage.ts';
import type { AgreementStatus, ShiftStatus, VolunteerStatus } from '../../../../common/domain/frontage.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the 门前三包 tables; every one is filtered by tenant. */

// ── agreements ──

export const insertAgreement = (db: Executor, row: FrAgreementsTable) =>
  db.insertInto('fr_agreements').values(row).execute();

export const findAgreement = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('fr_agreements').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const agreementsOfShop = (db: Executor, tenantId: string, shopKey: string) =>
  db
    .selectFrom('fr_agreements')
    .select(['agreement_no', 'period_from', 'period_to'])
    .where('tenant_id', '=', tenantId)
    .where('shop_key', '=', shopKey)
    .where('status', '=', 'active')
    .execute();

export const updateAgreement = (db: Executor, tenantId: string, id: string, patch: Partial<FrAgreementsTable>) =>
  db.updateTable('fr_agreements').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export type AgreementSort = 'signed_on' | 'agreement_no' | 'shop_name' | 'period_to' | 'updated_at';

export async function listAgreements(
  db: Executor,
  tenantId: string,
  f: { id?: string; q?: string | undefined; regionId?: string | undefined; status?: AgreementStatus | undefined },
  w: SortedWindow<AgreementSort>,
) {
  let q = db.selectFrom('fr_agreements as a').where('a.tenant_id', '=', tenantId);
  if (f.id) q = q.where('a.id', '=', f.id);
  if (f.regionId) q = q.where('a.region_id', '=', f.regionId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.q) q = q.where(containsAny(['a.shop_name', 'a.agreement_no', 'a.address', 'a.operator_name'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('a')
        .select((eb) => [
          eb
            .selectFrom('fr_inspections as i')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('i.agreement_id', '=', 'a.id')
            .as('inspections'),
          eb
            .selectFrom('fr_inspections as i')
            .select('i.score')
            .whereRef('i.agreement_id', '=', 'a.id')
            .orderBy('i.inspected_on', 'desc')
            .orderBy('i.created_at', 'desc')
            .limit(1)
            .as('last_score'),
          eb
            .selectFrom('fr_inspections as i')
            .select('i.inspected_on')
            .whereRef('i.agreement_id', '=', 'a.id')
            .orderBy('i.inspected_on', 'desc')
            .limit(1)
            .as('last_on'),
        ])
        .orderBy(`a.${w.sort}`, w.order)
        .orderBy('a.id', w.order),
    w,
  );
}

// ── inspections ──

export const insertInspection = (db: Executor, row: FrInspectionsTable) =>
  db.insertInto('fr_inspections').values(row).execute();

export type InspectionSort = 'inspected_on' | 'score';

export async function listInspections(
  db: Executor,
  tenantId: string,
  f: {
    id?: string;
    q?: string | undefined;
    agreementId?: string | undefined;
    regionId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
  w: SortedWindow<InspectionSort>,
) {
  let q = db
    .selectFrom('fr_inspections as i')
    .innerJoin('fr_agreements as a', 'a.id', 'i.agreement_id')
    .where('i.tenant_id', '=', tenantId);
  if (f.id) q = q.where('i.id', '=', f.id);
  if (f.agreementId) q = q.where('i.agreement_id', '=', f.agreementId);
  if (f.regionId) q = q.where('a.region_id', '=', f.regionId);
  if (f.from) q = q.where('i.inspected_on', '>=', f.from);
  if (f.to) q = q.where('i.inspected_on', '<=', f.to);
  if (f.q) q = q.where(containsAny(['a.shop_name', 'a.agreement_no'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('i')
        .select(['a.agreement_no', 'a.shop_name', 'a.region_id'])
        .orderBy(`i.${w.sort}`, w.order)
        .orderBy('i.created_at', w.order),
    w,
  );
}

/** Every score of the month per agreement, for the lists. */
export const monthScores = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('fr_inspections as i')
    .innerJoin('fr_agreements as a', 'a.id', 'i.agreement_id')
    .select(['i.agreement_id', 'i.score', 'a.shop_name', 'a.agreement_no', 'a.region_id'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.inspected_on', '>=', from)
    .where('i.inspected_on', '<=', to)
    .execute();

// ── lists ──

export const findPublication = (db: Executor, tenantId: string, month: string) =>
  db
    .selectFrom('fr_publications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('month', '=', month)
    .executeTakeFirst();

export const recentPublications = (db: Executor, tenantId: string, limit: number) =>
  db
    .selectFrom('fr_publications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('month', 'desc')
    .limit(limit)
    .execute();

export async function insertPublication(db: Executor, row: FrPublicationsTable, entries: FrListEntriesTable[]) {
  await db.insertInto('fr_publications').values(row).execute();
  if (entries.length) await db.insertInto('fr_list_entries').values(entries).execute();
}

export async function entriesOf(db: Executor, publicationIds: readonly string[]) {
  if (!publicationIds.length) return [];
  return db
    .selectFrom('fr_list_entries as e')
    .innerJoin('fr_agreements as a', 'a.id', 'e.agreement_id')
    .selectAll('e')
    .select(['a.agreement_no', 'a.region_id'])
    .where('e.publication_id', 'in', publicationIds)
    .orderBy('e.kind')
    .orderBy('e.rank')
    .execute();
}

// ── volunteers and shifts ──

export const insertVolunteer = (db: Executor, row: FrVolunteersTable) =>
  db.insertInto('fr_volunteers').values(row).execute();

export const findVolunteer = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('fr_volunteers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const volunteerByPhone = (db: Executor, tenantId: string, phone: string) =>
  db
    .selectFrom('fr_volunteers')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('phone', '=', phone)
    .executeTakeFirst();

export const setVolunteerStatus = (db: Executor, tenantId: string, id: string, status: VolunteerStatus, at: string) =>
  db
    .updateTable('fr_volunteers')
    .set({ status, updated_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();

export type VolunteerSort = 'created_at' | 'volunteer_no' | 'minutes';

export async function listVolunteers(
  db: Executor,
  tenantId: string,
  f: { id?: string; q?: string | undefined; status?: VolunteerStatus | undefined },
  w: SortedWindow<VolunteerSort>,
) {
  let q = db.selectFrom('fr_volunteers as v').where('v.tenant_id', '=', tenantId);
  if (f.id) q = q.where('v.id', '=', f.id);
  if (f.status) q = q.where('v.status', '=', f.status);
  // the phone is searched only by its full number, never by a fragment shown masked
  if (f.q) q = q.where((eb) => eb.or([containsAny(['v.name', 'v.volunteer_no'], f.q!), eb('v.phone', '=', f.q!)]));
  const served = (column: 'shifts' | 'minutes') =>
    sql<number>`(select ${column === 'shifts' ? sql`count(*)` : sql`coalesce(sum(s.minutes_served), 0)`}
      from fr_shifts s where s.volunteer_id = v.id and s.status = 'served')`;
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('v')
        .select([served('shifts').as('shifts_served'), served('minutes').as('minutes')])
        .orderBy(w.sort === 'minutes' ? sql.ref('minutes') : sql.ref(`v.${w.sort}`), w.order)
        .orderBy('v.id', w.order),
    w,
  );
}

export const insertShift = (db: Executor, row: FrShiftsTable) => db.insertInto('fr_shifts').values(row).execute();

export const findShift = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('fr_shifts').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const recordShift = (
  db: Executor,
  tenantId: string,
  id: string,
  patch: { status: ShiftStatus; minutes_served: number; updated_at: string },
) =>
  db
    .updateTable('fr_shifts')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();

export async function listShifts(
  db: Executor,
  tenantId: string,
  f: { id?: string; q?: string | undefined; volunteerId?: string | undefined; status?: ShiftStatus | undefined },
  w: SortedWindow<'starts_at'>,
) {
  let q = db
    .selectFrom('fr_shifts as s')
    .innerJoin('fr_volunteers as v', 'v.id', 's.volunteer_id')
    .where('s.tenant_id', '=', tenantId);
  if (f.id) q = q.where('s.id', '=', f.id);
  if (f.volunteerId) q = q.where('s.volunteer_id', '=', f.volunteerId);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.q) q = q.where(containsAny(['s.place', 'v.name'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page.selectAll('s').select('v.name as volunteer_name').orderBy(`s.${w.sort}`, w.order).orderBy('s.id', w.order),
    w,
  );
}

// ── committees and self-inspection reports ──

export const insertCommittee = (db: Executor, row: FrCommitteesTable) =>
  db.insertInto('fr_committees').values(row).execute();

export const findCommittee = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('fr_committees').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export async function listCommittees(
  db: Executor,
  tenantId: string,
  f: { q?: string | undefined; regionId?: string | undefined },
  w: SortedWindow<'founded_on' | 'name'>,
) {
  let q = db.selectFrom('fr_committees as c').where('c.tenant_id', '=', tenantId);
  if (f.regionId) q = q.where('c.region_id', '=', f.regionId);
  if (f.q) q = q.where(containsAny(['c.name', 'c.street_name', 'c.chair_name'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('c')
        .select((eb) => [
          eb
            .selectFrom('fr_self_reports as r')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('r.committee_id', '=', 'c.id')
            .as('reports'),
          eb
            .selectFrom('fr_self_reports as r')
            .select((e) => e.fn.max('r.reported_on').as('m'))
            .whereRef('r.committee_id', '=', 'c.id')
            .as('last_on'),
        ])
        .orderBy(`c.${w.sort}`, w.order)
        .orderBy('c.id', w.order),
    w,
  );
}

export const insertSelfReport = (db: Executor, row: FrSelfReportsTable) =>
  db.insertInto('fr_self_reports').values(row).execute();

export async function listSelfReports(
  db: Executor,
  tenantId: string,
  f: { q?: string | undefined; committeeId?: string | undefined },
  w: SortedWindow<'reported_on'>,
) {
  let q = db
    .selectFrom('fr_self_reports as r')
    .innerJoin('fr_committees as c', 'c.id', 'r.committee_id')
    .where('r.tenant_id', '=', tenantId);
  if (f.committeeId) q = q.where('r.committee_id', '=', f.committeeId);
  if (f.q) q = q.where(containsAny(['c.name', 'r.summary'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page.selectAll('r').select('c.name as committee_name').orderBy(`r.${w.sort}`, w.order).orderBy('r.id', w.order),
    w,
  );
}

export const hasAgreements = async (db: Executor, tenantId: string) =>
  !!(await db.selectFrom('fr_agreements').select('id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst());
