import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { ComponentsTable } from '../../db/schema.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import { buildComponentId, COMPONENT_SERIAL_MAX, type TenantGeography } from '../geo/index.ts';
import { componentErrors } from './component.errors.ts';
import * as repo from './component.repository.ts';
import { placement } from './component.service.ts';

export type CensusState = 'intact' | 'damaged' | 'lost';

/**
 * What a census (专项普查, docs/monitor.md) writes into the registry, inside the census module's transaction: the
 * state an inspector found, and components found on the street that the registry lacked. The census module has
 * checked that the inspector holds the task; the registry keeps its own rules (serials, 变更日期, audit row).
 */
export function createComponentCensus(database: Database, clock: Clock, audit: AuditService) {
  return {
    /** The components of one class in the given grids. */
    ofClassInGrids: (ex: Executor, tenantId: string, classCode: string, gridCodes: readonly string[]) =>
      repo.componentsOfClassInGrids(ex, tenantId, classCode, gridCodes),

    /** The 主管部门 of a component, so one found beside it can inherit it. */
    deptOf: async (ex: Executor, tenantId: string, code: string) =>
      (await repo.findComponent(ex, tenantId, code))?.dept_name ?? null,

    /** Sets the state found on site; a change sets 变更日期. Returns false for an unknown code. */
    async setState(tx: Executor, actor: Actor, code: string, state: CensusState, note: string): Promise<boolean> {
      const before = await repo.findComponent(tx, actor.tenantId, code);
      if (!before) return false;
      if (before.state === state) return true;
      const tenant = await repo.tenantInfo(tx, actor.tenantId);
      const now = clock.now();
      const changes: Partial<ComponentsTable> = {
        state,
        change_date: zonedDate(now, tenant?.timezone ?? 'Asia/Shanghai'),
        updated_at: now.toISOString(),
      };
      await repo.updateComponent(tx, actor.tenantId, before.id, changes);
      await audit.record(tx, actor, actor.tenantId, {
        action: 'component.census',
        entity: 'component',
        entityId: code,
        before,
        after: { ...before, ...changes, note },
      });
      return true;
    },

    /** A component found on site that the registry lacked: the class's next serial, placed in `gridCode`. */
    async add(
      tx: Executor,
      actor: Actor,
      geo: TenantGeography,
      input: {
        classCode: string;
        name: string;
        lng: number;
        lat: number;
        gridCode: string;
        deptName: string;
        note: string;
      },
    ): Promise<string> {
      const tenant = await repo.tenantInfo(tx, actor.tenantId);
      if (!tenant) throw new Error('tenant missing');
      await repo.lockSerials(tx, database.dialect, actor.tenantId);
      const serial = (await repo.maxSerial(tx, actor.tenantId, input.classCode)) + 1;
      if (serial > COMPONENT_SERIAL_MAX) throw componentErrors.serialsExhausted(input.classCode, COMPONENT_SERIAL_MAX);
      const now = clock.now();
      const where = placement(geo, input.lng, input.lat, input.gridCode);
      const row: ComponentsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        code: buildComponentId(tenant.code, input.classCode, serial),
        class_code: input.classCode,
        name: input.name.slice(0, 30),
        state: 'intact',
        dept_name: input.deptName,
        owner_name: null,
        maintainer_name: null,
        grid_code: where?.grid_code ?? input.gridCode,
        community_id: where?.community_id ?? null,
        street_id: where?.street_id ?? null,
        lng: input.lng,
        lat: input.lat,
        initial_date: zonedDate(now, tenant.timezone),
        change_date: null,
        source: 'census',
        notes: input.note || null,
        synthetic: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await repo.insertComponents(tx, [row]);
      await audit.record(tx, actor, actor.tenantId, {
        action: 'component.create',
        entity: 'component',
        entityId: row.code,
        after: row,
      });
      return row.code;
    },
  };
}
export type ComponentCensus = ReturnType<typeof createComponentCensus>;
