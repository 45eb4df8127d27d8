import type {
  GenerateGridsBody,
  GenerateGridsResult,
  GeoImportResult,
  GeoLayerLevel,
  LayerQuery,
  Location,
  LocateQuery,
} from '../../../../common/contracts/geo.ts';
import type { AreaGeometry, Bbox, Crs } from '../../../../common/domain/geo.ts';
import type { GridsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database } from '../../platform/db.ts';
import { refreshStatistics } from '../../platform/db-statistics.ts';
import { notFound } from '../../platform/errors.ts';
import { geoErrors } from './geo.errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { createGeoImport } from './geo-import.ts';
import { generateGrids } from './grid-generator.ts';
import { createLocatorCache, geoError, wgs84 } from './locator.cache.ts';
import type { GridsRedrawn } from './relocate.ts';
import { orgGeography } from '../org/index.ts';
import * as repo from './geo.repository.ts';

/** `minLng,minLat,maxLng,maxLat` → Bbox, or a 400 naming the parameter. */
export function parseBbox(text: string | undefined, field = 'query.bbox'): Bbox | undefined {
  if (text === undefined) return undefined;
  const v = text.split(',').map((s) => Number(s.trim()));
  const [a, b, c, d] = v;
  if (
    v.length !== 4 ||
    v.some((n) => !Number.isFinite(n)) ||
    a === undefined ||
    b === undefined ||
    c === undefined ||
    d === undefined ||
    a > c ||
    b > d ||
    a < -180 ||
    c > 180 ||
    b < -90 ||
    d > 90
  ) {
    throw geoErrors.invalidBbox(field);
  }
  return [a, b, c, d];
}

function generate(code: string, polygon: AreaGeometry, cellMeters: number) {
  try {
    return generateGrids({ code, polygon }, cellMeters);
  } catch (err) {
    throw geoError(err);
  }
}

/**
 * GeoJSON is assembled as text around the stored geometry strings: the grid layer is ~6,000 polygons, and
 * parsing them only to serialise them again would double the work for nothing.
 */
const feature = (geometry: string, properties: Record<string, unknown>) =>
  `{"type":"Feature","geometry":${geometry},"properties":${JSON.stringify(properties)}}`;
const collection = (features: string[]) => `{"type":"FeatureCollection","features":[${features.join(',')}]}`;

