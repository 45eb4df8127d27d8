/**
 * 养护工单 (docs/assets.md, "Work orders"): maintenance of one asset, optionally for a case, by a handling unit,
 * with a deadline on the tenant's work calendar, the quantity and cost of the work and photos before and after.
 * Opening and accepting need assets.manage; the assigned unit's staff (assets.work, unit-scoped) start and finish.
 */
import {
  type WorkOrder,
  type WorkOrderCreate,
  type WorkOrderQuery,
  type WorkOrderStep,
} from '../../../../common/contracts/assets.ts';
import {
  fromMilli,
  isOverdue,
  nextWorkOrderState,
  toMilli,
  type WorkOrderAction,
} from '../../../../common/domain/assets.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { AssetWorkOrdersTable } from '../../db/schema-assets.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { can, reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { caseRows } from '../cases/index.ts';
import { projectNames, projectRef } from '../projects/index.ts';
import { MANAGE, READ, WORK, workKindsOf, type AssetContext } from './asset-context.ts';
import { assetErrors } from './assets.errors.ts';
import * as repo from './assets.repository.ts';

/** What work orders need of other modules: the work calendar and the photos' hold on uploads. */
export interface WorkOrderDeps {
  calendar: { forTenant(tenantId: string, ex?: Executor): Promise<WorkCalendar> };
  /** keeps the caller's own unattached uploads for a work order (false ids are refused by their index) */
  holdPhotos(
    tx: Executor,
    tenantId: string,
    holder: string,
    photoIds: readonly string[],
    userId: string,
  ): Promise<string[]>;
}

const ids = (text: string) => JSON.parse(text) as string[];

export const workOrderView = (r: repo.WorkOrderRow, units: Map<string, string>, now: string): WorkOrder => ({
  id: r.id,
  orderNo: r.order_no,
  assetId: r.asset_id,
  assetCode: r.asset_code,
  assetName: r.asset_name,
  line: r.line,
  caseId: r.case_id,
  caseNo: r.case_no,
  title: r.title,
  kind: r.kind ?? null,
  unitId: r.unit_id,
  unitName: units.get(r.unit_id) ?? null,
  state: r.state,
  dueAt: r.due_at,
  overdue: isOverdue({ state: r.state, dueAt: r.due_at, doneAt: r.done_at }, now),
  quantity: r.quantity_milli === null ? null : fromMilli(Number(r.quantity_milli)),
  quantityUnit: r.quantity_unit,
  costFen: r.cost_fen === null ? null : Number(r.cost_fen),
  beforePhotoIds: ids(r.before_photo_ids),
  afterPhotoIds: ids(r.after_photo_ids),
  note: r.note,
  startedAt: r.started_at,
  doneAt: r.done_at,
  acceptedAt: r.accepted_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  inspectionId: r.inspection_id ?? null,
  projectId: r.project_id ?? null,
});

const SORTS = { createdAt: 'created_at', dueAt: 'due_at', orderNo: 'order_no', state: 'state' } as const;

/** Who takes each step: the unit works the order, the register's keeper opens and accepts it. */
const STEP_PERMISSION: Record<WorkOrderAction, typeof WORK | typeof MANAGE> = {
  start: WORK,
  finish: WORK,
  accept: MANAGE,
  rework: MANAGE,
};

export function createWorkOrderService(ctx: AssetContext, deps: WorkOrderDeps) {
  const { db, clock, audit, assetInScope, activeUnit } = ctx;

  const unitNamesOf = (rows: readonly { unit_id: string }[]) => ctx.unitNamesOf(rows);
  const visible = (actor: Actor, r: { region_id: string | null; unit_id: string }) =>
    reaches(actor, READ, r) || reaches(actor, WORK, r);

  async function get(actor: Actor, id: string): Promise<WorkOrder> {
    if (!can(actor, READ) && !can(actor, WORK)) requirePermission(actor, READ);
    const row = await repo.findWorkOrder(db, actor.tenantId, id);
    if (!row || !visible(actor, row)) throw notFound('work_order');
    const project = row.project_id ? await projectRef(db, actor.tenantId, row.project_id) : null;
    return {
      ...workOrderView(row, await unitNamesOf([row]), clock.now().toISOString()),
      projectName: project?.name ?? null,
    };
  }

  async function holdPhotos(
    tx: Executor,
    actor: Actor,
    orderId: string,
    photoIds: readonly string[] | undefined,
    field: string,
  ) {
    if (!photoIds?.length) return [];
    const refused = await deps.holdPhotos(tx, actor.tenantId, `work_order:${orderId}`, photoIds, actor.userId);
    if (refused.length) throw assetErrors.photos(refused.map((i) => `${field}.${i}`));
    return [...new Set(photoIds)];
  }

  interface OrderFields {
    title: string;
    kind?: string | null;
    unitId: string;
    workDays: number;
    caseId: string | null;
    caseNo: string | null;
    quantity?: number | null;
    quantityUnit?: AssetWorkOrdersTable['quantity_unit'];
    costFen?: number | null;
    beforePhotoIds: string[];
    note?: string | null;
    inspectionId: string | null;
    projectId?: string | null;
  }

  /** Writes a new order and its audit row in the caller's transaction; its number from the gap-free sequence. */
  async function insertOrder(
    tx: Executor,
    actor: Actor,
    id: string,
    asset: { id: string; line: AssetWorkOrdersTable['line']; region_id: string | null },
    f: OrderFields,
  ): Promise<AssetWorkOrdersTable> {
    const calendar = await deps.calendar.forTenant(actor.tenantId, tx);
    const now = clock.now();
    const year = calendar.localDate(now).slice(0, 4);
    const seq = await nextSequence(tx, actor.tenantId, `asset_work_order:${year}`);
    const row: AssetWorkOrdersTable = {
      id,
      tenant_id: actor.tenantId,
      order_no: `YH${year}-${String(seq).padStart(5, '0')}`,
      asset_id: asset.id,
      line: asset.line,
      region_id: asset.region_id,
      case_id: f.caseId,
      case_no: f.caseNo,
      title: f.title.trim(),
      kind: f.kind ?? null,
      unit_id: f.unitId,
      state: 'open',
      due_at: calendar.addLimit(now, f.workDays, 'work_days').toISOString(),
      quantity_milli: f.quantity === undefined || f.quantity === null ? null : toMilli(f.quantity),
      quantity_unit: f.quantityUnit ?? null,
      cost_fen: f.costFen ?? null,
      before_photo_ids: JSON.stringify(f.beforePhotoIds),
      after_photo_ids: '[]',
      note: f.note?.trim() || null,
      created_by: actor.userId,
      started_at: null,
      done_at: null,
      accepted_at: null,
      accepted_by: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      inspection_id: f.inspectionId,
      project_id: f.projectId ?? null,
    };
    await repo.insertWorkOrders(tx, [row]);
    await audit.record(tx, actor, actor.tenantId, {
      action: 'work_order.create',
      entity: 'work_order',
      entityId: row.order_no,
      after: row,
    });
    return row;
  }

  return {
    get,

    /**
     * An order opened by a failed inspection item, in the inspection's transaction: the inspector needs no
     * assets.manage (the plan decided that a failure opens an order); the photos of the item are its before-photos.
     */
    async openForFinding(
      tx: Executor,
      actor: Actor,
      asset: { id: string; line: AssetWorkOrdersTable['line']; region_id: string | null },
      f: {
        title: string;
        unitId: string;
        workDays: number;
        photoIds: string[];
        note: string | null;
        inspectionId: string;
      },
    ): Promise<AssetWorkOrdersTable> {
      const id = newId();
      const photos = await holdPhotos(tx, actor, id, f.photoIds, 'body.results');
      return insertOrder(tx, actor, id, asset, {
        title: f.title,
        unitId: f.unitId,
        workDays: f.workDays,
        caseId: null,
        caseNo: null,
        beforePhotoIds: photos,
        note: f.note,
        inspectionId: f.inspectionId,
      });
    },

    /** The photos module's question for a photo this order holds: may the actor see the order? */
    async canView(actor: Actor, id: string): Promise<boolean> {
      if (!can(actor, READ) && !can(actor, WORK)) return false;
      const row = await repo.findWorkOrder(db, actor.tenantId, id);
      return !!row && visible(actor, row);
    },

    async list(actor: Actor, q: WorkOrderQuery): Promise<Page<WorkOrder>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SORTS, 'createdAt');
      const now = clock.now().toISOString();
      const { rows, total } = await repo.listWorkOrders(
        db,
        actor.tenantId,
        q,
        registerScope(actor, READ, 'o', true),
        now,
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const units = await unitNamesOf(rows);
      // the page's projects by one query on their primary keys, not one per row
      const projects = await projectNames(
        db,
        actor.tenantId,
        rows.flatMap((r) => r.project_id ?? []),
      );
      return {
        items: rows.map((r) => ({
          ...workOrderView(r, units, now),
          projectName: r.project_id ? (projects.get(r.project_id) ?? null) : null,
        })),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    async create(actor: Actor, input: WorkOrderCreate): Promise<WorkOrder> {
      requirePermission(actor, MANAGE);
      const asset = await assetInScope(db, actor, input.assetId, MANAGE);
      if (!asset) throw assetErrors.unknownAsset();
      const unit = await activeUnit(db, actor.tenantId, input.unitId);
      if (!unit) throw assetErrors.unknownUnit();
      if ((input.quantity ?? null) !== null && !input.quantityUnit) throw assetErrors.badQuantityUnit();
      if (input.kind) {
        const type = await repo.findType(db, actor.tenantId, asset.type_id);
        if (!type || !workKindsOf(type).some((k) => k.code === input.kind)) throw assetErrors.unknownWorkKind();
      }
      let caseId: string | null = null;
      if (input.caseNo) {
        const c = await caseRows(db)
          .select(['c.id'])
          .where('c.tenant_id', '=', actor.tenantId)
          .where('c.case_no', '=', input.caseNo)
          .executeTakeFirst();
        if (!c) throw assetErrors.unknownCase();
        caseId = c.id;
      }
      if (input.projectId && !(await projectRef(db, actor.tenantId, input.projectId)))
        throw assetErrors.unknownProject();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const photos = await holdPhotos(tx, actor, id, input.beforePhotoIds, 'body.beforePhotoIds');
        await insertOrder(tx, actor, id, asset, {
          ...input,
          unitId: unit.id,
          caseId,
          caseNo: caseId ? (input.caseNo ?? null) : null,
          beforePhotoIds: photos,
          inspectionId: null,
        });
      });
      return get(actor, id);
    },

    /** One step of the lifecycle (common/domain/assets.ts); quantity, cost and after-photos come with finishing. */
    async step(actor: Actor, id: string, input: WorkOrderStep): Promise<WorkOrder> {
      const permission = STEP_PERMISSION[input.action];
      requirePermission(actor, permission);
      await db.transaction().execute(async (tx) => {
        const before = await repo.findWorkOrder(tx, actor.tenantId, id);
        if (!before || !visible(actor, before)) throw notFound('work_order');
        // a finished quantity counts in the unit the order was opened with unless the unit names another
        const quantityUnit = input.quantityUnit ?? before.quantity_unit;
        if ((input.quantity ?? null) !== null && !quantityUnit) throw assetErrors.badQuantityUnit();
        if (!reaches(actor, permission, before)) requirePermission(actor, permission, { unitId: before.unit_id });
        const to = nextWorkOrderState(before.state, input.action);
        if (!to) throw assetErrors.transition(before.state, input.action);
        const now = clock.now().toISOString();
        const after =
          input.action === 'finish' ? await holdPhotos(tx, actor, id, input.afterPhotoIds, 'body.afterPhotoIds') : [];
        const changes: Partial<AssetWorkOrdersTable> = {
          state: to,
          ...(input.action === 'start' ? { started_at: now } : {}),
          ...(input.action === 'finish'
            ? {
                done_at: now,
                after_photo_ids: JSON.stringify([...ids(before.after_photo_ids), ...after]),
                ...(input.quantity !== undefined && input.quantity !== null
                  ? { quantity_milli: toMilli(input.quantity), quantity_unit: quantityUnit }
                  : {}),
                ...(input.costFen !== undefined && input.costFen !== null ? { cost_fen: input.costFen } : {}),
              }
            : {}),
          ...(input.action === 'accept' ? { accepted_at: now, accepted_by: actor.userId } : {}),
          // rework: the finish is undone, so the order counts as overdue again once past its deadline
          ...(input.action === 'rework' ? { done_at: null } : {}),
          ...(input.note ? { note: input.note.trim() } : {}),
          updated_at: now,
        };
        if ((await repo.updateWorkOrder(tx, actor.tenantId, id, before.state, changes)) !== 1)
          throw assetErrors.transition(before.state, input.action);
        const { asset_code: _c, asset_name: _n, ...stored } = before;
        await audit.record(tx, actor, actor.tenantId, {
          action: `work_order.${input.action}`,
          entity: 'work_order',
          entityId: before.order_no,
          before: stored,
          after: { ...stored, ...changes },
        });
      });
      return get(actor, id);
    },
  };
}
export type WorkOrderService = ReturnType<typeof createWorkOrderService>;
