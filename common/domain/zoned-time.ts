/**
 * Instants as a person in the tenant's city reads them, whatever zone the server or browser runs in: a report
 * generated at 00:30 on 12-05 in Beijing says 12-05, not the UTC date 12-04. Formats are cached per zone.
 */
/** The zone of a tenant that names none: China has one civil time zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatOf(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** `2024-03-12 08:30` in `timeZone`; the input unchanged when it is not a date. */
export function zonedDateTime(at: string | Date, timeZone: string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  const parts = formatOf(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** `2024-03-12` in `timeZone`. */
export function zonedDate(at: string | Date, timeZone: string): string {
  return zonedDateTime(at, timeZone).slice(0, 10);
}
