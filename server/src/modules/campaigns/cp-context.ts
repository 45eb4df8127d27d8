/**
 * What the parts of the campaigns service share: the permission names, the unit scope of a caller, the row views
 * and the photo hold (docs/campaigns.md).
 */
import type { Problem, QuantityReport, Task } from '../../../../common/contracts/campaigns.ts';
import { fromMilli } from '../../../../common/domain/campaigns.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import type { CpProblemsTable, CpReportsTable, CpTasksTable } from '../../db/schema-campaigns.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { can, scopeOf, type Actor } from '../auth/index.ts';
import { orgNames, orgReadModel } from '../org/index.ts';
import { cpErrors } from './campaigns.errors.ts';

export const READ = 'campaign.read';
export const MANAGE = 'campaign.manage';
export const REPORT = 'campaign.report';

export interface CampaignDeps {
  audit: AuditService;
  timeZone: string;
  calendar: { forTenant(tenantId: string, ex?: Executor): Promise<WorkCalendar> };
  /** keeps the caller's own unattached uploads for a record (refused ids come back by their index) */
  holdPhotos(tx: Executor, tenantId: string, holder: string, ids: readonly string[], userId: string): Promise<string[]>;
}

const ids = (text: string) => JSON.parse(text) as string[];

export const taskView = (r: CpTasksTable, units: Map<string, string>, today: string): Task => ({
  id: r.id,
  campaignId: r.campaign_id,
  title: r.title,
  unitId: r.unit_id,
  unitName: units.get(r.unit_id) ?? null,
  dueDate: r.due_date,
  overdue: r.status === 'open' && r.due_date < today,
  progressPct: Number(r.progress_pct),
  status: r.status,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const reportView = (
  r: CpReportsTable & { target_name: string; measure: string; task_title: string },
  units: Map<string, string>,
): QuantityReport => ({
  id: r.id,
  taskId: r.task_id,
  taskTitle: r.task_title,
  targetId: r.target_id,
  targetName: r.target_name,
  measure: r.measure,
  unitId: r.unit_id,
  unitName: units.get(r.unit_id) ?? null,
  quantity: fromMilli(Number(r.quantity_milli)),
  onDate: r.on_date,
  photoIds: ids(r.photo_ids),
  note: r.note,
  createdAt: r.created_at,
});

export const problemView = (r: CpProblemsTable, units: Map<string, string>): Problem => ({
  id: r.id,
  listId: r.list_id,
  seq: Number(r.seq),
  className: r.class_name,
  title: r.title,
  unitId: r.unit_id,
  unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
  dueDate: r.due_date,
  status: r.status,
  measures: r.measures,
  photoIds: ids(r.photo_ids),
  rectifiedOn: r.rectified_on,
  updatedAt: r.updated_at,
});

/**
 * The units whose tasks, reports and items a caller reaches: null = every unit (a city-wide grant of campaign.read
 * or campaign.manage); otherwise the units named by the caller's grants of campaign.read or campaign.report.
 */
export function unitReach(actor: Actor): string[] | null {
  const read = scopeOf(actor, READ);
  if (read.all || scopeOf(actor, MANAGE).all) return null;
  return [...new Set([...read.unitIds, ...scopeOf(actor, REPORT).unitIds])];
}

/**
 * Who may report for a unit: the campaign's keepers, or the unit's own staff holding campaign.report. An item with no
 * responsible unit is the keepers' alone.
 */
export const mayReport = (actor: Actor, unitId: string | null) =>
  can(actor, MANAGE) || (!!unitId && can(actor, REPORT, { unitId }));

export function createCpContext(database: Database, clock: Clock, deps: CampaignDeps) {
  const { db } = database;
  const now = () => clock.now().toISOString();
  const today = () => zonedDate(now(), deps.timeZone);

  const unitNamesOf = (rows: readonly { unit_id: string | null }[]) =>
    orgNames.unitNames(db, [...new Set(rows.flatMap((r) => (r.unit_id ? [r.unit_id] : [])))]);

  /** An active unit of the caller's own city, or a 400 naming the field: another city's unit reads as none. */
  async function activeUnit(ex: Executor, tenantId: string, id: string, field = 'body.unitId') {
    const unit = await orgReadModel.activeUnit(ex, tenantId, id);
    if (!unit) throw cpErrors.unknownUnit(field);
    return unit;
  }

  async function holdPhotos(
    tx: Executor,
    actor: Actor,
    holder: string,
    photoIds: readonly string[] | undefined,
    field: string,
  ): Promise<string[]> {
    if (!photoIds?.length) return [];
    const refused = await deps.holdPhotos(tx, actor.tenantId, holder, photoIds, actor.userId);
    if (refused.length) throw cpErrors.photos(refused.map((i) => `${field}.${i}`));
    return [...new Set(photoIds)];
  }

  /** A row lock on PostgreSQL so two reports against one target never both pass the ceiling; SQLite runs one at a time. */
  async function lockTarget(tx: Executor, id: string) {
    if (database.dialect === 'postgres')
      await tx.selectFrom('cp_targets').select('id').where('id', '=', id).forUpdate().execute();
  }

  return { db, database, clock, ...deps, now, today, unitNamesOf, activeUnit, holdPhotos, lockTarget };
}
export type CpContext = ReturnType<typeof createCpContext>;
