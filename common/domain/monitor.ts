/**
 * 监督员管理: the pure rules both sides need (docs/monitor.md): duty from the roster, speeds between positions,
 * distance along a track, attendance and grid coverage of one inspector-day.
 */
import { zonedDateTime } from './zoned-time.ts';

export interface MonitorSettings {
  /** seconds between two positions the app captures while on duty */
  intervalSec: number;
  /** days a position is kept before the scheduler deletes it */
  retentionDays: number;
  /** faster than this from the previous plausible position = implausible (kept, marked, not counted) */
  maxSpeedKmh: number;
  /** a first position later than the shift's start plus this is late */
  graceMinutes: number;
  /** a share of positions outside the assigned grids above this is out of area */
  outOfAreaShare: number;
}

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = {
  intervalSec: 30,
  retentionDays: 90,
  maxSpeedKmh: 120,
  graceMinutes: 15,
  outOfAreaShare: 0.5,
};

export const ATTENDANCE = ['on_time', 'late', 'absent', 'out_of_area', 'pending', 'off'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres between two WGS84 points. */
export function distanceM(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The instant of a local wall-clock time (`HH:MM` on `day`) in `timeZone`. */
export function zonedInstant(day: string, hhmm: string, timeZone: string): Date {
  const guess = new Date(`${day}T${hhmm}:00.000Z`);
  const shown = new Date(`${zonedDateTime(guess, timeZone).replace(' ', 'T')}:00.000Z`);
  const first = new Date(guess.getTime() - (shown.getTime() - guess.getTime()));
  // a second pass settles the offset across a daylight-saving change (China has none; other zones may)
  const again = new Date(`${zonedDateTime(first, timeZone).replace(' ', 'T')}:00.000Z`);
  return new Date(first.getTime() - (again.getTime() - guess.getTime()));
}

export interface Shift {
  day: string;
  starts: string;
  ends: string;
}

/** The shift's start and end as instants. */
export function shiftWindow(shift: Shift, timeZone: string): { from: Date; to: Date } {
  return { from: zonedInstant(shift.day, shift.starts, timeZone), to: zonedInstant(shift.day, shift.ends, timeZone) };
}

export interface TrackPoint {
  at: string;
  lng: number;
  lat: number;
}

/**
 * Marks each point (in time order) reached from the previous plausible one faster than `maxSpeedKmh`. The reference
 * stays on the last plausible point, so one wild fix does not also condemn the next good one.
 */
export function implausibleFlags(previous: TrackPoint | null, points: readonly TrackPoint[], maxSpeedKmh: number) {
  let ref = previous;
  return points.map((p) => {
    if (!ref) {
      ref = p;
      return false;
    }
    const seconds = (Date.parse(p.at) - Date.parse(ref.at)) / 1000;
    const metres = distanceM(ref, p);
    const tooFast = seconds <= 0 ? metres > 50 : (metres / seconds) * 3.6 > maxSpeedKmh;
    if (!tooFast) ref = p;
    return tooFast;
  });
}

/** Metres along the points in time order. */
export function trackLengthM(points: readonly TrackPoint[]): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += distanceM(points[i - 1]!, points[i]!);
  return total;
}

/** Share of the assigned grids visited (0..1), null when none is assigned. */
export function coverage(assigned: readonly string[], visited: Iterable<string>): number | null {
  if (assigned.length === 0) return null;
  const seen = new Set(visited);
  return assigned.filter((g) => seen.has(g)).length / assigned.length;
}

/** What attendance needs of one inspector-day: its plausible positions summed per grid ('' = outside every grid). */
export interface DaySummary {
  firstAt: string | null;
  points: number;
  perGrid: Readonly<Record<string, number>>;
}

/** Sums plausible positions (in time order) per grid. */
export function summarise(points: readonly { at: string; gridCode: string | null }[]): DaySummary {
  const perGrid: Record<string, number> = {};
  for (const p of points) perGrid[p.gridCode ?? ''] = (perGrid[p.gridCode ?? ''] ?? 0) + 1;
  return { firstAt: points[0]?.at ?? null, points: points.length, perGrid };
}

export interface AttendanceInput {
  shift: Shift | null;
  timeZone: string;
  now: Date;
  settings: Pick<MonitorSettings, 'graceMinutes' | 'outOfAreaShare'>;
  assigned: readonly string[];
  /** the day's plausible positions; they are stored only inside the shift */
  day: DaySummary;
}

export interface AttendanceResult {
  status: Attendance;
  late: boolean;
  outOfArea: boolean;
  /** share of positions outside the assigned grids (null without grids or positions) */
  outsideShare: number | null;
}

/**
 * Attendance of one inspector-day from its plausible positions: absent without any once the grace period is over,
 * late when the first comes after it, out of area when more than the set share lies outside the assigned grids.
 * Out of area outranks late: being elsewhere all day matters more than starting late.
 */
export function attendance(input: AttendanceInput): AttendanceResult {
  const { shift, settings, day } = input;
  const none: AttendanceResult = { status: 'off', late: false, outOfArea: false, outsideShare: null };
  if (!shift) return none;
  const { from } = shiftWindow(shift, input.timeZone);
  const graceEnd = from.getTime() + settings.graceMinutes * 60_000;
  if (!day.firstAt || day.points === 0) {
    return { ...none, status: input.now.getTime() <= graceEnd ? 'pending' : 'absent' };
  }
  const late = Date.parse(day.firstAt) > graceEnd;
  const inside = input.assigned.reduce((n, g) => n + (day.perGrid[g] ?? 0), 0);
  const outsideShare = input.assigned.length ? (day.points - inside) / day.points : null;
  const outOfArea = outsideShare !== null && outsideShare > settings.outOfAreaShare;
  return { status: outOfArea ? 'out_of_area' : late ? 'late' : 'on_time', late, outOfArea, outsideShare };
}

/** Whether `at` falls inside the shift. */
export function onDutyAt(shift: Shift | null, at: Date, timeZone: string): boolean {
  if (!shift) return false;
  const { from, to } = shiftWindow(shift, timeZone);
  return at.getTime() >= from.getTime() && at.getTime() < to.getTime();
}
