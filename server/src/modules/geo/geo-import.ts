/**
 * GeoJSON import of one level (tenant boundary, streets/towns, communities or grids), all or nothing: the file is
 * validated in full by geojson-io (every problem named by its `features[i]…` path), then every row is upserted
 * by its standard code in one transaction with one audit row, and the tenant's geo_version is bumped.
 */
import type { GeoImportResult, GeoLayerLevel } from '../../../../common/contracts/geo.ts';
import type { AreaGeometry, Crs, GeoIssue } from '../../../../common/domain/geo.ts';
import type { GridsTable, RegionsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Tx } from '../../platform/db.ts';
import { AppError, conflict, notFound, withMessage } from '../../platform/errors.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { reportImportRows } from '../../platform/import-progress.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { bboxOf } from './geometry.ts';
import { parseGridImport, parseRegionImport, type GridImportRow, type RegionImportRow } from './geojson-io.ts';
import type { GridsRedrawn } from './relocate.ts';
import { orgGeography } from '../org/index.ts';
import * as repo from './geo.repository.ts';

const LEVEL_DIGITS: Record<GeoLayerLevel, number> = { tenant: 6, street: 9, community: 12, grid: 15 };
const LEVEL_OF_DIGITS: Record<number, GeoLayerLevel> = { 6: 'tenant', 9: 'street', 12: 'community', 15: 'grid' };

const featureIndex = (path: string): number => Number(/^features\[(\d+)\]/.exec(path)?.[1] ?? -1);

