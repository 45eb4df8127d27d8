/**
 * A living demo city: about three months of synthetic cases for 大冶市, loaded once after the demo seed on the first
 * start (DEMO_HISTORY, docs/demo-city.md "History"). The history is made to look like a normal bureau's: cases
 * arrive in working hours, most steps finish inside their limits, a few handling steps run late (closed 超期, or
 * overdue now), some cases are sent back for rework after 核查, a few are suspended, each handling unit has its own
 * handler, and the open cases sit in every stage. Times are relative to `now` (the real time at seed), never after it.
 *
 * The seed sits above the modules: it reads through their seed functions, writes cases through the cases module's
 * bulk loader, and files the hotline orders, the approvals waiting and the 督办单 through the services (with a clock
 * it sets).
 */
import type { Services } from '../composition.ts';
import type { ChainKey } from '../platform/chain-keys.ts';
import type { FixedClock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { refreshStatistics } from '../platform/db-statistics.ts';
import { seededMatters } from '../modules/catalog/index.ts';
import { loadCaseHistory } from '../modules/cases/index.ts';
import { seededPlaces } from '../modules/geo/index.ts';
import { seededTenantId } from '../modules/org/index.ts';
import { DAYE } from './daye-org.ts';
import { unitStaff } from './demo-history-accounts.ts';
import { HOT, planHistory, rng, weighted, type Ref } from './demo-history-plan.ts';
import { approvalsWaiting, hotlineOrders } from './demo-history-requests.ts';
import { supervisionOrders } from './demo-history-supervision.ts';

export { planHistory } from './demo-history-plan.ts';

export interface DemoHistoryOptions {
  /** how many days back the history reaches */
  days: number;
  /** the frozen "now": nothing happens after it */
  now: Date;
  /** cases reported on an average working day */
  perDay?: number;
  seed?: number;
  /** the installation's timeline key, so `npm run audit:verify` holds on the loaded history */
  chainKey: ChainKey;
}

export interface DemoHistoryResult {
  cases: number;
  events: number;
  hotlineOrders: number;
  approvalsWaiting: number;
  supervisionOrders: number;
  accounts: number;
}

/**
 * Loads the history into the demo tenant. Runs once, right after the demo city is seeded (a restart finds the
 * tenant and seeds nothing), unless DEMO_HISTORY=0.
 */
export async function loadDemoHistory(
  database: Database,
  services: Services,
  clock: FixedClock,
  o: DemoHistoryOptions,
): Promise<DemoHistoryResult> {
  const { db } = database;
  const tenantId = await seededTenantId(db, DAYE.code);
  if (!tenantId) throw new Error('seed the demo city before its history');
  clock.set(o.now);
  const random = rng((o.seed ?? 1) ^ 0x5eed);
  const staff = await unitStaff(database, clock, tenantId);
  const matters = (await seededMatters(db, tenantId)).filter((m) => m.conditions.length > 0);
  const tier = (m: { code: string; name: string }) => (HOT.test(m.name) ? 0 : Number(m.code.slice(0, 2)) >= 6 ? 1 : 2);
  const order = matters
    .map((m) => ({ m, k: tier(m) + random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.m);
  const ref: Ref = {
    calendar: await services.calendar.forTenant(tenantId),
    matters,
    pickMatter: weighted(
      order,
      order.map((_, rank) => 1 / Math.pow(rank + 1, 0.9)),
    ),
    places: await seededPlaces(db, tenantId, 3000, random),
    ...staff,
  };
  if (!ref.places.length || !ref.matters.length) throw new Error('the demo city has no grids or filing conditions');
  const planned = planHistory(ref, { days: o.days, now: o.now, perDay: o.perDay ?? 40, seed: o.seed ?? 1 });
  const loaded = await loadCaseHistory(database, { id: tenantId, code: DAYE.code }, ref.calendar, o.chainKey, planned);
  const hotline = await hotlineOrders(services, clock, ref, tenantId, o.now);
  const approvals = await approvalsWaiting(services, clock, ref, tenantId, o.now);
  const orders = await supervisionOrders(services, clock, ref, tenantId, o.now);
  // The KPI queue the database triggers filled is drained by the server's scheduled job within seconds of start.
  await refreshStatistics(db);
  return {
    ...loaded,
    hotlineOrders: hotline,
    approvalsWaiting: approvals,
    supervisionOrders: orders,
    accounts: staff.added,
  };
}
