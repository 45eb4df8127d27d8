import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import type { AssetLine } from '../../../../common/domain/assets.ts';
import type {
  AssetDailyLogsTable,
  AssetsTable,
  AssetTypesTable,
  AssetWorkOrdersTable,
} from '../../db/schema-assets.ts';
import type { Executor } from '../../platform/db.ts';
import {
  COUNT_CAP,
  pageFromMatches,
  pageWithCappedTotal,
  pageWithTotal,
  type SortedWindow,
} from '../../platform/paging.ts';
import { containsAny, likePattern } from '../../platform/search.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries for the asset tables; every one is scoped by tenant, lists also by the caller's grants. */

// ---- types

export async function listTypes(db: Executor, tenantId: string, line?: AssetLine) {
  let q = db
    .selectFrom('asset_types as t')
    .selectAll('t')
    // the counts kept per type and status (migration 0096), not a count of the register
    .select((eb) =>
      eb
        .selectFrom('asset_type_counts as c')
        .whereRef('c.type_id', '=', 't.id')
        .where('c.tenant_id', '=', tenantId)
        .select(sql<number>`coalesce(sum(c.n), 0)`.as('n'))
        .as('asset_count'),
    )
    .where('t.tenant_id', '=', tenantId);
  if (line) q = q.where('t.line', '=', line);
  return q.orderBy('t.line').orderBy('t.code').execute();
}

export const findType = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('asset_types').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const findTypeByCode = (db: Executor, tenantId: string, code: string) =>
  db
    .selectFrom('asset_types')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();

/** Every type of the tenant (the figures of the report follow them). */
export const allTypes = (db: Executor, tenantId: string) =>
  db.selectFrom('asset_types').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();

export const typesByCode = async (db: Executor, tenantId: string) =>
  new Map(
    (await db.selectFrom('asset_types').selectAll().where('tenant_id', '=', tenantId).execute()).map((t) => [
      t.code,
      t,
    ]),
  );

export async function insertTypes(db: Executor, rows: AssetTypesTable[]) {
  if (rows.length) await db.insertInto('asset_types').values(rows).execute();
}

/**
 * Applies the patch and moves the version on, only while the row still has `version` (the one the editor read);
 * answers whether it did (docs/conventions.md, "Concurrent edits").
 */
export const updateType = (
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<AssetTypesTable>,
) => updateVersioned(db, 'asset_types', { tenantId, id, version }, patch);

// ---- assets

export interface AssetFilter {
  q?: string | undefined;
  line?: AssetLine | undefined;
  typeId?: string | undefined;
  status?: string | undefined;
  /** codes starting with this (the index range of the unique code): set by listAssets for code-shaped terms */
  codePrefix?: string | undefined;
}

/** A search term shaped like an asset code: letters, digits and . _ -, no spaces nor Chinese. */
const CODE_TERM = /^[A-Za-z0-9][\w.-]{2,}$/;

/**
 * The assets that pass the filters, without their type: the page and the capped count read one index of `assets`
 * (docs/assets.md, "At scale"); a join to the types here let the planner start from the types and sort a whole
 * type's rows for a page.
 */
function filtered(db: Executor, tenantId: string, f: AssetFilter, scope: Expression<SqlBool> | null) {
  let q = db.selectFrom('assets as a').where('a.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.line) q = q.where('a.line', '=', f.line);
  if (f.typeId) q = q.where('a.type_id', '=', f.typeId);
  if (f.status) q = q.where('a.status', '=', f.status as AssetsTable['status']);
  if (f.codePrefix) q = q.where('a.code', '>=', f.codePrefix).where('a.code', '<', `${f.codePrefix}\u{10FFFF}`);
  else if (f.q) q = q.where(textMatch(db, tenantId, f.q));
  return q;
}

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * A case-insensitive substring of code, name or address. SQLite: terms of 3 characters or more are answered by the
 * FTS5 trigram index (migration 0092), shorter ones read the register. PostgreSQL: the codes come from the narrow
 * search tables (`searchCodes`), whose trigram indexes answer terms of 3 characters or more and whose rows are read
 * instead of the register's for shorter ones.
 */
function textMatch(db: Executor, tenantId: string, q: string): Expression<SqlBool> {
  const term = q.trim();
  if (isPostgres(db)) return sql<SqlBool>`a.code in (${searchCodes(db, tenantId, q)})`;
  if ([...term].length < 3) return containsAny(['a.code', 'a.name', 'a.address'], q);
  return sql<SqlBool>`a.rowid in (select rowid from assets_fts where assets_fts match ${`"${term.replace(/"/g, '""')}"`})`;
}

