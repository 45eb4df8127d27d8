/**
 * Queries of the 燃气安全 tables (docs/gas-safety.md). Lists page in the database; the figures are counts and sums
 * over the period's dates, each read by an index that leads with the tenant.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { GasCheckQuery, GasHazardQuery, GasInstallQuery } from '../../../../common/contracts/gas-safety.ts';
import type { GasChecksTable, GasHazardsTable, GasInstallsTable, GasInstallTargetsTable } from '../../db/schema-gas.ts';
import type { Executor } from '../../platform/db.ts';
import type { SortedWindow } from '../../platform/paging.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

export const CHECK_SORTS = { checkedOn: 'c.checked_on', checkNo: 'c.check_no' } as const;
export const HAZARD_SORTS = { foundOn: 'h.found_on', deadline: 'h.deadline', hazardNo: 'h.hazard_no' } as const;
export const INSTALL_SORTS = { onDate: 'on_date', households: 'households' } as const;

const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;
const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listChecks(
  db: Executor,
  tenantId: string,
  q: GasCheckQuery,
  w: SortedWindow<(typeof CHECK_SORTS)[keyof typeof CHECK_SORTS]>,
  scope: Expression<SqlBool> | null,
) {
  let base = db.selectFrom('gas_checks as c').where('c.tenant_id', '=', tenantId);
  if (q.source) base = base.where('c.source', '=', q.source);
  if (q.year)
    base = base.where('c.checked_on', '>=', yearRange(q.year)[0]).where('c.checked_on', '<=', yearRange(q.year)[1]);
  if (q.q) base = base.where((eb) => eb.or([eb('c.title', 'like', like(q.q!)), eb('c.check_no', 'like', like(q.q!))]));
  if (scope) base = base.where(scope);
  const [rows, count] = await Promise.all([
    base.selectAll('c').orderBy(w.sort, w.order).orderBy('c.id', w.order).limit(w.limit).offset(w.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Hazards found and still open per check, for the checks on a page (one query). */
export async function hazardCounts(db: Executor, checkIds: readonly string[]) {
  if (!checkIds.length) return new Map<string, { n: number; open: number }>();
  const rows = await db
    .selectFrom('gas_hazards')
    .select((eb) => [
      'check_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(sql`case when status <> 'closed' then 1 else 0 end`).as('open'),
    ])
    .where('check_id', 'in', checkIds)
    .groupBy('check_id')
    .execute();
  return new Map(rows.map((r) => [r.check_id, { n: Number(r.n), open: Number(r.open ?? 0) }]));
}

export const findCheck = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('gas_checks').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const checkNos = async (db: Executor, ids: readonly string[]) =>
  ids.length
    ? new Map(
        (await db.selectFrom('gas_checks').select(['id', 'check_no']).where('id', 'in', ids).execute()).map((r) => [
          r.id,
          r.check_no,
        ]),
      )
    : new Map<string, string>();

export const insertCheck = (db: Executor, row: GasChecksTable) => db.insertInto('gas_checks').values(row).execute();

