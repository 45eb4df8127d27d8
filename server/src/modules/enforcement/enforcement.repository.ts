import type { Insertable, Updateable } from 'kysely';
import type {
  EnforcementBandsTable,
  EnforcementCasesTable,
  EnforcementEventsTable,
  EnforcementEvidenceTable,
  EnforcementLegalBasesTable,
  EnforcementPaymentsTable,
} from '../../db/schema-enforcement.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';
import type { scopeFilter } from './enforcement-scope.ts';

type Scope = ReturnType<typeof scopeFilter>;

/** Kysely queries over the enforcement tables only (docs/architecture.md, "Module anatomy"). */

export async function insertCase(db: Executor, row: Insertable<EnforcementCasesTable>) {
  await db.insertInto('enforcement_cases').values(row).execute();
}

export function findCase(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('enforcement_cases')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Optimistic update: 0 rows when someone else changed the case since `version`. */
export async function updateCase(
  db: Executor,
  id: string,
  version: number,
  patch: Updateable<EnforcementCasesTable>,
): Promise<number> {
  const r = await db
    .updateTable('enforcement_cases')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface CaseFilter {
  stage?: string;
  sourceCaseId?: string;
  q?: string;
}

/** The visible cases matching the filter, one page of them and their count (the same query for both). */
export async function listCases(
  db: Executor,
  tenantId: string,
  f: CaseFilter,
  w: { limit: number; offset: number; sort: 'created_at' | 'case_no'; order: 'asc' | 'desc' },
  scope: Scope,
) {
  let q = db.selectFrom('enforcement_cases').where('tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.stage) q = q.where('stage', '=', f.stage);
  if (f.sourceCaseId) q = q.where('source_case_id', '=', f.sourceCaseId);
  if (f.q) q = q.where(containsAny(['case_no', 'party_name', 'decision_no', 'facts'], f.q));
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy(w.sort, w.order).orderBy('id').limit(w.limit).offset(w.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Earlier cases of the same party: by the keyed index of the ID number, or by the credit code. */
export function partyCases(
  db: Executor,
  tenantId: string,
  by: { indexes: string[] } | { creditCode: string },
  scope: Scope,
) {
  let q = db.selectFrom('enforcement_cases').selectAll().where('tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  q = 'indexes' in by ? q.where('party_id_index', 'in', by.indexes) : q.where('party_credit_code', '=', by.creditCode);
  return q.orderBy('created_at', 'desc').limit(100).execute();
}

export async function addOfficers(
  db: Executor,
  caseId: string,
  officers: readonly { userId: string; certNo: string }[],
) {
  if (!officers.length) return;
  await db
    .insertInto('enforcement_officers')
    .values(officers.map((o) => ({ case_id: caseId, user_id: o.userId, cert_no: o.certNo })))
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .execute();
}

export function caseOfficers(db: Executor, caseId: string) {
  return db.selectFrom('enforcement_officers').selectAll().where('case_id', '=', caseId).orderBy('user_id').execute();
}

export async function isOfficer(db: Executor, caseId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enforcement_officers')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!row;
}

export async function insertEvent(db: Executor, row: Insertable<EnforcementEventsTable>) {
  await db.insertInto('enforcement_events').values(row).execute();
}

export function caseEvents(db: Executor, caseId: string) {
  return db
    .selectFrom('enforcement_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertEvidence(db: Executor, rows: Insertable<EnforcementEvidenceTable>[]) {
  if (rows.length) await db.insertInto('enforcement_evidence').values(rows).execute();
}

export function caseEvidence(db: Executor, caseId: string) {
  return db
    .selectFrom('enforcement_evidence')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('collected_at')
    .orderBy('id')
    .execute();
}

export type PaymentLike = { amount_fen: number; paid_on: string };

export async function insertPayment(db: Executor, row: Insertable<EnforcementPaymentsTable>) {
  await db.insertInto('enforcement_payments').values(row).execute();
}

export function casePayments(db: Executor, caseId: string) {
  return db
    .selectFrom('enforcement_payments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('paid_on')
    .orderBy('id')
    .execute();
}

export function listBases(db: Executor, tenantId: string, violationCode?: string) {
  let q = db
    .selectFrom('enforcement_legal_bases')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('active', '=', 1);
  if (violationCode) q = q.where('violation_code', '=', violationCode);
  return q.orderBy('violation_code').orderBy('id').execute();
}

export function bandsOf(db: Executor, basisIds: readonly string[]) {
  if (!basisIds.length) return Promise.resolve([]);
  return db.selectFrom('enforcement_bands').selectAll().where('basis_id', 'in', basisIds).execute();
}

export function findBand(db: Executor, tenantId: string, bandId: string) {
  return db
    .selectFrom('enforcement_bands as b')
    .innerJoin('enforcement_legal_bases as l', 'l.id', 'b.basis_id')
    .select(['b.id', 'b.basis_id', 'b.level', 'b.min_fen', 'b.max_fen', 'l.violation_code'])
    .where('b.tenant_id', '=', tenantId)
    .where('b.id', '=', bandId)
    .executeTakeFirst();
}

export async function hasBases(db: Executor, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enforcement_legal_bases')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return !!row;
}

export async function insertBasis(
  db: Executor,
  basis: Insertable<EnforcementLegalBasesTable>,
  bands: Insertable<EnforcementBandsTable>[],
) {
  await db.insertInto('enforcement_legal_bases').values(basis).execute();
  if (bands.length) await db.insertInto('enforcement_bands').values(bands).execute();
}

export function caseWarnings(db: Executor, caseId: string) {
  return db
    .selectFrom('enforcement_warnings')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The latest warnings of the visible cases, newest first. */
export function recentWarnings(db: Executor, tenantId: string, scope: Scope) {
  let q = db
    .selectFrom('enforcement_warnings as w')
    .innerJoin('enforcement_cases', 'enforcement_cases.id', 'w.case_id')
    .where('w.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  return q
    .select(['w.case_id as caseId', 'enforcement_cases.case_no as caseNo', 'w.clock', 'w.due', 'w.level', 'w.at'])
    .orderBy('w.at', 'desc')
    .orderBy('w.id')
    .limit(200)
    .execute();
}