/**
 * PostgreSQL: the codes of the tenant's assets whose code, name or address holds `q` (case-insensitive), from the
 * search tables of migration 0100: codes and names per asset, and the codes listed under each matching address, so
 * an address that many assets share is one row to read (docs/assets.md, "Name and address search"). The same
 * substring match as over the register's columns; each code once.
 */
function searchCodes(db: Executor, tenantId: string, q: string) {
  const term = q.trim();
  const tenant = db.selectFrom('asset_search_tenants as n').select('n.no').where('n.tenant_id', '=', tenantId);
  const assets = db.selectFrom('asset_search as s').where('s.tenant_no', '=', tenant);
  const addresses = db.selectFrom('asset_search_addresses as d').where('d.tenant_no', '=', tenant);
  const byAsset = [sql`lower(s.code)`, sql.ref('s.name')];
  const any = (columns: readonly Expression<unknown>[], f: (c: Expression<unknown>) => Expression<SqlBool>) =>
    sql<SqlBool>`(${sql.join(columns.map(f), sql` or `)})`;
  const both = (f: (c: Expression<unknown>) => Expression<SqlBool>) =>
    assets
      .select('s.code')
      .where(any(byAsset, f))
      .union(addresses.select(sql<string>`unnest(d.codes)`.as('code')).where(any([sql.ref('d.address')], f)));
  // A code-shaped term of pieces joined by - . _ (one that begins no code: searchByCode tried that first): pg_trgm
  // cuts words at those separators, and the trigrams at a word's edge (" 00", "  u", "er ") are shared by every code
  // of the same form, so the code index reads hundreds of pages to intersect them. The index is asked for the pieces
  // with any one character between them (the pieces' inner trigrams, the selective ones) and the exact substring is
  // checked on those few candidates; a piece shorter than 3 characters has no inner trigram, so such terms are not.
  const pieces = term.split(/[-._]/);
  if (q === term && CODE_TERM.test(term) && pieces.length >= 2 && pieces.every((p) => p.length >= 3)) {
    const candidates = `%${pieces.join('_').toLowerCase()}%`;
    const exact = term.toLowerCase();
    return both((c) => sql<SqlBool>`(${c} like ${candidates} and strpos(${c}, ${exact}) > 0)`);
  }
  const pattern = likePattern(q.toLowerCase());
  return both((c) => sql<SqlBool>`${c} like ${pattern} escape '\\'`);
}

/**
 * A code-shaped term that begins some asset's code (as typed or in capitals) searches by code prefix, an index range,
 * instead of the substring match over code, name and address that reads the whole register (docs/assets.md,
 * "At scale"); any other term, or one that begins no code, keeps the substring match.
 */
async function searchByCode(db: Executor, tenantId: string, f: AssetFilter, scope: Expression<SqlBool> | null) {
  const term = f.q?.trim() ?? '';
  if (!CODE_TERM.test(term)) return f;
  for (const prefix of new Set([term, term.toUpperCase()])) {
    const hit = await filtered(db, tenantId, { ...f, codePrefix: prefix }, scope)
      .select('a.id')
      .limit(1)
      .executeTakeFirst();
    if (hit) return { ...f, codePrefix: prefix };
  }
  return f;
}

const withType = [
  't.code as type_code',
  't.name_zh as type_name_zh',
  't.name_en as type_name_en',
  't.geometry_kind',
] as const;

