import type { ChecklistItem, ItemResult, Schedule, ScheduleKind } from '../../../../common/domain/inspections.ts';
import type { AssetWorkOrdersTable } from '../../db/schema-assets.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './assets.repository.ts';
import * as irepo from './inspections.repository.ts';

/** An inspection of the demo: its plan by name, its asset by code; a failed item may name the order it opened. */
export interface InspectionSeedRow {
  plan: string;
  asset: string;
  dueDate: string;
  /** null: still due */
  doneAt: string | null;
  results: (ItemResult & { failed?: boolean; order?: Omit<SeededOrder, 'asset'> })[];
}
type SeededOrder = Omit<
  AssetWorkOrdersTable,
  'id' | 'tenant_id' | 'asset_id' | 'line' | 'region_id' | 'created_by' | 'inspection_id' | 'project_id'
> & { asset: string };

export interface InspectionSeed {
  plans: {
    name: string;
    type: string;
    checklist: ChecklistItem[];
    scheduleKind: ScheduleKind;
    schedule: Schedule;
    unitId: string | null;
  }[];
  inspections: InspectionSeedRow[];
  contracts: {
    contractNo: string;
    name: string;
    unitId: string;
    line: 'sanitation' | 'parks' | 'municipal' | 'drainage' | 'muck' | 'gas';
    regionIds: string[];
    startsOn: string;
    endsOn: string;
    rules: { kind: 'overdue_case' | 'failed_item' | 'overdue_work_order'; points: number }[];
  }[];
}

/**
 * Writes demo plans, inspections (with the orders their failed items opened) and contracts for the seed
 * (server/src/seed/); not audited: no person made them. `inspector` did the inspections, `by` keeps the plans.
 */
export async function seedInspections(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  inspector: string,
  seed: InspectionSeed,
) {
  const now = clock.now().toISOString();
  const types = new Map((await repo.listTypes(db, tenantId)).map((t) => [t.code, t]));
  const plans = new Map<string, { id: string; checklist: ChecklistItem[]; unitId: string | null }>();
  for (const p of seed.plans) {
    const type = types.get(p.type);
    if (!type) throw new Error(`seed: no asset type ${p.type}`);
    const id = newId();
    await irepo.insertPlan(db, {
      id,
      tenant_id: tenantId,
      name: p.name,
      type_id: type.id,
      checklist: JSON.stringify(p.checklist),
      schedule_kind: p.scheduleKind,
      schedule: JSON.stringify(p.schedule),
      unit_id: p.unitId,
      inspector_id: null,
      active: 1,
      created_by: by,
      created_at: now,
      updated_at: now,
    });
    plans.set(p.name, { id, checklist: p.checklist, unitId: p.unitId });
  }
  const codes = [...new Set(seed.inspections.map((i) => i.asset))];
  const assets = await repo.assetsByCodes(db, tenantId, codes);
  const rows = [];
  const orders: AssetWorkOrdersTable[] = [];
  for (const i of seed.inspections) {
    const plan = plans.get(i.plan);
    const asset = assets.get(i.asset);
    if (!plan || !asset) throw new Error(`seed: no plan ${i.plan} or asset ${i.asset}`);
    const id = newId();
    const results = i.results.map(({ order, ...r }) => {
      if (!order) return { ...r, failed: r.failed ?? false };
      const orderId = newId();
      orders.push({
        ...order,
        id: orderId,
        tenant_id: tenantId,
        asset_id: asset.id,
        line: asset.line,
        region_id: asset.region_id,
        created_by: inspector,
        inspection_id: id,
        project_id: null,
      });
      return { ...r, failed: true, workOrderId: orderId, orderNo: order.order_no };
    });
    rows.push({
      id,
      tenant_id: tenantId,
      plan_id: plan.id,
      asset_id: asset.id,
      line: asset.line,
      region_id: asset.region_id,
      unit_id: asset.unit_id ?? plan.unitId,
      inspector_id: null,
      due_date: i.dueDate,
      state: i.doneAt ? ('done' as const) : ('due' as const),
      results: i.doneAt ? JSON.stringify(results) : '[]',
      failed_count: i.doneAt ? results.filter((r) => r.failed).length : 0,
      note: null,
      done_by: i.doneAt ? inspector : null,
      done_at: i.doneAt,
      created_at: now,
      updated_at: i.doneAt ?? now,
    });
  }
  await irepo.insertInspections(db, rows);
  await repo.insertWorkOrders(db, orders);
  for (const c of seed.contracts)
    await irepo.insertContract(db, {
      id: newId(),
      tenant_id: tenantId,
      contract_no: c.contractNo,
      name: c.name,
      unit_id: c.unitId,
      line: c.line,
      region_ids: JSON.stringify(c.regionIds),
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      base_score: 100,
      rules: JSON.stringify(c.rules),
      created_by: by,
      created_at: now,
      updated_at: now,
    });
}
