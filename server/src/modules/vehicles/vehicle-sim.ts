import { createHmac } from 'node:crypto';
import type { DeviceMessage } from '../../../../common/contracts/iot.ts';
import { signingString } from '../../../../common/domain/iot.ts';
import { GPS_VALUES, haversineM, type VehicleKind } from '../../../../common/domain/vehicles.ts';

/**
 * SYNTHETIC vehicles for the demo city and the device simulator (docs/vehicles.md, "Demo"): 24 sprinklers working
 * 06:00–22:00 with seven round trips on their road, and 20 渣土 trucks running their permitted route at night with a
 * stop at each end. Positions are invented along the demo's invented roads.
 */
export interface SimVehicle {
  code: string;
  plate: string;
  kind: VehicleKind;
  /** the road (sprinklers) or permitted route (muck trucks), lng/lat */
  line: [number, number][];
}

/** A GPS message of kind `gps` signed with the vehicle's key, as a device sends it. */
export function gpsMessage(
  m: { tenant: string; vehicle: string; key: string; seq: number; at: Date },
  p: { lng: number; lat: number; speedKmh: number; headingDeg: number },
): DeviceMessage {
  const ts = m.at.toISOString();
  const values = {
    [GPS_VALUES.lat]: Math.round(p.lat * 1e6),
    [GPS_VALUES.lng]: Math.round(p.lng * 1e6),
    [GPS_VALUES.speed]: Math.round(p.speedKmh * 10) / 10,
    [GPS_VALUES.heading]: Math.round(p.headingDeg) % 360,
  };
  const sig = createHmac('sha256', Buffer.from(m.key, 'utf8'))
    .update(signingString({ tenant: m.tenant, device: m.vehicle, kind: 'gps', ts, seq: m.seq, values }), 'utf8')
    .digest('hex');
  return { v: 1, ts, seq: m.seq, values, sig };
}

/**
 * The share of its road that a road's first sprinkler works, by the sprinkler's number (repeating). Crews rarely run
 * a whole road: a stretch belongs to another contract, a market street is left to the sweepers, the far end is
 * outside the 建成区. A road's second sprinkler runs it whole, so the busier roads (two crews) are covered in full
 * and the others in part.
 */
const WORKED_SHARE = [1, 0.85, 1, 0.7, 1, 1, 0.9, 1, 0.8, 1, 0.65, 1, 0.75, 1, 0.9, 0.6] as const;

/**
 * The demo fleet over the city's road lines (name → line): 24 sprinklers over `roads` (every road gets one, the
 * first roads a second), 20 muck trucks whose permitted routes are `muckRoads` (the roads by default).
 */
export function simulatedFleet(
  roads: readonly { name: string; line: [number, number][] }[],
  muckRoads: readonly { name: string; line: [number, number][] }[] = roads,
): SimVehicle[] {
  const usable = roads.filter((r) => r.line.length >= 2);
  const routes = muckRoads.filter((r) => r.line.length >= 2);
  if (usable.length === 0 || routes.length === 0) return [];
  const out: SimVehicle[] = [];
  for (let i = 0; i < 24; i++) {
    const road = usable[i % usable.length]!;
    const share = i < usable.length ? WORKED_SHARE[i % WORKED_SHARE.length]! : 1;
    out.push({
      code: `SS${String(i + 1).padStart(3, '0')}`,
      plate: `鄂B·S${String(1001 + i)}（示例）`,
      kind: 'sprinkler',
      line: share < 1 ? stretchOf(road.line, share) : road.line,
    });
  }
  for (let i = 0; i < 20; i++)
    out.push({
      code: `ZT${String(i + 1).padStart(3, '0')}`,
      plate: `鄂B·Z${String(2001 + i)}（示例）`,
      kind: 'muck',
      line: routes[(i * 7 + 3) % routes.length]!.line,
    });
  return out;
}

/** The first `share` of a line's length, as a line (its vertices up to there and the point where it stops). */
export function stretchOf(line: readonly [number, number][], share: number): [number, number][] {
  let left = lengthOf(line) * share;
  const out: [number, number][] = [line[0]!];
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    const d = haversineM(a[0], a[1], b[0], b[1]);
    if (left < d) {
      const t = d === 0 ? 0 : left / d;
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
      return out;
    }
    out.push(b);
    left -= d;
  }
  return out;
}

const along = (line: readonly [number, number][], m: number) => {
  let left = m;
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1]!, line[i]!];
    const d = haversineM(a[0], a[1], b[0], b[1]);
    if (left <= d || i === line.length - 1) {
      const t = d === 0 ? 0 : Math.min(1, left / d);
      const heading = (Math.atan2((b[0] - a[0]) * Math.cos((a[1] * Math.PI) / 180), b[1] - a[1]) * 180) / Math.PI;
      return { lng: a[0] + (b[0] - a[0]) * t, lat: a[1] + (b[1] - a[1]) * t, heading: (heading + 360) % 360 };
    }
    left -= d;
  }
  return { lng: line[0]![0], lat: line[0]![1], heading: 0 };
};
const lengthOf = (line: readonly [number, number][]) =>
  line.slice(1).reduce((s, b, i) => s + haversineM(line[i]![0], line[i]![1], b[0], b[1]), 0);

/**
 * Where a simulated vehicle is at a local time (minutes after midnight, fractional), or null when it is parked off
 * duty. Sprinklers: from 06:00, seven periods of 16 h / 7, each a round trip at 15 km/h then a rest. Muck trucks:
 * 22:00–06:00, round trips at 30 km/h with 15 minutes loading and 15 unloading at the two ends.
 */
export function simulatedPositions(v: SimVehicle, minute: number, offsetMin = 0) {
  const len = lengthOf(v.line);
  if (len === 0) return null;
  const pos = (metres: number, speed: number, back: boolean) => {
    const p = along(v.line, back ? len - metres : metres);
    return { lng: p.lng, lat: p.lat, speedKmh: speed, headingDeg: back ? (p.heading + 180) % 360 : p.heading };
  };
  if (v.kind === 'sprinkler') {
    const t = minute - 360 - offsetMin;
    if (t < 0 || t >= 960) return null;
    const period = 960 / 7;
    const inPeriod = t % period;
    const drive = ((2 * len) / 15_000) * 60;
    if (inPeriod >= drive) return null;
    const m = (inPeriod / 60) * 15_000;
    return m <= len ? pos(m, 15, false) : pos(m - len, 15, true);
  }
  const t = (minute - 1320 + 1440) % 1440;
  if (t >= 480) return null;
  const leg = (len / 30_000) * 60;
  const cycle = 2 * leg + 30;
  const c = (t + offsetMin) % cycle;
  if (c < 15) return pos(0, 0, false);
  if (c < 15 + leg) return pos(((c - 15) / 60) * 30_000, 30, false);
  if (c < 30 + leg) return pos(len, 0, true);
  return pos(((c - 30 - leg) / 60) * 30_000, 30, true);
}
