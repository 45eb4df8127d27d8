import { inWindow, type MuckRules, type ViolationKind } from '../../../../common/domain/vehicles.ts';
import { polylineDistance, type XY } from './vehicle-geometry.ts';

/**
 * The checks of a 渣土 truck's track (docs/vehicles.md, "Muck trucks"): speeding, driving outside the permitted
 * hours, leaving the permitted corridor, stopping at a registered site its permit does not name (or driving with no
 * valid permit), and stopping anywhere else. Each finding is an episode: the consecutive points it covers.
 */
export interface MuckPoint {
  at: number;
  p: XY;
  speed: number | null;
  /** local minutes after midnight in the tenant's zone */
  minute: number;
}

export interface Site {
  id: string;
  name: string;
  p: XY;
}

export interface MuckTruck {
  route: readonly XY[] | null;
  /** the construction and disposal sites of its valid permit; null: no valid permit */
  permitted: readonly Site[] | null;
  /** every other registered site */
  otherSites: readonly Site[];
  rules: MuckRules;
}

export interface Episode {
  kind: ViolationKind;
  from: number;
  to: number;
  detail: Record<string, string | number | null>;
}

/** moving: at least this speed, km/h (a parked engine's GPS drifts at 1–3 km/h) */
const MOVING_KMH = 5;
/** a stop ends when the truck is this far from where it stopped */
const STOP_RADIUS_M = 30;
/** points further apart than this in time break a run */
const RUN_GAP_MS = 5 * 60_000;

const dist = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);

function runs(points: readonly MuckPoint[], test: (p: MuckPoint) => boolean, min: number): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= points.length; i++) {
    const ok = i < points.length && test(points[i]!);
    const broken = start >= 0 && i < points.length && points[i]!.at - points[i - 1]!.at > RUN_GAP_MS;
    if (start >= 0 && (!ok || broken)) {
      if (i - start >= min) out.push([start, i - 1]);
      start = -1;
    }
    if (ok && start < 0) start = i;
  }
  return out;
}

export function checkTrack(points: readonly MuckPoint[], truck: MuckTruck): Episode[] {
  const r = truck.rules;
  const out: Episode[] = [];
  const moving = (p: MuckPoint) => (p.speed ?? 0) >= MOVING_KMH;
  const within = (p: XY, sites: readonly Site[]) => sites.find((s) => dist(p, s.p) <= r.siteRadiusM) ?? null;
  const permitted = truck.permitted ?? [];

  for (const [a, b] of runs(points, (p) => (p.speed ?? 0) > r.speedLimitKmh, r.speedingPoints)) {
    const max = Math.max(...points.slice(a, b + 1).map((p) => p.speed ?? 0));
    out.push({ kind: 'speeding', from: a, to: b, detail: { maxKmh: Math.round(max), limitKmh: r.speedLimitKmh } });
  }
  for (const [a, b] of runs(points, (p) => moving(p) && !inWindow(p.minute, r.windowFrom, r.windowTo), 2))
    out.push({ kind: 'outside_hours', from: a, to: b, detail: { window: `${r.windowFrom}–${r.windowTo}` } });
  if (truck.route && truck.route.length > 0) {
    const route = truck.route;
    const off = (p: MuckPoint) => moving(p) && polylineDistance(p.p, route) > r.routeBufferM && !within(p.p, permitted);
    for (const [a, b] of runs(points, off, 2)) {
      const far = Math.max(...points.slice(a, b + 1).map((p) => polylineDistance(p.p, route)));
      out.push({ kind: 'off_route', from: a, to: b, detail: { maxOffM: Math.round(far), bufferM: r.routeBufferM } });
    }
  }
  if (truck.permitted === null)
    for (const [a, b] of runs(points, moving, 2))
      out.push({ kind: 'unregistered_site', from: a, to: b, detail: { reason: 'no_permit', site: null } });

  // stops: the truck stays within STOP_RADIUS_M of where it came to rest for at least stopMinutes
  for (let i = 0; i < points.length;) {
    let j = i;
    while (
      j + 1 < points.length &&
      dist(points[j + 1]!.p, points[i]!.p) <= STOP_RADIUS_M &&
      points[j + 1]!.at - points[j]!.at <= RUN_GAP_MS
    )
      j++;
    const minutes = (points[j]!.at - points[i]!.at) / 60_000;
    if (j > i && minutes >= r.stopMinutes) {
      const at = points[i]!.p;
      const mins = Math.round(minutes);
      if (!within(at, permitted)) {
        const other = within(at, truck.otherSites);
        if (other)
          out.push({
            kind: 'unregistered_site',
            from: i,
            to: j,
            detail: { reason: 'site_not_on_permit', site: other.name, minutes: mins },
          });
        else out.push({ kind: 'unknown_stop', from: i, to: j, detail: { minutes: mins } });
      }
      i = j + 1;
    } else i++;
  }
  return out;
}
