/**
 * Entries other modules put in a register as the consequence of their own decision (a 行政审批 grant puts the
 * 建筑垃圾处置核准 in the 渣土 register; docs/assets.md, "Entries from 行政审批"). Like the yellow-line issuer, the
 * writer is taken before the caller's transaction (it reads the city's geography, which SQLite cannot do inside
 * another transaction) and writes inside it, with the same geometry and attribute checks as a form.
 */
import type { AssetTypeDefinition } from '../../../../common/domain/assets.ts';
import type { AssetsTable, AssetTypesTable } from '../../db/schema-assets.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { Actor } from '../auth/index.ts';
import type { AssetContext } from './asset-context.ts';
import { attributeIssues } from './asset-attributes.ts';
import { placeGeometry } from './asset-geometry.ts';
import { assetErrors } from './assets.errors.ts';
import * as repo from './assets.repository.ts';

type AuditActor = Pick<Actor, 'userId' | 'displayName' | 'tenantId' | 'requestId'> | null;

export interface RegisterEntryInput {
  /** the type by code; a tenant without it gets it from this definition (audited as asset_type.create) */
  type: AssetTypeDefinition;
  code: string;
  name: string;
  address: string | null;
  geometry: { type: string; coordinates: unknown };
  attributes: Record<string, unknown>;
}

export function createAssetRegistrar(ctx: AssetContext) {
  const { clock, audit, geo } = ctx;

  async function typeFor(tx: Executor, tenantId: string, actor: AuditActor, def: AssetTypeDefinition) {
    const found = await repo.findTypeByCode(tx, tenantId, def.code);
    if (found) return found;
    const now = clock.now().toISOString();
    const row: AssetTypesTable = {
      id: newId(),
      tenant_id: tenantId,
      code: def.code,
      name_zh: def.nameZh,
      name_en: def.nameEn,
      line: def.line,
      geometry_kind: def.geometryKind,
      attribute_schema: JSON.stringify(def.attributeSchema),
      log_unit: null,
      synthetic: 0,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await repo.insertTypes(tx, [row]);
    await audit.record(tx, actor, tenantId, {
      action: 'asset_type.create',
      entity: 'asset_type',
      entityId: row.code,
      after: row,
    });
    return row;
  }

  return {
    /**
     * `(await assets.registrar.entryWriter(tenantId, actor)).createEntry(tx, input)`: checks the geometry (inside
     * the city, of the type's kind) and the attributes against the type's schema, writes the asset and its audit
     * row. A failure is the register's 4xx (fields under `body.geometry` and `body.attributes`).
     */
    async entryWriter(tenantId: string, actor: AuditActor) {
      const geography = await geo.geographyOf(tenantId);
      return {
        async createEntry(tx: Executor, input: RegisterEntryInput): Promise<{ id: string; code: string }> {
          const type = await typeFor(tx, tenantId, actor, input.type);
          const p = placeGeometry(input.geometry, type.geometry_kind, 'wgs84', geography, 'body.geometry');
          const issues = attributeIssues(type.attribute_schema, input.attributes, 'body.attributes');
          if (issues.length) throw assetErrors.invalidAttributes(issues);
          if ((await repo.assetsByCodes(tx, tenantId, [input.code])).size) throw assetErrors.duplicateCode(input.code);
          const now = clock.now().toISOString();
          const row: AssetsTable = {
            id: newId(),
            tenant_id: tenantId,
            type_id: type.id,
            line: type.line,
            code: input.code,
            name: input.name.trim(),
            status: 'active',
            geometry: JSON.stringify(p.geometry),
            lng: p.lng,
            lat: p.lat,
            region_id: geography.locate(p.lng, p.lat)?.streetId ?? null,
            unit_id: null,
            address: input.address?.trim() || null,
            attributes: JSON.stringify(input.attributes),
            synthetic: 0,
            created_at: now,
            updated_at: now,
            version: 1,
          };
          await repo.insertAssets(tx, [row]);
          await audit.record(tx, actor, tenantId, {
            action: 'asset.create',
            entity: 'asset',
            entityId: row.code,
            after: row,
          });
          return { id: row.id, code: row.code };
        },
      };
    },
  };
}
export type AssetRegistrar = ReturnType<typeof createAssetRegistrar>;
