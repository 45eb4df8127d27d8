/**
 * Deadline warnings of enforcement cases, raised by the scheduler's sweep next to the case SLA sweep (deadlines are
 * columns, not timers: docs/architecture.md, "Several instances"). For each running clock of a case (docs/enforcement.md,
 * "Warnings and 督办"): yellow when its last day is near, red once it has passed, 督办 when it has been red for
 * `SUPERVISE_AFTER_WORKING_DAYS` working days. One row per case, clock, due date and level (a unique index), so a
 * sweep run twice, or by two instances, writes each warning once; an extension moves the due date and starts over.
 */
import {
  addWorkingDays,
  daysBetween,
  type EnforcementClock,
  type WarningLevel,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { CalendarService } from '../calendar/index.ts';
import { money, scheduleOf } from './enforcement-decisions.ts';
import * as repo from './enforcement.repository.ts';
import type { CaseRow } from './enforcement-parties.ts';

/** Calendar days before the due date from which a clock is yellow: the 90-day limit warns 10 days ahead. */
const YELLOW_DAYS: Record<EnforcementClock, number> = {
  statement: 0,
  hearing: 0,
  service: 1,
  decision: 10,
  payment: 3,
};
export const SUPERVISE_AFTER_WORKING_DAYS = 3;
const BATCH = 2000;

/** The running clocks of a case and their due dates. */
export function runningClocks(r: CaseRow, today: string, paid: readonly repo.PaymentLike[]) {
  const clocks: { clock: EnforcementClock; due: string }[] = [];
  if (r.stage === 'notifying') {
    if (r.statement_due) clocks.push({ clock: 'statement', due: r.statement_due });
    if (r.hearing_due && !r.hearing_requested_on) clocks.push({ clock: 'hearing', due: r.hearing_due });
  }
  if (r.decision_due && !r.decided_on) clocks.push({ clock: 'decision', due: r.decision_due });
  if (r.stage === 'serving' && r.service_due) clocks.push({ clock: 'service', due: r.service_due });
  if (r.stage === 'executing' && money(r, paid, today).outstanding > 0) {
    // the first instalment not yet covered by the payments
    let covered = paid.reduce((s, p) => s + Number(p.amount_fen), 0);
    for (const i of scheduleOf(r)) {
      if (covered >= i.amountFen) {
        covered -= i.amountFen;
        continue;
      }
      clocks.push({ clock: 'payment', due: i.dueOn });
      break;
    }
  }
  return clocks;
}

export function levelsReached(
  clock: EnforcementClock,
  due: string,
  today: string,
  isWorkingDay: (d: string) => boolean,
): WarningLevel[] {
  const levels: WarningLevel[] = [];
  if (daysBetween(today, due) <= YELLOW_DAYS[clock]) levels.push('yellow');
  if (today > due) levels.push('red');
  if (today > addWorkingDays(isWorkingDay, due, SUPERVISE_AFTER_WORKING_DAYS)) levels.push('supervise');
  return levels;
}

export function createEnforcementSweep(database: Database, clock: Clock, calendar: CalendarService) {
  const { db } = database;
  return async function sweep(now: Date = clock.now()): Promise<{ warned: number }> {
    const at = now.toISOString();
    const rows = await db
      .selectFrom('enforcement_cases')
      .selectAll()
      .where('stage', 'not in', ['closed', 'archived', 'filing'])
      .orderBy('updated_at')
      .limit(BATCH)
      .execute();
    let warned = 0;
    const days = new Map<string, { date: string; isWorkingDay: (d: string) => boolean }>();
    for (const r of rows) {
      let day = days.get(r.tenant_id);
      if (!day) {
        const cal = await calendar.forTenant(r.tenant_id);
        day = { date: cal.localDate(now), isWorkingDay: (d: string) => cal.isWorkingDay(d) };
        days.set(r.tenant_id, day);
      }
      const paid = r.stage === 'executing' ? await repo.casePayments(db, r.id) : [];
      for (const c of runningClocks(r, day.date, paid))
        for (const level of levelsReached(c.clock, c.due, day.date, day.isWorkingDay)) {
          const res = await db
            .insertInto('enforcement_warnings')
            .values({
              id: newId(),
              tenant_id: r.tenant_id,
              case_id: r.id,
              unit_id: r.unit_id,
              clock: c.clock,
              due: c.due,
              level,
              at,
            })
            .onConflict((oc) => oc.columns(['case_id', 'clock', 'due', 'level']).doNothing())
            .executeTakeFirst();
          warned += Number(res.numInsertedOrUpdatedRows ?? 0);
        }
    }
    return { warned };
  };
}
