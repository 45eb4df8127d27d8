/**
 * GeoJSON export: FeatureCollections whose properties read back through geojson-io's import unchanged (same codes,
 * docs/standards.md, "Identifier formats").
 */
import type {
  AreaGeometry,
  Feature,
  FeatureCollection,
  Geometry,
  PointGeometry,
} from '../../../../common/domain/geo.ts';
import type { RegionImportLevel } from './geojson-io.ts';

export function toFeatureCollection<T, G extends Geometry>(
  rows: readonly T[],
  geometryOf: (row: T) => G,
  propertiesOf: (row: T) => Record<string, unknown>,
): FeatureCollection<G> {
  return {
    type: 'FeatureCollection',
    features: rows.map((row): Feature<G> => ({
      type: 'Feature',
      geometry: geometryOf(row),
      properties: propertiesOf(row),
    })),
  };
}

export function buildRegionCollection(
  rows: readonly {
    level: RegionImportLevel;
    fullCode: string;
    name: string;
    geometry: AreaGeometry;
    synthetic?: boolean;
  }[],
): FeatureCollection<AreaGeometry> {
  return toFeatureCollection(
    rows,
    (r) => r.geometry,
    (r) => ({ code: r.fullCode, name: r.name, kind: r.level, ...(r.synthetic ? { synthetic: true } : {}) }),
  );
}

export function buildGridCollection(
  rows: readonly { code: string; geometry: AreaGeometry; name?: string | null; synthetic?: boolean }[],
): FeatureCollection<AreaGeometry> {
  return toFeatureCollection(
    rows,
    (r) => r.geometry,
    (r) => ({
      code: r.code,
      communityCode: r.code.slice(0, 12),
      streetCode: r.code.slice(0, 9),
      ...(r.name ? { name: r.name } : {}),
      ...(r.synthetic ? { synthetic: true } : {}),
    }),
  );
}

export function buildComponentCollection(
  rows: readonly { code: string; geometry: PointGeometry; name?: string | null; gridCode?: string | null }[],
): FeatureCollection<PointGeometry> {
  return toFeatureCollection(
    rows,
    (r) => r.geometry,
    (r) => ({
      code: r.code,
      classCode: r.code.slice(6, 11),
      ...(r.name ? { name: r.name } : {}),
      ...(r.gridCode ? { gridCode: r.gridCode } : {}),
    }),
  );
}
