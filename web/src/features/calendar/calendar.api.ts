import type {
  CalendarDay,
  CalendarPeriods,
  CalendarYears,
  ComputeQuery,
  ComputeResult,
} from '../../../../common/contracts/calendar.ts';
import { api } from '../../api/client.ts';

export type { CalendarDay, CalendarPeriods, CalendarYears, ComputeResult };

export const calendarApi = {
  years: (signal?: AbortSignal) => api.get<CalendarYears>('/api/calendar/years', { signal }),
  days: (year: number, signal?: AbortSignal) =>
    api.get<CalendarDay[]>('/api/calendar/days', { query: { year }, signal }),
  /** Replaces every row of the year (the server checks the whole list and names bad rows as body.<i>.<field>). */
  replaceDays: (year: number, rows: CalendarDay[]) =>
    api.put<CalendarDay[]>('/api/calendar/days', rows, { query: { year } }),
  reseed: (year: number) => api.post<CalendarDay[]>(`/api/calendar/years/${year}/reseed`, {}),
  periods: (signal?: AbortSignal) => api.get<CalendarPeriods>('/api/calendar/periods', { signal }),
  setPeriods: (body: CalendarPeriods) => api.put<CalendarPeriods>('/api/calendar/periods', body),
  compute: (query: ComputeQuery) => api.get<ComputeResult>('/api/calendar/compute', { query: { ...query } }),
};
