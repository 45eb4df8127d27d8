import { Type, type Static } from 'typebox';
import { LIMIT_UNITS } from '../domain/work-calendar.ts';
import { Literals } from './common.ts';

/** Work calendar (工作日历) API: holiday/调休 rows per year, working periods, and the two computations. */

export const CalendarDayKind = Type.Union([Type.Literal('holiday'), Type.Literal('workday')], {
  description: 'holiday: not worked even on a weekday; workday: a weekend day worked (调休上班)',
});
export const LimitUnitSchema = Literals(LIMIT_UNITS);

export const CalendarDay = Type.Object({
  date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'local calendar date YYYY-MM-DD' }),
  kind: CalendarDayKind,
  name: Type.String({ minLength: 1, maxLength: 40, description: 'the holiday the row belongs to, e.g. 春节' }),
});
export type CalendarDay = Static<typeof CalendarDay>;

/** The full list of one year: PUT replaces the year with it. */
export const CalendarDayList = Type.Array(CalendarDay, { maxItems: 366 });
export type CalendarDayList = Static<typeof CalendarDayList>;

export const CalendarYearQuery = Type.Object({ year: Type.Integer({ minimum: 1970, maximum: 9999 }) });
export type CalendarYearQuery = Static<typeof CalendarYearQuery>;
export const CalendarYearParams = CalendarYearQuery;
export type CalendarYearParams = CalendarYearQuery;

export const CalendarYear = Type.Object({
  year: Type.Integer(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
  seeded: Type.Boolean({ description: "the rows are exactly the data package's rows for the year (not edited since)" }),
  inPackage: Type.Boolean({ description: 'the data package has rows for the year, so it can be reseeded' }),
});
export type CalendarYear = Static<typeof CalendarYear>;

export const CalendarYears = Type.Object({
  years: Type.Array(CalendarYear),
  /** years around today without any row: they count weekends only until an admin enters or reseeds them */
  missing: Type.Array(Type.Object({ year: Type.Integer(), inPackage: Type.Boolean() })),
  source: Type.Object({ package: Type.String(), version: Type.String() }),
});
export type CalendarYears = Static<typeof CalendarYears>;

// No HH:MM pattern here on purpose: validatePeriods explains what is wrong (bad time, end before start, overlap).
export const WorkPeriodSchema = Type.Object({
  start: Type.String({ maxLength: 5, description: 'HH:MM local time' }),
  end: Type.String({ maxLength: 5, description: 'HH:MM local time, 24:00 allowed' }),
});
export const CalendarPeriods = Type.Object({ periods: Type.Array(WorkPeriodSchema, { maxItems: 12 }) });
export type CalendarPeriods = Static<typeof CalendarPeriods>;

export const ComputeQuery = Type.Object({
  start: Type.String({ format: 'date-time', description: 'ISO-8601 instant with offset' }),
  value: Type.Number({ minimum: 0, maximum: 100000 }),
  unit: LimitUnitSchema,
});
export type ComputeQuery = Static<typeof ComputeQuery>;
export const ComputeResult = Type.Object({
  deadline: Type.String({ description: 'ISO-8601 UTC instant' }),
  limitMs: Type.Number({ description: "the limit in its unit's measure (working or calendar ms)" }),
});
export type ComputeResult = Static<typeof ComputeResult>;

export const ElapsedQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  unit: LimitUnitSchema,
});
export type ElapsedQuery = Static<typeof ElapsedQuery>;
export const ElapsedResult = Type.Object({
  elapsedMs: Type.Number({ description: "in the unit's measure, comparable with limitMs" }),
  workingMs: Type.Number({ description: 'working time between the instants' }),
});
export type ElapsedResult = Static<typeof ElapsedResult>;
