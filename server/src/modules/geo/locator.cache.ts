/**
 * One point → grid / community / street index per tenant, built from the database and kept in memory
 * (one function with a spatial index: docs/conventions.md, "Geometry"). Each lookup reads `tenants.geo_version` (a
 * primary-key read) and rebuilds the index when it moved: every geography write bumps it in its transaction,
 * so a change made by another app process is picked up on the next lookup after it commits.
 */
import type { AreaGeometry, Crs } from '../../../../common/domain/geo.ts';
import type { Database } from '../../platform/db.ts';
import { toWgs84 } from './coords.ts';
import { geoErrors } from './geo.errors.ts';
import { GeoValidationError, pointInPolygon } from './geometry.ts';
import { createLocator, type Locator } from './locator.ts';
import { orgGeography } from '../org/index.ts';
import * as repo from './geo.repository.ts';

/** Where a point lies, with the region ids the case module stores. gridCode/community are null where not covered. */
export interface LocatedPoint {
  gridCode: string | null;
  communityId: string | null;
  communityCode: string | null;
  streetId: string;
  streetCode: string;
}

export interface RegionInfo {
  id: string;
  parentId: string | null;
  kind: string;
  fullCode: string;
  name: string;
}

export interface TenantGeography {
  readonly version: number;
  readonly adminCode: string;
  readonly boundary: AreaGeometry | null;
  readonly locator: Locator;
  /** Every region of the tenant by full code (9-digit streets/towns, 12-digit communities). */
  readonly regions: ReadonlyMap<string, RegionInfo>;
  readonly gridCodes: ReadonlySet<string>;
  /** WGS84 in; null when no grid, community or street polygon holds the point. */
  locate(lng: number, lat: number): LocatedPoint | null;
  /** True when the tenant has no boundary yet (nothing to check against) or the point lies in it. */
  insideTenant(lng: number, lat: number): boolean;
}

/** A GeoValidationError from the pure layer as the one AppError shape (400, `details` = [{ path, message }]). */
export function geoError(err: unknown): unknown {
  return err instanceof GeoValidationError ? geoErrors.invalidGeometry(err.code, err.issues) : err;
}

/** Input position in `crs` → WGS84, or a 400 naming `${path}.lng` / `${path}.lat`. */
export function wgs84(lng: number, lat: number, crs: Crs = 'wgs84', path = 'query'): [number, number] {
  try {
    return toWgs84(lng, lat, crs, path);
  } catch (err) {
    if (err instanceof GeoValidationError) {
      throw geoErrors.invalidGeometry(
        err.code,
        err.issues.map((i) => ({ field: i.path, rule: 'range', message: i.message })),
      );
    }
    throw err;
  }
}

async function load(database: Database, tenantId: string, version: number): Promise<TenantGeography> {
  const { db } = database;
  const [tenant, regions, grids] = await Promise.all([
    orgGeography.tenantGeo(db, tenantId),
    orgGeography.regionShapes(db, tenantId, ['street', 'town', 'community']),
    repo.gridShapes(db, tenantId),
  ]);
  const all = await orgGeography.allRegions(db, tenantId);
  const byCode = new Map<string, RegionInfo>(
    all.map((r) => [
      r.full_code,
      { id: r.id, parentId: r.parent_id, kind: r.kind, fullCode: r.full_code, name: r.name },
    ]),
  );
  const shape = (text: string) => JSON.parse(text) as AreaGeometry;
  const locator = createLocator(
    grids.map((g) => ({
      code: g.code,
      communityCode: g.code.slice(0, 12),
      streetCode: g.code.slice(0, 9),
      polygon: shape(g.geometry),
    })),
    {
      communities: regions
        .filter((r) => r.kind === 'community')
        .map((r) => ({ code: r.full_code, polygon: shape(r.geometry as string) })),
      streets: regions
        .filter((r) => r.kind !== 'community')
        .map((r) => ({ code: r.full_code, polygon: shape(r.geometry as string) })),
    },
  );
  const boundary = tenant?.geometry ? shape(tenant.geometry) : null;
  return {
    version,
    adminCode: tenant?.code ?? '',
    boundary,
    locator,
    regions: byCode,
    gridCodes: new Set(grids.map((g) => g.code)),
    locate(lng, lat) {
      const at = locator.locateArea(lng, lat);
      const street = at ? byCode.get(at.streetCode) : undefined;
      if (!at || !street) return null;
      const community = at.communityCode ? byCode.get(at.communityCode) : undefined;
      return {
        gridCode: at.gridCode,
        communityId: community?.id ?? null,
        communityCode: community ? at.communityCode : null,
        streetId: street.id,
        streetCode: at.streetCode,
      };
    },
    insideTenant: (lng, lat) => boundary === null || pointInPolygon(boundary, lng, lat),
  };
}

export function createLocatorCache(database: Database) {
  const cache = new Map<string, TenantGeography>();
  const pending = new Map<string, Promise<TenantGeography>>();

  /** The tenant's geography as of its current geo_version (concurrent callers share one build). */
  async function geographyOf(tenantId: string): Promise<TenantGeography> {
    const version = (await orgGeography.geoVersion(database.db, tenantId)) ?? -1;
    const hit = cache.get(tenantId);
    if (hit && hit.version === version) return hit;
    const key = `${tenantId}@${version}`;
    let build = pending.get(key);
    if (!build) {
      build = load(database, tenantId, version).finally(() => pending.delete(key));
      pending.set(key, build);
    }
    const built = await build;
    if ((cache.get(tenantId)?.version ?? -Infinity) <= built.version) cache.set(tenantId, built);
    return built;
  }

  return {
    geographyOf,
    /**
     * The one point → grid function other modules call (cases later): input in `crs` (default WGS84), answer
     * with grid, community and street, or null when the point is outside every street polygon of the tenant.
     */
    async locatePoint(tenantId: string, lng: number, lat: number, crs: Crs = 'wgs84'): Promise<LocatedPoint | null> {
      const [x, y] = wgs84(lng, lat, crs);
      return (await geographyOf(tenantId)).locate(x, y);
    },
  };
}
export type LocatorCache = ReturnType<typeof createLocatorCache>;