/** A code of another level in this file (e.g. a grid in a community import) is named with the right route. */
function levelIssues(input: unknown, level: GeoLayerLevel, reported: ReadonlySet<string>): GeoIssue[] {
  // A JSON null body reaches here too (found by the route fuzzer): no features, no level issues.
  const features = (input as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return [];
  return features.flatMap((f: unknown, i): GeoIssue[] => {
    const code = (f as { properties?: { code?: unknown } } | null)?.properties?.code;
    const path = `features[${i}].properties.code`;
    if (typeof code !== 'string' || reported.has(path)) return [];
    const other = LEVEL_OF_DIGITS[code.length];
    if (!/^\d+$/.test(code) || !other || other === level) return [];
    return [
      withMessage({ path }, 'details.geoImport.wrongLevel', {
        code,
        other,
        digits: code.length,
        level,
        levelDigits: LEVEL_DIGITS[level],
      }),
    ];
  });
}

const bboxColumns = (g: AreaGeometry) => {
  const [minLng, minLat, maxLng, maxLat] = bboxOf(g);
  return { min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat };
};

export function createGeoImport(database: Database, clock: Clock, audit: AuditService, gridsRedrawn: GridsRedrawn) {
  const { db } = database;

  async function writeRegions(
    tx: Tx,
    actor: Actor,
    level: GeoLayerLevel,
    rows: RegionImportRow[],
    now: string,
  ): Promise<GeoImportResult> {
    const tenantId = actor.tenantId;
    if (level === 'tenant') {
      const row = rows[0];
      if (!row) return { created: 0, updated: 0 };
      const before = await orgGeography.tenantGeo(tx, tenantId);
      const patch = {
        geometry: JSON.stringify(row.geometry),
        ...bboxColumns(row.geometry),
        boundary_synthetic: row.synthetic ? 1 : 0,
        updated_at: now,
      };
      await orgGeography.updateTenantBoundary(tx, tenantId, patch);
      await audit.record(tx, actor, tenantId, {
        action: 'geo.import',
        entity: 'tenant',
        entityId: tenantId,
        before: { geometry: before?.geometry ?? null },
        after: patch,
      });
      return { created: 0, updated: 1 };
    }
    const byCode = new Map((await orgGeography.allRegions(tx, tenantId)).map((r) => [r.full_code, r]));
    const updated = rows.filter((r) => byCode.has(r.fullCode));
    const before = await orgGeography.regionShapesByCode(
      tx,
      tenantId,
      updated.map((r) => r.fullCode),
    );
    const created: RegionsTable[] = [];
    for (const row of rows) {
      const shape = {
        geometry: JSON.stringify(row.geometry),
        ...bboxColumns(row.geometry),
        synthetic: row.synthetic ? 1 : 0,
      };
      const existing = byCode.get(row.fullCode);
      if (existing) {
        await orgGeography.updateRegionShape(tx, tenantId, existing.id, { name: row.name, ...shape, updated_at: now });
        continue;
      }
      const parent = row.level === 'community' && row.parentCode ? byCode.get(row.parentCode) : undefined;
      const id = newId();
      created.push({
        id,
        tenant_id: tenantId,
        parent_id: parent?.id ?? null,
        kind: row.level,
        code: row.code,
        full_code: row.fullCode,
        name: row.name,
        path: `${parent ? parent.path : '/'}${id}/`,
        ...shape,
        created_at: now,
        updated_at: now,
      });
    }
    await orgGeography.insertRegions(tx, created);
    await audit.record(tx, actor, tenantId, {
      action: 'geo.import',
      entity: 'region',
      entityId: level,
      before,
      after: { created: created.map((r) => r.full_code), updated: updated.map((r) => r.fullCode) },
    });
    return { created: created.length, updated: updated.length };
  }

  async function writeGrids(
    tx: Tx,
    actor: Actor,
    rows: GridImportRow[],
    synthetic: (index: number) => boolean,
    now: string,
  ): Promise<GeoImportResult> {
    const tenantId = actor.tenantId;
    const regions = new Map((await orgGeography.allRegions(tx, tenantId)).map((r) => [r.full_code, r]));
    const existing = new Map((await repo.gridsByCode(tx, tenantId)).map((g) => [g.code, g]));
    const created: GridsTable[] = [];
    const before: unknown[] = [];
    const communities = new Set<string>();
    for (const row of rows) {
      const community = regions.get(row.communityCode);
      if (!community)
        throw new AppError('GEO_IMPORT_INVALID', 400, [
          withMessage({ path: `features[${row.index}].properties.code` }, 'details.geoImport.unknownCommunity', {
            code: row.communityCode,
          }),
        ]);
      communities.add(community.id);
      const shape = {
        geometry: JSON.stringify(row.geometry),
        ...bboxColumns(row.geometry),
        area_m2: row.areaM2,
        synthetic: synthetic(row.index) ? 1 : 0,
      };
      const old = existing.get(row.code);
      if (old) {
        communities.add(old.community_id);
        before.push(old);
        await repo.updateGrid(tx, tenantId, old.id, {
          ...shape,
          community_id: community.id,
          street_id: community.parent_id ?? community.id,
          updated_at: now,
        });
      } else {
        created.push({
          id: newId(),
          tenant_id: tenantId,
          code: row.code,
          community_id: community.id,
          street_id: community.parent_id ?? community.id,
          ...shape,
          created_at: now,
          updated_at: now,
        });
      }
    }
    await repo.insertGrids(tx, created);
    const moved = await gridsRedrawn(tx, tenantId, [...communities]);
    await audit.record(tx, actor, tenantId, {
      action: 'geo.import',
      entity: 'grid',
      entityId: 'grid',
      before,
      after: { created: created.map((g) => g.code), updated: before.length, componentsMoved: moved },
    });
    return { created: created.length, updated: before.length };
  }

  /** `level` is the route's; every feature must be of that level. Throws 400 GEO_IMPORT_INVALID listing every problem. */
  return async function importLayer(
    actor: Actor,
    level: GeoLayerLevel,
    input: unknown,
    crs: Crs = 'wgs84',
    key: string | null = null,
  ): Promise<GeoImportResult> {
    // With an Idempotency-Key a retry gets the first result, before the file is checked against data it changed.
    const scope = `geo.import:${level}:${actor.tenantId}:${actor.userId}`;
    const earlier = await replay<GeoImportResult>(database, scope, key, { level, input, crs });
    if (earlier) return earlier.body;
    const tenant = await orgGeography.tenantGeo(db, actor.tenantId);
    if (!tenant) throw notFound('tenant');
    const regions = new Map((await orgGeography.allRegions(db, actor.tenantId)).map((r) => [r.full_code, r]));
    const tenantBoundary =
      level !== 'tenant' && tenant.geometry ? (JSON.parse(tenant.geometry) as AreaGeometry) : undefined;
    const opts = { adminCode: tenant.code, crs, ...(tenantBoundary ? { tenantBoundary } : {}) };
    const parsed =
      level === 'grid'
        ? parseGridImport(input, { ...opts, isKnownCode: (c) => regions.get(c)?.kind === 'community' })
        : parseRegionImport(input, {
            ...opts,
            isKnownCode: (c) => ['street', 'town'].includes(regions.get(c)?.kind ?? ''),
          });
    const featureCount = Array.isArray((input as { features?: unknown } | null)?.features)
      ? (input as { features: unknown[] }).features.length
      : 0;
    reportImportRows(featureCount, featureCount);
    const parseIssues = parsed.ok ? [] : parsed.issues;
    const issues = [...parseIssues, ...levelIssues(input, level, new Set(parseIssues.map((i) => i.path)))].sort(
      (a, b) => featureIndex(a.path) - featureIndex(b.path),
    );
    if (issues.length > 0 || !parsed.ok) throw new AppError('GEO_IMPORT_INVALID', 400, issues);
    if (parsed.rows.length === 0)
      throw new AppError('GEO_IMPORT_INVALID', 400, [
        withMessage({ path: 'features' }, 'details.geoImport.noFeatures'),
      ]);
    const now = clock.now().toISOString();
    const features = (input as { features: { properties?: { synthetic?: unknown } }[] }).features;
    try {
      const stored = await once(
        database,
        scope,
        key,
        () => now,
        async (executor) => {
          const tx = executor as Tx;
          const result =
            level === 'grid'
              ? await writeGrids(
                  tx,
                  actor,
                  parsed.rows as GridImportRow[],
                  (i) => features[i]?.properties?.synthetic === true,
                  now,
                )
              : await writeRegions(tx, actor, level, parsed.rows as RegionImportRow[], now);
          await orgGeography.bumpGeoVersion(tx, actor.tenantId);
          return { status: 200, body: result };
        },
        { level, input, crs },
      );
      return stored.body;
    } catch (err) {
      // Only a concurrent import can have created one of these codes since they were read: nothing was written.
      if (isUniqueViolation(err))
        throw conflict('GEO_IMPORT_INVALID', [withMessage({ path: 'features' }, 'details.geoImport.raced')]);
      throw err;
    }
  };
}
