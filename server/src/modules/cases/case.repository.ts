import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { CasesTable } from '../../db/schema.ts';
import { compiledStatement } from '../../platform/compiled-statements.ts';
import type { Dialect, Executor } from '../../platform/db.ts';
import { likePattern } from '../../platform/search.ts';
import { gramTerm } from '../../../../common/domain/search-grams.ts';
import { pgGramMatch, sqliteGramQuery, writeCaseGrams } from './case-grams.ts';
import { orgReadModel, tenantColumns } from '../org/index.ts';
import { catalogLookups, catalogReadModel } from '../catalog/index.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries for cases; every one is tenant-scoped. List queries ride the (tenant, status, deadline) indexes. */

// The intake's writes and reads, compiled once (platform/compiled-statements.ts, docs/decisions/0010-intake-cost.md).
const insertCaseRow = compiledStatement((db, row: CasesTable) => db.insertInto('cases').values(row));
const insertFtsRow = compiledStatement((db, p: { caseId: string; body: string }) =>
  db.insertInto('cases_fts').values({ case_id: p.caseId, body: p.body }),
);

export async function insertCase(db: Executor, dialect: Dialect, row: CasesTable): Promise<void> {
  await insertCaseRow.execute(db, row);
  if (dialect === 'sqlite') await insertFtsRow.execute(db, { caseId: row.id, body: row.search_text });
  await writeCaseGrams(db, dialect, row.id, row.search_text);
}

export async function findCase(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('cases').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** What a case is found by: its number, its matter's name, description, address and external number. */
export function searchTextOf(
  c: Pick<CasesTable, 'case_no' | 'description' | 'address' | 'external_no'>,
  matterName: string,
): string {
  return [c.case_no, matterName, c.description, c.address ?? '', c.external_no ?? ''].join(' ');
}

/** The SQLite full-text rows follow a changed search text (PostgreSQL's indexes read the column themselves). */
export async function updateSearchIndex(db: Executor, dialect: Dialect, caseId: string, text: string): Promise<void> {
  if (dialect === 'sqlite')
    await db.updateTable('cases_fts').set({ body: text }).where('case_id', '=', caseId).execute();
  await writeCaseGrams(db, dialect, caseId, text);
}

/** Optimistic concurrency: the update applies only if nobody changed the case since `version` (else 0 rows). */
export async function updateCase(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<CasesTable>,
): Promise<boolean> {
  return updateVersioned(db, 'cases', { tenantId, id, version }, patch);
}

export interface ListFilter {
  statuses?: readonly string[];
  overdueAt?: string;
  matterCode?: string;
  regionId?: string;
  unitId?: string;
  channel?: string;
  deadlineBefore?: string;
  taskUserId?: string;
  /** only cases with a 回退/延期/挂账 request waiting for a decision */
  pendingRequest?: boolean;
  q?: string;
  visibility: Expression<SqlBool> | null;
}

/** Lists answer an exact total up to this many rows and `totalCapped` beyond it (an exact count(*) over a million rows costs more than the page). */
export const COUNT_CAP = 10_000;

/**
 * Columns that may be null: sorted NULLS LAST on both backends (SQLite puts nulls first ascending, PostgreSQL last).
 * closed_at is sorted only in the closed inbox, where it is never null: no modifier, so PostgreSQL can walk its
 * index backwards (DESC NULLS LAST would make it sort the whole archive).
 */
const NULLABLE_SORTS = new Set(['step_deadline']);

function filtered(db: Executor, dialect: Dialect, tenantId: string, f: ListFilter) {
  const term = f.q?.trim() ?? '';
  const { fts, gram } = searchPath(dialect, term);
  // Trigram index for 3+ characters (FTS5 trigram / pg_trgm); 1–2 letters or digits (垃圾, 井盖) through the gram
  // index (case-grams.ts); anything else short (punctuation) falls back to LIKE.
  // On SQLite the FTS table drives the join (CROSS JOIN fixes the order): the matches are looked up by id instead
  // of every case being probed against the match list (2 s → 44 ms at 1M cases, bench notes).
  // The FTS join only narrows the rows: every later clause reads `c`, so the builder is typed as cases alone.
  const plain = db.selectFrom('cases as c');
  let q: typeof plain = fts
    ? db
        .selectFrom('cases_fts')
        .crossJoin('cases as c')
        .whereRef('c.id', '=', 'cases_fts.case_id')
        .where(sql<SqlBool>`cases_fts match ${`"${term.replace(/"/g, '""')}"`}`)
    : gram !== null && dialect === 'sqlite'
      ? db
          .selectFrom('cases_grams')
          .crossJoin('cases as c')
          .where(sql<SqlBool>`c.rowid = cases_grams.rowid`)
          .where(sql<SqlBool>`cases_grams match ${sqliteGramQuery(gram)}`)
      : plain;
  if (gram !== null && dialect === 'postgres') q = q.where(pgGramMatch(gram));
  q = q.where('c.tenant_id', '=', tenantId);
  if (f.visibility) q = q.where(f.visibility);
  if (f.statuses) q = q.where('c.status', 'in', f.statuses);
  if (f.overdueAt) q = q.where('c.step_deadline', '<', f.overdueAt);
  if (f.matterCode) q = q.where('c.matter_code', '=', f.matterCode);
  if (f.regionId) {
    const r = f.regionId;
    q = q.where((eb) => eb.or([eb('c.street_id', '=', r), eb('c.community_id', '=', r)]));
  }
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.channel) q = q.where('c.channel', '=', f.channel);
  if (f.deadlineBefore) q = q.where('c.step_deadline', '<', f.deadlineBefore);
  if (f.taskUserId) q = q.where(assignedTo(f.taskUserId));
  if (f.pendingRequest) q = q.where('c.pending_request', 'is not', null);
  if (term && !fts && gram === null) q = q.where(sql<SqlBool>`c.search_text like ${likePattern(term)} escape '\\'`);
  return q;
}

