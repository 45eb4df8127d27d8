import type {
  Agreement,
  AgreementCreate,
  AgreementQuery,
  AgreementTerminate,
  Inspection,
  InspectionCreate,
  InspectionQuery,
} from '../../../../common/contracts/frontage.ts';
import { periodsOverlap, shopKey } from '../../../../common/domain/frontage.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { FrAgreementsTable, FrInspectionsTable } from '../../db/schema-frontage.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { agreementView, createFrContext, MANAGE, READ, type FrDeps } from './fr-context.ts';
import { createFrCommittees } from './fr-committees.ts';
import { createFrFigures } from './fr-figures.ts';
import { createFrLists } from './fr-lists.ts';
import { createFrVolunteers } from './fr-volunteers.ts';
import { frErrors } from './frontage.errors.ts';
import * as repo from './frontage.repository.ts';
import { areaIssue } from './fr-area.ts';

const AGREEMENT_SORTS = {
  signedOn: 'signed_on',
  agreementNo: 'agreement_no',
  shopName: 'shop_name',
  periodTo: 'period_to',
  updatedAt: 'updated_at',
} as const;
const INSPECTION_SORTS = { inspectedOn: 'inspected_on', score: 'score' } as const;

/** What an audit row keeps of an agreement: the operator's phone stays out. */
const audited = (r: FrAgreementsTable) => {
  const { operator_phone: _phone, area: _area, ...rest } = r;
  return rest;
};

/**
 * 门前三包 (docs/frontage.md): responsibility agreements with shops in every street and township, scored
 * inspections, the monthly red and black lists, 城管体验岗 volunteers and 商街自治 committees. Reads need
 * frontage.read, the registers frontage.manage (in the region of the grant), the list rule and publishing
 * frontage.publish; every staff decision is audited in its transaction.
 */
