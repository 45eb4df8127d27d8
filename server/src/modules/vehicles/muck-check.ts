import { createHash } from 'node:crypto';
import type { Lead } from '../../../../common/contracts/vehicles.ts';
import { zonedInstant } from '../../../../common/domain/monitor.ts';
import type { ViolationKind } from '../../../../common/domain/vehicles.ts';
import { zonedDate, zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import type { VehicleLeadsTable, VehiclesTable } from '../../db/schema-vehicles.ts';
import { newId } from '../../platform/ids.ts';
import { tenantIds } from '../org/index.ts';
import { checkTrack, type Episode, type MuckPoint, type Site } from './muck-rules.ts';
import type { MuckEntry, VehicleContext } from './vehicle-context.ts';
import type { XY } from './vehicle-geometry.ts';
import * as repo from './vehicles.repository.ts';

/**
 * The muck checks of one truck and day (docs/vehicles.md, "Muck trucks"), run after each batch of its points and by
 * the nightly job. Findings become leads (线索), one per truck, kind and day: a later run of the same day updates the
 * open lead (span, episodes, evidence) instead of adding another, so the checks can run any number of times.
 */
export const PERMIT_TYPE = 'MUCK-PERMIT';
/** the evidence shows the track from this long before the first finding to this long after the last */
const EVIDENCE_PAD_MS = 5 * 60_000;
const EVIDENCE_MAX_POINTS = 3000;

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
export const dayBounds = (day: string, tz: string) => ({
  from: zonedInstant(day, '00:00', tz).toISOString(),
  to: zonedInstant(nextDay(day), '00:00', tz).toISOString(),
});

export function leadView(r: VehicleLeadsTable & { plate: string }): Lead {
  return {
    id: r.id,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    kind: r.kind,
    day: r.day,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    lng: Number(r.lng),
    lat: Number(r.lat),
    episodes: Number(r.episodes),
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    evidenceSha256: r.evidence_sha256,
    state: r.state,
    note: r.note,
    version: Number(r.version),
  };
}

/** The sites a truck's valid permit names: its construction site and the 消纳场 named in `disposalSite`. */
function permitSites(
  entries: readonly MuckEntry[],
  permitId: string | null,
  day: string,
  toSite: (e: MuckEntry) => Site,
) {
  const permit = permitId ? entries.find((e) => e.id === permitId && e.typeCode === PERMIT_TYPE) : undefined;
  if (!permit) return null;
  const from = String(permit.attributes.validFrom ?? '');
  const to = String(permit.attributes.validTo ?? '');
  if ((from && day < from) || (to && day > to)) return null;
  const disposal = String(permit.attributes.disposalSite ?? '').trim();
  const sites = [toSite(permit)];
  for (const e of entries)
    if (e.typeCode !== PERMIT_TYPE && disposal && e.name.trim() === disposal) sites.push(toSite(e));
  return sites;
}

export function createMuckCheck(ctx: VehicleContext) {
  const { db } = ctx.database;

  async function checkDay(tenantId: string, vehicle: VehiclesTable, day: string): Promise<number> {
    if (vehicle.kind !== 'muck') return 0;
    const frame = await ctx.frame(tenantId);
    const base = await ctx.muckRules(tenantId);
    const rules = {
      ...base,
      ...(vehicle.window_from && vehicle.window_to
        ? { windowFrom: vehicle.window_from, windowTo: vehicle.window_to }
        : {}),
      ...(vehicle.speed_limit_kmh ? { speedLimitKmh: Number(vehicle.speed_limit_kmh) } : {}),
    };
    const { from, to } = dayBounds(day, frame.timeZone);
    const rows = await repo.track(db, tenantId, vehicle.id, from, to, 50_000);
    const ok = rows.filter((r) => r.flag === 'ok');
    if (ok.length === 0) return 0;
    const points: MuckPoint[] = ok.map((r) => {
      const local = zonedDateTime(r.at, frame.timeZone);
      return {
        at: Date.parse(r.at),
        p: frame.proj.toXY(Number(r.lng), Number(r.lat)),
        speed: r.speed_kmh === null ? null : Number(r.speed_kmh),
        minute: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)),
      };
    });
    const entries = await ctx.deps.muckEntries(tenantId);
    const toSite = (e: MuckEntry): Site => ({ id: e.id, name: e.name, p: frame.proj.toXY(e.lng, e.lat) });
    const permitted = permitSites(entries, vehicle.permit_asset_id, day, toSite);
    const permittedIds = new Set((permitted ?? []).map((s) => s.id));
    const route = vehicle.route
      ? (JSON.parse(vehicle.route) as { coordinates: [number, number][] }).coordinates.map(([lng, lat]): XY =>
          frame.proj.toXY(lng, lat),
        )
      : null;
    const episodes = checkTrack(points, {
      route,
      permitted,
      otherSites: entries.filter((e) => !permittedIds.has(e.id)).map(toSite),
      rules,
    });
    const byKind = new Map<ViolationKind, Episode[]>();
    for (const e of episodes) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);
    let written = 0;
    for (const [kind, list] of byKind) {
      const first = ok[list[0]!.from]!;
      const startedAt = first.at;
      const endedAt = ok[Math.max(...list.map((e) => e.to))]!.at;
      const evidence = evidenceOf(vehicle, kind, ok, list, frame.timeZone);
      const sha = createHash('sha256').update(evidence).digest('hex');
      const detail = JSON.stringify({
        ...list[0]!.detail,
        episodes: list.map((e) => ({ from: ok[e.from]!.at, to: ok[e.to]!.at, ...e.detail })).slice(0, 20),
      });
      const now = ctx.clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        const cur = await repo.leadOf(tx, tenantId, vehicle.id, kind, day);
        if (!cur) {
          await repo.insertLead(tx, {
            id: newId(),
            tenant_id: tenantId,
            vehicle_id: vehicle.id,
            kind,
            day,
            started_at: startedAt,
            ended_at: endedAt,
            lng: Number(first.lng),
            lat: Number(first.lat),
            episodes: list.length,
            detail,
            evidence,
            evidence_sha256: sha,
            state: 'open',
            note: null,
            handled_by: null,
            version: 1,
            created_at: now,
            updated_at: now,
          });
          written++;
        } else if (cur.state === 'open' && cur.evidence_sha256 !== sha) {
          // a handled lead keeps the evidence it was decided on
          await repo.updateLead(tx, tenantId, cur.id, Number(cur.version), {
            started_at: startedAt,
            ended_at: endedAt,
            lng: Number(first.lng),
            lat: Number(first.lat),
            episodes: list.length,
            detail,
            evidence,
            evidence_sha256: sha,
            updated_at: now,
          });
          written++;
        }
      });
    }
    return written;
  }

  return {
    checkDay,
    /** the nightly job: yesterday of every muck truck (runs again harmlessly: leads are per truck, kind and day) */
    async checkYesterday(): Promise<number> {
      let n = 0;
      for (const tenantId of await tenantIds(db)) {
        const frame = await ctx.frame(tenantId);
        const day = zonedDate(new Date(ctx.clock.now().getTime() - 86_400_000), frame.timeZone);
        for (const v of await repo.vehiclesOfKinds(db, tenantId, ['muck'])) n += await checkDay(tenantId, v, day);
      }
      return n;
    },
    /** after a batch: each day its new points fall on */
    async afterIngest(vehicle: VehiclesTable, timeZone: string, from: string, to: string) {
      if (vehicle.kind !== 'muck') return;
      const days = new Set([zonedDate(from, timeZone), zonedDate(to, timeZone)]);
      for (const day of days) await checkDay(vehicle.tenant_id, vehicle, day);
    },
  };
}
export type MuckCheck = ReturnType<typeof createMuckCheck>;

