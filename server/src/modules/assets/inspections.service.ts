/**
 * Inspections (docs/inspections.md, "Doing an inspection"): the inspector's due list and the submit of results per
 * item with photos, sent from the phone's offline queue with an Idempotency-Key. A failed item opens a 养护工单 for
 * the asset's maintainer in the same transaction, or files a 数字城管 case through the cases module after it,
 * with a key derived from the inspection and the item, so a submit sent again files nothing twice.
 */
import type { CaseCreate } from '../../../../common/contracts/cases.ts';
import type {
  Inspection,
  InspectionItem,
  InspectionQuery,
  InspectionSubmit,
} from '../../../../common/contracts/inspections.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { itemFails, type ChecklistItem, type ItemResult } from '../../../../common/domain/inspections.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { once } from '../../platform/idempotency.ts';
import { listWindow } from '../../platform/paging.ts';
import { can, reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { INSPECT, READ, type AssetContext } from './asset-context.ts';
import { assetErrors } from './assets.errors.ts';
import * as irepo from './inspections.repository.ts';
import type { WorkOrderDeps, WorkOrderService } from './work-orders.service.ts';

/** A stored item: the inspector's result and what its failure opened. */
interface StoredResult extends ItemResult {
  failed: boolean;
  workOrderId?: string;
  orderNo?: string;
  caseId?: string;
  caseNo?: string;
}

export interface InspectionDeps extends Pick<WorkOrderDeps, 'holdPhotos'> {
  /** files a case as the inspector, honouring the key (the cases module's create) */
  fileCase(actor: Actor, input: CaseCreate, key: string): Promise<{ id: string; caseNo: string }>;
}

const SORTS = { dueDate: 'due_date', doneAt: 'done_at' } as const;

function itemsOf(row: irepo.InspectionRow): InspectionItem[] {
  const results = new Map((JSON.parse(row.results) as StoredResult[]).map((r) => [r.key, r]));
  return (JSON.parse(row.checklist) as ChecklistItem[]).map((it) => {
    const r = results.get(it.key);
    return {
      key: it.key,
      label: it.label,
      labelEn: it.labelEn ?? null,
      kind: it.kind,
      min: it.min ?? null,
      max: it.max ?? null,
      unit: it.unit ?? null,
      photoRequired: it.photoRequired === true || it.kind === 'photo',
      onFail: it.onFail,
      ok: r?.ok ?? null,
      value: r?.value ?? null,
      text: r?.text ?? null,
      photoIds: r?.photoIds ?? [],
      failed: r?.failed ?? false,
      workOrderId: r?.workOrderId ?? null,
      orderNo: r?.orderNo ?? null,
      caseId: r?.caseId ?? null,
      caseNo: r?.caseNo ?? null,
    };
  });
}

const view = (r: irepo.InspectionRow, units: Map<string, string>): Inspection => ({
  id: r.id,
  planId: r.plan_id,
  planName: r.plan_name,
  assetId: r.asset_id,
  assetCode: r.asset_code,
  assetName: r.asset_name,
  address: r.address,
  line: r.line,
  unitId: r.unit_id,
  unitName: r.unit_id ? (units.get(r.unit_id) ?? null) : null,
  inspectorId: r.inspector_id,
  dueDate: r.due_date,
  state: r.state,
  failedCount: Number(r.failed_count),
  items: itemsOf(r),
  note: r.note,
  doneAt: r.done_at,
});

/** Each missing or contradictory result, naming its place in body.results and the item. */
function resultProblems(items: readonly ChecklistItem[], results: readonly ItemResult[]) {
  const out: { field: string; key: string; params?: Record<string, string | number> }[] = [];
  const known = new Set(items.map((i) => i.key));
  results.forEach((r, i) => {
    if (!known.has(r.key))
      out.push({ field: `results.${i}.key`, key: 'details.inspection.unknownItem', params: { key: r.key } });
  });
  items.forEach((it) => {
    const at = results.findIndex((r) => r.key === it.key);
    const r = results[at];
    const field = `results.${at < 0 ? results.length : at}`;
    const label = { label: it.label };
    if ((it.kind === 'check' && typeof r?.ok !== 'boolean') || (it.kind === 'number' && typeof r?.value !== 'number'))
      out.push({
        field: `${field}.${it.kind === 'check' ? 'ok' : 'value'}`,
        key: 'details.inspection.missingItem',
        params: label,
      });
    else if ((it.photoRequired || it.kind === 'photo') && !r?.photoIds?.length)
      out.push({ field: `${field}.photoIds`, key: 'details.inspection.photoRequired', params: label });
  });
  return out;
}

export function createInspectionService(ctx: AssetContext, workOrders: WorkOrderService, deps: InspectionDeps) {
  const { db, database, clock, audit } = ctx;

  /** Readers of the registers by their scope; an inspector sees what is given to them or to nobody. */
  const visible = (
    actor: Actor,
    r: { region_id: string | null; unit_id: string | null; inspector_id: string | null },
  ) => reaches(actor, READ, r) || (can(actor, INSPECT) && (r.inspector_id === null || r.inspector_id === actor.userId));

  async function load(ex: Executor, actor: Actor, id: string) {
    const row = await irepo.findInspection(ex, actor.tenantId, id);
    if (!row || !visible(actor, row)) throw notFound('inspection');
    return row;
  }

  async function get(actor: Actor, id: string): Promise<Inspection> {
    if (!can(actor, READ)) requirePermission(actor, INSPECT);
    const row = await load(db, actor, id);
    return view(row, await ctx.unitNamesOf([row]));
  }

  /** Files the case of each failed case item not yet filed; the key makes a second round file nothing new. */
  async function fileCases(actor: Actor, id: string) {
    const row = await load(db, actor, id);
    const items = JSON.parse(row.checklist) as ChecklistItem[];
    const results = JSON.parse(row.results) as StoredResult[];
    let changed = false;
    for (const r of results) {
      const item = items.find((i) => i.key === r.key);
      if (!r.failed || r.caseId || item?.onFail !== 'case' || !item.matterCode) continue;
      const filed = await deps.fileCase(
        actor,
        {
          channel: 'inspector',
          matterCode: item.matterCode,
          description: `${row.asset_name}（${row.asset_code}）巡检不合格：${item.label}${r.text ? `。${r.text}` : ''}`,
          address: row.address ?? undefined,
          lng: Number(row.lng),
          lat: Number(row.lat),
          ...(r.photoIds?.length ? { photoIds: r.photoIds } : {}),
        },
        `inspection:${id}:${r.key}`,
      );
      r.caseId = filed.id;
      r.caseNo = filed.caseNo;
      changed = true;
    }
    if (changed)
      await irepo.updateInspection(db, actor.tenantId, id, 'done', {
        results: JSON.stringify(results),
        updated_at: clock.now().toISOString(),
      });
  }

  return {
    get,

    /** The photos module's question for a photo this inspection holds. */
    async canView(actor: Actor, id: string): Promise<boolean> {
      if (!can(actor, READ) && !can(actor, INSPECT)) return false;
      const row = await irepo.findInspection(db, actor.tenantId, id);
      return !!row && visible(actor, row);
    },

    async list(actor: Actor, q: InspectionQuery): Promise<Page<Inspection>> {
      const reader = can(actor, READ) && !q.mine;
      if (!reader) requirePermission(actor, INSPECT);
      const w = listWindow(q, SORTS, 'dueDate');
      const scope = reader ? registerScope(actor, READ, 'i', true) : null;
      const { rows, total } = await irepo.listInspections(
        db,
        actor.tenantId,
        q,
        scope,
        { ...w, order: q.order ?? 'asc' },
        reader ? null : actor.userId,
      );
      const units = await ctx.unitNamesOf(rows);
      return { items: rows.map((r) => view(r, units)), total, page: w.page, pageSize: w.limit };
    },

    /** The inspector's results (docs/inspections.md): 409 once done; a replayed key answers the first submit. */
    async submit(actor: Actor, id: string, input: InspectionSubmit, key: string | null): Promise<Inspection> {
      requirePermission(actor, INSPECT);
      await once(
        database,
        `inspection.submit:${actor.tenantId}:${actor.userId}`,
        key,
        () => clock.now().toISOString(),
        async (tx) => {
          const row = await load(tx, actor, id);
          if (row.state !== 'due') throw assetErrors.inspectionDone();
          const items = JSON.parse(row.checklist) as ChecklistItem[];
          const problems = resultProblems(items, input.results);
          if (problems.length) throw assetErrors.invalidResults(problems);
          const now = clock.now().toISOString();
          const stored: StoredResult[] = [];
          const kept: string[] = [];
          for (const it of items) {
            const r = input.results.find((x) => x.key === it.key) ?? { key: it.key };
            const failed = itemFails(it, r);
            const s: StoredResult = { ...r, failed };
            if (failed && it.onFail === 'work_order') {
              const unitId = row.unit_id ?? row.plan_unit_id;
              if (!unitId) throw assetErrors.noMaintainer(`body.results.${input.results.indexOf(r)}`);
              const order = await workOrders.openForFinding(
                tx,
                actor,
                { id: row.asset_id, line: row.line, region_id: row.region_id },
                {
                  title: `巡检不合格：${it.label}`,
                  unitId,
                  workDays: it.workDays ?? 3,
                  photoIds: r.photoIds ?? [],
                  note: r.text ?? null,
                  inspectionId: row.id,
                },
              );
              s.workOrderId = order.id;
              s.orderNo = order.order_no;
            } else if (!(failed && it.onFail === 'case')) kept.push(...(r.photoIds ?? []));
            stored.push(s);
          }
          if (kept.length) {
            const refused = await deps.holdPhotos(
              tx,
              actor.tenantId,
              `inspection:${id}`,
              [...new Set(kept)],
              actor.userId,
            );
            if (refused.length) throw assetErrors.photos(refused.map((p) => `body.results.photoIds.${p}`));
          }
          const changes = {
            state: 'done' as const,
            results: JSON.stringify(stored),
            failed_count: stored.filter((s) => s.failed).length,
            note: input.note?.trim() || null,
            done_by: actor.userId,
            done_at: now,
            inspector_id: row.inspector_id ?? actor.userId,
            updated_at: now,
          };
          if ((await irepo.updateInspection(tx, actor.tenantId, id, 'due', changes)) !== 1)
            throw assetErrors.inspectionDone();
          await audit.record(tx, actor, actor.tenantId, {
            action: 'inspection.submit',
            entity: 'inspection',
            entityId: id,
            after: changes,
          });
          return { status: 200, body: { id } };
        },
        { id, ...input },
      );
      await fileCases(actor, id);
      return get(actor, id);
    },
  };
}
export type InspectionService = ReturnType<typeof createInspectionService>;
