/**
 * 商街自治 (docs/frontage.md, "商街自治"): a street's shops form a committee in a street or township, and the
 * committee files self-inspection reports (shops checked, problems found and fixed). The chair's phone is masked.
 */
import type {
  Committee,
  CommitteeCreate,
  CommitteeQuery,
  SelfReport,
  SelfReportCreate,
  SelfReportQuery,
} from '../../../../common/contracts/frontage.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { FrCommitteesTable, FrSelfReportsTable } from '../../db/schema-frontage.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { committeeView, MANAGE, READ, type FrContext } from './fr-context.ts';
import { frErrors } from './frontage.errors.ts';
import * as repo from './frontage.repository.ts';

const COMMITTEE_SORTS = { foundedOn: 'founded_on', name: 'name' } as const;
const REPORT_SORTS = { reportedOn: 'reported_on' } as const;

export function createFrCommittees(ctx: FrContext) {
  const { db, audit, now, township, notFuture, regionNamesOf } = ctx;

  return {
    async listCommittees(actor: Actor, q: CommitteeQuery): Promise<Page<Committee>> {
      requirePermission(actor, READ);
      const w = listWindow(q, COMMITTEE_SORTS, 'foundedOn');
      const { rows, total } = await repo.listCommittees(
        db,
        actor.tenantId,
        { q: q.q, regionId: q.regionId },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const regions = await regionNamesOf(rows);
      return { items: rows.map((r) => committeeView(r, regions)), total, page: w.page, pageSize: w.limit };
    },

    async createCommittee(actor: Actor, input: CommitteeCreate): Promise<Committee> {
      requirePermission(actor, MANAGE);
      notFuture(input.foundedOn, 'body.foundedOn');
      const at = now();
      let row: FrCommitteesTable | undefined;
      try {
        await db.transaction().execute(async (tx) => {
          const region = await township(tx, actor, input.regionId);
          row = {
            id: newId(),
            tenant_id: actor.tenantId,
            name: input.name.trim(),
            street_name: input.streetName.trim(),
            region_id: region.id,
            chair_name: input.chairName.trim(),
            chair_phone: input.chairPhone.trim(),
            shop_count: input.shopCount,
            founded_on: input.foundedOn,
            created_by: actor.userId,
            created_at: at,
            updated_at: at,
          };
          await repo.insertCommittee(tx, row);
          const { chair_phone: _phone, ...kept } = row;
          await audit.record(tx, actor, actor.tenantId, {
            action: 'frontage.committee.create',
            entity: 'frontage_committee',
            entityId: row.id,
            after: kept,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw frErrors.committeeTaken();
        throw e;
      }
      return committeeView(row!, await regionNamesOf([row!]));
    },

    async listSelfReports(actor: Actor, q: SelfReportQuery): Promise<Page<SelfReport>> {
      requirePermission(actor, READ);
      const w = listWindow(q, REPORT_SORTS, 'reportedOn');
      const { rows, total } = await repo.listSelfReports(
        db,
        actor.tenantId,
        { q: q.q, committeeId: q.committeeId },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          committeeId: r.committee_id,
          committeeName: r.committee_name,
          reportedOn: r.reported_on,
          shopsChecked: Number(r.shops_checked),
          problemsFound: Number(r.problems_found),
          problemsFixed: Number(r.problems_fixed),
          summary: r.summary,
          createdAt: r.created_at,
        })),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    /** 自查报告: problems fixed cannot exceed problems found; the day is not in the future nor before founding. */
    async addSelfReport(actor: Actor, committeeId: string, input: SelfReportCreate): Promise<SelfReport> {
      requirePermission(actor, MANAGE);
      notFuture(input.reportedOn, 'body.reportedOn');
      if (input.problemsFixed > input.problemsFound)
        throw frErrors.field('body.problemsFixed', 'max', 'more problems fixed than found');
      const row: FrSelfReportsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        committee_id: committeeId,
        reported_on: input.reportedOn,
        shops_checked: input.shopsChecked,
        problems_found: input.problemsFound,
        problems_fixed: input.problemsFixed,
        summary: input.summary.trim(),
        created_by: actor.userId,
        created_at: now(),
      };
      let name = '';
      await db.transaction().execute(async (tx) => {
        const committee = await repo.findCommittee(tx, actor.tenantId, committeeId);
        if (!committee) throw notFound('frontage_committee');
        await township(tx, actor, committee.region_id, 'id');
        if (input.reportedOn < committee.founded_on)
          throw frErrors.field('body.reportedOn', 'min', 'the report is dated before the committee was founded');
        name = committee.name;
        await repo.insertSelfReport(tx, row);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'frontage.self_report.create',
          entity: 'frontage_committee',
          entityId: committeeId,
          after: row,
        });
      });
      return {
        id: row.id,
        committeeId,
        committeeName: name,
        reportedOn: row.reported_on,
        shopsChecked: row.shops_checked,
        problemsFound: row.problems_found,
        problemsFixed: row.problems_fixed,
        summary: row.summary,
        createdAt: row.created_at,
      };
    },
  };
}
