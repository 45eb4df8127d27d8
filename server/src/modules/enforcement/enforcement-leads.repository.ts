import type { Updateable } from 'kysely';
import type { LeadSource, LeadStatus } from '../../../../common/domain/enforcement-leads.ts';
import type { EnforcementLeadsTable } from '../../db/schema-enforcement.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries of the lead intake (docs/enforcement-leads.md), always by tenant. */
export type LeadRow = EnforcementLeadsTable & { case_no: string | null };
export type LeadPatch = Updateable<EnforcementLeadsTable>;

const withCase = (db: Executor, tenantId: string) =>
  db
    .selectFrom('enforcement_leads as l')
    .leftJoin('enforcement_cases as c', 'c.id', 'l.case_id')
    .where('l.tenant_id', '=', tenantId);

export async function findLead(db: Executor, tenantId: string, id: string): Promise<LeadRow | undefined> {
  return withCase(db, tenantId).selectAll('l').select('c.case_no').where('l.id', '=', id).executeTakeFirst();
}

export async function leadOfSource(db: Executor, tenantId: string, source: LeadSource, sourceId: string) {
  return db
    .selectFrom('enforcement_leads')
    .select(['id', 'lead_no'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', source)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
}

export async function insertLead(db: Executor, row: EnforcementLeadsTable): Promise<void> {
  await db.insertInto('enforcement_leads').values(row).execute();
}

/** Optimistic: false when the version moved on. */
export async function updateLead(db: Executor, tenantId: string, id: string, version: number, patch: LeadPatch) {
  const res = await db
    .updateTable('enforcement_leads')
    .set({ ...patch, version: version + 1 })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listLeads(
  db: Executor,
  tenantId: string,
  f: { status?: LeadStatus; source?: LeadSource; q?: string },
  w: { limit: number; offset: number; sort: 'created_at' | 'occurred_at' | 'lead_no'; order: 'asc' | 'desc' },
): Promise<{ rows: LeadRow[]; total: number }> {
  let q = withCase(db, tenantId);
  if (f.status) q = q.where('l.status', '=', f.status);
  if (f.source) q = q.where('l.source', '=', f.source);
  if (f.q?.trim()) q = q.where(containsAny(['l.lead_no', 'l.matter', 'l.place', 'l.note'], f.q.trim()));
  const [rows, count] = await Promise.all([
    q
      .selectAll('l')
      .select('c.case_no')
      .orderBy(`l.${w.sort}`, w.order)
      .orderBy('l.id')
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
