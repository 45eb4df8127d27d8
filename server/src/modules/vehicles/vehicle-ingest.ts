import type { Insertable } from 'kysely';
import type { GpsBatch, GpsBatchResult, GpsRejected } from '../../../../common/contracts/vehicles.ts';
import {
  BBOX_MARGIN_M,
  degreesOf,
  GPS_VALUES,
  haversineM,
  IMPOSSIBLE_KMH,
  MAX_FUTURE_MS,
} from '../../../../common/domain/vehicles.ts';
import type { VehiclePointsTable, VehiclesTable } from '../../db/schema-vehicles.ts';
import { notFound } from '../../platform/errors.ts';
import { tenantByCode } from '../org/index.ts';
import { readMessage, Refusal } from '../telemetry/index.ts';
import type { TenantFrame, VehicleContext } from './vehicle-context.ts';
import { vehicleErrors } from './vehicles.errors.ts';
import * as repo from './vehicles.repository.ts';

/**
 * GPS intake (docs/vehicles.md, "GPS messages"): one path for the HTTP batch and the MQTT topic. Each message is a
 * device message of kind `gps` signed with the vehicle's key, read by the telemetry module's reader (schema, HMAC,
 * clock window); then the position is checked here: inside the city's box with a margin, not ahead of the server's
 * clock. Points may come in any order; they are stored by instant, a repeat is ignored, and a point that would need
 * an impossible speed from its predecessor is stored with the flag `jump` and left out of matching and checks.
 */
const GPS_TOPIC = /^cityloop\/([0-9A-Za-z_-]{1,20})\/([0-9A-Za-z_-]{1,40})\/gps$/;

export interface IngestResult extends GpsBatchResult {
  /** the vehicle and the span of new points: what the muck checks look at again */
  vehicle: VehiclesTable | null;
  frame: TenantFrame | null;
  from: string | null;
  to: string | null;
}

interface Fix {
  index: number;
  at: string;
  lng: number;
  lat: number;
  speed: number | null;
  heading: number | null;
}

