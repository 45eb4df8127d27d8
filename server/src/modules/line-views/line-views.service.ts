/**
 * The console's business lines (docs/lines.md): the tenant's switch of lines and flood season (settings key
 * `lines`), a line's key figures for its view and its 大屏 panel, its page of assets with per-asset figures, and
 * the 排水 line's 防汛排渍 duty roster. A switched-off line answers 404 `LINE_SWITCHED_OFF` everywhere.
 */
import type { Static } from 'typebox';
import type {
  DutyDayBody,
  DutyQuery,
  FloodPoint,
  LineItemsQuery,
  LineShared,
  LineSharedBody,
  LineSummary,
} from '../../../../common/contracts/lines.ts';
import type { LinesSettingSchema } from '../../../../common/contracts/lines.ts';
import { PRIMARY_METRIC } from '../../../../common/domain/iot.ts';
import {
  DEFAULT_LINES_SETTING,
  FLOOD_POINT_TYPE,
  SENSOR_ATTRIBUTE,
  inFloodSeason,
  LINES,
  LINES_SETTING_KEY,
  LINE_SHARED_KEY,
  type Line,
  type LineSharedTypes,
  type LinesSetting,
} from '../../../../common/domain/lines.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, invalidField, invalidFieldOf } from '../../platform/errors.ts';
import { monthWindow, type AssetServices } from '../assets/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { activeDevicesByCode } from '../devices/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { latestReadings } from '../telemetry/index.ts';
import * as repo from './line-views.repository.ts';

export const LINE_SWITCHED_OFF = 'LINE_SWITCHED_OFF';
const lineOff = (line: string) => new AppError(LINE_SWITCHED_OFF, 404, { line });

/** A stored value of another shape (an older release, a hand edit) falls back to the defaults part by part. */
function settingOf(value: unknown): LinesSetting {
  const v = (value ?? {}) as Partial<LinesSetting>;
  const enabled = Array.isArray(v.enabled)
    ? LINES.filter((l) => v.enabled!.includes(l))
    : DEFAULT_LINES_SETTING.enabled;
  const season =
    v.floodSeason && typeof v.floodSeason.from === 'string' ? v.floodSeason : DEFAULT_LINES_SETTING.floodSeason;
  return { enabled, floodSeason: season };
}

/** The stored list of shared types, any other shape read as none shared. */
function sharedOf(value: unknown): LineSharedTypes {
  const v = (value ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    LINES.flatMap((l) => {
      const codes = v[l];
      return Array.isArray(codes) ? [[l, codes.filter((c): c is string => typeof c === 'string')]] : [];
    }),
  );
}

export interface LineViewDeps {
  settings: SettingsService;
  assets: AssetServices;
  audit: AuditService;
  timeZone: string;
}