const filteredWithType = (db: Executor, tenantId: string, f: AssetFilter, scope: Expression<SqlBool> | null) =>
  filtered(db, tenantId, f, scope).innerJoin('asset_types as t', 't.id', 'a.type_id');

export async function listAssets(
  db: Executor,
  tenantId: string,
  f: AssetFilter,
  scope: Expression<SqlBool> | null,
  w: SortedWindow<'code' | 'name' | 'updated_at' | 'status'>,
  cap = COUNT_CAP,
) {
  const search = await searchByCode(db, tenantId, f, scope);
  const base = filtered(db, tenantId, search, scope);
  // The code is unique within the tenant, so it orders the page alone; a second key would keep the filters' indexes
  // (tenant, line|type|status, code) from giving the order, and SQLite would walk the code index instead.
  const unique = w.sort === 'code';
  const ordered = (q: typeof base) => {
    const sorted = q.selectAll('a').orderBy(sql.ref(`a.${w.sort}`), w.order);
    return unique ? sorted : sorted.orderBy('a.id', w.order);
  };
  let page: { rows: AssetsTable[]; total: number; totalCapped: boolean };
  if (search.q && !search.codePrefix) {
    // a text search reads each match's row (docs/assets.md, "At scale"): once, for the page and the count together;
    // on PostgreSQL a page of the whole tenant in code order needs no more than the narrow search table holds
    const narrow =
      isPostgres(db) && unique && !scope && !search.line && !search.typeId && !search.status
        ? db.selectFrom(searchCodes(db, tenantId, search.q).as('m')).select(['m.code as id', 'm.code as k'])
        : null;
    const found = narrow
      ? await pageFromMatches(db, narrow, { ...w, unique }, cap)
      : await pageFromMatches(db, base.select(['a.id', sql.ref<string>(`a.${w.sort}`).as('k')]), { ...w, unique }, cap);
    if (found) {
      const key = narrow ? 'code' : 'id';
      const byKey = new Map(
        (found.ids.length
          ? await db
              .selectFrom('assets as a')
              .selectAll('a')
              .where('a.tenant_id', '=', tenantId)
              .where(`a.${key}`, 'in', found.ids)
              .execute()
          : []
        ).map((r) => [r[key], r]),
      );
      page = { rows: found.ids.flatMap((k) => byKey.get(k) ?? []), total: found.total, totalCapped: false };
    } else
      page = { rows: await ordered(base).limit(w.limit).offset(w.offset).execute(), total: cap, totalCapped: true };
  } else page = await pageWithCappedTotal(db, base, ordered, w, cap);
  const ids = [...new Set(page.rows.map((r) => r.type_id))];
  const types = new Map(
    (ids.length
      ? await db
          .selectFrom('asset_types as t')
          .select(['t.id', ...withType])
          .where('t.tenant_id', '=', tenantId)
          .where('t.id', 'in', ids)
          .execute()
      : []
    ).map(({ id, ...t }) => [id, t]),
  );
  return {
    ...page,
    rows: page.rows.flatMap((r) => {
      const t = types.get(r.type_id);
      return t ? [{ ...r, ...t }] : [];
    }),
  };
}

export async function countAssets(db: Executor, tenantId: string, f: AssetFilter, scope: Expression<SqlBool> | null) {
  const r = await filtered(db, tenantId, f, scope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const exportAssets = (db: Executor, tenantId: string, f: AssetFilter, scope: Expression<SqlBool> | null) =>
  filteredWithType(db, tenantId, f, scope).selectAll('a').select(withType).orderBy('a.code').execute();

export const findAsset = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('assets as a')
    .innerJoin('asset_types as t', 't.id', 'a.type_id')
    .selectAll('a')
    .select(withType)
    .where('a.tenant_id', '=', tenantId)
    .where('a.id', '=', id)
    .executeTakeFirst();

export type AssetRow = NonNullable<Awaited<ReturnType<typeof findAsset>>>;

/** Of `codes`, the assets that exist, by code (import: create or update; weighbridge: station by code). */
export async function assetsByCodes(db: Executor, tenantId: string, codes: readonly string[]) {
  const out = new Map<string, AssetsTable>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('assets')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, r);
  }
  return out;
}