export function createFrontageService(database: Database, clock: Clock, deps: FrDeps) {
  const ctx = createFrContext(database, clock, deps);
  const { db, audit, now, township, notFuture, regionNamesOf } = ctx;

  const ONE = { limit: 1, offset: 0, order: 'desc' } as const;

  async function getAgreement(actor: Actor, id: string): Promise<Agreement> {
    requirePermission(actor, READ);
    const row = (await repo.listAgreements(db, actor.tenantId, { id }, { ...ONE, sort: 'updated_at' })).rows[0];
    if (!row) throw notFound('frontage_agreement');
    return agreementView(row, await regionNamesOf([row]));
  }

  async function inspectionsPage(
    actor: Actor,
    f: Parameters<typeof repo.listInspections>[2],
    w: Parameters<typeof repo.listInspections>[3],
  ) {
    const { rows, total } = await repo.listInspections(db, actor.tenantId, f, w);
    const [regions, users] = await Promise.all([
      regionNamesOf(rows),
      orgNames.userNames(db, [...new Set(rows.map((r) => r.inspector_id))]),
    ]);
    const items: Inspection[] = rows.map((r) => ({
      id: r.id,
      agreementId: r.agreement_id,
      agreementNo: r.agreement_no,
      shopName: r.shop_name,
      regionName: regions.get(r.region_id) ?? null,
      inspectedOn: r.inspected_on,
      score: Number(r.score),
      findings: r.findings,
      rectifyBy: r.rectify_by,
      inspectorName: users.get(r.inspector_id) ?? null,
      createdAt: r.created_at,
    }));
    return { items, total };
  }

  return {
    getAgreement,

    async listAgreements(actor: Actor, q: AgreementQuery): Promise<Page<Agreement>> {
      requirePermission(actor, READ);
      const w = listWindow(q, AGREEMENT_SORTS, 'signedOn');
      const { rows, total } = await repo.listAgreements(
        db,
        actor.tenantId,
        { q: q.q, regionId: q.regionId, status: q.status },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const regions = await regionNamesOf(rows);
      return { items: rows.map((r) => agreementView(r, regions)), total, page: w.page, pageSize: w.limit };
    },

    /** 签订责任书: one agreement per shop and period; a second one overlapping it is refused (409). */
    async createAgreement(actor: Actor, input: AgreementCreate): Promise<Agreement> {
      requirePermission(actor, MANAGE);
      if (input.periodTo < input.periodFrom)
        throw frErrors.field('body.periodTo', 'order', 'the period must end on or after its first day');
      notFuture(input.signedOn, 'body.signedOn');
      if (input.signedOn > input.periodTo)
        throw frErrors.field('body.signedOn', 'order', 'the agreement is signed after its period ended');
      const issue = input.area ? areaIssue(input.area, input) : null;
      if (issue) throw frErrors.field(issue.field, issue.rule, issue.message);
      const key = shopKey(input);
      const id = newId();
      try {
        await db.transaction().execute(async (tx) => {
          const region = await township(tx, actor, input.regionId);
          const clash = (await repo.agreementsOfShop(tx, actor.tenantId, key)).find((a) =>
            periodsOverlap({ from: a.period_from, to: a.period_to }, { from: input.periodFrom, to: input.periodTo }),
          );
          if (clash) throw frErrors.duplicateAgreement(clash.agreement_no);
          const year = input.signedOn.slice(0, 4);
          const seq = await nextSequence(tx, actor.tenantId, `frontage-agreement-${year}`);
          const at = now();
          const row: FrAgreementsTable = {
            id,
            tenant_id: actor.tenantId,
            agreement_no: `MQSB${year}-${String(seq).padStart(4, '0')}`,
            shop_name: input.shopName.trim(),
            credit_code: input.creditCode?.trim().toUpperCase() || null,
            shop_key: key,
            operator_name: input.operatorName.trim(),
            operator_phone: input.operatorPhone.trim(),
            address: input.address.trim(),
            region_id: region.id,
            lng: input.lng,
            lat: input.lat,
            area: input.area ? JSON.stringify(input.area) : null,
            scope: input.scope.trim(),
            period_from: input.periodFrom,
            period_to: input.periodTo,
            signed_on: input.signedOn,
            status: 'active',
            terminated_reason: null,
            created_by: actor.userId,
            created_at: at,
            updated_at: at,
          };
          await repo.insertAgreement(tx, row);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'frontage.agreement.create',
            entity: 'frontage_agreement',
            entityId: id,
            after: audited(row),
          });
        });
      } catch (e) {
        // two clerks entering the same shop at once: the unique (shop, first day) index is the last line
        if (isUniqueViolation(e)) throw frErrors.duplicateAgreement('—');
        throw e;
      }
      return getAgreement(actor, id);
    },

    async terminateAgreement(actor: Actor, id: string, input: AgreementTerminate): Promise<Agreement> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute(async (tx) => {
        const row = await repo.findAgreement(tx, actor.tenantId, id);
        if (!row) throw notFound('frontage_agreement');
        await township(tx, actor, row.region_id, 'id');
        if (row.status !== 'active') throw frErrors.notActive();
        const at = now();
        await repo.updateAgreement(tx, actor.tenantId, id, {
          status: 'terminated',
          terminated_reason: input.reason.trim(),
          updated_at: at,
        });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'frontage.agreement.terminate',
          entity: 'frontage_agreement',
          entityId: id,
          before: { status: row.status },
          after: { status: 'terminated', reason: input.reason.trim() },
        });
      });
      return getAgreement(actor, id);
    },

    async listInspections(actor: Actor, q: InspectionQuery): Promise<Page<Inspection>> {
      requirePermission(actor, READ);
      const w = listWindow(q, INSPECTION_SORTS, 'inspectedOn');
      const { items, total } = await inspectionsPage(
        actor,
        { q: q.q, agreementId: q.agreementId, regionId: q.regionId, from: q.from, to: q.to },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      return { items, total, page: w.page, pageSize: w.limit };
    },

    /** 检查: a score out of 100 against an active agreement, on a day inside its period and not in the future. */
    async inspect(actor: Actor, input: InspectionCreate): Promise<Inspection> {
      requirePermission(actor, MANAGE);
      notFuture(input.inspectedOn, 'body.inspectedOn');
      if (input.rectifyBy && input.rectifyBy < input.inspectedOn)
        throw frErrors.field('body.rectifyBy', 'order', 'the deadline is before the inspection');
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const agreement = await repo.findAgreement(tx, actor.tenantId, input.agreementId);
        if (!agreement) throw frErrors.field('body.agreementId', 'exists', 'no such agreement');
        await township(tx, actor, agreement.region_id, 'body.agreementId');
        if (agreement.status !== 'active') throw frErrors.notActive();
        if (input.inspectedOn < agreement.period_from || input.inspectedOn > agreement.period_to)
          throw frErrors.field('body.inspectedOn', 'range', 'the day is outside the agreement period');
        const row: FrInspectionsTable = {
          id,
          tenant_id: actor.tenantId,
          agreement_id: agreement.id,
          inspected_on: input.inspectedOn,
          score: input.score,
          findings: input.findings?.trim() || null,
          rectify_by: input.rectifyBy ?? null,
          inspector_id: actor.userId,
          created_at: now(),
        };
        await repo.insertInspection(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'frontage.inspection.create',
          entity: 'frontage_agreement',
          entityId: agreement.id,
          after: row,
        });
      });
      return (await inspectionsPage(actor, { id }, { ...ONE, sort: 'inspected_on' })).items[0]!;
    },

    ...createFrLists(ctx),
    ...createFrVolunteers(ctx),
    ...createFrCommittees(ctx),
    ...createFrFigures(ctx),
  };
}
export type FrontageService = ReturnType<typeof createFrontageService>;
