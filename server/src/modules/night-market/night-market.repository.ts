import type {
  NmApplicationStatus,
  NmApplicationsTable,
  NmLedgerTable,
  NmMarketsTable,
  NmRoundsTable,
  NmStallsTable,
  NmViolationsTable,
} from '../../db/schema-night-market.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';

/** Kysely queries for the 夜市 tables; every one is filtered by tenant. */

export async function listMarkets(db: Executor, tenantId: string) {
  return db
    .selectFrom('nm_markets as m')
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('nm_stalls as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.market_id', '=', 'm.id')
        .as('stall_count'),
    )
    .where('m.tenant_id', '=', tenantId)
    .orderBy('m.name')
    .limit(200)
    .execute();
}

export const findMarket = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('nm_markets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const insertMarket = (db: Executor, row: NmMarketsTable) => db.insertInto('nm_markets').values(row).execute();

export const stallsOf = (db: Executor, tenantId: string, marketId: string) =>
  db
    .selectFrom('nm_stalls')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('market_id', '=', marketId)
    .orderBy('code')
    .execute();

export async function insertStalls(db: Executor, rows: NmStallsTable[]) {
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('nm_stalls')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function existingStallCodes(db: Executor, marketId: string, codes: string[]) {
  if (!codes.length) return [];
  const rows = await db
    .selectFrom('nm_stalls')
    .select('code')
    .where('market_id', '=', marketId)
    .where('code', 'in', codes)
    .execute();
  return rows.map((r) => r.code);
}

export async function stallCount(db: Executor, tenantId: string, marketId: string): Promise<number> {
  const row = await db
    .selectFrom('nm_stalls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('market_id', '=', marketId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The stalls held by a round's winners (not revoked), with the holder. */
export const heldStalls = (db: Executor, tenantId: string, marketId: string) =>
  db
    .selectFrom('nm_applications as a')
    .innerJoin('nm_rounds as r', 'r.id', 'a.round_id')
    .select(['a.stall_id', 'a.application_no', 'a.name'])
    .where('a.tenant_id', '=', tenantId)
    .where('r.market_id', '=', marketId)
    .where('a.status', '=', 'won')
    .where('a.stall_id', 'is not', null)
    .execute();

export async function listRounds(
  db: Executor,
  tenantId: string,
  f: { marketId?: string | undefined; q?: string | undefined },
  w: SortedWindow<'apply_from' | 'round_no'>,
) {
  let q = db
    .selectFrom('nm_rounds as r')
    .innerJoin('nm_markets as m', 'm.id', 'r.market_id')
    .where('r.tenant_id', '=', tenantId);
  if (f.marketId) q = q.where('r.market_id', '=', f.marketId);
  if (f.q) q = q.where(containsAny(['r.name', 'r.round_no'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page.selectAll('r').select('m.name as market_name').orderBy(`r.${w.sort}`, w.order).orderBy('r.id', w.order),
    w,
  );
}

export const findRound = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('nm_rounds as r')
    .innerJoin('nm_markets as m', 'm.id', 'r.market_id')
    .selectAll('r')
    .select(['m.name as market_name', 'm.address as market_address'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.id', '=', id)
    .executeTakeFirst();

export const findRoundByNo = (db: Executor, tenantId: string, roundNo: string) =>
  db
    .selectFrom('nm_rounds as r')
    .innerJoin('nm_markets as m', 'm.id', 'r.market_id')
    .selectAll('r')
    .select(['m.name as market_name', 'm.address as market_address'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.round_no', '=', roundNo)
    .executeTakeFirst();

/** The latest rounds for the citizen page (index: tenant + apply_from). */
export const recentRounds = (db: Executor, tenantId: string) =>
  db
    .selectFrom('nm_rounds as r')
    .innerJoin('nm_markets as m', 'm.id', 'r.market_id')
    .selectAll('r')
    .select(['m.name as market_name', 'm.address as market_address'])
    .where('r.tenant_id', '=', tenantId)
    .orderBy('r.apply_from', 'desc')
    .limit(10)
    .execute();

export const insertRound = (db: Executor, row: NmRoundsTable) => db.insertInto('nm_rounds').values(row).execute();

/** Moves a round forward only from the state the caller read (`guard`): a second commit or draw updates nothing. */
export async function updateRound(
  db: Executor,
  tenantId: string,
  id: string,
  patch: Partial<NmRoundsTable>,
  guard: 'uncommitted' | 'unvalued' | 'undrawn',
): Promise<boolean> {
  let q = db.updateTable('nm_rounds').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id);
  if (guard === 'uncommitted') q = q.where('committed_at', 'is', null);
  if (guard === 'unvalued') q = q.where('public_value', 'is', null);
  if (guard === 'undrawn') q = q.where('drawn_at', 'is', null);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function statusCounts(db: Executor, tenantId: string, roundIds: string[]) {
  if (!roundIds.length) return [];
  return db
    .selectFrom('nm_applications')
    .select((eb) => ['round_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('round_id', 'in', roundIds)
    .groupBy(['round_id', 'status'])
    .execute();
}

export async function listApplications(
  db: Executor,
  tenantId: string,
  roundId: string,
  f: { status?: NmApplicationStatus | undefined; q?: string | undefined },
  w: SortedWindow<'application_no' | 'draw_position' | 'points'>,
) {
  let q = db
    .selectFrom('nm_applications as a')
    .leftJoin('nm_stalls as s', 's.id', 'a.stall_id')
    .where('a.tenant_id', '=', tenantId)
    .where('a.round_id', '=', roundId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.q) q = q.where(containsAny(['a.application_no', 'a.name', 'a.goods'], f.q));
  return pageWithTotal(
    q,
    (page) =>
      page
        .selectAll('a')
        .select('s.code as stall_code')
        .orderBy(w.sort === 'draw_position' ? 'a.draw_position' : `a.${w.sort}`, w.order)
        .orderBy('a.application_no', w.order),
    w,
  );
}

export const findApplication = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('nm_applications')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();

export const applicationByIndex = (db: Executor, roundId: string, indexes: string[]) =>
  db
    .selectFrom('nm_applications')
    .select('id')
    .where('round_id', '=', roundId)
    .where('id_index', 'in', indexes)
    .executeTakeFirst();

export const insertApplication = (db: Executor, row: NmApplicationsTable) =>
  db.insertInto('nm_applications').values(row).execute();

export async function updateApplication(
  db: Executor,
  tenantId: string,
  id: string,
  patch: Partial<NmApplicationsTable>,
) {
  await db.updateTable('nm_applications').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** A round's applications of the given statuses, by application number (the entrants, the public list). */
export const applicationsOf = (db: Executor, tenantId: string, roundId: string, statuses: NmApplicationStatus[]) =>
  db
    .selectFrom('nm_applications as a')
    .leftJoin('nm_stalls as s', 's.id', 'a.stall_id')
    .select(['a.id', 'a.application_no', 'a.name', 'a.status', 'a.draw_position', 'a.points', 's.code as stall_code'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.round_id', '=', roundId)
    .where('a.status', 'in', statuses)
    .orderBy('a.application_no')
    .execute();

export const insertLedger = (db: Executor, row: NmLedgerTable) => db.insertInto('nm_ledger').values(row).execute();

/** Sums per holder and kind for a round's ledger. */
export const ledgerSums = (db: Executor, tenantId: string, roundId: string) =>
  db
    .selectFrom('nm_ledger')
    .select((eb) => ['application_id', 'kind', eb.fn.sum<number>('amount_fen').as('fen')])
    .where('tenant_id', '=', tenantId)
    .where('round_id', '=', roundId)
    .groupBy(['application_id', 'kind'])
    .execute();

export const insertViolation = (db: Executor, row: NmViolationsTable) =>
  db.insertInto('nm_violations').values(row).execute();

/**
 * Figures for the statistics report: rounds drawn between two instants (the caller widens them by a day and keeps
 * the rounds whose local date falls in the period), stalls allocated, violations between two dates (inclusive).
 */
export async function periodFigures(
  db: Executor,
  tenantId: string,
  instants: { from: string; to: string },
  dates: { from: string; to: string },
) {
  const drawn = await db
    .selectFrom('nm_rounds as r')
    .innerJoin('nm_markets as m', 'm.id', 'r.market_id')
    .select(['r.id', 'r.name', 'm.name as market_name', 'r.entrants', 'r.drawn_at'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.drawn_at', '>=', instants.from)
    .where('r.drawn_at', '<', instants.to)
    .orderBy('r.drawn_at')
    .execute();
  const won = drawn.length
    ? await db
        .selectFrom('nm_applications')
        .select((eb) => ['round_id', eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', tenantId)
        .where(
          'round_id',
          'in',
          drawn.map((r) => r.id),
        )
        .where('stall_id', 'is not', null)
        .groupBy('round_id')
        .execute()
    : [];
  const violations = await db
    .selectFrom('nm_violations')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('points').as('points')])
    .where('tenant_id', '=', tenantId)
    .where('on_date', '>=', dates.from)
    .where('on_date', '<=', dates.to)
    .executeTakeFirstOrThrow();
  return { drawn, won, violations };
}
