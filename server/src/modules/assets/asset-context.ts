/**
 * What the parts of the assets service share: the permission names, the row views, the scope-checked lookups and
 * the checks of a type's schema, an asset's geometry and its attributes.
 */
import type { Asset, AssetType } from '../../../../common/contracts/assets.ts';
import { schemaProblems, type AttributeSchema, type WorkKind } from '../../../../common/domain/assets.ts';
import type { Crs } from '../../../../common/domain/geo.ts';
import type { AssetTypesTable } from '../../db/schema-assets.ts';
import type { Clock } from '../../platform/clock.ts';
import { toBool, type Database, type Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { reaches, type Actor } from '../auth/index.ts';
import type { GeoService } from '../geo/index.ts';
import { orgNames, orgReadModel } from '../org/index.ts';
import { attributeIssues } from './asset-attributes.ts';
import { placeGeometry } from './asset-geometry.ts';
import { assetErrors, issue } from './assets.errors.ts';
import * as repo from './assets.repository.ts';

export const READ = 'assets.read';
export const MANAGE = 'assets.manage';
export const WORK = 'assets.work';
export const INSPECT = 'assets.inspect';

/** The kinds of 养护工单 a type declares (migration 0077; none before). */
export const workKindsOf = (t: Pick<AssetTypesTable, 'work_kinds'>): WorkKind[] =>
  JSON.parse(t.work_kinds ?? '[]') as WorkKind[];

/** Work kinds as stored: codes unique (a repeated code → 400 on its index). */
export function checkWorkKinds(kinds: readonly WorkKind[], field: string): string {
  const seen = new Set<string>();
  kinds.forEach((k, i) => {
    if (seen.has(k.code)) throw assetErrors.duplicateWorkKind(`${field}.${i}.code`);
    seen.add(k.code);
  });
  return JSON.stringify(kinds.map((k) => ({ code: k.code, nameZh: k.nameZh.trim(), nameEn: k.nameEn.trim() })));
}

export const typeView = (t: AssetTypesTable & { asset_count?: number | string | null }): AssetType => ({
  id: t.id,
  code: t.code,
  nameZh: t.name_zh,
  nameEn: t.name_en,
  line: t.line,
  geometryKind: t.geometry_kind,
  attributeSchema: JSON.parse(t.attribute_schema) as AttributeSchema,
  logUnit: t.log_unit,
  workKinds: workKindsOf(t),
  assetCount: Number(t.asset_count ?? 0),
  synthetic: toBool(t.synthetic),
  updatedAt: t.updated_at,
  version: t.version,
});

export const assetView = (r: repo.AssetRow, units: Map<string, string>): Asset => ({
  id: r.id,
  code: r.code,
  name: r.name,
  typeId: r.type_id,
  typeCode: r.type_code,
  typeNameZh: r.type_name_zh,
  typeNameEn: r.type_name_en,
  geometryKind: r.geometry_kind,
  line: r.line,
  status: r.status,
  geometry: JSON.parse(r.geometry) as Asset['geometry'],
  lng: Number(r.lng),
  lat: Number(r.lat),
  address: r.address,
  unitId: r.unit_id,
  unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
  attributes: JSON.parse(r.attributes) as Record<string, unknown>,
  synthetic: toBool(r.synthetic),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** A schema of the subset whose parts agree (the contract checked its shape); 400 naming body.attributeSchema.… */
export function checkSchema(schema: AttributeSchema): string {
  const problems = schemaProblems(schema);
  if (problems.length)
    throw assetErrors.invalidSchema(
      problems.map((p) => issue(`body.attributeSchema.${p.field}`, 'schema', `assetSchema.${p.key}`, p.params)),
    );
  return JSON.stringify(schema);
}

export function createAssetContext(database: Database, clock: Clock, audit: AuditService, geo: GeoService) {
  const { db } = database;

  const unitNamesOf = (rows: readonly { unit_id: string | null }[]) =>
    orgNames.unitNames(db, [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))]);

  async function assetInScope(
    ex: Executor,
    actor: Actor,
    id: string,
    permission: typeof READ | typeof MANAGE | typeof WORK,
  ) {
    const row = await repo.findAsset(ex, actor.tenantId, id);
    return row && reaches(actor, permission, row) ? row : null;
  }

  async function activeUnit(ex: Executor, tenantId: string, id: string | null | undefined, field = 'body.unitId') {
    if (!id) return null;
    const unit = await orgReadModel.activeUnit(ex, tenantId, id);
    if (!unit) throw assetErrors.unknownUnit(field);
    return unit;
  }

  /** Geometry, street and attributes of an asset of `type`, or a 400 naming the first bad part. */
  async function placed(
    tenantId: string,
    type: AssetTypesTable,
    geometry: { type: string; coordinates: unknown },
    crs: Crs | undefined,
    attributes: Record<string, unknown>,
    base: { geometry: string; attributes: string },
  ) {
    const geography = await geo.geographyOf(tenantId);
    const p = placeGeometry(geometry, type.geometry_kind, crs, geography, base.geometry);
    const issues = attributeIssues(type.attribute_schema, attributes, base.attributes);
    if (issues.length) throw assetErrors.invalidAttributes(issues);
    return { ...p, regionId: geography.locate(p.lng, p.lat)?.streetId ?? null };
  }

  return { db, database, clock, audit, geo, unitNamesOf, assetInScope, activeUnit, placed };
}
export type AssetContext = ReturnType<typeof createAssetContext>;
