import type { Unit, UnitCreate, UnitQuery, UnitUpdate } from '../../../../common/contracts/org.ts';
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
import { activeHandlerCounts } from './unit-staffing.ts';

type UnitRow = NonNullable<Awaited<ReturnType<typeof repo.unitWithNames>>>;

const view = (u: UnitRow, activeHandlers: number): Unit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parent_id,
  parentName: u.parent_name,
  regionId: u.region_id,
  regionName: u.region_name,
  phone: u.phone,
  active: toBool(u.active),
  synthetic: toBool(u.synthetic),
  updatedAt: u.updated_at,
  activeHandlers,
});

/** Would making `parentId` the parent of `id` close a loop? Walks up from the new parent. */
function createsCycle(parents: Map<string, string | null>, id: string, parentId: string): boolean {
  for (let at: string | null | undefined = parentId, hops = 0; at && hops < 1000; at = parents.get(at), hops++) {
    if (at === id) return true;
  }
  return false;
}

/** Handling units (专业部门/处置单位): bureau sections, 环卫所, squads, street offices, utilities. */
export function createUnitService(database: Database, clock: Clock, audit: AuditService) {
  const { db } = database;

  async function get(actor: Actor, id: string): Promise<Unit> {
    requirePermission(actor, 'org.read');
    const row = await repo.unitWithNames(db, actor.tenantId, id);
    if (!row) throw notFound('unit');
    const handlers = await activeHandlerCounts(db, actor.tenantId, [row.id]);
    return view(row, handlers.get(row.id) ?? 0);
  }

  async function checkRefs(actor: Actor, parentId: string | null | undefined, regionId: string | null | undefined) {
    if (parentId && !(await repo.findUnit(db, actor.tenantId, parentId))) {
      throw orgErrors.unknownUnit('body.parentId', 'parent unit not found');
    }
    if (regionId && !(await repo.findRegion(db, actor.tenantId, regionId))) {
      throw orgErrors.unknownRegion('body.regionId');
    }
  }

  return {
    get,

    async list(actor: Actor, query: UnitQuery): Promise<Page<Unit>> {
      requirePermission(actor, 'org.read');
      const w = listWindow(query, { code: 'code', name: 'name', kind: 'kind', updatedAt: 'updated_at' }, 'code');
      const { rows, total } = await repo.listUnits(db, actor.tenantId, query, w);
      // one grouped count for the page, so the dispatch picker can warn on units nobody can handle
      const handlers = await activeHandlerCounts(
        db,
        actor.tenantId,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => view(r, handlers.get(r.id) ?? 0)), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: UnitCreate): Promise<Unit> {
      requirePermission(actor, 'unit.manage');
      await checkRefs(actor, input.parentId, input.regionId);
      const now = clock.now().toISOString();
      const row = {
        id: newId(),
        tenant_id: actor.tenantId,
        parent_id: input.parentId ?? null,
        region_id: input.regionId ?? null,
        code: input.code,
        name: input.name.trim(),
        kind: input.kind,
        phone: input.phone ?? null,
        active: 1,
        synthetic: 0,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertUnit(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'unit.create',
            entity: 'unit',
            entityId: row.id,
            after: row,
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw orgErrors.duplicateCode(`unit code ${input.code} already exists`);
        throw err;
      }
      return get(actor, row.id);
    },

    async update(actor: Actor, id: string, patch: UnitUpdate): Promise<Unit> {
      requirePermission(actor, 'unit.manage');
      const before = await repo.findUnit(db, actor.tenantId, id);
      if (!before) throw notFound('unit');
      await checkRefs(actor, patch.parentId, patch.regionId);
      if (patch.parentId) {
        const parents = new Map((await repo.allUnitParents(db, actor.tenantId)).map((u) => [u.id, u.parent_id]));
        if (createsCycle(parents, id, patch.parentId)) {
          throw orgErrors.invalidParent('a unit cannot sit under itself or its own sub-unit');
        }
      }
      const changes = {
        ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.parentId !== undefined ? { parent_id: patch.parentId } : {}),
        ...(patch.regionId !== undefined ? { region_id: patch.regionId } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        updated_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.updateUnit(tx, actor.tenantId, id, changes);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'unit.update',
          entity: 'unit',
          entityId: id,
          before,
          after: { ...before, ...changes },
        });
      });
      return get(actor, id);
    },
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
