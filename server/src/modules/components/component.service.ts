import {
  MAX_COMPONENT_EXPORT_ROWS,
  type ClustersQuery,
  type ClustersResult,
  type Component,
  type ComponentCreate,
  type ComponentExportQuery,
  type ComponentQuery,
  type ComponentUpdate,
  type NearestQuery,
  type NearestResult,
} from '../../../../common/contracts/components.ts';
import type { Bbox } from '../../../../common/domain/geo.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { ComponentsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database } from '../../platform/db.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import {
  buildComponentId,
  COMPONENT_SERIAL_MAX,
  EARTH_RADIUS_M,
  parseBbox,
  validateComponentId,
  wgs84,
  type GeoService,
  type TenantGeography,
} from '../geo/index.ts';
import { componentErrors } from './component.errors.ts';
import { componentsCsv, componentsGeoJson, componentsXlsx } from './component-files.ts';
import * as repo from './component.repository.ts';

export const view = (r: repo.ComponentViewRow): Component => ({
  id: r.id,
  code: r.code,
  classCode: r.class_code,
  className: r.class_name ?? null,
  name: r.name,
  state: r.state,
  deptName: r.dept_name,
  ownerName: r.owner_name,
  maintainerName: r.maintainer_name,
  gridCode: r.grid_code,
  streetId: r.street_id,
  streetCode: r.street_code ?? null,
  streetName: r.street_name ?? null,
  communityId: r.community_id,
  communityCode: r.community_code ?? null,
  communityName: r.community_name ?? null,
  lng: r.lng,
  lat: r.lat,
  initialDate: r.initial_date,
  changeDate: r.change_date,
  source: r.source,
  notes: r.notes,
  synthetic: toBool(r.synthetic),
  updatedAt: r.updated_at,
});

/** Today's calendar date in the tenant's business time zone (docs/conventions.md, "Time and calendar"). */
export const todayIn = (timezone: string, now: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );

/** Grid, community and street of a position; a given grid code must exist and then decides them. null: unknown grid. */
export function placement(
  geo: TenantGeography,
  lng: number,
  lat: number,
  gridCode?: string | null,
): Pick<ComponentsTable, 'grid_code' | 'community_id' | 'street_id'> | null {
  if (gridCode) {
    if (!geo.gridCodes.has(gridCode)) return null;
    return {
      grid_code: gridCode,
      community_id: geo.regions.get(gridCode.slice(0, 12))?.id ?? null,
      street_id: geo.regions.get(gridCode.slice(0, 9))?.id ?? null,
    };
  }
  const at = geo.locate(lng, lat);
  return { grid_code: at?.gridCode ?? null, community_id: at?.communityId ?? null, street_id: at?.streetId ?? null };
}

const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const RAD = Math.PI / 180;
export function haversineM(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 +
    Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lng2 - lng1) * RAD) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}
/** A bbox that holds the circle of radius r (metres) around the point, with a little slack. */
const boxAround = (lng: number, lat: number, r: number): Bbox => {
  const dLat = (r * 1.001) / M_PER_DEG;
  const dLng = dLat / Math.max(0.01, Math.cos(lat * RAD));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
};
const SORTS = {
  code: 'code',
  name: 'name',
  classCode: 'class_code',
  state: 'state',
  initialDate: 'initial_date',
  updatedAt: 'updated_at',
} as const;
/** A class this small is read whole for a nearest query instead of through the position index. */
const SMALL_CLASS = 2000;
/** Above this many cells the map gains nothing; the cell size doubles until the bbox fits. */
const MAX_CLUSTER_CELLS = 40_000;