export async function insertAssets(db: Executor, rows: AssetsTable[]) {
  for (let i = 0; i < rows.length; i += 40)
    await db
      .insertInto('assets')
      .values(rows.slice(i, i + 40))
      .execute();
}

/** Every write moves the version on, so an editor who read the row before an import gets 409, not an overwrite. */
export async function updateAsset(db: Executor, tenantId: string, id: string, patch: Partial<AssetsTable>) {
  await db
    .updateTable('assets')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** As updateType: only while the row still has `version`; answers whether it did. */
export const updateAssetAt = (
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<AssetsTable>,
) => updateVersioned(db, 'assets', { tenantId, id, version }, patch);

export const hasAssetsOfType = async (db: Executor, tenantId: string, typeId: string) =>
  !!(await db
    .selectFrom('assets')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('type_id', '=', typeId)
    .limit(1)
    .executeTakeFirst());

/** Points of the map layer: id, code, name, type, status and the representative point. */
export function mapPoints(
  db: Executor,
  tenantId: string,
  f: { line?: AssetLine | undefined; typeId?: string | undefined },
  scope: Expression<SqlBool> | null,
  limit: number,
) {
  return filteredWithType(db, tenantId, f, scope)
    .select(['a.id', 'a.code', 'a.name', 'a.line', 'a.status', 'a.lng', 'a.lat', 'a.geometry'])
    .select(withType)
    .orderBy('a.code')
    .limit(limit)
    .execute();
}

// ---- work orders

export interface WorkOrderFilter {
  q?: string | undefined;
  state?: string | undefined;
  line?: AssetLine | undefined;
  assetId?: string | undefined;
  overdue?: boolean | undefined;
  kind?: string | undefined;
}

export function listWorkOrders(
  db: Executor,
  tenantId: string,
  f: WorkOrderFilter,
  scope: Expression<SqlBool> | null,
  now: string,
  w: SortedWindow<'created_at' | 'due_at' | 'order_no' | 'state'>,
) {
  let q = db
    .selectFrom('asset_work_orders as o')
    .innerJoin('assets as a', 'a.id', 'o.asset_id')
    .where('o.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.state) q = q.where('o.state', '=', f.state as AssetWorkOrdersTable['state']);
  if (f.line) q = q.where('o.line', '=', f.line);
  if (f.assetId) q = q.where('o.asset_id', '=', f.assetId);
  if (f.kind) q = q.where('o.kind', '=', f.kind);
  if (f.q) q = q.where(containsAny(['o.order_no', 'o.title', 'a.code', 'a.name'], f.q));
  // 超期 as common/domain/assets.ts isOverdue says: unfinished past the deadline, or finished after it.
  const overdue = sql<SqlBool>`((o.done_at is null and o.due_at < ${now}) or o.done_at > o.due_at)`;
  if (f.overdue === true) q = q.where(overdue);
  if (f.overdue === false) q = q.where(sql<SqlBool>`not ${overdue}`);
  return pageWithTotal(
    q,
    (p) =>
      p
        .selectAll('o')
        .select(['a.code as asset_code', 'a.name as asset_name'])
        .orderBy(sql.ref(`o.${w.sort}`), w.order)
        .orderBy('o.id', w.order),
    w,
  );
}

export const findWorkOrder = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('asset_work_orders as o')
    .innerJoin('assets as a', 'a.id', 'o.asset_id')
    .selectAll('o')
    .select(['a.code as asset_code', 'a.name as asset_name'])
    .where('o.tenant_id', '=', tenantId)
    .where('o.id', '=', id)
    .executeTakeFirst();

export type WorkOrderRow = NonNullable<Awaited<ReturnType<typeof findWorkOrder>>>;

export async function insertWorkOrders(db: Executor, rows: AssetWorkOrdersTable[]) {
  for (let i = 0; i < rows.length; i += 40)
    await db
      .insertInto('asset_work_orders')
      .values(rows.slice(i, i + 40))
      .execute();
}

/** Guarded by the state read, so two concurrent steps cannot both apply. Returns the rows changed. */
export async function updateWorkOrder(
  db: Executor,
  tenantId: string,
  id: string,
  fromState: AssetWorkOrdersTable['state'],
  patch: Partial<AssetWorkOrdersTable>,
) {
  const r = await db
    .updateTable('asset_work_orders')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('state', '=', fromState)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- daily logs

export function listLogs(
  db: Executor,
  tenantId: string,
  f: {
    assetId?: string | undefined;
    line?: AssetLine | undefined;
    from?: string | undefined;
    to?: string | undefined;
    q?: string | undefined;
  },
  scope: Expression<SqlBool> | null,
  w: SortedWindow<'log_date' | 'quantity_milli'>,
) {
  let q = db
    .selectFrom('asset_daily_logs as l')
    .innerJoin('assets as a', 'a.id', 'l.asset_id')
    .where('l.tenant_id', '=', tenantId);
  if (scope) q = q.where(scope);
  if (f.assetId) q = q.where('l.asset_id', '=', f.assetId);
  if (f.line) q = q.where('l.line', '=', f.line);
  if (f.from) q = q.where('l.log_date', '>=', f.from);
  if (f.to) q = q.where('l.log_date', '<=', f.to);
  if (f.q) q = q.where(containsAny(['a.code', 'a.name'], f.q));
  return pageWithCappedTotal(
    db,
    q,
    (p) =>
      p
        .selectAll('l')
        .select(['a.code as asset_code', 'a.name as asset_name'])
        .orderBy(sql.ref(`l.${w.sort}`), w.order)
        .orderBy('l.id', w.order),
    w,
  );
}

/** One log per asset and day: a second entry of the same day replaces the first (a corrected weighbridge file). */
export async function upsertLogs(db: Executor, rows: AssetDailyLogsTable[]) {
  for (let i = 0; i < rows.length; i += 40)
    await db
      .insertInto('asset_daily_logs')
      .values(rows.slice(i, i + 40))
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'asset_id', 'log_date']).doUpdateSet((eb) => ({
          quantity_milli: eb.ref('excluded.quantity_milli'),
          unit: eb.ref('excluded.unit'),
          source: eb.ref('excluded.source'),
          created_by: eb.ref('excluded.created_by'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

export const findLog = (db: Executor, tenantId: string, assetId: string, logDate: string) =>
  db
    .selectFrom('asset_daily_logs as l')
    .innerJoin('assets as a', 'a.id', 'l.asset_id')
    .selectAll('l')
    .select(['a.code as asset_code', 'a.name as asset_name'])
    .where('l.tenant_id', '=', tenantId)
    .where('l.asset_id', '=', assetId)
    .where('l.log_date', '=', logDate)
    .executeTakeFirstOrThrow();

/** The line of one asset's type (another line's record refers to a register entry of its own line only). */
export const assetLine = async (db: Executor, tenantId: string, id: string) =>
  (
    await db
      .selectFrom('assets as a')
      .innerJoin('asset_types as t', 't.id', 'a.type_id')
      .select('t.line')
      .where('a.tenant_id', '=', tenantId)
      .where('a.id', '=', id)
      .executeTakeFirst()
  )?.line ?? null;

/** The entries of one line with their type code, point and attributes (the vehicles module's geofences). */
export function lineEntries(db: Executor, tenantId: string, line: AssetLine) {
  return db
    .selectFrom('assets as a')
    .innerJoin('asset_types as t', 't.id', 'a.type_id')
    .select(['a.id', 'a.code', 'a.name', 'a.lng', 'a.lat', 'a.attributes', 'a.status', 't.code as type_code'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.line', '=', line)
    .orderBy('a.code')
    .execute();
}
