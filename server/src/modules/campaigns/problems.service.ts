/**
 * Problem lists (docs/campaigns.md, "Problem lists"): 巡察反馈 findings in classes and "一下三民" batches, each item
 * with a responsible unit, a due date and its rectification open → rectifying → rectified with measures and photo
 * evidence. Lists are kept with campaign.manage; the responsible unit's staff (campaign.report) rectify its items.
 */
import type {
  Problem,
  ProblemCreate,
  ProblemList,
  ProblemListCreate,
  ProblemListQuery,
  ProblemQuery,
  ProblemStep,
} from '../../../../common/contracts/campaigns.ts';
import { nextProblemStatus, type ProblemStatus } from '../../../../common/domain/campaigns.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { CpProblemListsTable, CpProblemsTable } from '../../db/schema-campaigns.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { cpErrors } from './campaigns.errors.ts';
import * as repo from './campaigns.repository.ts';
import { MANAGE, mayReport, problemView, READ, type CpContext } from './cp-context.ts';

const LIST_SORTS = { issuedOn: 'issued_on', name: 'name' } as const;
const ITEM_SORTS = { seq: 'seq', dueDate: 'due_date', status: 'status' } as const;

export function createProblemService(ctx: CpContext) {
  const { db, audit, now, today } = ctx;

  async function listViews(tenantId: string, rows: CpProblemListsTable[]): Promise<ProblemList[]> {
    const { byStatus, classes } = await repo.problemCounts(
      db,
      tenantId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const counts = { open: 0, rectifying: 0, rectified: 0 };
      for (const c of byStatus) if (c.list_id === r.id) counts[c.status] = Number(c.n);
      return {
        id: r.id,
        kind: r.kind,
        name: r.name,
        batchNo: r.batch_no === null ? null : Number(r.batch_no),
        issuedOn: r.issued_on,
        source: r.source,
        itemCount: counts.open + counts.rectifying + counts.rectified,
        classCount: classes.filter((c) => c.list_id === r.id).length,
        counts,
        createdAt: r.created_at,
      };
    });
  }

  async function getList(actor: Actor, id: string): Promise<ProblemList> {
    requirePermission(actor, READ);
    const row = await repo.findProblemList(db, actor.tenantId, id);
    if (!row) throw notFound('problem_list');
    return (await listViews(actor.tenantId, [row]))[0]!;
  }

  /** Checks one item to add (unit of this city, class on a 巡察 list) and builds its row. */
  async function itemRow(
    ex: Executor,
    actor: Actor,
    list: CpProblemListsTable,
    item: ProblemCreate,
    seq: number,
    field: string,
  ): Promise<CpProblemsTable> {
    if (list.kind === 'inspection' && !item.className?.trim())
      throw cpErrors.field(`${field}.className`, 'required', 'a 巡察 finding names its class');
    if (item.unitId) await ctx.activeUnit(ex, actor.tenantId, item.unitId, `${field}.unitId`);
    return {
      id: newId(),
      tenant_id: actor.tenantId,
      list_id: list.id,
      seq,
      class_name: item.className?.trim() || null,
      title: item.title.trim(),
      unit_id: item.unitId ?? null,
      due_date: item.dueDate ?? null,
      status: 'open',
      measures: null,
      photo_ids: '[]',
      rectified_on: null,
      updated_at: now(),
    };
  }

  async function getItem(actor: Actor, id: string): Promise<Problem> {
    requirePermission(actor, READ);
    const row = await repo.findProblem(db, actor.tenantId, id);
    if (!row) throw notFound('problem');
    return problemView(row, await ctx.unitNamesOf([row]));
  }

  return {
    getList,
    getItem,

    async lists(actor: Actor, q: ProblemListQuery): Promise<Page<ProblemList>> {
      requirePermission(actor, READ);
      const w = listWindow(q, LIST_SORTS, 'issuedOn');
      const { rows, total } = await repo.listProblemLists(db, actor.tenantId, q, {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      return { items: await listViews(actor.tenantId, rows), total, page: w.page, pageSize: w.limit };
    },

    /** A list with its items at once: every item is checked first, and nothing is written if one is wrong. */
    async createList(actor: Actor, input: ProblemListCreate): Promise<ProblemList> {
      requirePermission(actor, MANAGE);
      const id = newId();
      await db.transaction().execute(async (tx) => {
        const row: CpProblemListsTable = {
          id,
          tenant_id: actor.tenantId,
          kind: input.kind,
          name: input.name.trim(),
          batch_no: input.batchNo ?? null,
          issued_on: input.issuedOn,
          source: input.source?.trim() || null,
          created_at: now(),
        };
        const items: CpProblemsTable[] = [];
        for (const [i, item] of (input.items ?? []).entries())
          items.push(await itemRow(tx, actor, row, item, i + 1, `body.items.${i}`));
        await repo.insertProblemList(tx, row);
        await repo.insertProblems(tx, items);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.problem_list.create',
          entity: 'problem_list',
          entityId: id,
          after: { ...row, items: items.map((p) => ({ seq: p.seq, class: p.class_name, title: p.title })) },
        });
      });
      return getList(actor, id);
    },

    async addItem(actor: Actor, listId: string, input: ProblemCreate): Promise<Problem> {
      requirePermission(actor, MANAGE);
      let id = '';
      await db.transaction().execute(async (tx) => {
        const list = await repo.findProblemList(tx, actor.tenantId, listId);
        if (!list) throw notFound('problem_list');
        const row = await itemRow(tx, actor, list, input, (await repo.lastSeq(tx, listId)) + 1, 'body');
        id = row.id;
        await repo.insertProblems(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'campaign.problem.create',
          entity: 'problem',
          entityId: id,
          after: row,
        });
      });
      return getItem(actor, id);
    },

    async items(actor: Actor, listId: string, q: ProblemQuery): Promise<Page<Problem>> {
      requirePermission(actor, READ);
      if (!(await repo.findProblemList(db, actor.tenantId, listId))) throw notFound('problem_list');
      const w = listWindow(q, ITEM_SORTS, 'seq');
      const { rows, total } = await repo.listProblems(db, actor.tenantId, listId, q, w);
      const units = await ctx.unitNamesOf(rows);
      return { items: rows.map((r) => problemView(r, units)), total, page: w.page, pageSize: w.limit };
    },

    /**
     * One step of an item's rectification. Finishing needs the measures taken (and takes photos as evidence); a
     * rectified item is closed and refuses every further step.
     */
    async step(actor: Actor, id: string, input: ProblemStep): Promise<Problem> {
      requirePermission(actor, READ);
      const measures = input.measures?.trim() ?? '';
      await db.transaction().execute(async (tx) => {
        const before = await repo.findProblem(tx, actor.tenantId, id);
        if (!before) throw notFound('problem');
        if (!mayReport(actor, before.unit_id)) requirePermission(actor, MANAGE);
        const to: ProblemStatus | null = nextProblemStatus(before.status, input.action);
        if (!to) throw cpErrors.transition(before.status, input.action);
        if (input.action === 'finish' && measures.length < 2)
          throw cpErrors.field('body.measures', 'required', 'say what was done to rectify the problem');
        const photos = await ctx.holdPhotos(tx, actor, `campaign_problem:${id}`, input.photoIds, 'body.photoIds');
        const patch: Partial<CpProblemsTable> = {
          status: to,
          ...(measures ? { measures } : {}),
          ...(photos.length
            ? { photo_ids: JSON.stringify([...(JSON.parse(before.photo_ids) as string[]), ...photos]) }
            : {}),
          ...(to === 'rectified' ? { rectified_on: today() } : {}),
          updated_at: now(),
        };
        if (!(await repo.updateProblem(tx, actor.tenantId, id, before.status, patch)))
          throw cpErrors.transition(before.status, input.action);
        await audit.record(tx, actor, actor.tenantId, {
          action: `campaign.problem.${input.action}`,
          entity: 'problem',
          entityId: id,
          before: { status: before.status, measures: before.measures },
          after: { status: to, measures: patch.measures ?? before.measures, photos },
        });
      });
      return getItem(actor, id);
    },

    /** The photos module's question for a photo an item holds. */
    async canViewItem(actor: Actor, id: string): Promise<boolean> {
      if (!actor.permissions.has(READ)) return false;
      return !!(await repo.findProblem(db, actor.tenantId, id));
    },
  };
}
export type ProblemService = ReturnType<typeof createProblemService>;
