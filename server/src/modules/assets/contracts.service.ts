/**
 * 服务外包考核 (docs/inspections.md, "Contractor assessment"): a contract gives a contractor unit a line's service in
 * some streets for a period; each month it scores the base minus the configured points per counted occurrence:
 * cases reported in the area in the month that ran past a time limit (the cases module's read model), failed
 * inspection items on the line's assets in the area, and the contractor's work orders due in the month that were
 * finished late or are still open past the deadline.
 */
import type { Assessment, Contract, ContractCreate, ContractQuery } from '../../../../common/contracts/inspections.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { monthRange } from '../../../../common/domain/frontage.ts';
import { monthlyScore, type DeductionKind, type DeductionRule } from '../../../../common/domain/inspections.ts';
import { zonedDate, zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import type { AssetContractsTable } from '../../db/schema-assets.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { caseRows } from '../cases/index.ts';
import { orgNames } from '../org/index.ts';
import { MANAGE, READ, type AssetContext } from './asset-context.ts';
import { startOfDay } from './assets-report-section.ts';
import { assetErrors } from './assets.errors.ts';
import * as irepo from './inspections.repository.ts';

const CONTRACT_SORTS = { contractNo: 'contract_no', name: 'name', startsOn: 'starts_on', endsOn: 'ends_on' } as const;

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function createContractService(ctx: AssetContext, timeZone: string) {
  const { db, clock, audit } = ctx;

  async function view(rows: readonly AssetContractsTable[]): Promise<Contract[]> {
    const regionIds = [...new Set(rows.flatMap((r) => JSON.parse(r.region_ids) as string[]))];
    const [units, regions] = await Promise.all([ctx.unitNamesOf(rows), orgNames.regionNames(db, regionIds)]);
    return rows.map((r) => {
      const ids = JSON.parse(r.region_ids) as string[];
      return {
        id: r.id,
        contractNo: r.contract_no,
        name: r.name,
        unitId: r.unit_id,
        unitName: units.get(r.unit_id) ?? null,
        line: r.line,
        regionIds: ids,
        regionNames: ids.map((id) => regions.get(id) ?? id),
        startsOn: r.starts_on,
        endsOn: r.ends_on,
        baseScore: Number(r.base_score),
        rules: JSON.parse(r.rules) as DeductionRule[],
      };
    });
  }

  async function load(actor: Actor, id: string) {
    requirePermission(actor, READ);
    const row = await irepo.findContract(db, actor.tenantId, id);
    if (!row) throw notFound('contract');
    return row;
  }

  return {
    async list(actor: Actor, q: ContractQuery): Promise<Page<Contract>> {
      requirePermission(actor, READ);
      const w = listWindow(q, CONTRACT_SORTS, 'contractNo');
      const { rows, total } = await irepo.listContracts(db, actor.tenantId, q, w);
      return { items: await view(rows), total, page: w.page, pageSize: w.limit };
    },

    async create(actor: Actor, input: ContractCreate): Promise<Contract> {
      requirePermission(actor, MANAGE);
      await ctx.activeUnit(db, actor.tenantId, input.unitId);
      if (input.endsOn < input.startsOn) throw assetErrors.contractPeriod();
      const streets = await orgNames.regionNamesOfKinds(db, actor.tenantId, ['street', 'town']);
      const bad = input.regionIds.findIndex((id) => !streets.has(id));
      if (bad >= 0) throw assetErrors.unknownUnit(`body.regionIds.${bad}`);
      const now = clock.now().toISOString();
      const row: AssetContractsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        contract_no: input.contractNo,
        name: input.name.trim(),
        unit_id: input.unitId,
        line: input.line,
        region_ids: JSON.stringify([...new Set(input.regionIds)]),
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        base_score: input.baseScore ?? 100,
        rules: JSON.stringify(input.rules),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      try {
        await db.transaction().execute(async (tx) => {
          await irepo.insertContract(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'asset_contract.create',
            entity: 'asset_contract',
            entityId: row.contract_no,
            after: row,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw assetErrors.duplicateContract(input.contractNo);
        throw e;
      }
      return (await view([row]))[0]!;
    },

    /** The month's sheet: each rule's count, the occurrences behind it, the deduction and the score. */
    async assessment(actor: Actor, id: string, month: string): Promise<Assessment> {
      const row = await load(actor, id);
      const [contract] = await view([row]);
      const { from, to } = monthRange(month);
      const start = startOfDay(from, timeZone);
      const end = startOfDay(nextDay(to), timeZone);
      const regionIds = JSON.parse(row.region_ids) as string[];
      const now = clock.now().toISOString();
      const rules = JSON.parse(row.rules) as DeductionRule[];
      const entries: Record<DeductionKind, { ref: string; date: string; text: string }[]> = {
        overdue_case: [],
        failed_item: [],
        overdue_work_order: [],
      };
      const cases = await caseRows(db)
        .select(['c.case_no', 'c.reported_at', 'c.description'])
        .where('c.tenant_id', '=', actor.tenantId)
        .where('c.street_id', 'in', regionIds)
        .where('c.overdue', '=', 1)
        .where('c.reported_at', '>=', start)
        .where('c.reported_at', '<', end)
        .orderBy('c.reported_at')
        .execute();
      for (const c of cases)
        entries.overdue_case.push({
          ref: c.case_no,
          date: zonedDateTime(c.reported_at, timeZone),
          text: c.description.slice(0, 60),
        });
      for (const i of await irepo.failedInspections(db, actor.tenantId, row.line, regionIds, start, end)) {
        const failed = (JSON.parse(i.results) as { key: string; failed: boolean }[]).filter((r) => r.failed);
        for (const f of failed)
          entries.failed_item.push({
            ref: `${i.asset_code}/${f.key}`,
            date: zonedDate(i.done_at!, timeZone),
            text: i.asset_name,
          });
      }
      for (const o of await irepo.ordersDueIn(db, actor.tenantId, row.unit_id, start, end)) {
        const late = o.done_at ? o.done_at > o.due_at : o.due_at < now;
        if (late)
          entries.overdue_work_order.push({
            ref: o.order_no,
            date: zonedDateTime(o.due_at, timeZone),
            text: `${o.asset_name}：${o.title}`,
          });
      }
      const counts = {
        overdue_case: entries.overdue_case.length,
        failed_item: entries.failed_item.length,
        overdue_work_order: entries.overdue_work_order.length,
      };
      const scored = monthlyScore(Number(row.base_score), rules, counts);
      return {
        contract: contract!,
        month,
        baseScore: Number(row.base_score),
        deductions: scored.deductions.map((d) => ({ ...d, entries: entries[d.kind] })),
        score: scored.score,
      };
    },
  };
}
export type ContractService = ReturnType<typeof createContractService>;
