/**
 * 车辆监管 (docs/vehicles.md): sprinklers and sweepers whose GPS tracks give road coverage, and 渣土 trucks whose
 * tracks are checked against their permit. Closed vocabularies and the pure rules both sides need.
 */

export const VEHICLE_KINDS = ['sprinkler', 'sweeper', 'muck', 'other'] as const;
export type VehicleKind = (typeof VEHICLE_KINDS)[number];
/** the kinds whose tracks count as road coverage */
export const COVERAGE_KINDS: readonly VehicleKind[] = ['sprinkler', 'sweeper'];

export const VIOLATION_KINDS = ['off_route', 'outside_hours', 'unregistered_site', 'unknown_stop', 'speeding'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export const LEAD_STATES = ['open', 'dismissed', 'referred'] as const;
export type LeadState = (typeof LEAD_STATES)[number];

/** A point is stored and flagged `jump` when reaching it from the previous one needs more than this speed. */
export const IMPOSSIBLE_KMH = 150;
/** Points this far outside the tenant's bounding box are refused (metres of margin around the box). */
export const BBOX_MARGIN_M = 5000;
/** A device clock may run this far ahead of the server. */
export const MAX_FUTURE_MS = 2 * 60_000;
/** At most this many points in one HTTP batch. */
export const MAX_BATCH = 500;

/**
 * The values of a GPS message, a device message of kind `gps` (docs/vehicles.md, "GPS messages"). Positions travel as
 * integer micro-degrees because the signing string writes every value with three decimals: a degree value would be
 * signed to about 100 m, a micro-degree value exactly.
 */
export const GPS_VALUES = { lat: 'lat_e6', lng: 'lng_e6', speed: 'speed_kmh', heading: 'heading_deg' } as const;

/** Muck truck rules a tenant may change (docs/vehicles.md, "Muck trucks"); the defaults are placeholders. */
export interface MuckRules {
  /** half-width of the permitted corridor around the route line, metres */
  routeBufferM: number;
  /** radius of a site's geofence around its registered point, metres */
  siteRadiusM: number;
  /** a stop longer than this, minutes, is a stop */
  stopMinutes: number;
  /** speed limit, km/h */
  speedLimitKmh: number;
  /** a speed is sustained when this many consecutive points exceed the limit */
  speedingPoints: number;
  /** permitted hours in the tenant's zone, HH:MM; a window ending before it starts runs over midnight */
  windowFrom: string;
  windowTo: string;
}

export const DEFAULT_MUCK_RULES: MuckRules = {
  routeBufferM: 50,
  siteRadiusM: 150,
  stopMinutes: 10,
  speedLimitKmh: 40,
  speedingPoints: 2,
  windowFrom: '22:00',
  windowTo: '06:00',
};

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Minutes after midnight of HH:MM. */
export const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a local time (minutes after midnight) falls in [from, to), a window that may run over midnight. */
export function inWindow(minute: number, from: string, to: string): boolean {
  const a = minutesOf(from);
  const b = minutesOf(to);
  if (a === b) return true;
  return a < b ? minute >= a && minute < b : minute >= a || minute < b;
}

const R = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLng = rad(lng2 - lng1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Degrees of latitude and longitude that make `m` metres at latitude `lat`. */
export function degreesOf(m: number, lat: number): { dLat: number; dLng: number } {
  const dLat = m / 110_574;
  return { dLat, dLng: m / (111_320 * Math.cos(rad(lat))) };
}
