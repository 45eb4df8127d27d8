import { HOLIDAY_SEED_SOURCE, HOLIDAY_SEED_YEARS } from '../../../../common/domain/work-calendar-seed.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldIssue } from './calendar-rules.ts';

/** The calendar module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const CALENDAR_ERRORS = {
  invalidDays: 'CALENDAR_INVALID_DAYS',
  invalidPeriods: 'CALENDAR_INVALID_PERIODS',
  yearNotInPackage: 'CALENDAR_YEAR_NOT_IN_PACKAGE',
  outOfRange: 'CALENDAR_OUT_OF_RANGE',
} as const;

/** 400 listing every bad row of a year (fields like body.3.date). */
export const invalidDays = (issues: readonly FieldIssue[]) => new AppError(CALENDAR_ERRORS.invalidDays, 400, issues);

/** 400 listing every bad working period (fields like body.periods.1.end). */
export const invalidPeriods = (issues: readonly FieldIssue[]) =>
  new AppError(CALENDAR_ERRORS.invalidPeriods, 400, issues);

/** 409: the installed data package cannot restore that year; an admin has to enter it (or the package be upgraded). */
export const yearNotInPackage = (year: number) =>
  new AppError(CALENDAR_ERRORS.yearNotInPackage, 409, {
    year,
    source: `${HOLIDAY_SEED_SOURCE.package}@${HOLIDAY_SEED_SOURCE.version}`,
    available: HOLIDAY_SEED_YEARS.join(', '),
  });

/** 400 for a computation whose result leaves the representable date range. */
export const outOfRange = (field: string, message: string) =>
  new AppError(CALENDAR_ERRORS.outOfRange, 400, [{ field, rule: 'range', message }]);
