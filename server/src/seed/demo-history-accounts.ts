/** The demo accounts the history acts as: one 处置人员 and one 负责人 per handling unit, added where missing. */
import type { HistoryActor } from '../modules/cases/index.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { seededAccounts, seededDirectory, seedUser } from '../modules/org/index.ts';
import type { FixedClock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { DEMO_PASSWORD } from './daye-org.ts';
import { SURNAMES } from './demo-history-plan.ts';

/** One 处置人员 and one 负责人 per handling unit, where the demo accounts have none (all share the demo password). */
export async function unitStaff(database: Database, clock: FixedClock, tenantId: string) {
  const { db } = database;
  const { units } = await seededDirectory(db, tenantId);
  const handling = units.filter((u) => u.kind !== 'bureau');
  let accounts = await seededAccounts(db, tenantId);
  const byUnit = (role: 'handler' | 'manager', unitId: string) =>
    accounts.find(
      (a) =>
        a.unit_id === unitId &&
        (role === 'handler' ? /^handler/.test(a.username) : /^(unitmanager|manager)/.test(a.username)),
    );
  let added = 0;
  let hash: string | null = null;
  for (const [i, u] of handling.entries()) {
    for (const role of ['handler', 'manager'] as const) {
      if (byUnit(role, u.id)) continue;
      hash ??= await hashPassword(DEMO_PASSWORD);
      const surname = SURNAMES[(i * 2 + (role === 'manager' ? 1 : 0)) % SURNAMES.length]!;
      await seedUser(db, tenantId, clock, {
        username: `${role}.${u.code.toLowerCase()}`,
        displayName: role === 'handler' ? `${surname}师傅（${u.name}）` : `${surname}主任（${u.name}）`,
        phone: '13800000000',
        passwordHash: hash,
        unitId: u.id,
        role: role === 'handler' ? 'unitHandler' : 'unitManager',
        unitBound: true,
      });
      added += 1;
    }
  }
  accounts = await seededAccounts(db, tenantId);
  const actor = (a: { id: string; display_name: string }, role: string): HistoryActor => ({
    id: a.id,
    name: a.display_name,
    role,
  });
  const handlers = new Map<string, HistoryActor>();
  const managers = new Map<string, HistoryActor>();
  for (const u of handling) {
    const h = byUnit('handler', u.id);
    const m = byUnit('manager', u.id);
    if (h) handlers.set(u.id, actor(h, 'unitHandler'));
    if (m) managers.set(u.id, actor(m, 'unitManager'));
  }
  const named = (username: string, role: string) => {
    const a = accounts.find((x) => x.username === username);
    if (!a) throw new Error(`demo account ${username} is missing`);
    return actor(a, role);
  };
  return {
    added,
    units: handling.map((u) => ({ id: u.id, kind: u.kind, regionId: u.region_id })),
    handlers,
    managers,
    staff: {
      inspector: named('inspector', 'inspector'),
      operator: named('operator', 'operator'),
      shiftleader: named('shiftleader', 'shiftLeader'),
      dispatcher: named('dispatcher', 'dispatcher'),
      leader: named('leader', 'leader'),
    },
  };
}
