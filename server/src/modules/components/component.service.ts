import {
  MAX_COMPONENT_EXPORT_ROWS,
  type Component,
  type ComponentCreate,
  type ComponentExportQuery,
  type ComponentQuery,
  type ComponentUpdate,
} from '../../../../common/contracts/components.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
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
  parseBbox,
  validateComponentId,
  wgs84,
  type GeoService,
  type TenantGeography,
} from '../geo/index.ts';
import { componentErrors } from './component.errors.ts';
import { componentsCsv, componentsGeoJson, componentsXlsx } from './component-files.ts';
import { componentMapQueries } from './component-map.ts';
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
export const todayIn = (timezone: string, now: Date): string => zonedDate(now, timezone);

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

const SORTS = {
  code: 'code',
  name: 'name',
  classCode: 'class_code',
  state: 'state',
  initialDate: 'initial_date',
  updatedAt: 'updated_at',
} as const;
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
    ...componentMapQueries(database),

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