export function createLineViews(database: Database, clock: Clock, deps: LineViewDeps) {
  const { db } = database;
  const { settings, assets, timeZone } = deps;

  const setting = async (tenantId: string) => settingOf((await settings.current(tenantId, LINES_SETTING_KEY))?.value);
  const requireOn = async (tenantId: string, line: Line) => {
    const s = await setting(tenantId);
    if (!s.enabled.includes(line)) throw lineOff(line);
    return s;
  };
  const today = () => zonedDate(clock.now(), timeZone);
  const sharedSetting = async (tenantId: string) =>
    sharedOf((await settings.current(tenantId, LINE_SHARED_KEY))?.value);
  /** The other lines' types the line also shows, as they stand (a type of the line itself is never among them). */
  const sharedTypes = async (actor: Actor, line: Line) =>
    (await assets.lines.typesOf(actor, (await sharedSetting(actor.tenantId))[line] ?? [])).filter(
      (t) => t.line !== line,
    );

  async function floodPoints(actor: Actor): Promise<FloodPoint[]> {
    const points = (await assets.lines.ofType(actor, FLOOD_POINT_TYPE)).map((p) => ({
      ...p,
      attributes: JSON.parse(p.attributes) as Record<string, unknown>,
    }));
    const levels = await waterLevels(actor.tenantId, points);
    return points.map((p) => {
      const attrs = p.attributes;
      const level = levels.get(p.id);
      return {
        id: p.id,
        code: p.code,
        name: p.name,
        thresholdCm: typeof attrs.thresholdCm === 'number' ? attrs.thresholdCm : null,
        waterCm: level?.value ?? null,
        readAt: level?.at ?? null,
      };
    });
  }

  /** The latest water depth of the level sensor each asset names (attribute `deviceCode`), by asset id. */
  async function waterLevels(tenantId: string, items: readonly { id: string; attributes: Record<string, unknown> }[]) {
    const named = items.flatMap((a) =>
      typeof a.attributes[SENSOR_ATTRIBUTE] === 'string' ? [{ id: a.id, device: a.attributes[SENSOR_ATTRIBUTE] }] : [],
    );
    const devices = await activeDevicesByCode(db, tenantId, 'water_level', [...new Set(named.map((n) => n.device))]);
    const readings = await latestReadings(
      db,
      tenantId,
      devices.map((d) => d.id),
      PRIMARY_METRIC.water_level.metric,
    );
    const byCode = new Map(devices.map((d) => [d.code, readings.get(d.id)]));
    const out = new Map<string, { value: number; at: string }>();
    for (const n of named) {
      const r = byCode.get(n.device);
      if (r) out.set(n.id, r);
    }
    return out;
  }

  return {
    setting,
    requireOn,

    /** The switch as it stands, for every signed-in member of staff (the menu, the map and the 大屏 read it). */
    async read(tenantId: string): Promise<LinesSetting> {
      return setting(tenantId);
    },

    async write(actor: Actor, body: Static<typeof LinesSettingSchema>): Promise<LinesSetting> {
      requirePermission(actor, 'settings.manage');
      const value: LinesSetting = {
        enabled: LINES.filter((l) => body.enabled.includes(l)),
        floodSeason: body.floodSeason,
      };
      await db.transaction().execute((tx) => settings.put(tx, actor, LINES_SETTING_KEY, value));
      return value;
    },

    /** Every line's shared types (the settings page and the line views' tabs). */
    async shared(actor: Actor): Promise<{ items: LineShared[] }> {
      requirePermission(actor, 'assets.read');
      return { items: await Promise.all(LINES.map(async (line) => ({ line, types: await sharedTypes(actor, line) }))) };
    },

    /**
     * Which other lines' types a line also shows (docs/lines.md, "Facilities shared by two lines"). Each code must
     * name a type of another line: the type keeps its line, so its orders are counted once, there.
     */
    async putShared(actor: Actor, line: Line, body: LineSharedBody): Promise<LineShared> {
      requirePermission(actor, 'settings.manage');
      const codes = [...new Set(body.typeCodes)];
      const known = new Map((await assets.lines.typesOf(actor, codes)).map((t) => [t.code, t]));
      codes.forEach((code, i) => {
        const type = known.get(code);
        if (!type) throw invalidFieldOf(`body.typeCodes.${i}`, 'exists', 'details.lineShared.unknownType', { code });
        if (type.line === line)
          throw invalidFieldOf(`body.typeCodes.${i}`, 'line', 'details.lineShared.ownLine', { code });
      });
      const current = await sharedSetting(actor.tenantId);
      const next: LineSharedTypes = { ...current, [line]: codes };
      if (!codes.length) delete next[line];
      await db.transaction().execute((tx) => settings.put(tx, actor, LINE_SHARED_KEY, next));
      return { line, types: codes.map((c) => known.get(c)!) };
    },

    async summary(actor: Actor, line: Line): Promise<LineSummary> {
      const s = await requireOn(actor.tenantId, line);
      const date = today();
      const figures = await assets.lines.figures(actor, line, monthWindow(date.slice(0, 7)));
      const shared = await sharedTypes(actor, line);
      const out: LineSummary = { line, month: date.slice(0, 7), ...figures, shared };
      if (line === 'drainage') {
        const duty = await repo.dutyDays(db, actor.tenantId, date, date);
        out.flood = {
          season: inFloodSeason(date, s.floodSeason),
          points: await floodPoints(actor),
          today: duty[0] ? repo.dutyView(duty[0]) : null,
        };
      }
      return out;
    },

    /** A page of one type's assets of the line, with each asset's figures beside it. */
    async items(actor: Actor, line: Line, q: LineItemsQuery) {
      await requireOn(actor.tenantId, line);
      // another line's type shown here is listed from its own line (one entry per asset, docs/lines.md)
      const owner = (await sharedTypes(actor, line)).find((t) => t.code === q.typeCode)?.line ?? line;
      const page = await assets.assets.list(actor, { ...q, line: owner });
      const ids = page.items.map((a) => a.id);
      const figures = await assets.lines.itemFigures(actor, ids, monthWindow(today().slice(0, 7)));
      const levels = await waterLevels(actor.tenantId, page.items);
      return {
        ...page,
        figures: page.items.map((a) => {
          const level = levels.get(a.id);
          return { id: a.id, ...figures.get(a.id)!, waterCm: level?.value ?? null, readAt: level?.at ?? null };
        }),
      };
    },

    /** The line's map layer (GeoJSON text): the register's layer narrowed to the line and its shared types. */
    async layer(actor: Actor, line: Line): Promise<string> {
      await requireOn(actor.tenantId, line);
      const shared = await sharedTypes(actor, line);
      return assets.assets.layerOf(actor, [{ line }, ...shared.map((t) => ({ line: t.line, typeCode: t.code }))]);
    },

    async roster(actor: Actor, q: DutyQuery) {
      requirePermission(actor, 'assets.read');
      await requireOn(actor.tenantId, 'drainage');
      if (q.to < q.from) throw invalidField('query.to', 'order', 'the end is before the start');
      if (Date.parse(q.to) - Date.parse(q.from) > 366 * 86_400_000)
        throw invalidField('query.to', 'range', 'at most one year at a time');
      const rows = await repo.dutyDays(db, actor.tenantId, q.from, q.to);
      return { items: rows.map(repo.dutyView) };
    },

    async putDuty(actor: Actor, date: string, body: DutyDayBody) {
      requirePermission(actor, 'assets.manage');
      await requireOn(actor.tenantId, 'drainage');
      const staff = [...new Set(body.staff.map((n) => n.trim()).filter(Boolean))];
      const row = {
        tenant_id: actor.tenantId,
        duty_date: date,
        leader: body.leader.trim(),
        staff: JSON.stringify(staff),
        phone: body.phone?.trim() || null,
        note: body.note?.trim() || null,
        updated_by: actor.userId,
        updated_at: clock.now().toISOString(),
      };
      if (!row.leader) throw invalidField('body.leader', 'required', 'the duty leader is required');
      return db.transaction().execute(async (tx) => {
        const before = await repo.dutyDays(tx, actor.tenantId, date, date);
        await repo.upsertDuty(tx, row);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'flood_duty.update',
          entity: 'flood_duty',
          entityId: date,
          before: before[0] ? repo.dutyView(before[0]) : null,
          after: repo.dutyView(row),
        });
        return repo.dutyView(row);
      });
    },

    async deleteDuty(actor: Actor, date: string) {
      requirePermission(actor, 'assets.manage');
      await requireOn(actor.tenantId, 'drainage');
      await db.transaction().execute(async (tx) => {
        const before = await repo.dutyDays(tx, actor.tenantId, date, date);
        if (!before[0]) return;
        await repo.deleteDuty(tx, actor.tenantId, date);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'flood_duty.delete',
          entity: 'flood_duty',
          entityId: date,
          before: repo.dutyView(before[0]),
          after: null,
        });
      });
    },
  };
}
export type LineViews = ReturnType<typeof createLineViews>;
