import type { VisionMission, VisionMissionCreate } from '../../../../common/contracts/vision.ts';
import type { VisionMissionsTable } from '../../db/schema-vision.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { visionErrors } from './vision.errors.ts';
import * as repo from './vision.repository.ts';

const missionView = (m: VisionMissionsTable & { source_name: string; event_count: number | string | null }) =>
  ({
    id: m.id,
    sourceId: m.source_id,
    sourceName: m.source_name,
    name: m.name,
    operatorName: m.operator_name,
    startedAt: m.started_at,
    endedAt: m.ended_at,
    route: JSON.parse(m.route) as number[][],
    note: m.note,
    eventCount: Number(m.event_count ?? 0),
    createdAt: m.created_at,
  }) satisfies VisionMission;

/** Drone missions (docs/vision.md, "Missions"): the route flown, when, by whom, and the events it produced. */
export function createVisionMissions(database: Database, clock: Clock, audit: AuditService) {
  const { db } = database;
  return {
    async missions(actor: Actor): Promise<VisionMission[]> {
      requirePermission(actor, 'device.read');
      return (await repo.missions(db, actor.tenantId, 200)).map(missionView);
    },

    async createMission(actor: Actor, input: VisionMissionCreate): Promise<VisionMission> {
      requirePermission(actor, 'device.manage');
      const source = await repo.findSource(db, actor.tenantId, input.sourceId);
      if (!source) throw visionErrors.field('body.sourceId', 'exists', 'no such source');
      if (source.kind !== 'drone') throw visionErrors.field('body.sourceId', 'drone', 'missions are flown by drones');
      if (input.endedAt && input.endedAt < input.startedAt)
        throw visionErrors.field('body.endedAt', 'order', 'the mission ends before it starts');
      const row: VisionMissionsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        source_id: source.id,
        name: input.name.trim(),
        operator_name: input.operatorName.trim(),
        started_at: new Date(input.startedAt).toISOString(),
        ended_at: input.endedAt ? new Date(input.endedAt).toISOString() : null,
        route: JSON.stringify(input.route),
        note: input.note?.trim() || null,
        created_by: actor.userId,
        created_at: clock.now().toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertMission(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'vision.mission',
          entity: 'vision_mission',
          entityId: row.id,
          before: null,
          after: { name: row.name, source: source.code, operator: row.operator_name, points: input.route.length },
        });
      });
      return missionView({ ...row, source_name: source.name, event_count: 0 });
    },
  };
}
