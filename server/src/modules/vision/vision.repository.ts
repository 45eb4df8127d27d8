import type { Expression, SqlBool } from 'kysely';
import type {
  VisionClassesTable,
  VisionEventsTable,
  VisionMissionsTable,
  VisionSourcesTable,
} from '../../db/schema-vision.ts';
import type { Executor } from '../../platform/db.ts';
import { leftJoinCases } from '../cases/index.ts';
import { catalogReadModel } from '../catalog/index.ts';
import { orgReadModel } from '../org/index.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries of 城市之眼; every query is scoped by tenant except the webhook's look-up of its source by id. */

export async function sourceById(db: Executor, id: string) {
  return db.selectFrom('vision_sources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSource(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('vision_sources')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function sourceByCode(db: Executor, tenantId: string, code: string) {
  return db
    .selectFrom('vision_sources')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function sources(db: Executor, tenantId: string) {
  return db.selectFrom('vision_sources').selectAll().where('tenant_id', '=', tenantId).orderBy('code').execute();
}

export async function insertSource(db: Executor, row: VisionSourcesTable) {
  await db.insertInto('vision_sources').values(row).execute();
}

export async function updateSource(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<VisionSourcesTable>,
): Promise<boolean> {
  return updateVersioned(db, 'vision_sources', { tenantId, id, version }, patch);
}

export async function classRows(db: Executor, tenantId: string) {
  return db.selectFrom('vision_classes').selectAll().where('tenant_id', '=', tenantId).execute();
}

export async function putClass(db: Executor, row: VisionClassesTable) {
  await db
    .insertInto('vision_classes')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'class']).doUpdateSet({
        matter_code: row.matter_code,
        threshold: row.threshold,
        active: row.active,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function eventOf(db: Executor, sourceId: string, eventId: string) {
  return db
    .selectFrom('vision_events')
    .selectAll()
    .where('source_id', '=', sourceId)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
}

export async function findEvent(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('vision_events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Stored once per source and event id: false when a concurrent delivery of the same event was first. */
export async function insertEvent(db: Executor, row: VisionEventsTable): Promise<boolean> {
  const r = await db
    .insertInto('vision_events')
    .values(row)
    .onConflict((oc) => oc.columns(['source_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The review outcome on the event and on the later events that joined the same case while it waited. */
export async function review(
  db: Executor,
  tenantId: string,
  caseId: string,
  patch: Pick<VisionEventsTable, 'status' | 'reviewed_by' | 'reviewed_at' | 'review_note'>,
): Promise<number> {
  const r = await db
    .updateTable('vision_events')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'merged'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface EventFilter {
  status?: string;
  sourceId?: string;
  caseId?: string;
  missionId?: string;
}

/** Events with their source and case (status, version), only cases the caller may see (`visibility` on `c`). */
export async function listEvents(
  db: Executor,
  tenantId: string,
  f: EventFilter,
  visibility: Expression<SqlBool> | null,
  w: { limit: number; offset: number; order: 'asc' | 'desc' },
) {
  const base = db
    .selectFrom('vision_events as e')
    .innerJoin('vision_sources as s', 's.id', 'e.source_id')
    .$call((q) => leftJoinCases(q, 'c', { id: 'e.case_id' }))
    .where('e.tenant_id', '=', tenantId)
    .$if(!!f.status, (q) => q.where('e.status', '=', f.status as VisionEventsTable['status']))
    .$if(!!f.sourceId, (q) => q.where('e.source_id', '=', f.sourceId!))
    .$if(!!f.caseId, (q) => q.where('e.case_id', '=', f.caseId!))
    .$if(!!f.missionId, (q) => q.where('e.mission_id', '=', f.missionId!))
    .$if(visibility !== null, (q) => q.where((eb) => eb.or([eb('e.case_id', 'is', null), visibility!])));
  const [rows, count] = await Promise.all([
    base
      .selectAll('e')
      .select([
        's.name as source_name',
        's.kind as source_kind',
        'c.status as case_status',
        'c.version as case_version',
      ])
      .orderBy('e.received_at', w.order)
      .orderBy('e.id', w.order)
      .limit(w.limit)
      .offset(w.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Events of the window per source, class and status: the false-positive counts. */
export async function countsSince(db: Executor, tenantId: string, since: string) {
  return db
    .selectFrom('vision_events')
    .select(['source_id', 'class', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('at', '>=', since)
    .groupBy(['source_id', 'class', 'status'])
    .execute();
}

/** The reviewed events of the window with their confidence: what a suggested threshold is computed from. */
export async function reviewedSince(db: Executor, tenantId: string, since: string) {
  return db
    .selectFrom('vision_events')
    .select(['source_id', 'class', 'status', 'confidence'])
    .where('tenant_id', '=', tenantId)
    .where('at', '>=', since)
    .where('status', 'in', ['confirmed', 'rejected'])
    .execute();
}

export async function insertMission(db: Executor, row: VisionMissionsTable) {
  await db.insertInto('vision_missions').values(row).execute();
}

export async function findMission(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('vision_missions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function missions(db: Executor, tenantId: string, limit: number) {
  return db
    .selectFrom('vision_missions as m')
    .innerJoin('vision_sources as s', 's.id', 'm.source_id')
    .selectAll('m')
    .select([
      's.name as source_name',
      (eb) =>
        eb
          .selectFrom('vision_events as e')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('e.mission_id', '=', 'm.id')
          .where('e.tenant_id', '=', tenantId)
          .as('event_count'),
    ])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('m.started_at', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Whether the tenant's 立结案标准 hand the matter to an enforcement unit: the unit of its first active filing
 * condition (the one a case of the matter is routed to by default) is of kind `enforcement` (docs/vision.md,
 * "Enforcement leads"). Read beside the event, so the answer follows the tenant's catalogue as it is edited.
 */
export async function enforcementMatter(db: Executor, tenantId: string, eventId: string, matterCode: string) {
  const condition = await catalogReadModel.conditionOfMatter(db, tenantId, matterCode, undefined);
  if (!condition?.unit_id) return false;
  const events = db.selectFrom('vision_events as e').where('e.tenant_id', '=', tenantId).where('e.id', '=', eventId);
  const unit = await orgReadModel
    .innerJoinUnits(events, 'u', { tenant_id: 'e.tenant_id' })
    .select('u.kind')
    .where('u.id', '=', condition.unit_id)
    .executeTakeFirst();
  return unit?.kind === 'enforcement';
}
