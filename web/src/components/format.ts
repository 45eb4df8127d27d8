import { zonedDate, zonedDateTime } from '../../../common/domain/zoned-time.ts';

/** The signed-in user's city zone; until one is known, the browser's own. */
let displayZone: string | undefined;

/** Every instant a person reads is shown in the city's time zone (set from the signed-in user), not the browser's. */
export function setDisplayTimeZone(zone: string | null | undefined): void {
  displayZone = zone ?? undefined;
}

/** Instants from the server are ISO UTC; show them as `2024-03-12 08:30` in every language, in the city's zone. */
export function formatInstant(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return zonedDateTime(date, displayZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** Today's calendar date (YYYY-MM-DD) in the city's zone: what "this week" or "this month" means to the bureau. */
export function cityToday(now: Date = new Date()): string {
  return zonedDate(now, displayZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
}