/** Geography of a tenant: map layers, GeoJSON in and out, grid generation and point location. */
export function createGeoService(database: Database, clock: Clock, audit: AuditService, gridsRedrawn: GridsRedrawn) {
  const { db } = database;
  const locators = createLocatorCache(database);
  const importLayer = createGeoImport(database, clock, audit, gridsRedrawn);

  async function layerJson(tenantId: string, level: GeoLayerLevel, bbox?: Bbox): Promise<string> {
    if (level === 'tenant') {
      const t = await orgGeography.tenantGeo(db, tenantId);
      if (!t) throw notFound('tenant');
      return collection(
        t.geometry
          ? [
              feature(t.geometry, {
                id: t.id,
                code: t.code,
                name: t.name,
                kind: 'tenant',
                synthetic: toBool(t.boundary_synthetic),
              }),
            ]
          : [],
      );
    }
    if (level === 'grid') {
      const rows = await repo.gridFeatures(db, tenantId, bbox);
      return collection(
        rows.map((g) =>
          feature(g.geometry, {
            id: g.id,
            code: g.code,
            communityCode: g.code.slice(0, 12),
            communityName: g.community_name,
            kind: 'grid',
            areaM2: Math.round(g.area_m2),
            synthetic: toBool(g.synthetic),
          }),
        ),
      );
    }
    const rows = await orgGeography.regionShapes(db, tenantId, level === 'street' ? ['street', 'town'] : ['community']);
    return collection(
      rows.map((r) =>
        feature(r.geometry as string, {
          id: r.id,
          code: r.full_code,
          name: r.name,
          kind: r.kind,
          ...(r.kind === 'community' ? { parentCode: r.full_code.slice(0, 9) } : {}),
          synthetic: toBool(r.synthetic),
        }),
      ),
    );
  }

  return {
    /** For other modules (components, cases): the tenant's in-memory index and region lookup. */
    geographyOf: locators.geographyOf,
    locatePoint: (...args: Parameters<typeof locators.locatePoint>) => locators.locatePoint(...args),

    /** A FeatureCollection as JSON text (WGS84); `bbox` filters grids only. */
    async layer(actor: Actor, level: GeoLayerLevel, query: LayerQuery = {}): Promise<string> {
      requirePermission(actor, 'org.read');
      return layerJson(actor.tenantId, level, level === 'grid' ? parseBbox(query.bbox) : undefined);
    },

    /** The same collection as a file; its properties round-trip through importLayer. */
    async exportLayer(actor: Actor, level: GeoLayerLevel): Promise<{ filename: string; body: string }> {
      requirePermission(actor, 'org.read');
      const t = await orgGeography.tenantGeo(db, actor.tenantId);
      return { filename: `${t?.code ?? 'tenant'}-${level}.geojson`, body: await layerJson(actor.tenantId, level) };
    },

    async importLayer(
      actor: Actor,
      level: GeoLayerLevel,
      input: unknown,
      crs?: Crs,
      idempotencyKey: string | null = null,
    ): Promise<GeoImportResult> {
      requirePermission(actor, 'region.manage');
      return importLayer(actor, level, input, crs, idempotencyKey).then(
        async (r) => (await refreshStatistics(db, ['regions', 'grids', 'components']), r),
      );
    },

    /**
     * Covers a community with ~cellMeters cells clipped to its polygon, numbered west→east, north→south
     * (grid-generator.ts), replacing its grids only when asked; components there move to their new grid.
     */
    async generateGrids(actor: Actor, communityId: string, body: GenerateGridsBody): Promise<GenerateGridsResult> {
      requirePermission(actor, 'region.manage');
      const community = await orgGeography.regionById(db, actor.tenantId, communityId);
      if (!community || community.kind !== 'community') throw notFound('community');
      if (!community.geometry) throw geoErrors.noGeometry(community.full_code);
      const existing = await repo.gridsOfCommunity(db, actor.tenantId, communityId);
      if (existing.length > 0 && !body.replace) {
        throw geoErrors.gridsExist(
          'body.replace',
          'replace',
          `community ${community.full_code} already has ${existing.length} grids: send replace: true to redraw them`,
        );
      }
      const cellMeters = body.cellMeters ?? 100;
      const generated = generate(community.full_code, JSON.parse(community.geometry) as AreaGeometry, cellMeters);
      const now = clock.now().toISOString();
      const rows: GridsTable[] = generated.grids.map((g) => ({
        id: newId(),
        tenant_id: actor.tenantId,
        code: g.code,
        community_id: community.id,
        street_id: community.parent_id ?? community.id,
        geometry: JSON.stringify(g.polygon),
        min_lng: g.bbox[0],
        min_lat: g.bbox[1],
        max_lng: g.bbox[2],
        max_lat: g.bbox[3],
        area_m2: g.areaM2,
        synthetic: community.synthetic,
        created_at: now,
        updated_at: now,
      }));
      try {
        await db.transaction().execute(async (tx) => {
          await repo.deleteGridsOfCommunity(tx, actor.tenantId, communityId);
          await repo.insertGrids(tx, rows);
          const moved = await gridsRedrawn(tx, actor.tenantId, [communityId]);
          await orgGeography.bumpGeoVersion(tx, actor.tenantId);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'geo.grids.generate',
            entity: 'region',
            entityId: communityId,
            before: { count: existing.length, codes: existing.map((g) => g.code) },
            after: { count: rows.length, cellMeters, droppedAreaM2: generated.dropped.areaM2, componentsMoved: moved },
          });
        });
      } catch (err) {
        // Two requests drew the same community at once: the other one's grids stand, this one wrote nothing.
        if (isUniqueViolation(err))
          throw geoErrors.gridsExist('params.id', 'concurrent', 'grids were drawn for this community meanwhile');
        throw err;
      }
      return { count: rows.length, droppedAreaM2: Math.round(generated.dropped.areaM2 * 10) / 10 };
    },

    /** GET /api/geo/locate: 404 GEO_OUTSIDE_TENANT outside the tenant, GEO_NOT_COVERED inside it but off every street. */
    async locate(actor: Actor, query: LocateQuery): Promise<Location> {
      requirePermission(actor, 'org.read');
      const [lng, lat] = wgs84(query.lng, query.lat, query.crs ?? 'wgs84');
      const geo = await locators.geographyOf(actor.tenantId);
      const at = geo.insideTenant(lng, lat) ? geo.locate(lng, lat) : null;
      if (!at) {
        const inside = geo.boundary !== null && geo.insideTenant(lng, lat);
        throw geoErrors.notLocated(lng, lat, inside);
      }
      const ref = (code: string | null) => {
        const r = code ? geo.regions.get(code) : undefined;
        return r ? { id: r.id, code: r.fullCode, name: r.name } : null;
      };
      const street = ref(at.streetCode);
      if (!street) throw geoErrors.notLocated(lng, lat, true);
      return { gridCode: at.gridCode, community: ref(at.communityCode), street, lng, lat };
    },
  };
}
export type GeoService = ReturnType<typeof createGeoService>;
