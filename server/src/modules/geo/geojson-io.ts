/**
 * GeoJSON import: validate everything, return every problem by path, or all rows (the caller writes all rows in
 * one transaction or none); the export side is geojson-export.ts. Codes follow docs/standards.md, "Identifier formats": regions carry their
 * full 统计用区划
 * code (street/town 9, community 12; the tenant boundary its 6-digit admin code), grids 15 digits, components
 * 17 digits. Import coordinates may be declared GCJ-02/BD-09 and are converted to WGS84 before validation.
 */
import type { AreaGeometry, Bbox, Crs, GeoIssue, PointGeometry, Position } from '../../../../common/domain/geo.ts';
import { ADMIN_CODE_RE, COMMUNITY_CODE_RE, STREET_CODE_RE } from '../../../../common/domain/geo.ts';
import { geometryToWgs84 } from './coords.ts';
import {
  areaM2,
  bboxOf,
  EARTH_RADIUS_M,
  parseAreaGeometry,
  pointInPolygon,
  polygonsOf,
  validatePosition,
} from './geometry.ts';
import { parseComponentId, parseGridCode, validateComponentId, validateGridCode } from './grid-codes.ts';

export const MAX_IMPORT_FEATURES = 50_000;
/** Shared borders are digitised twice; a vertex this close outside the tenant boundary still counts as inside. */
const BOUNDARY_TOLERANCE_M = 1;

export interface ImportOptions {
  /** The tenant's 6-digit admin code; every code in the file must start with it. */
  adminCode: string;
  /** CRS of the file's coordinates (default wgs84). */
  crs?: Crs;
  /** Whether a region/grid code already exists in storage (parents of the rows being imported). */
  isKnownCode?: (code: string) => boolean;
  /** Whether a 5-digit GB/T 47678.5 class code is in the tenant's catalog. */
  isKnownClassCode?: (classCode: string) => boolean;
  /** When given, every position must lie inside it (within 1 m). */
  tenantBoundary?: AreaGeometry;
}

export type ImportResult<T> = { ok: true; rows: T[] } | { ok: false; issues: GeoIssue[] };

export type RegionImportLevel = 'tenant' | 'street' | 'town' | 'community';
export interface RegionImportRow {
  index: number;
  level: RegionImportLevel;
  /** Full code: 6 (tenant), 9 (street/town) or 12 (community) digits. */
  fullCode: string;
  /** The last 3 digits (org.ts REGION_CODE_PATTERN); the admin code for the tenant. */
  code: string;
  parentCode: string | null;
  name: string;
  geometry: AreaGeometry;
  synthetic: boolean;
}
export interface GridImportRow {
  index: number;
  code: string;
  communityCode: string;
  streetCode: string;
  serial: number;
  name: string | null;
  geometry: AreaGeometry;
  bbox: Bbox;
  areaM2: number;
}
export interface ComponentImportRow {
  /** The 17-digit component id (components.code; the row id is internal). */
  index: number;
  code: string;
  classCode: string;
  name: string | null;
  gridCode: string | null;
  geometry: PointGeometry;
}

interface RawFeature {
  index: number;
  path: string;
  properties: Record<string, unknown>;
  geometry: unknown;
}

function features(input: unknown, issues: GeoIssue[]): RawFeature[] {
  const fc = input as { type?: unknown; features?: unknown } | null;
  if (typeof fc !== 'object' || fc === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    issues.push({ path: '', message: 'expected a GeoJSON FeatureCollection with a features array' });
    return [];
  }
  if (fc.features.length > MAX_IMPORT_FEATURES) {
    issues.push({
      path: 'features',
      message: `at most ${MAX_IMPORT_FEATURES} features per file, got ${fc.features.length}`,
    });
    return [];
  }
  const out: RawFeature[] = [];
  fc.features.forEach((f: unknown, index) => {
    const path = `features[${index}]`;
    const feat = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (typeof feat !== 'object' || feat === null || feat.type !== 'Feature') {
      issues.push({ path, message: 'expected a Feature' });
    } else if (typeof feat.properties !== 'object' || feat.properties === null || Array.isArray(feat.properties)) {
      issues.push({ path: `${path}.properties`, message: 'properties must be an object' });
    } else {
      out.push({ index, path, properties: feat.properties as Record<string, unknown>, geometry: feat.geometry });
    }
  });
  return out;
}

function text(f: RawFeature, key: string, issues: GeoIssue[], required: boolean, max = 60): string | null {
  const v = f.properties[key];
  if (v === undefined || v === null || v === '') {
    if (required) issues.push({ path: `${f.path}.properties.${key}`, message: `${key} is required` });
    return null;
  }
  if (typeof v !== 'string' || v.trim().length === 0 || v.length > max) {
    issues.push({ path: `${f.path}.properties.${key}`, message: `${key} must be a string of 1–${max} characters` });
    return null;
  }
  return v.trim();
}

