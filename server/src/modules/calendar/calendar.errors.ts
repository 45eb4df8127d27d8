import { HOLIDAY_SEED_SOURCE, HOLIDAY_SEED_YEARS } from '../../../../common/domain/work-calendar-seed.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldIssue } from './calendar-rules.ts';

/** The calendar module's error codes (texts in common/i18n errors.<CODE>). */
export const calendarErrors = {
  /** 400 listing every bad row of a year (fields like body.3.date). */
  invalidDays: (issues: readonly FieldIssue[]) => new AppError('CALENDAR_INVALID_DAYS', 400, issues),
  /** 400 listing every bad working period (fields like body.periods.1.end). */
  invalidPeriods: (issues: readonly FieldIssue[]) => new AppError('CALENDAR_INVALID_PERIODS', 400, issues),
  /** 409: the installed data package cannot restore that year; an admin has to enter it (or the package be upgraded). */
  yearNotInPackage: (year: number) =>
    new AppError('CALENDAR_YEAR_NOT_IN_PACKAGE', 409, {
      year,
      source: `${HOLIDAY_SEED_SOURCE.package}@${HOLIDAY_SEED_SOURCE.version}`,
      available: HOLIDAY_SEED_YEARS.join(', '),
    }),
  /** 400 for a computation whose result leaves the representable date range. */
  outOfRange: (field: string, message: string) =>
    new AppError('CALENDAR_OUT_OF_RANGE', 400, [{ field, rule: 'range', message }]),
};
