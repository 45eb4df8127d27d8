import type { Region, RegionCreate, RegionQuery, RegionUpdate } from '../../../../common/contracts/org.ts';
import { allowedParentKinds, type RegionKind } from '../../../../common/domain/org.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, toBool, type Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { orgErrors } from './org.errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import * as repo from './org.repository.ts';
import type { GeometryColumns, RegionsTable } from '../../db/schema.ts';

type RegionRow = Omit<RegionsTable, keyof GeometryColumns>;

const view = (r: RegionRow & { parent_name?: string | null }): Region => ({
  id: r.id,
  code: r.code,
  fullCode: r.full_code,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  parentName: r.parent_name ?? null,
  synthetic: toBool(r.synthetic),
  updatedAt: r.updated_at,
});

/** Streets/towns and their communities; their geometry is kept by the geo module. */
export function createRegionService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  regionReferences: readonly repo.RegionReferences[],
) {
  const { db } = database;

  async function get(actor: Actor, id: string): Promise<Region> {
    requirePermission(actor, 'org.read');
    const row = await repo.findRegion(db, actor.tenantId, id);
    if (!row) throw notFound('region');
    const parent = row.parent_id ? await repo.findRegion(db, actor.tenantId, row.parent_id) : undefined;
    return view({ ...row, parent_name: parent?.name ?? null });
  }

  return {
    get,

    async list(actor: Actor, query: RegionQuery): Promise<Page<Region>> {
      requirePermission(actor, 'org.read');
      const w = listWindow(query, { code: 'full_code', name: 'name', updatedAt: 'updated_at' }, 'code');
      const { rows, total } = await repo.listRegions(db, actor.tenantId, query, w);
      return { items: rows.map(view), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: RegionCreate): Promise<Region> {
      requirePermission(actor, 'region.manage');
      const kind = input.kind;
      const parentKinds = allowedParentKinds(kind);
      const parent = input.parentId ? await repo.findRegion(db, actor.tenantId, input.parentId) : undefined;
      if (input.parentId && !parent) throw orgErrors.unknownRegion('body.parentId', 'parent region not found');
      if (parentKinds.length === 0 && parent) throw orgErrors.invalidParent(`a ${kind} has no parent region`);
      if (parentKinds.length > 0 && (!parent || !parentKinds.includes(parent.kind as RegionKind))) {
        throw orgErrors.invalidParent(`a ${kind} must sit in a ${parentKinds.join(' or ')}`);
      }
      const tenant = await db
        .selectFrom('tenants')
        .select('code')
        .where('id', '=', actor.tenantId)
        .executeTakeFirstOrThrow();
      const id = newId();
      const now = clock.now().toISOString();
      const row = {
        id,
        tenant_id: actor.tenantId,
        parent_id: parent?.id ?? null,
        kind,
        code: input.code,
        // 6-digit admin code + 3-digit street + 3-digit community (docs/standards.md, "Identifier formats")
        full_code: `${parent ? parent.full_code : tenant.code}${input.code}`,
        name: input.name.trim(),
        path: `${parent ? parent.path : '/'}${id}/`,
        synthetic: 0,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertRegion(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'region.create',
            entity: 'region',
            entityId: id,
            after: row,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw orgErrors.duplicateCode(`code ${row.full_code} already exists`);
        throw err;
      }
      return view({ ...row, parent_name: parent?.name ?? null });
    },

    async update(actor: Actor, id: string, patch: RegionUpdate): Promise<Region> {
      requirePermission(actor, 'region.manage');
      const before = await repo.findRegion(db, actor.tenantId, id);
      if (!before) throw notFound('region');
      const changes = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.updateRegion(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'region.update',
          entity: 'region',
          entityId: id,
          before,
          after: { ...before, ...changes },
        });
      });
      return get(actor, id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      requirePermission(actor, 'region.manage');
      const before = await repo.findRegion(db, actor.tenantId, id);
      if (!before) throw notFound('region');
      if ((await repo.regionUsage(db, actor.tenantId, id, regionReferences)) > 0) throw orgErrors.regionInUse();
      await db.transaction().execute(async (tx) => {
        await repo.deleteRegion(tx, actor.tenantId, id);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'region.delete',
          entity: 'region',
          entityId: id,
          before,
        });
      });
    },
  };
}
export type RegionService = ReturnType<typeof createRegionService>;