function areaGeometry(f: RawFeature, opts: ImportOptions, issues: GeoIssue[]): AreaGeometry | null {
  const parsed = parseAreaGeometry(f.geometry, `${f.path}.geometry`);
  if (!parsed.ok) return (issues.push(...parsed.issues), null);
  const g = geometryToWgs84(parsed.value, opts.crs ?? 'wgs84');
  return outsideTenant(polygonsOf(g).flat(2), f, opts, issues) ? null : g;
}

function outsideTenant(positions: Position[], f: RawFeature, opts: ImportOptions, issues: GeoIssue[]): boolean {
  const tenant = opts.tenantBoundary;
  if (!tenant) return false;
  const bad = positions.find(([x, y]) => !pointInPolygon(tenant, x, y) && !nearBoundary(tenant, x, y));
  if (bad)
    issues.push({
      path: `${f.path}.geometry`,
      message: `position ${bad[0]},${bad[1]} lies outside the tenant boundary`,
    });
  return bad !== undefined;
}

function nearBoundary(g: AreaGeometry, x: number, y: number): boolean {
  const mPerDeg = (EARTH_RADIUS_M * Math.PI) / 180;
  const kx = Math.cos((y * Math.PI) / 180) * mPerDeg;
  return polygonsOf(g)
    .flat()
    .some((ring) =>
      ring.some((a, i) => {
        const b = ring[i + 1];
        if (!b) return false;
        const [ax, ay, bx, by] = [(a[0] - x) * kx, (a[1] - y) * mPerDeg, (b[0] - x) * kx, (b[1] - y) * mPerDeg];
        const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * (bx - ax) + ay * (by - ay)) / len2));
        return Math.hypot(ax + t * (bx - ax), ay + t * (by - ay)) <= BOUNDARY_TOLERANCE_M;
      }),
    );
}

function checkDuplicate(
  seen: Map<string, number>,
  key: string,
  f: RawFeature,
  field: string,
  issues: GeoIssue[],
): void {
  const first = seen.get(key);
  if (first !== undefined)
    issues.push({
      path: `${f.path}.properties.${field}`,
      message: `duplicate ${field} ${key} (also features[${first}])`,
    });
  else seen.set(key, f.index);
}

const result = <T>(rows: T[], issues: GeoIssue[]): ImportResult<T> =>
  issues.length > 0 ? { ok: false, issues } : { ok: true, rows };

/** Tenant boundary (code = admin code), streets/towns (9 digits) and communities (12 digits), in any order. */
export function parseRegionImport(input: unknown, opts: ImportOptions): ImportResult<RegionImportRow> {
  const issues: GeoIssue[] = [];
  const rows: RegionImportRow[] = [];
  const seen = new Map<string, number>();
  for (const f of features(input, issues)) {
    const codePath = `${f.path}.properties.code`;
    const fullCode = f.properties.code;
    let level: RegionImportLevel | null = null;
    if (typeof fullCode !== 'string' || !/^\d+$/.test(fullCode)) {
      issues.push({
        path: codePath,
        message: 'code must be a digit string: 6 (tenant), 9 (street/town) or 12 (community) digits',
      });
    } else if (!fullCode.startsWith(opts.adminCode)) {
      issues.push({
        path: codePath,
        message: `code ${fullCode} does not start with the tenant admin code ${opts.adminCode}`,
      });
    } else if (ADMIN_CODE_RE.test(fullCode)) level = 'tenant';
    else if (STREET_CODE_RE.test(fullCode) && !fullCode.endsWith('000'))
      level = f.properties.kind === 'town' ? 'town' : 'street';
    else if (COMMUNITY_CODE_RE.test(fullCode) && fullCode.slice(6, 9) !== '000' && !fullCode.endsWith('000'))
      level = 'community';
    else issues.push({ path: codePath, message: `code ${fullCode} must be 6, 9 or 12 digits with no 000 segment` });
    const kind = f.properties.kind;
    if (level && kind !== undefined && kind !== level) {
      issues.push({
        path: `${f.path}.properties.kind`,
        message: `kind ${JSON.stringify(kind)} does not match code ${String(fullCode)} (${level})`,
      });
    }
    if (level) checkDuplicate(seen, fullCode as string, f, 'code', issues);
    const name = text(f, 'name', issues, true);
    const geometry = areaGeometry(f, opts, issues);
    if (!level || !name || !geometry) continue;
    const code = fullCode as string;
    const parentCode = level === 'tenant' ? null : level === 'community' ? code.slice(0, 9) : code.slice(0, 6);
    rows.push({
      index: f.index,
      level,
      fullCode: code,
      code: level === 'tenant' ? code : code.slice(-3),
      parentCode,
      name,
      geometry,
      synthetic: f.properties.synthetic === true,
    });
  }
  for (const row of rows) {
    if (
      row.level === 'community' &&
      row.parentCode &&
      !seen.has(row.parentCode) &&
      !opts.isKnownCode?.(row.parentCode)
    ) {
      issues.push({
        path: `features[${row.index}].properties.code`,
        message: `unknown street/town ${row.parentCode} for community ${row.fullCode}`,
      });
    }
  }
  return result(rows, issues);
}