export async function listHazards(
  db: Executor,
  tenantId: string,
  q: GasHazardQuery,
  w: SortedWindow<(typeof HAZARD_SORTS)[keyof typeof HAZARD_SORTS]>,
  today: string,
  scope: Expression<SqlBool> | null,
) {
  let base = db.selectFrom('gas_hazards as h').where('h.tenant_id', '=', tenantId);
  if (q.status) base = base.where('h.status', '=', q.status);
  if (q.source) base = base.where('h.source', '=', q.source);
  if (q.level) base = base.where('h.level', '=', q.level);
  if (q.checkId) base = base.where('h.check_id', '=', q.checkId);
  if (q.overdue) base = base.where('h.status', '!=', 'closed').where('h.deadline', '<', today);
  if (q.year)
    base = base.where('h.found_on', '>=', yearRange(q.year)[0]).where('h.found_on', '<=', yearRange(q.year)[1]);
  if (q.q)
    base = base.where((eb) =>
      eb.or([
        eb('h.holder', 'like', like(q.q!)),
        eb('h.hazard_no', 'like', like(q.q!)),
        eb('h.description', 'like', like(q.q!)),
      ]),
    );
  if (scope) base = base.where(scope);
  const [rows, count] = await Promise.all([
    base.selectAll('h').orderBy(w.sort, w.order).orderBy('h.id', w.order).limit(w.limit).offset(w.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const findHazard = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('gas_hazards').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertHazard = (db: Executor, row: GasHazardsTable) => db.insertInto('gas_hazards').values(row).execute();

/** Writes the patch if the row is still at `version`; false when another write came first. */
export async function updateHazard(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<GasHazardsTable>,
): Promise<boolean> {
  return updateVersioned(db, 'gas_hazards', { tenantId, id, version }, patch);
}

export async function listInstalls(
  db: Executor,
  tenantId: string,
  q: GasInstallQuery,
  w: SortedWindow<(typeof INSTALL_SORTS)[keyof typeof INSTALL_SORTS]>,
) {
  let base = db.selectFrom('gas_installs').where('tenant_id', '=', tenantId);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.regionId) base = base.where('region_id', '=', q.regionId);
  if (q.year) base = base.where('on_date', '>=', yearRange(q.year)[0]).where('on_date', '<=', yearRange(q.year)[1]);
  if (q.q) base = base.where('note', 'like', like(q.q));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy(w.sort, w.order).orderBy('id', w.order).limit(w.limit).offset(w.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const insertInstall = (db: Executor, row: GasInstallsTable) =>
  db.insertInto('gas_installs').values(row).execute();

export const upsertTarget = (db: Executor, row: GasInstallTargetsTable) =>
  db
    .insertInto('gas_install_targets')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'year', 'region_id', 'kind'])
        .doUpdateSet({ households: row.households, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();

export const targetsOf = (db: Executor, tenantId: string, year: number) =>
  db
    .selectFrom('gas_install_targets')
    .select(['region_id', 'kind', 'households'])
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .execute();

/** Households fitted per community and kind between two dates. */
export const installSums = (db: Executor, tenantId: string, from: string, to: string) =>
  db
    .selectFrom('gas_installs')
    .select((eb) => ['region_id', 'kind', eb.fn.sum<number>('households').as('n')])
    .where('tenant_id', '=', tenantId)
    .where('on_date', '>=', from)
    .where('on_date', '<=', to)
    .groupBy(['region_id', 'kind'])
    .execute();

/** The period's check and hazard counts, and the hazards overdue on `today`. */
export async function periodCounts(db: Executor, tenantId: string, from: string, to: string, today: string) {
  const [checks, found, overdue] = await Promise.all([
    db
      .selectFrom('gas_checks')
      .select((eb) => ['source', eb.fn.countAll<number>().as('n')])
      .where('tenant_id', '=', tenantId)
      .where('checked_on', '>=', from)
      .where('checked_on', '<=', to)
      .groupBy('source')
      .execute(),
    db
      .selectFrom('gas_hazards')
      .select((eb) => [
        'source',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(sql`case when status = 'closed' then 1 else 0 end`).as('closed'),
      ])
      .where('tenant_id', '=', tenantId)
      .where('found_on', '>=', from)
      .where('found_on', '<=', to)
      .groupBy('source')
      .execute(),
    db
      .selectFrom('gas_hazards')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('status', '!=', 'closed')
      .where('deadline', '<', today)
      .executeTakeFirstOrThrow(),
  ]);
  return { checks, found, overdue: Number(overdue.n) };
}

/** Writes demo records for the seed (server/src/seed/), in chunks that stay under both databases' parameter limits. */
export async function insertSeed(
  db: Executor,
  seed: {
    checks: GasChecksTable[];
    hazards: GasHazardsTable[];
    installs: GasInstallsTable[];
    targets: GasInstallTargetsTable[];
  },
) {
  const chunks = <T>(rows: T[], size = 400) =>
    Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
  for (const c of chunks(seed.checks)) await db.insertInto('gas_checks').values(c).execute();
  for (const c of chunks(seed.hazards)) await db.insertInto('gas_hazards').values(c).execute();
  for (const c of chunks(seed.installs)) await db.insertInto('gas_installs').values(c).execute();
  for (const c of chunks(seed.targets)) await db.insertInto('gas_install_targets').values(c).execute();
}