/** Which index answers a search term: the trigram index (3+ characters) or the gram index (1–2 letters/digits). */
function searchPath(dialect: Dialect, term: string) {
  return { fts: term.length >= 3 && dialect === 'sqlite', gram: term.length >= 3 ? null : gramTerm(term) };
}

/** A text search counts its matches up to this many: nobody pages through a thousand hits, and a LIKE scan stops sooner. */
export const SEARCH_COUNT_CAP = 1_000;

export async function listCases(
  db: Executor,
  dialect: Dialect,
  tenantId: string,
  f: ListFilter,
  w: { limit: number; offset: number; sort: string; order: 'asc' | 'desc' },
) {
  let q = filtered(db, dialect, tenantId, f);
  // Sorting by closed_at happens only in the archive, where it is always set: saying so lets PostgreSQL start its
  // backward index scan past the open cases' nulls instead of stepping over them (10 ms at 300k cases).
  if (w.sort === 'closed_at') q = q.where('c.closed_at', 'is not', null);
  const term = f.q?.trim() ?? '';
  const cap = term ? SEARCH_COUNT_CAP : COUNT_CAP;
  // Names joined in the same statement (one round trip per page: on PostgreSQL each one is a network hop).
  let page = q
    .$call((p) => orgReadModel.leftJoinUnits(p, 'u', { id: 'c.unit_id' }))
    .$call((p) => orgReadModel.leftJoinRegions(p, 's', { id: 'c.street_id' }))
    .$call((p) => orgReadModel.leftJoinRegions(p, 'm', { id: 'c.community_id' }))
    .$call((p) => catalogReadModel.leftJoinMatters(p, 'k', { tenant_id: 'c.tenant_id', code: 'c.matter_code' }))
    .selectAll('c')
    .select(['u.name as unit_name', 's.name as street_name', 'm.name as community_name', 'k.name as matter_name']);
  const { fts, gram } = searchPath(dialect, term);
  if (dialect === 'sqlite' && (fts || gram !== null) && w.sort === 'reported_at' && w.order === 'desc') {
    // Newest matches first straight off the FTS index: its rowids follow insertion (= report) order, and FTS5
    // walks them backwards and stops at the page, instead of joining and sorting every match (1 s → ms at 1M).
    page = page.orderBy(fts ? sql`cases_fts.rowid` : sql`cases_grams.rowid`, 'desc');
  } else {
    const column = `c.${w.sort}` as 'c.step_deadline';
    // Ties (same instant) follow the same direction by id (UUIDv7: creation order), as the FTS order above does.
    page = page
      .orderBy(column, (ob) =>
        NULLABLE_SORTS.has(w.sort)
          ? (w.order === 'asc' ? ob.asc() : ob.desc()).nullsLast()
          : w.order === 'asc'
            ? ob.asc()
            : ob.desc(),
      )
      .orderBy('c.id', w.order);
  }
  const [rows, count] = await Promise.all([
    page.limit(w.limit).offset(w.offset).execute(),
    // Counting stops at cap + 1 rows: an index range of at most that many entries whatever the table size.
    db
      .selectFrom(
        q
          .select(sql<number>`1`.as('one'))
          .limit(cap + 1)
          .as('x'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const n = Number(count.n);
  return { rows, total: Math.min(n, cap), capped: n > cap };
}

/**
 * Inbox badges: open statuses counted exactly in one grouped query (an index range over the open cases only); the
 * archive (closed, voided) and the overdue list are counted up to COUNT_CAP + 1 rows, so the badges cost the same
 * at 10M cases as at 10k (the console shows anything past 9,999 as "9999+").
 */
/** "My tasks": the 核实/核查 task sent to a user, or the case a handler was given (list and counts alike). */
function assignedTo(userId: string): Expression<SqlBool> {
  const eb = expressionBuilder<{ c: CasesTable }, 'c'>();
  return eb.or([eb('c.task_user_id', '=', userId), eb('c.handler_id', '=', userId)]);
}

export async function countByStatus(
  db: Executor,
  tenantId: string,
  visibility: Expression<SqlBool> | null,
  now: string,
  open: readonly string[],
  terminal: readonly string[],
  taskUserId?: string,
) {
  let q = db.selectFrom('cases as c').where('c.tenant_id', '=', tenantId);
  if (visibility) q = q.where(visibility);
  if (taskUserId) q = q.where(assignedTo(taskUserId));
  const capped = async (sub: typeof q) =>
    Number(
      (
        await db
          .selectFrom(
            sub
              .select(sql<number>`1`.as('one'))
              .limit(COUNT_CAP + 1)
              .as('x'),
          )
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [rows, overdue, archived] = await Promise.all([
    q
      .where('c.status', 'in', open)
      .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.status')
      .execute(),
    // a transferred case's clocks stand still while the peer has it (docs/federation.md)
    capped(q.where('c.step_deadline', '<', now).where('c.status', '!=', 'transferred')),
    capped(q.where('c.status', 'in', terminal)),
  ]);
  return { byStatus: new Map(rows.map((r) => [r.status, Number(r.n)])), overdue, archived };
}

export async function timelineOf(db: Executor, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('seq', 'asc').execute();
}

// Every detail answer (and so every intake) reads it: compiled once.
const caseNames = compiledStatement(
  (
    db,
    p: {
      tenantId: string;
      unit: string;
      street: string;
      community: string;
      handler: string;
      taskUser: string;
      matter: string;
    },
  ) =>
    db.selectNoFrom([
      orgReadModel.unitNameQuery(db, p.unit).as('unit'),
      orgReadModel.regionNameQuery(db, p.street).as('street'),
      orgReadModel.regionNameQuery(db, p.community).as('community'),
      orgReadModel.userNameQuery(db, p.handler).as('handler'),
      orgReadModel.userNameQuery(db, p.taskUser).as('taskUser'),
      catalogReadModel.matterNameQuery(db, p.tenantId, p.matter).as('matter'),
    ]),
);

/** The names a case detail shows, in one statement of scalar subqueries (was six round trips). */
export async function namesFor(
  db: Executor,
  tenantId: string,
  c: Pick<CasesTable, 'unit_id' | 'street_id' | 'community_id' | 'handler_id' | 'task_user_id' | 'matter_code'>,
) {
  const none = '';
  const row = await caseNames.first(db, {
    tenantId,
    unit: c.unit_id ?? none,
    street: c.street_id ?? none,
    community: c.community_id ?? none,
    handler: c.handler_id ?? none,
    taskUser: c.task_user_id ?? none,
    matter: c.matter_code,
  });
  if (!row) throw new Error('the names statement answered no row');
  return {
    unit: row.unit ?? null,
    street: row.street ?? null,
    community: row.community ?? null,
    handler: row.handler ?? null,
    taskUser: row.taskUser ?? null,
    matter: row.matter ?? null,
  };
}

export async function matterNames(db: Executor, tenantId: string, codes: readonly string[]) {
  return catalogLookups.matterNames(db, tenantId, codes);
}

export async function pendingRequest(db: Executor, caseId: string, kind: string) {
  return db
    .selectFrom('case_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind as 'return')
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function mergedChildren(db: Executor, tenantId: string, parentId: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'case_no', 'reporter_id', 'reporter_phone'])
    .where('tenant_id', '=', tenantId)
    .where('parent_id', '=', parentId)
    .execute();
}

/** Reference reads of the catalog (the catalog module owns the table). */
export async function activeMatter(db: Executor, tenantId: string, code: string) {
  return catalogLookups.activeMatter(db, tenantId, code);
}

export async function filingCondition(db: Executor, tenantId: string, id: string) {
  return catalogReadModel.activeCondition(db, tenantId, id);
}

/** The named filing condition of the matter, or its first active one (受理即派遣 files with it). */
export async function conditionForMatter(db: Executor, tenantId: string, matterCode: string, id: string | undefined) {
  return catalogReadModel.conditionOfMatter(db, tenantId, matterCode, id);
}

export async function unitInTenant(db: Executor, tenantId: string, id: string) {
  return orgReadModel.activeUnit(db, tenantId, id);
}

export async function userInTenant(db: Executor, tenantId: string, id: string) {
  return orgReadModel.activeUser(db, tenantId, id);
}

/** Tenant codes never change once a tenant exists (they prefix every case number): read once per process. */
const tenantCodes = new Map<string, string>();

export async function tenantCode(db: Executor, tenantId: string): Promise<string> {
  const known = tenantCodes.get(tenantId);
  if (known) return known;
  const t = await tenantColumns(db, tenantId, ['code']);
  if (!t) throw new Error(`no tenant ${tenantId}`);
  if (tenantCodes.size > 10_000) tenantCodes.clear();
  tenantCodes.set(tenantId, t.code);
  return t.code;
}

export async function inspectors(db: Executor, tenantId: string) {
  const rows = await orgReadModel.usersWithRole(db, tenantId, 'inspector', true);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}
