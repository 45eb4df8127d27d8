import { describe, expect, it } from 'vitest';
import { bboxContainsPoint, isGridCode, type Position } from '../../../common/domain/geo.ts';
import {
  areaM2,
  bboxOf,
  buildGridCollection,
  buildRegionCollection,
  centroid,
  createLocator,
  createPolygonIndex,
  parseGridImport,
  parseRegionImport,
  pointInPolygon,
  validateAreaGeometry,
} from '../modules/geo/index.ts';
import {
  dayeCommunities,
  dayeGeographyFeatures,
  dayeGrids,
  dayeRoads,
  dayeStreets,
  dayeTenantBoundary,
} from './daye-geography.ts';

const tenant = dayeTenantBoundary();
const streets = dayeStreets();
const communities = dayeCommunities();
const grids = dayeGrids();

/** Deterministic points over the tenant's bbox (a fixed lattice offset off the mesh lines). */
function samplePoints(n: number): Position[] {
  const [x0, y0, x1, y1] = bboxOf(tenant.geometry);
  const side = Math.ceil(Math.sqrt(n));
  return Array.from({ length: side * side }, (_, k) => [
    x0 + ((k % side) + 0.37) * ((x1 - x0) / side),
    y0 + (Math.floor(k / side) + 0.61) * ((y1 - y0) / side),
  ]);
}

describe('Daye synthetic geography', () => {
  it('is labelled synthetic everywhere and sits over the central area', () => {
    for (const a of [tenant, ...streets, ...communities]) expect(a.synthetic).toBe(true);
    for (const r of dayeRoads()) expect(r.synthetic).toBe(true);
    for (const g of grids) expect(g.synthetic).toBe(true);
    for (const f of dayeGeographyFeatures().features) expect(f.properties.synthetic).toBe(true);
    const [w, s, e, n] = bboxOf(tenant.geometry);
    expect(w).toBeGreaterThan(114.92);
    expect(e).toBeLessThan(115.03);
    expect(s).toBeGreaterThan(30.05);
    expect(n).toBeLessThan(30.14);
  });

  it('has the four streets with their codes and 3–5 communities each', () => {
    expect(streets.map((s) => [s.fullCode, s.name])).toEqual([
      ['420281001', '东岳路街道'],
      ['420281002', '东风路街道'],
      ['420281003', '金湖街道'],
      ['420281004', '罗家桥街道'],
    ]);
    for (const s of streets) {
      const mine = communities.filter((c) => c.parentCode === s.fullCode);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.length).toBeLessThanOrEqual(5);
    }
    expect(new Set(communities.map((c) => c.fullCode)).size).toBe(communities.length);
  });

  it('has valid polygons', () => {
    for (const a of [tenant, ...streets, ...communities])
      expect(validateAreaGeometry(a.geometry, a.fullCode)).toEqual([]);
  });

  it('streets do not overlap and tile the tenant', () => {
    const total = streets.reduce((s, st) => s + areaM2(st.geometry), 0);
    expect(Math.abs(total / areaM2(tenant.geometry) - 1)).toBeLessThan(1e-9);
    for (const [x, y] of samplePoints(4000)) {
      const containing = streets.filter((s) => pointInPolygon(s.geometry, x, y)).length;
      expect(containing).toBe(pointInPolygon(tenant.geometry, x, y) ? 1 : 0);
    }
  });

  it('communities lie within their street and tile it', () => {
    for (const s of streets) {
      const mine = communities.filter((c) => c.parentCode === s.fullCode);
      const total = mine.reduce((sum, c) => sum + areaM2(c.geometry), 0);
      expect(Math.abs(total / areaM2(s.geometry) - 1)).toBeLessThan(1e-9);
    }
    const streetIndex = createPolygonIndex(streets.map((s) => ({ polygon: s.geometry, value: s.fullCode })));
    for (const [x, y] of samplePoints(4000)) {
      const inCommunities = communities.filter((c) => pointInPolygon(c.geometry, x, y));
      expect(inCommunities.length).toBeLessThanOrEqual(1);
      if (inCommunities[0]) expect(streetIndex.find(x, y)).toBe(inCommunities[0].parentCode);
    }
  });

  it('generates a few thousand unique 15-digit grid codes under the right community', () => {
    expect(grids.length).toBeGreaterThan(2000);
    expect(grids.length).toBeLessThan(8000);
    expect(new Set(grids.map((g) => g.code)).size).toBe(grids.length);
    for (const g of grids) {
      expect(g.code).toMatch(/^\d{15}$/);
      expect(isGridCode(g.code)).toBe(true);
      expect(g.code.startsWith(g.communityCode)).toBe(true);
      expect(communities.some((c) => c.fullCode === g.communityCode)).toBe(true);
    }
  });

  it('the locator finds the right street and community inside each of them', () => {
    const locator = createLocator(grids, {
      communities: communities.map((c) => ({ code: c.fullCode, polygon: c.geometry })),
      streets: streets.map((s) => ({ code: s.fullCode, polygon: s.geometry })),
    });
    for (const c of communities) {
      // the centre of the community's middle grid is inside the community
      const mine = grids.filter(
        (g) => g.communityCode === c.fullCode && g.polygon.type === 'Polygon' && g.polygon.coordinates[0]?.length === 5,
      );
      const probe = mine[Math.floor(mine.length / 2)];
      expect(probe).toBeDefined();
      if (!probe) continue;
      const [x, y] = centroid(probe.polygon);
      expect(locator.locate(x, y)).toEqual({
        gridCode: probe.code,
        communityCode: c.fullCode,
        streetCode: c.parentCode,
      });
    }
    for (const [x, y] of samplePoints(3000)) {
      const street = streets.find((s) => pointInPolygon(s.geometry, x, y));
      expect(locator.locateArea(x, y)?.streetCode ?? null).toBe(street?.fullCode ?? null);
    }
  });

  it('places every road inside the tenant boundary', () => {
    const bbox = bboxOf(tenant.geometry);
    for (const r of dayeRoads()) {
      for (const [x, y] of r.geometry.coordinates) {
        expect(bboxContainsPoint(bbox, x, y)).toBe(true);
        expect(pointInPolygon(tenant.geometry, x, y)).toBe(true);
      }
    }
  });

  it('passes the GeoJSON importer (regions and grids inside the tenant, parents known)', () => {
    const opts = { adminCode: '420281', tenantBoundary: tenant.geometry };
    const regions = parseRegionImport(buildRegionCollection([...streets, ...communities]), opts);
    expect(regions.ok ? regions.rows.length : regions.issues).toBe(streets.length + communities.length);
    const known = new Set(communities.map((c) => c.fullCode));
    const imported = parseGridImport(buildGridCollection(grids.map((g) => ({ code: g.code, geometry: g.polygon }))), {
      ...opts,
      isKnownCode: (c) => known.has(c),
    });
    expect(imported.ok ? imported.rows.length : imported.issues.slice(0, 3)).toBe(grids.length);
  });

  it('is the same on every run', () => {
    expect(dayeCommunities()).toEqual(communities);
    expect(dayeTenantBoundary().geometry.coordinates[0]?.slice(0, 3)).toEqual(
      tenant.geometry.coordinates[0]?.slice(0, 3),
    );
  });
});
