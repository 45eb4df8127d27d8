/**
 * The registers of the lines (docs/assets.md): asset types with their attribute schema, assets with geometry inside
 * the tenant and attributes checked against their type, lists, exports and all-or-nothing imports. Reads need
 * assets.read, writes assets.manage (within the caller's unit or street scope); writes are audited.
 */
import {
  type ASSET_SORTS,
  MAX_ASSET_EXPORT_ROWS,
  type Asset,
  type AssetCreate,
  type AssetExportQuery,
  type AssetImportResult,
  type AssetMapQuery,
  type AssetQuery,
  type AssetType,
  type AssetTypeCreate,
  type AssetTypeQuery,
  type AssetTypeUpdate,
  type AssetUpdate,
} from '../../../../common/contracts/assets.ts';
import type { AttributeSchema } from '../../../../common/domain/assets.ts';
import type { Crs } from '../../../../common/domain/geo.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { AssetsTable, AssetTypesTable } from '../../db/schema-assets.ts';
import { isUniqueViolation, type Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { reportImportRows } from '../../platform/import-progress.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { registerScope, requirePermission, type Actor } from '../auth/index.ts';
import {
  assetsCsv,
  assetsGeoJson,
  assetsXlsx,
  parseAssetCsv,
  parseAssetGeoJson,
  parseAssetXlsx,
  typedAttributes,
  type AssetFileFormat,
} from './asset-files.ts';
import { assetView, checkSchema, checkWorkKinds, MANAGE, READ, typeView, type AssetContext } from './asset-context.ts';
import { assetErrors, issue, type FieldIssue } from './assets.errors.ts';
import * as repo from './assets.repository.ts';

const SORT_COLUMNS = {
  code: 'code',
  name: 'name',
  updatedAt: 'updated_at',
  status: 'status',
} as const satisfies Record<(typeof ASSET_SORTS)[number], string>;

/** A map layer holds at most this many assets (the demo city has a few dozen; a census of thousands pages by line). */
const MAP_LIMIT = 5000;

export function createAssetService(ctx: AssetContext) {
  const { db, database, clock, audit, unitNamesOf, assetInScope, activeUnit, placed } = ctx;

  async function typeOf(ex: Executor, tenantId: string, code: string, field: string): Promise<AssetTypesTable> {
    const t = await repo.findTypeByCode(ex, tenantId, code);
    if (!t) throw assetErrors.unknownType(field);
    return t;
  }

  async function get(actor: Actor, id: string): Promise<Asset> {
    requirePermission(actor, READ);
    const row = await assetInScope(db, actor, id, READ);
    if (!row) throw notFound('asset');
    return assetView(row, await unitNamesOf([row]));
  }

  async function filterOf(actor: Actor, q: { typeCode?: string | undefined }) {
    if (!q.typeCode) return { typeId: undefined };
    const t = await repo.findTypeByCode(db, actor.tenantId, q.typeCode);
    // an unknown type matches nothing rather than everything
    return { typeId: t?.id ?? '-' };
  }

  /**
   * One layer of several filters' assets, at most MAP_LIMIT in all: a line's own and the other lines' types it
   * also shows (docs/lines.md, "Facilities shared by two lines").
   */
  async function layerOf(actor: Actor, parts: readonly AssetMapQuery[]): Promise<string> {
    requirePermission(actor, READ);
    const features: string[] = [];
    for (const q of parts) {
      if (features.length >= MAP_LIMIT) break;
      const rows = await repo.mapPoints(
        db,
        actor.tenantId,
        { line: q.line, ...(await filterOf(actor, q)) },
        registerScope(actor, READ, 'a', true),
        MAP_LIMIT - features.length,
      );
      for (const r of rows)
        features.push(
          `{"type":"Feature","geometry":${r.geometry},"properties":${JSON.stringify({
            id: r.id,
            code: r.code,
            name: r.name,
            line: r.line,
            status: r.status,
            type: r.type_code,
            typeNameZh: r.type_name_zh,
            typeNameEn: r.type_name_en,
          })}}`,
        );
    }
    return `{"type":"FeatureCollection","features":[${features.join(',')}]}`;
  }

  return {
    get,

    /**
     * The 渣土 register's active entries (消纳场, 建筑垃圾处置核准 with their construction site) for the geofences of
     * the muck-truck checks, which run on arriving GPS points and in a job, with no signed-in user.
     */
    async muckEntries(tenantId: string) {
      const rows = await repo.lineEntries(db, tenantId, 'muck');
      return rows
        .filter((r) => r.status === 'active')
        .map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          typeCode: r.type_code,
          lng: Number(r.lng),
          lat: Number(r.lat),
          attributes: JSON.parse(r.attributes) as Record<string, unknown>,
        }));
    },

    async listTypes(actor: Actor, q: AssetTypeQuery): Promise<{ items: AssetType[] }> {
      requirePermission(actor, READ);
      return { items: (await repo.listTypes(db, actor.tenantId, q.line)).map(typeView) };
    },

    async createType(actor: Actor, input: AssetTypeCreate): Promise<AssetType> {
      requirePermission(actor, MANAGE);
      const schema = checkSchema(input.attributeSchema);
      const now = clock.now().toISOString();
      const row: AssetTypesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        code: input.code,
        name_zh: input.nameZh.trim(),
        name_en: input.nameEn.trim(),
        line: input.line,
        geometry_kind: input.geometryKind,
        attribute_schema: schema,
        log_unit: input.logUnit ?? null,
        work_kinds: checkWorkKinds(input.workKinds ?? [], 'body.workKinds'),
        synthetic: 0,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertTypes(tx, [row]);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'asset_type.create',
            entity: 'asset_type',
            entityId: row.code,
            after: row,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw assetErrors.duplicateTypeCode(input.code);
        throw err;
      }
      return typeView({ ...row, asset_count: 0 });
    },

    /**
     * A schema change applies to later writes; existing assets keep their attributes until edited (the change is
     * audited with the schema before and after).
     */
    async updateType(actor: Actor, id: string, patch: AssetTypeUpdate): Promise<AssetType> {
      requirePermission(actor, MANAGE);
      const schema = patch.attributeSchema ? checkSchema(patch.attributeSchema) : undefined;
      const workKinds = patch.workKinds ? checkWorkKinds(patch.workKinds, 'body.workKinds') : undefined;
      await db.transaction().execute(async (tx) => {
        const before = await repo.findType(tx, actor.tenantId, id);
        if (!before) throw notFound('asset_type');
        const version = before.version;
        if (patch.version !== undefined && patch.version !== version) throw assetErrors.typeStale(version);
        const changes: Partial<AssetTypesTable> = {
          ...(patch.nameZh !== undefined ? { name_zh: patch.nameZh.trim() } : {}),
          ...(patch.nameEn !== undefined ? { name_en: patch.nameEn.trim() } : {}),
          ...(schema !== undefined ? { attribute_schema: schema } : {}),
          ...(patch.logUnit !== undefined ? { log_unit: patch.logUnit } : {}),
          ...(workKinds !== undefined ? { work_kinds: workKinds } : {}),
          updated_at: clock.now().toISOString(),
        };
        if (!(await repo.updateType(tx, actor.tenantId, id, version, changes))) throw assetErrors.typeStale(version);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'asset_type.update',
          entity: 'asset_type',
          entityId: before.code,
          before,
          after: { ...before, ...changes },
        });
      });
      const after = (await repo.listTypes(db, actor.tenantId)).find((t) => t.id === id);
      if (!after) throw notFound('asset_type');
      return typeView(after);
    },

    async list(actor: Actor, q: AssetQuery): Promise<Page<Asset>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SORT_COLUMNS, 'code');
      const { rows, total, totalCapped } = await repo.listAssets(
        db,
        actor.tenantId,
        { ...q, ...(await filterOf(actor, q)) },
        registerScope(actor, READ, 'a', true),
        w,
      );
      const units = await unitNamesOf(rows);
      return {
        items: rows.map((r) => assetView(r, units)),
        total,
        page: w.page,
        pageSize: w.limit,
        ...(totalCapped ? { totalCapped } : {}),
      };
    },

    async create(actor: Actor, input: AssetCreate): Promise<Asset> {
      requirePermission(actor, MANAGE);
      const type = await typeOf(db, actor.tenantId, input.typeCode, 'body.typeCode');
      const unit = await activeUnit(db, actor.tenantId, input.unitId);
      const attributes = input.attributes ?? {};
      const where = await placed(actor.tenantId, type, input.geometry, input.crs, attributes, {
        geometry: 'body.geometry',
        attributes: 'body.attributes',
      });
      requirePermission(actor, MANAGE, { unitId: unit?.id ?? null });
      const now = clock.now().toISOString();
      const row: AssetsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        type_id: type.id,
        line: type.line,
        code: input.code,
        name: input.name.trim(),
        status: input.status ?? 'active',
        geometry: JSON.stringify(where.geometry),
        lng: where.lng,
        lat: where.lat,
        region_id: where.regionId,
        unit_id: unit?.id ?? null,
        address: input.address?.trim() || null,
        attributes: JSON.stringify(attributes),
        synthetic: 0,
        created_at: now,
        updated_at: now,
        version: 1,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertAssets(tx, [row]);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'asset.create',
            entity: 'asset',
            entityId: row.code,
            after: row,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw assetErrors.duplicateCode(input.code);
        throw err;
      }
      return get(actor, row.id);
    },

    async update(actor: Actor, id: string, patch: AssetUpdate): Promise<Asset> {
      requirePermission(actor, MANAGE);
      const before = await assetInScope(db, actor, id, MANAGE);
      if (!before) throw notFound('asset');
      const version = before.version;
      // a version read earlier than the row's: someone saved in between (docs/conventions.md, "Concurrent edits")
      if (patch.version !== undefined && patch.version !== version) throw assetErrors.stale(version);
      const type = await repo.findType(db, actor.tenantId, before.type_id);
      if (!type) throw notFound('asset_type');
      const unit = patch.unitId === undefined ? undefined : await activeUnit(db, actor.tenantId, patch.unitId);
      const attributes = patch.attributes ?? (JSON.parse(before.attributes) as Record<string, unknown>);
      const where = await placed(
        actor.tenantId,
        type,
        patch.geometry ?? (JSON.parse(before.geometry) as { type: string; coordinates: unknown }),
        patch.geometry ? patch.crs : 'wgs84',
        attributes,
        { geometry: 'body.geometry', attributes: 'body.attributes' },
      );
      const changes: Partial<AssetsTable> = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.status !== undefined ? { status: patch.status } : {}),
        ...(patch.address !== undefined ? { address: patch.address?.trim() || null } : {}),
        ...(unit !== undefined ? { unit_id: unit?.id ?? null } : {}),
        ...(patch.geometry
          ? { geometry: JSON.stringify(where.geometry), lng: where.lng, lat: where.lat, region_id: where.regionId }
          : {}),
        attributes: JSON.stringify(attributes),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        // and one that saved between this read and this write
        if (!(await repo.updateAssetAt(tx, actor.tenantId, id, version, changes))) throw assetErrors.stale(version);
        const { type_code: _c, type_name_zh: _z, type_name_en: _e, geometry_kind: _k, ...stored } = before;
        await audit.record(tx, actor, actor.tenantId, {
          action: 'asset.update',
          entity: 'asset',
          entityId: before.code,
          before: stored,
          after: { ...stored, ...changes },
        });
      });
      return get(actor, id);
    },

    async export(
      actor: Actor,
      format: AssetFileFormat,
      q: AssetExportQuery,
    ): Promise<{ body: string | Buffer; filename: string }> {
      requirePermission(actor, READ);
      const filter = { ...q, ...(await filterOf(actor, q)) };
      const scope = registerScope(actor, READ, 'a', true);
      const n = await repo.countAssets(db, actor.tenantId, filter, scope);
      if (n > MAX_ASSET_EXPORT_ROWS) throw assetErrors.exportTooLarge(n, MAX_ASSET_EXPORT_ROWS);
      const rows = await repo.exportAssets(db, actor.tenantId, filter, scope);
      if (format === 'xlsx') return { body: await assetsXlsx(rows), filename: 'assets.xlsx' };
      return format === 'csv'
        ? { body: assetsCsv(rows), filename: 'assets.csv' }
        : { body: assetsGeoJson(rows), filename: 'assets.geojson' };
    },

    /** The map layer (一张图): one feature per asset at its geometry, with code, name, type and line. */
    async layer(actor: Actor, q: AssetMapQuery): Promise<string> {
      return layerOf(actor, [q]);
    },

    layerOf,

    /**
     * All or nothing (docs/assets.md, "Import"): every row is checked first, against the types, the boundary and
     * the attribute schemas, and any problem refuses the file listing them all by row. An existing code updates
     * its asset (an export edited and imported again); a new code creates one.
     */
    async importAssets(
      actor: Actor,
      format: AssetFileFormat,
      bytes: Buffer,
      crs: Crs | undefined,
      key: string | null = null,
    ): Promise<AssetImportResult> {
      requirePermission(actor, MANAGE);
      const scope = `assets.import:${actor.tenantId}:${actor.userId}`;
      const request = { format, crs: crs ?? null, body: bytes.toString('base64') };
      const earlier = await replay<AssetImportResult>(database, scope, key, request);
      if (earlier) return earlier.body;
      const text = format === 'xlsx' ? '' : bytes.toString('utf8').replace(/^\ufeff/, '');
      let parsed;
      if (format === 'xlsx') parsed = await parseAssetXlsx(bytes);
      else if (format === 'csv') parsed = parseAssetCsv(text);
      else {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw assetErrors.importInvalid([issue('file', 'json', 'assetFile.notJson')]);
        }
        parsed = parseAssetGeoJson(json);
      }
      if (!parsed.ok) throw assetErrors.importInvalid(parsed.issues);
      const rows = parsed.rows;
      reportImportRows(0, rows.length);
      const types = await repo.typesByCode(db, actor.tenantId);
      const existing = await repo.assetsByCodes(
        db,
        actor.tenantId,
        rows.map((r) => r.code),
      );
      const issues: FieldIssue[] = [];
      const seen = new Map<string, string>();
      const now = clock.now().toISOString();
      const inserts: AssetsTable[] = [];
      const updates: { id: string; changes: Partial<AssetsTable> }[] = [];
      for (const [i, r] of rows.entries()) {
        const first = seen.get(r.code);
        if (first) {
          issues.push(issue(`${r.at}.code`, 'unique', 'assetFile.duplicateCode', { code: r.code, first }));
          continue;
        }
        seen.set(r.code, r.at);
        const type = types.get(r.typeCode);
        if (!type) {
          issues.push(issue(`${r.at}.type`, 'exists', 'assetFile.noType', { type: r.typeCode }));
          continue;
        }
        const before = existing.get(r.code);
        if (before && before.type_id !== type.id) {
          issues.push(issue(`${r.at}.type`, 'type', 'assetFile.otherType', { code: r.code }));
          continue;
        }
        const attributes = typedAttributes(r, JSON.parse(type.attribute_schema) as AttributeSchema);
        let where;
        try {
          where = await placed(actor.tenantId, type, r.geometry ?? { type: '', coordinates: null }, crs, attributes, {
            geometry: r.geometryField,
            attributes: `${r.at}.attributes`,
          });
        } catch (err) {
          if (!(err instanceof AppError) || !Array.isArray(err.details)) throw err;
          // a CSV point came from its lng/lat columns: name the lng column rather than a GeoJSON path
          const point = r.geometryField.endsWith('.lng');
          issues.push(
            ...(err.details as FieldIssue[]).map((d) =>
              point && d.field.startsWith(r.geometryField) ? { ...d, field: r.geometryField } : d,
            ),
          );
          continue;
        }
        const fields = {
          name: r.name,
          status: r.status,
          geometry: JSON.stringify(where.geometry),
          lng: where.lng,
          lat: where.lat,
          region_id: where.regionId,
          address: r.address,
          attributes: JSON.stringify(attributes),
          updated_at: now,
        };
        if (before) updates.push({ id: before.id, changes: fields });
        else
          inserts.push({
            id: newId(),
            tenant_id: actor.tenantId,
            type_id: type.id,
            line: type.line,
            code: r.code,
            unit_id: null,
            synthetic: 0,
            created_at: now,
            version: 1,
            ...fields,
          });
        reportImportRows(i + 1, rows.length);
      }
      if (issues.length) throw assetErrors.importInvalid(issues);
      const stored = await once(
        database,
        scope,
        key,
        () => clock.now().toISOString(),
        async (tx) => {
          await repo.insertAssets(tx, inserts);
          for (const u of updates) await repo.updateAsset(tx, actor.tenantId, u.id, u.changes);
          const result = { created: inserts.length, updated: updates.length };
          await audit.record(tx, actor, actor.tenantId, {
            action: 'asset.import',
            entity: 'asset',
            entityId: actor.tenantId,
            before: null,
            after: { format, ...result },
          });
          return { status: 200, body: result };
        },
        request,
      );
      return stored.body;
    },
  };
}
export type AssetService = ReturnType<typeof createAssetService>;