/** GeoJSON evidence: the track around the findings as a line with its instants, and each finding's points. */
function evidenceOf(
  vehicle: VehiclesTable,
  kind: ViolationKind,
  points: readonly { at: string; lng: number; lat: number; speed_kmh: number | null }[],
  episodes: readonly Episode[],
  timeZone: string,
): string {
  const start = Date.parse(points[episodes[0]!.from]!.at) - EVIDENCE_PAD_MS;
  const end = Date.parse(points[Math.max(...episodes.map((e) => e.to))]!.at) + EVIDENCE_PAD_MS;
  const around = points
    .filter((p) => Date.parse(p.at) >= start && Date.parse(p.at) <= end)
    .slice(0, EVIDENCE_MAX_POINTS);
  const features: unknown[] = [
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: around.map((p) => [Number(p.lng), Number(p.lat)]) },
      properties: {
        plate: vehicle.plate,
        kind,
        timeZone,
        times: around.map((p) => p.at),
        speedsKmh: around.map((p) => (p.speed_kmh === null ? null : Number(p.speed_kmh))),
      },
    },
  ];
  for (const e of episodes) {
    const a = points[e.from]!;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(a.lng), Number(a.lat)] },
      properties: { kind, from: a.at, to: points[e.to]!.at, ...e.detail },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}
