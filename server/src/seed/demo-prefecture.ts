/**
 * The demo's 地级市 (docs/prefecture.md, "Demo"): 黄石市 (420200) with the prefecture account, over 大冶市 (the demo
 * city) and 阳新县 (420222). 阳新县 has no geography in the demo, so cases cannot be placed in it; its year of
 * figures is written as KPI roll-up rows (the bench's way to load a roll-up, kpi's addDailyRows), synthetic and
 * marked as such here. Runs once, right after the demo city is seeded.
 */
import type { KpiCounter } from '../../../common/domain/kpi.ts';
import { zonedDate } from '../../../common/domain/zoned-time.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { addDailyRows } from '../modules/kpi/index.ts';
import { seededTenantId, seedUser } from '../modules/org/index.ts';
import { linkCounty } from '../modules/prefecture/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { createTenant } from './demo-city.ts';
import { ADMIN_PASSWORD, DAYE, DEMO_PASSWORD } from './daye-org.ts';

export const HUANGSHI = { code: '420200', name: '黄石市', timezone: 'Asia/Shanghai' } as const;
export const YANGXIN = { code: '420222', name: '阳新县', timezone: 'Asia/Shanghai' } as const;
const DAY_MS = 86_400_000;

/** A small county's day: a handful of reports, most filed, most of those closed, a few late (deterministic). */
export function syntheticDay(i: number): Partial<Record<KpiCounter, number>> {
  const wave = (i * 7919) % 13;
  const reported = 4 + (wave % 6);
  const filed = reported - 1 - (wave % 2);
  const closed = Math.max(filed - (wave % 3), 0);
  const late = wave % 4 === 0 ? 1 : 0;
  return {
    reported,
    inspectorReported: reported - 1,
    validReported: filed,
    publicReported: 1,
    accepted: reported,
    filed,
    filedOnTime: filed,
    needDispatch: filed,
    dispatched: filed,
    dispatchedOnTime: filed,
    needHandle: filed,
    handled: closed,
    handledOnTime: closed - late,
    overdue: late,
    needClose: closed,
    closed,
    closedOnTime: closed - late,
    reworked: wave % 5 === 0 ? 1 : 0,
    handlingHours: closed * 6,
    handlingTimed: closed,
  };
}

export async function seedDemoPrefecture(db: Db, clock: Clock): Promise<void> {
  if (await seededTenantId(db, HUANGSHI.code)) return;
  const dayeId = await seededTenantId(db, DAYE.code);
  if (!dayeId) return;
  await db.transaction().execute(async (tx) => {
    const huangshi = await createTenant(tx, clock, HUANGSHI, { username: 'admin', password: ADMIN_PASSWORD });
    const yangxin = await createTenant(tx, clock, YANGXIN, { username: 'admin', password: ADMIN_PASSWORD });
    await seedUser(tx, huangshi.tenantId, clock, {
      username: 'prefecture',
      displayName: '黄石市城管委',
      phone: null,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      unitId: null,
      role: 'prefectureViewer',
      unitBound: false,
    });
    await linkCounty(tx, clock, dayeId, huangshi.tenantId);
    await linkCounty(tx, clock, yangxin.tenantId, huangshi.tenantId);
    const today = Date.parse(`${zonedDate(clock.now(), YANGXIN.timezone)}T00:00:00Z`);
    const rows = Array.from({ length: 365 }, (_, i) => ({
      dim: 'all',
      dimId: '',
      day: new Date(today - i * DAY_MS).toISOString().slice(0, 10),
      counts: syntheticDay(i),
    }));
    await addDailyRows(tx, yangxin.tenantId, rows);
  });
}
