import type {
  CalendarDay,
  CalendarPeriods,
  CalendarYear,
  CalendarYears,
  ComputeQuery,
  ComputeResult,
  ElapsedQuery,
  ElapsedResult,
} from '../../../../common/contracts/calendar.ts';
import { DEFAULT_WORK_PERIODS, type WorkPeriod } from '../../../../common/domain/work-calendar-periods.ts';
import {
  HOLIDAY_SEED_SOURCE,
  holidaySeedRows,
  seedYearsMissing,
} from '../../../../common/domain/work-calendar-seed.ts';
import { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { dayRowIssues, normaliseDays, periodIssues, sameDays, sortPeriods } from './calendar-rules.ts';
import { calendarErrors } from './calendar.errors.ts';
import * as repo from './calendar.repository.ts';

/** tenant_settings keys of this module. */
export const PERIODS_KEY = 'calendar.periods';
/** Bumped in the same transaction as every change of days or periods: what cached calendars are checked against. */
export const REVISION_KEY = 'calendar.revision';

function isPeriodList(value: unknown): value is WorkPeriod[] {
  return (
    Array.isArray(value) &&
    value.every(
      (p: unknown) =>
        typeof p === 'object' &&
        p !== null &&
        typeof (p as WorkPeriod).start === 'string' &&
        typeof (p as WorkPeriod).end === 'string',
    )
  );
}

function parseInstant(text: string, field: string): Date {
  const at = new Date(text);
  if (Number.isNaN(at.getTime()))
    throw invalidField(field, 'format', `"${text}" is not an ISO-8601 instant (e.g. 2024-02-08T09:00:00+08:00)`);
  return at;
}

const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * The tenant's work calendar (工作日历): 法定节假日 and 调休 rows per year, seeded from the data package and edited by
 * admins, and the working periods. Other modules compute deadlines with `forTenant`.
 */
export function createCalendarService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  settings: SettingsService,
) {
  const { db } = database;
  // Per process. Each entry remembers the revision it was built at; every call compares it with the stored
  // revision (one primary-key read), so an edit made through any app process reaches every process at once.
  const cache = new Map<string, { revision: string; calendar: Promise<WorkCalendar> }>();

  async function periodsOf(tenantId: string, ex: Executor): Promise<WorkPeriod[]> {
    const stored = await settings.get(tenantId, PERIODS_KEY, ex);
    if (!stored) return DEFAULT_WORK_PERIODS.map((p) => ({ ...p }));
    // Written only after validation; a value that is not a list means the row was edited by hand: fail loudly.
    if (!isPeriodList(stored.value))
      throw new Error(`tenant ${tenantId}: setting ${PERIODS_KEY} is not a list of periods`);
    return stored.value;
  }

  async function build(tenantId: string, ex: Executor): Promise<WorkCalendar> {
    const [timeZone, periods, days] = await Promise.all([
      repo.tenantTimezone(ex, tenantId),
      periodsOf(tenantId, ex),
      repo.allDays(ex, tenantId),
    ]);
    if (!timeZone) throw notFound('tenant');
    return new WorkCalendar({ timeZone, periods, days });
  }

  /**
   * The tenant's calendar, built once and reused until its days or periods change. Inside a transaction pass it
   * as `ex`: SQLite has one connection, so a query on the pool would wait for the open transaction forever.
   */
  async function forTenant(tenantId: string, ex: Executor = db): Promise<WorkCalendar> {
    const revision = await settings.revision(tenantId, REVISION_KEY, ex);
    const hit = cache.get(tenantId);
    if (hit && hit.revision === revision) return hit.calendar;
    const calendar = build(tenantId, ex);
    cache.set(tenantId, { revision, calendar });
    calendar.catch(() => {
      if (cache.get(tenantId)?.calendar === calendar) cache.delete(tenantId);
    });
    return calendar;
  }

  async function writeYear(
    actor: Actor,
    year: number,
    rows: readonly CalendarDay[],
    action: string,
  ): Promise<CalendarDay[]> {
    try {
      await db.transaction().execute(async (tx) => {
        const before = await repo.daysOfYear(tx, actor.tenantId, year);
        await repo.replaceYear(tx, actor.tenantId, year, rows);
        await settings.bumpRevision(tx, actor.tenantId, REVISION_KEY);
        await audit.record(tx, actor, actor.tenantId, {
          action,
          entity: 'calendar_year',
          entityId: String(year),
          before,
          after: rows,
        });
      });
    } catch (err) {
      // Two admins replacing the same year at once: the later insert meets the earlier one's rows.
      if (isUniqueViolation(err)) throw conflict('CONFLICT');
      throw err;
    }
    cache.delete(actor.tenantId);
    return repo.daysOfYear(db, actor.tenantId, year);
  }

  return {
    forTenant,

    async years(actor: Actor): Promise<CalendarYears> {
      requirePermission(actor, 'org.read');
      const [rows, calendar] = await Promise.all([repo.allDays(db, actor.tenantId), forTenant(actor.tenantId)]);
      const byYear = new Map<number, CalendarDay[]>();
      for (const r of rows) byYear.set(yearOf(r.date), [...(byYear.get(yearOf(r.date)) ?? []), r]);
      const inPackage = (y: number) => seedYearsMissing(y, y).length === 0;
      const years: CalendarYear[] = [...byYear.entries()]
        .sort(([a], [b]) => a - b)
        .map(([year, days]) => ({
          year,
          holidays: days.filter((d) => d.kind === 'holiday').length,
          workdays: days.filter((d) => d.kind === 'workday').length,
          seeded: inPackage(year) && sameDays(days, holidaySeedRows(year, year)),
          inPackage: inPackage(year),
        }));
      // A year without rows silently counts every weekday as working: warn around today (last, this and next year).
      const thisYear = yearOf(calendar.localDate(clock.now()));
      const missing = [thisYear - 1, thisYear, thisYear + 1]
        .filter((y) => !byYear.has(y))
        .map((year) => ({ year, inPackage: inPackage(year) }));
      return { years, missing, source: { package: HOLIDAY_SEED_SOURCE.package, version: HOLIDAY_SEED_SOURCE.version } };
    },

    async days(actor: Actor, year: number): Promise<CalendarDay[]> {
      requirePermission(actor, 'org.read');
      return repo.daysOfYear(db, actor.tenantId, year);
    },

    /** Replaces the whole year with the given rows (the admin screen edits a year at a time). */
    async replaceDays(actor: Actor, year: number, rows: readonly CalendarDay[]): Promise<CalendarDay[]> {
      requirePermission(actor, 'settings.manage');
      const issues = dayRowIssues(year, rows);
      if (issues.length) throw calendarErrors.invalidDays(issues);
      return writeYear(actor, year, normaliseDays(rows), 'calendar.days_replace');
    },

    /** Puts the data package's rows for the year back, dropping the admins' edits of that year. */
    async reseed(actor: Actor, year: number): Promise<CalendarDay[]> {
      requirePermission(actor, 'settings.manage');
      const rows = holidaySeedRows(year, year);
      if (rows.length === 0) throw calendarErrors.yearNotInPackage(year);
      return writeYear(actor, year, rows, 'calendar.days_reseed');
    },

    async periods(actor: Actor): Promise<CalendarPeriods> {
      requirePermission(actor, 'org.read');
      return { periods: await periodsOf(actor.tenantId, db) };
    },

    async setPeriods(actor: Actor, input: CalendarPeriods): Promise<CalendarPeriods> {
      requirePermission(actor, 'settings.manage');
      const issues = periodIssues(input.periods);
      if (issues.length) throw calendarErrors.invalidPeriods(issues);
      const periods = sortPeriods(input.periods);
      await db.transaction().execute(async (tx) => {
        await settings.put(tx, actor, PERIODS_KEY, periods);
        await settings.bumpRevision(tx, actor.tenantId, REVISION_KEY);
      });
      cache.delete(actor.tenantId);
      return { periods };
    },

    async compute(actor: Actor, q: ComputeQuery): Promise<ComputeResult> {
      requirePermission(actor, 'org.read');
      const start = parseInstant(q.start, 'query.start');
      const calendar = await forTenant(actor.tenantId);
      try {
        return {
          deadline: calendar.addLimit(start, q.value, q.unit).toISOString(),
          limitMs: calendar.limitMs(q.value, q.unit),
        };
      } catch (err) {
        if (err instanceof RangeError) throw calendarErrors.outOfRange('query.value', err.message);
        throw err;
      }
    },

    async elapsed(actor: Actor, q: ElapsedQuery): Promise<ElapsedResult> {
      requirePermission(actor, 'org.read');
      const from = parseInstant(q.from, 'query.from');
      const to = parseInstant(q.to, 'query.to');
      const calendar = await forTenant(actor.tenantId);
      return { elapsedMs: calendar.elapsed(from, to, q.unit), workingMs: calendar.workingMsBetween(from, to) };
    },
  };
}
export type CalendarService = ReturnType<typeof createCalendarService>;