/** Component registry (管理部件, GB/T 47678.5 表 2): CRUD, nearest and map clusters, exports. */
export function createComponentService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  catalog: CatalogService,
  geo: GeoService,
) {
  const { db } = database;

  async function get(actor: Actor, code: string): Promise<Component> {
    requirePermission(actor, 'org.read');
    const row = await repo.componentWithNames(db, actor.tenantId, code);
    if (!row) throw notFound('component');
    return view(row);
  }

  /** The class of a new component, from its id or its classCode; it must be an active component class. */
  async function resolveClass(
    actor: Actor,
    adminCode: string,
    input: { code?: string; classCode?: string },
  ): Promise<string> {
    if (input.code) {
      const issue = validateComponentId(input.code, 'body.code')[0];
      if (issue) throw componentErrors.invalidCode('body.code', 'pattern', issue.message);
      if (!input.code.startsWith(adminCode))
        throw componentErrors.invalidCode(
          'body.code',
          'prefix',
          `component id must start with the admin code ${adminCode}`,
        );
      if (input.classCode && input.code.slice(6, 11) !== input.classCode) {
        throw componentErrors.invalidCode(
          'body.classCode',
          'match',
          `classCode ${input.classCode} does not match digits 7–11 of ${input.code}`,
        );
      }
    }
    const classCode = input.classCode ?? input.code?.slice(6, 11);
    if (!classCode) throw componentErrors.codeOrClassRequired();
    const entry = (await catalog.catalogOf(actor.tenantId)).byKey.get(`component:${classCode}`);
    if (!entry || !toBool(entry.active)) {
      throw componentErrors.unknownClass(input.classCode ? 'body.classCode' : 'body.code', classCode);
    }
    return classCode;
  }

  async function located(
    actor: Actor,
    lng: number,
    lat: number,
    crs: ComponentCreate['crs'],
    gridCode: string | null | undefined,
  ) {
    const [x, y] = wgs84(lng, lat, crs ?? 'wgs84', 'body');
    const g = await geo.geographyOf(actor.tenantId);
    if (!g.insideTenant(x, y)) throw componentErrors.outsideTenant(x, y);
    const place = placement(g, x, y, gridCode);
    if (!place) throw componentErrors.unknownGrid(gridCode);
    return { lng: x, lat: y, ...place };
  }

  return {
    get,

    async list(actor: Actor, query: ComponentQuery): Promise<Page<Component>> {
      requirePermission(actor, 'org.read');
      const w = listWindow(query, SORTS, 'code');
      const { rows, total } = await repo.listComponents(
        db,
        actor.tenantId,
        { ...query, bbox: parseBbox(query.bbox) },
        w,
      );
      return { items: rows.map(view), total, page: w.page, pageSize: w.limit };
    },

    /** Without `code` the server assigns the class's next serial (retrying if another request took it meanwhile). */
    async create(actor: Actor, input: ComponentCreate): Promise<Component> {
      requirePermission(actor, 'settings.manage');
      const tenant = await repo.tenantInfo(db, actor.tenantId);
      if (!tenant) throw notFound('tenant');
      const classCode = await resolveClass(actor, tenant.code, input);
      const entry = (await catalog.catalogOf(actor.tenantId)).byKey.get(`component:${classCode}`);
      const where = await located(actor, input.lng, input.lat, input.crs, input.gridCode);
      const now = clock.now();
      for (let attempt = 0; ; attempt++) {
        const row: ComponentsTable = {
          id: newId(),
          tenant_id: actor.tenantId,
          code: input.code ?? '',
          class_code: classCode,
          name: input.name?.trim() || (entry?.name ?? classCode).slice(0, 30),
          state: input.state ?? 'intact',
          dept_name: input.deptName.trim(),
          owner_name: input.ownerName ?? null,
          maintainer_name: input.maintainerName ?? null,
          ...where,
          initial_date: input.initialDate ?? todayIn(tenant.timezone, now),
          change_date: null,
          source: input.source ?? null,
          notes: input.notes ?? null,
          synthetic: 0,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        };
        try {
          await db.transaction().execute(async (tx) => {
            if (!input.code) {
              // The serial is read under a per-tenant lock in the inserting transaction: 50 concurrent creates get
              // 50 serials instead of colliding until the retries run out.
              await repo.lockSerials(tx, database.dialect, actor.tenantId);
              const serial = (await repo.maxSerial(tx, actor.tenantId, classCode)) + 1;
              if (serial > COMPONENT_SERIAL_MAX)
                throw componentErrors.serialsExhausted(classCode, COMPONENT_SERIAL_MAX);
              row.code = buildComponentId(tenant.code, classCode, serial);
            }
            await repo.insertComponents(tx, [row]);
            await audit.record(tx, actor, actor.tenantId, {
              action: 'component.create',
              entity: 'component',
              entityId: row.code,
              after: row,
            });
          });
          return get(actor, row.code);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          if (input.code) throw componentErrors.duplicateCode(input.code);
          if (attempt >= 4) throw err;
        }
      }
    },

    /** A state change sets 变更日期; lng/lat move together and re-locate the grid unless gridCode is given. */
    async update(actor: Actor, code: string, patch: ComponentUpdate): Promise<Component> {
      requirePermission(actor, 'settings.manage');
      const before = await repo.findComponent(db, actor.tenantId, code);
      if (!before) throw notFound('component');
      if ((patch.lng === undefined) !== (patch.lat === undefined)) {
        throw invalidField(
          patch.lng === undefined ? 'body.lng' : 'body.lat',
          'required',
          'lng and lat move a component together',
          'VALIDATION_FAILED',
        );
      }
      const moves = patch.lng !== undefined && patch.lat !== undefined;
      const where =
        moves || patch.gridCode !== undefined
          ? await located(
              actor,
              patch.lng ?? before.lng,
              patch.lat ?? before.lat,
              moves ? patch.crs : 'wgs84',
              patch.gridCode,
            )
          : {};
      const tenant = await repo.tenantInfo(db, actor.tenantId);
      const now = clock.now();
      const changes: Partial<ComponentsTable> = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.state !== undefined ? { state: patch.state } : {}),
        ...(patch.deptName !== undefined ? { dept_name: patch.deptName.trim() } : {}),
        ...(patch.ownerName !== undefined ? { owner_name: patch.ownerName } : {}),
        ...(patch.maintainerName !== undefined ? { maintainer_name: patch.maintainerName } : {}),
        ...(patch.initialDate !== undefined ? { initial_date: patch.initialDate } : {}),
        ...(patch.source !== undefined ? { source: patch.source } : {}),
        ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
        ...where,
        ...(patch.state !== undefined && patch.state !== before.state
          ? { change_date: todayIn(tenant?.timezone ?? 'Asia/Shanghai', now) }
          : {}),
        updated_at: now.toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.updateComponent(tx, actor.tenantId, before.id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'component.update',
          entity: 'component',
          entityId: code,
          before,
          after: { ...before, ...changes },
        });
      });
      return get(actor, code);
    },

    /**
     * Nearest components within `radius` m: bbox candidates on the (tenant, lng, lat) index, exact haversine
     * sort. The box starts small and grows ×3, so a dense city answers from a few hundred rows, not thousands.
     */
    async nearest(actor: Actor, q: NearestQuery): Promise<NearestResult> {
      requirePermission(actor, 'org.read');
      const [x, y] = wgs84(q.lng, q.lat, q.crs ?? 'wgs84');
      const limit = q.limit ?? 10;
      const radius = q.radius ?? 1000;
      const rank = (candidates: { id: string; lng: number; lat: number }[], within: number) =>
        candidates
          .map((c) => ({ id: c.id, d: haversineM(x, y, c.lng, c.lat) }))
          .filter((h) => h.d <= within)
          .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
      let hits: { id: string; d: number }[];
      if (q.classCode && (await repo.classCount(db, actor.tenantId, q.classCode)) <= SMALL_CLASS) {
        // A rare class (19 pump houses) is read whole on its own index: cheaper than scanning a city-wide box.
        hits = rank(await repo.positionsOfClass(db, actor.tenantId, q.classCode), radius);
      } else {
        for (let r = Math.min(radius, 150); ; r = Math.min(radius, r * 3)) {
          hits = rank(await repo.positionsInBox(db, actor.tenantId, boxAround(x, y, r), q.classCode), r);
          // Every point closer than r is in the box, so once `limit` of them are within r they are the nearest.
          if (hits.length >= limit || r >= radius) break;
        }
      }
      const top = hits.slice(0, limit);
      const rows = new Map(
        (
          await repo.componentsWithNamesByIds(
            db,
            actor.tenantId,
            top.map((h) => h.id),
          )
        ).map((c) => [c.id, c]),
      );
      return {
        items: top.flatMap((h) => {
          const c = rows.get(h.id);
          return c
            ? [
                {
                  id: c.id,
                  code: c.code,
                  classCode: c.class_code,
                  className: c.class_name ?? null,
                  name: c.name,
                  state: c.state,
                  gridCode: c.grid_code,
                  lng: c.lng,
                  lat: c.lat,
                  distanceM: Math.round(h.d * 100) / 100,
                },
              ]
            : [];
        }),
      };
    },

    /** Grid clustering for the map: cells ~64 px wide at `zoom`; a cell of one is that component. */
    async clusters(actor: Actor, q: ClustersQuery): Promise<ClustersResult> {
      requirePermission(actor, 'org.read');
      const tenant = await repo.tenantInfo(db, actor.tenantId);
      const box: Bbox =
        parseBbox(q.bbox) ??
        (tenant?.min_lng != null && tenant.min_lat != null && tenant.max_lng != null && tenant.max_lat != null
          ? [tenant.min_lng, tenant.min_lat, tenant.max_lng, tenant.max_lat]
          : [-180, -90, 180, 90]);
      const shrink = Math.max(0.01, Math.cos((((box[1] + box[3]) / 2) * Math.PI) / 180));
      let cellLng = 90 / 2 ** q.zoom; // 64 px of a 256 px tile
      while (((box[2] - box[0]) / cellLng) * ((box[3] - box[1]) / (cellLng * shrink)) > MAX_CLUSTER_CELLS) cellLng *= 2;
      const cellLat = cellLng * shrink; // square on the screen in Web Mercator
      const rows = await repo.clusterCells(db, actor.tenantId, box, cellLng, cellLat, q.classCode);
      const items = rows.map((c) => ({
        lng: Number(c.lng),
        lat: Number(c.lat),
        count: Number(c.n),
        ...(c.class_min === c.class_max ? { classCode: c.class_min } : {}),
        ...(Number(c.n) === 1 ? { code: c.code } : {}),
      }));
      return { cellLng, cellLat, total: items.reduce((s, c) => s + c.count, 0), items };
    },

    async export(
      actor: Actor,
      format: 'csv' | 'xlsx' | 'geojson',
      q: ComponentExportQuery,
    ): Promise<{ body: string | Buffer; filename: string }> {
      requirePermission(actor, 'org.read');
      const filter = { ...q, bbox: parseBbox(q.bbox) };
      const n = await repo.countComponents(db, actor.tenantId, filter);
      if (n > MAX_COMPONENT_EXPORT_ROWS) throw componentErrors.exportTooLarge(n, MAX_COMPONENT_EXPORT_ROWS);
      const rows = await repo.exportComponents(db, actor.tenantId, filter);
      const body =
        format === 'csv'
          ? componentsCsv(rows)
          : format === 'xlsx'
            ? await componentsXlsx(rows)
            : componentsGeoJson(rows);
      return { body, filename: `components.${format}` };
    },
  };
}
export type ComponentService = ReturnType<typeof createComponentService>;
