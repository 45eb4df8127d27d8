import { describe, expect, it } from 'vitest';
import type { PolygonGeometry } from '../../../../common/domain/geo.ts';
import { coordinateIssues, fromWgs84, geometryToWgs84, toWgs84 } from './coords.ts';
import { GeoValidationError } from './geometry.ts';

/** Metres between two WGS84 points (equirectangular; fine at these distances). */
const metres = (a: [number, number], b: [number, number]) => {
  const k = 111_195;
  return Math.hypot((a[0] - b[0]) * k * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * k);
};

describe('toWgs84', () => {
  it('keeps WGS84 and CGCS2000 unchanged', () => {
    expect(toWgs84(114.97, 30.1, 'wgs84')).toEqual([114.97, 30.1]);
    expect(toWgs84(114.97, 30.1, 'cgcs2000')).toEqual([114.97, 30.1]);
  });

  it('converts GCJ-02 with the known Beijing reference pair', () => {
    const wgs = toWgs84(116.403672, 39.910634, 'gcj02');
    expect(metres(wgs, [116.397428, 39.90923])).toBeLessThan(0.5);
  });

  it('round-trips BD-09 and GCJ-02 in Daye within a metre, and the offsets are hundreds of metres', () => {
    for (const crs of ['gcj02', 'bd09'] as const) {
      const shown = fromWgs84(114.97, 30.1, crs);
      expect(metres(shown, [114.97, 30.1])).toBeGreaterThan(100);
      expect(metres(toWgs84(shown[0], shown[1], crs), [114.97, 30.1])).toBeLessThan(1);
    }
  });

  it('rejects out-of-range and non-finite input with field paths', () => {
    const err = (() => {
      try {
        toWgs84(200, 95, 'gcj02', 'body.location');
      } catch (e) {
        return e;
      }
    })() as GeoValidationError;
    expect(err).toBeInstanceOf(GeoValidationError);
    expect(err.code).toBe('GEO_INVALID_COORDINATE');
    expect(err.issues.map((i) => i.path)).toEqual(['body.location.lng', 'body.location.lat']);
    expect(() => toWgs84(Number.NaN, 30, 'wgs84')).toThrow(/longitude/);
    expect(coordinateIssues('114', 30, 'p')).toHaveLength(1);
    expect(coordinateIssues(114, 30, 'p')).toEqual([]);
  });
});

describe('geometryToWgs84', () => {
  it('converts every position and keeps rings closed', () => {
    const ring: [number, number][] = [
      [114.97, 30.1],
      [114.98, 30.1],
      [114.98, 30.11],
      [114.97, 30.1],
    ];
    const g: PolygonGeometry = { type: 'Polygon', coordinates: [ring] };
    const out = geometryToWgs84(g, 'bd09');
    const r = out.coordinates[0] ?? [];
    expect(r).toHaveLength(4);
    expect(r[0]).toEqual(r[3]);
    expect(r[0]).not.toEqual(ring[0]);
    expect(geometryToWgs84(g, 'wgs84')).toBe(g);
  });
});
