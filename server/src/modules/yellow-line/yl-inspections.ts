/**
 * Inspections of a 黄线 (docs/yellow-line.md, "Inspections and repeat counts"), the tenant's repeat counts, the
 * figures of a period and the public map.
 */
import type {
  InspectionCreate,
  PublicZone,
  YellowLineFigures,
  ZoneDetail,
  ZoneGeometry,
} from '../../../../common/contracts/yellow-line.ts';
import {
  consequenceOf,
  DEFAULT_YELLOW_LINE_SETTINGS,
  permitState,
  settingsProblems,
  type InspectionAction,
  type YellowLineSettings,
} from '../../../../common/domain/yellow-line.ts';
import type { YlInspectionsTable, YlZonesTable } from '../../db/schema-yellow-line.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { ylErrors, YL_ERRORS } from './yellow-line.errors.ts';
import * as repo from './yellow-line.repository.ts';
import { INSPECT, MANAGE, parseJson, READ, SETTINGS_KEY, type YlContext } from './yl-context.ts';

/** The most zones the public map and the console map answer with. */
export const MAP_LIMIT = 2000;

export function createYlInspections(ctx: YlContext, get: (actor: Actor, id: string) => Promise<ZoneDetail>) {
  const { db, audit, settings } = ctx;

  async function settingsOf(tenantId: string, ex: Executor = db): Promise<YellowLineSettings> {
    const stored = (await settings.get(tenantId, SETTINGS_KEY, ex))?.value as Partial<YellowLineSettings> | undefined;
    return { ...DEFAULT_YELLOW_LINE_SETTINGS, ...(stored ?? {}) };
  }

  /** Zones in force on `to` by kind, and the inspections of [from, to] with what they led to. */
  async function figures(tenantId: string, from: string, to: string): Promise<YellowLineFigures> {
    const [kinds, counts] = await Promise.all([
      repo.inForce(db, tenantId, to),
      repo.inspectionCounts(db, tenantId, from, to),
    ]);
    const shops = Number(kinds.find((k) => k.holder_kind === 'shop')?.n ?? 0);
    const stalls = Number(kinds.find((k) => k.holder_kind === 'stall')?.n ?? 0);
    const sum = (pick: (c: (typeof counts)[number]) => boolean) =>
      counts.filter(pick).reduce((s, c) => s + Number(c.n), 0);
    const inspections = sum(() => true);
    const failed = sum((c) => c.result === 'fail');
    return {
      zones: shops + stalls,
      shops,
      stalls,
      inspections,
      failed,
      warnings: sum((c) => c.action === 'warning'),
      suspensions: sum((c) => c.action === 'suspended'),
      revocations: sum((c) => c.action === 'revoked'),
      passRate: inspections ? (inspections - failed) / inspections : null,
    };
  }

  return {
    settingsOf,
    figures,

    async getSettings(actor: Actor): Promise<YellowLineSettings> {
      requirePermission(actor, READ);
      return settingsOf(actor.tenantId);
    },

    async putSettings(actor: Actor, value: YellowLineSettings): Promise<YellowLineSettings> {
      requirePermission(actor, MANAGE);
      const problems = settingsProblems(value);
      if (problems.length)
        throw new AppError(
          YL_ERRORS.invalid,
          400,
          problems.map((p) => ({ field: p.field, rule: 'range', message: p.message })),
        );
      await db.transaction().execute((tx) => settings.put(tx, actor, SETTINGS_KEY, value));
      return settingsOf(actor.tenantId);
    },

    /**
     * Records an inspection with its photos. A failure counts against the permit: a warning, or — at the tenant's
     * repeat counts — suspension, then revocation. A revoked permit takes no more inspections.
     */
    async inspect(actor: Actor, zoneId: string, input: InspectionCreate): Promise<ZoneDetail> {
      requirePermission(actor, INSPECT);
      if (input.inspectedOn > ctx.today()) throw ylErrors.field('body.inspectedOn', 'past', 'must not be after today');
      await db.transaction().execute(async (tx) => {
        const zone = await repo.findZone(tx, actor.tenantId, zoneId);
        if (!zone) throw notFound('yellow_line_zone');
        if (zone.status === 'revoked') throw ylErrors.revoked();
        const id = newId();
        const photoIds = [...new Set(input.photoIds ?? [])];
        if (photoIds.length) {
          const refused = await ctx.holdPhotos(tx, actor.tenantId, `yl_inspection:${id}`, photoIds, actor.userId);
          if (refused.length) throw ylErrors.photos(refused.map((i) => `body.photoIds.${i}`));
        }
        let action: InspectionAction = 'none';
        const changes: Partial<YlZonesTable> = { updated_at: ctx.now() };
        if (input.result === 'fail') {
          const failures = Number(zone.warnings) + 1;
          action = consequenceOf(failures, await settingsOf(actor.tenantId, tx));
          changes.warnings = failures;
          if (action !== 'warning') changes.status = action;
        }
        const row: YlInspectionsTable = {
          id,
          tenant_id: actor.tenantId,
          zone_id: zoneId,
          inspected_on: input.inspectedOn,
          result: input.result,
          action,
          note: input.note?.trim() || null,
          photo_ids: JSON.stringify(photoIds),
          inspector_id: actor.userId,
          created_at: ctx.now(),
        };
        await repo.insertInspections(tx, [row]);
        await repo.updateZone(tx, actor.tenantId, zoneId, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'yellow_line.inspection.create',
          entity: 'yellow_line_zone',
          entityId: zoneId,
          before: { status: zone.status, warnings: Number(zone.warnings) },
          after: {
            inspectionId: id,
            result: input.result,
            action,
            status: changes.status ?? zone.status,
            warnings: changes.warnings ?? Number(zone.warnings),
            photos: photoIds.length,
          },
        });
      });
      return get(actor, zoneId);
    },

    /** The photos module's question for a photo an inspection holds: may the actor read the zones? */
    async canViewInspection(actor: Actor, inspectionId: string): Promise<boolean> {
      if (!can(actor, READ)) return false;
      return repo.hasInspection(db, actor.tenantId, inspectionId);
    },

    async figuresFor(actor: Actor, from: string, to: string): Promise<YellowLineFigures> {
      requirePermission(actor, READ);
      if (to < from) throw ylErrors.field('query.to', 'order', 'the period ends before it starts');
      return figures(actor.tenantId, from, to);
    },

    async mapZones(actor: Actor) {
      requirePermission(actor, READ);
      const today = ctx.today();
      const rows = await repo.mapZones(db, actor.tenantId, MAP_LIMIT);
      return rows.map((r) => ({
        id: r.id,
        zoneNo: r.zone_no,
        holderKind: r.holder_kind,
        holderName: r.holder_name,
        geometry: JSON.parse(r.geometry) as ZoneGeometry,
        permitState: permitState({ status: r.status, validFrom: r.valid_from, validTo: r.valid_to }, today),
      }));
    },

    /** The citizen page's map: zones in force today with the business name, never a person's name or phone. */
    async publicZones(tenantId: string): Promise<PublicZone[]> {
      const rows = await repo.publicZones(db, tenantId, ctx.today(), MAP_LIMIT);
      return rows.map((r) => ({
        zoneNo: r.zone_no,
        holderKind: r.holder_kind,
        businessName: r.holder_name,
        geometry: JSON.parse(r.geometry) as ZoneGeometry,
        lng: Number(r.lng),
        lat: Number(r.lat),
        goods: parseJson<string[]>(r.goods, []),
        hoursFrom: r.hours_from,
        hoursTo: r.hours_to,
        validFrom: r.valid_from,
        validTo: r.valid_to,
      }));
    },
  };
}