/** Unit grids: 15-digit codes whose 12-digit community must already exist (isKnownCode). */
export function parseGridImport(input: unknown, opts: ImportOptions): ImportResult<GridImportRow> {
  const issues: GeoIssue[] = [];
  const rows: GridImportRow[] = [];
  const seen = new Map<string, number>();
  for (const f of features(input, issues)) {
    const codePath = `${f.path}.properties.code`;
    const codeIssues = validateGridCode(f.properties.code, codePath);
    issues.push(...codeIssues);
    const parts = codeIssues.length === 0 ? parseGridCode(f.properties.code as string) : null;
    if (parts && parts.adminCode !== opts.adminCode) {
      issues.push({
        path: codePath,
        message: `grid code ${String(f.properties.code)} is not under admin code ${opts.adminCode}`,
      });
    } else if (parts && !opts.isKnownCode?.(parts.communityCode)) {
      issues.push({
        path: codePath,
        message: `unknown community ${parts.communityCode} for grid ${String(f.properties.code)}`,
      });
    }
    if (parts) checkDuplicate(seen, f.properties.code as string, f, 'code', issues);
    const name = text(f, 'name', issues, false);
    const geometry = areaGeometry(f, opts, issues);
    if (!parts || !geometry) continue;
    rows.push({
      index: f.index,
      code: f.properties.code as string,
      communityCode: parts.communityCode,
      streetCode: parts.streetCode,
      serial: parts.serial,
      name,
      geometry,
      bbox: bboxOf(geometry),
      areaM2: areaM2(geometry),
    });
  }
  return result(rows, issues);
}

/** Components (部件) as Points whose properties.code is the 17-digit id; an optional gridCode must exist. */
export function parseComponentImport(input: unknown, opts: ImportOptions): ImportResult<ComponentImportRow> {
  const issues: GeoIssue[] = [];
  const rows: ComponentImportRow[] = [];
  const seen = new Map<string, number>();
  for (const f of features(input, issues)) {
    const idPath = `${f.path}.properties.code`;
    const idIssues = validateComponentId(f.properties.code, idPath);
    issues.push(...idIssues);
    const parts = idIssues.length === 0 ? parseComponentId(f.properties.code as string) : null;
    if (parts && parts.adminCode !== opts.adminCode) {
      issues.push({
        path: idPath,
        message: `component id ${String(f.properties.code)} is not under admin code ${opts.adminCode}`,
      });
    } else if (parts && opts.isKnownClassCode && !opts.isKnownClassCode(parts.classCode)) {
      issues.push({
        path: idPath,
        message: `unknown component class ${parts.classCode} (GB/T 47678.5) in ${String(f.properties.code)}`,
      });
    }
    if (parts) checkDuplicate(seen, f.properties.code as string, f, 'code', issues);
    const gridCode = text(f, 'gridCode', issues, false, 15);
    if (gridCode) {
      const gridIssues = validateGridCode(gridCode, `${f.path}.properties.gridCode`);
      issues.push(...gridIssues);
      if (gridIssues.length === 0 && !opts.isKnownCode?.(gridCode)) {
        issues.push({ path: `${f.path}.properties.gridCode`, message: `unknown grid ${gridCode}` });
      }
    }
    const name = text(f, 'name', issues, false, 30);
    const geometry = pointGeometry(f, opts, issues);
    if (!parts || !geometry) continue;
    rows.push({
      index: f.index,
      code: f.properties.code as string,
      classCode: parts.classCode,
      name,
      gridCode,
      geometry,
    });
  }
  return result(rows, issues);
}

function pointGeometry(f: RawFeature, opts: ImportOptions, issues: GeoIssue[]): PointGeometry | null {
  const g = f.geometry as { type?: unknown; coordinates?: unknown } | null;
  const path = `${f.path}.geometry`;
  if (typeof g !== 'object' || g === null || g.type !== 'Point')
    return (issues.push({ path, message: 'geometry must be a Point' }), null);
  const posIssues = validatePosition(g.coordinates, `${path}.coordinates`);
  if (posIssues.length > 0) return (issues.push(...posIssues), null);
  const [x, y] = g.coordinates as Position;
  const point = geometryToWgs84<PointGeometry>({ type: 'Point', coordinates: [x, y] }, opts.crs ?? 'wgs84');
  return outsideTenant([point.coordinates], f, opts, issues) ? null : point;
}