export function createGpsIngest(ctx: VehicleContext) {
  const { db } = ctx.database;
  const counts = { received: 0, accepted: 0, rejected: 0 };

  function checkFix(
    frame: TenantFrame,
    index: number,
    values: Record<string, number>,
    at: Date,
    now: Date,
  ): Fix | GpsRejected {
    const lat6 = values[GPS_VALUES.lat];
    const lng6 = values[GPS_VALUES.lng];
    if (lat6 === undefined || !Number.isInteger(lat6) || Math.abs(lat6) > 90e6)
      return { index, field: `values.${GPS_VALUES.lat}`, rule: 'required' };
    if (lng6 === undefined || !Number.isInteger(lng6) || Math.abs(lng6) > 180e6)
      return { index, field: `values.${GPS_VALUES.lng}`, rule: 'required' };
    const lat = lat6 / 1e6;
    const lng = lng6 / 1e6;
    if (frame.box) {
      const m = degreesOf(BBOX_MARGIN_M, lat);
      if (lat < frame.box[1] - m.dLat || lat > frame.box[3] + m.dLat)
        return { index, field: `values.${GPS_VALUES.lat}`, rule: 'outside_area' };
      if (lng < frame.box[0] - m.dLng || lng > frame.box[2] + m.dLng)
        return { index, field: `values.${GPS_VALUES.lng}`, rule: 'outside_area' };
    }
    const speed = values[GPS_VALUES.speed] ?? null;
    if (speed !== null && (speed < 0 || speed > 250))
      return { index, field: `values.${GPS_VALUES.speed}`, rule: 'range' };
    const heading = values[GPS_VALUES.heading] ?? null;
    if (heading !== null && (heading < 0 || heading >= 360))
      return { index, field: `values.${GPS_VALUES.heading}`, rule: 'range' };
    if (at.getTime() - now.getTime() > MAX_FUTURE_MS) return { index, field: 'ts', rule: 'future' };
    return { index, at: at.toISOString(), lng, lat, speed, heading };
  }

  const REFUSAL_FIELD: Record<string, string> = { bad_signature: 'sig', stale: 'ts', bad_json: '', bad_payload: '' };

  async function accept(
    frame: TenantFrame,
    vehicle: VehiclesTable,
    messages: readonly Buffer[],
  ): Promise<IngestResult> {
    const key = ctx.deps.keys.open(vehicle.key_sealed);
    const now = ctx.clock.now();
    const rejected: GpsRejected[] = [];
    const fixes: Fix[] = [];
    messages.forEach((payload, index) => {
      try {
        const msg = readMessage({ tenant: frame.code, device: vehicle.code, kind: 'gps' }, payload, key, now);
        const fix = checkFix(frame, index, msg.values, msg.at, now);
        if ('rule' in fix) rejected.push(fix);
        else fixes.push(fix);
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        rejected.push({ index, field: REFUSAL_FIELD[err.reason] ?? '', rule: err.reason });
      }
    });
    counts.received += messages.length;
    counts.rejected += rejected.length;
    const empty = { vehicle, frame, from: null, to: null, accepted: 0, duplicates: 0, flagged: 0, rejected };
    if (fixes.length === 0) return empty;
    // out-of-order arrival: order by the device's instant, one point per instant
    fixes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index));
    const unique = fixes.filter((f, i) => i === 0 || f.at !== fixes[i - 1]!.at);
    const receivedAt = now.toISOString();
    return db.transaction().execute(async (tx) => {
      let prev = await repo.pointBefore(tx, vehicle.id, unique[0]!.at);
      let flagged = 0;
      const rows: Insertable<VehiclePointsTable>[] = unique.map((f) => {
        let flag: 'ok' | 'jump' = 'ok';
        if (prev) {
          const hours = (Date.parse(f.at) - Date.parse(prev.at)) / 3_600_000;
          const km = haversineM(Number(prev.lng), Number(prev.lat), f.lng, f.lat) / 1000;
          // 50 m of slack: two fixes a second apart may differ by the receiver's own error
          if (km > 0.05 && km / Math.max(hours, 1 / 3600) > IMPOSSIBLE_KMH) flag = 'jump';
        }
        if (flag === 'jump') flagged++;
        else prev = { at: f.at, lng: f.lng, lat: f.lat };
        return {
          vehicle_id: vehicle.id,
          at: f.at,
          tenant_id: vehicle.tenant_id,
          lng: f.lng,
          lat: f.lat,
          speed_kmh: f.speed,
          heading_deg: f.heading,
          flag,
          received_at: receivedAt,
        };
      });
      const inserted = await repo.insertPoints(tx, rows);
      const last = [...rows].reverse().find((r) => r.flag === 'ok');
      if (last)
        await repo.touchLast(tx, vehicle.id, {
          at: last.at,
          lng: last.lng,
          lat: last.lat,
          speed: last.speed_kmh ?? null,
        });
      counts.accepted += inserted;
      return {
        vehicle,
        frame,
        from: unique[0]!.at,
        to: unique.at(-1)!.at,
        accepted: inserted,
        duplicates: fixes.length - inserted,
        flagged,
        rejected,
      };
    });
  }

  async function target(tenantCode: string, vehicleCode: string) {
    const t = await tenantByCode(db, tenantCode);
    if (!t) return null;
    const vehicle = await repo.vehicleByCode(db, t.id, vehicleCode);
    // a vehicle without an issued key (a seeded demo vehicle) sends nothing that could verify
    if (!vehicle || Number(vehicle.active) !== 1 || !vehicle.key_sealed) return null;
    return { frame: await ctx.frame(t.id), vehicle };
  }

  return {
    counts,
    /** The HTTP batch: an unknown tenant or vehicle is a 404; a batch whose every point is refused is a 400. */
    async batch(input: GpsBatch): Promise<IngestResult> {
      const found = await target(input.tenant, input.vehicle);
      if (!found) throw notFound('vehicle');
      const res = await accept(
        found.frame,
        found.vehicle,
        input.messages.map((m) => Buffer.from(JSON.stringify(m), 'utf8')),
      );
      if (res.rejected.length === input.messages.length) throw vehicleErrors.gpsRefused(res.rejected);
      return res;
    },
    /** One MQTT message; a bad one is counted and dropped, never thrown (only a storage failure throws). */
    async message(topic: string, payload: Buffer): Promise<IngestResult | null> {
      const m = GPS_TOPIC.exec(topic);
      const found = m ? await target(m[1]!, m[2]!) : null;
      if (!found) {
        counts.received++;
        counts.rejected++;
        return null;
      }
      return accept(found.frame, found.vehicle, [payload]);
    },
  };
}
export type GpsIngest = ReturnType<typeof createGpsIngest>;
