import type {
  Proposal,
  ProposalCreate,
  ProposalFigures,
  ProposalFiguresQuery,
  ProposalQuery,
  ProposalSettings,
  ProposalSummary,
  ProposalTask,
  TaskQuery,
} from '../../../../common/contracts/proposals.ts';
import { isValidDate } from '../../../../common/domain/kpi.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { proposalRates, REPLY_MONTHS_KEY, replyDueDate } from '../../../../common/domain/proposals.ts';
import type { ProposalsTable } from '../../db/schema-proposals.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { orgNames } from '../org/index.ts';
import { audited, createProposalContext, HANDLE, MANAGE, READ, type ProposalDeps } from './proposals-context.ts';
import { proposalView, summaryView, taskView } from './proposals-view.ts';
import { createProposalWorkflow } from './proposals-workflow.ts';
import { proposalErrors } from './proposals.errors.ts';
import * as repo from './proposals.repository.ts';

const SORTS = { assignedOn: 'assigned_on', dueOn: 'due_on', proposalNo: 'proposal_no' } as const;

/** 人大代表建议 and 政协委员提案: register, unit tasks, the reply and its approval, the proposer's rating, figures. */
export function createProposalService(database: Database, clock: Clock, deps: ProposalDeps) {
  const ctx = createProposalContext(database, clock, deps);
  const { db } = ctx;

  async function detail(actor: Actor, row: ProposalsTable, ex: Executor = db): Promise<Proposal> {
    const [tasks, today] = await Promise.all([repo.tasksOf(ex, [row.id]), ctx.today(actor.tenantId, ex)]);
    const names = await orgNames.unitNames(ex, [...new Set(tasks.map((t) => t.unit_id))]);
    const views = tasks.map((t) =>
      taskView(
        { ...t, proposal_no: row.proposal_no, title: row.title, body: row.body },
        names.get(t.unit_id) ?? null,
        today,
        t.status === 'open' && can(actor, HANDLE, { unitId: t.unit_id }),
      ),
    );
    return proposalView(row, views, summaryView(row, tasks, today));
  }

  const get = async (actor: Actor, id: string) => detail(actor, await ctx.load(actor, id));
  const workflow = createProposalWorkflow(ctx, get);

  /** The figures of the items assigned in [from, to]; `units` null = the whole tenant. */
  async function figuresOf(
    tenantId: string,
    from: string,
    to: string,
    units: readonly string[] | null,
  ): Promise<ProposalFigures> {
    const rows = await repo.figureRows(db, tenantId, from, to, units);
    const count = (body: 'npc' | 'cppcc') => ({
      total: rows.filter((r) => r.body === body).length,
      lead: rows.filter((r) => r.body === body && r.handling_role === 'lead').length,
    });
    const c = {
      total: rows.length,
      lead: rows.filter((r) => r.handling_role === 'lead').length,
      replied: rows.filter((r) => r.replied_at !== null).length,
      rated: rows.filter((r) => r.satisfaction !== null).length,
      satisfied: rows.filter((r) => r.satisfaction === 'satisfied').length,
      basically: rows.filter((r) => r.satisfaction === 'basically').length,
      dissatisfied: rows.filter((r) => r.satisfaction === 'dissatisfied').length,
    };
    const today = await ctx.today(tenantId);
    const overdueTasks = await repo.overdueTaskCount(
      db,
      tenantId,
      rows.map((r) => r.id),
      today,
    );
    return {
      npc: count('npc'),
      cppcc: count('cppcc'),
      total: c.total,
      replied: c.replied,
      rated: c.rated,
      satisfied: c.satisfied,
      basically: c.basically,
      dissatisfied: c.dissatisfied,
      ...proposalRates(c),
      overdueTasks,
    };
  }

  return {
    get,
    ...workflow,

    async register(actor: Actor, input: ProposalCreate): Promise<Proposal> {
      requirePermission(actor, MANAGE);
      const text = (field: keyof ProposalCreate) => {
        const v = String(input[field] ?? '').trim();
        if (!v) throw proposalErrors.field(`body.${field}`, 'required', `${field} must not be blank`);
        return v;
      };
      const proposalNo = text('proposalNo');
      const proposer = text('proposer');
      const title = text('title');
      const content = text('content');
      const leadAgency = input.leadAgency?.trim() || null;
      if (input.handlingRole === 'co' && !leadAgency)
        throw proposalErrors.field('body.leadAgency', 'required', 'name the agency that leads a 协办 item');
      if (!isValidDate(input.assignedOn))
        throw proposalErrors.field('body.assignedOn', 'date', 'assignedOn is not a calendar date');
      const at = ctx.now();
      const id = newId();
      try {
        await db.transaction().execute(async (tx) => {
          if (input.assignedOn > (await ctx.today(actor.tenantId, tx)))
            throw proposalErrors.field('body.assignedOn', 'past', 'the assignment date cannot be in the future');
          if (await repo.numberTaken(tx, actor.tenantId, input.body, proposalNo)) throw proposalErrors.numberTaken();
          const calendar = await deps.calendar.forTenant(actor.tenantId, tx);
          const months = await ctx.replyMonths(actor.tenantId, tx);
          const row: ProposalsTable = {
            id,
            tenant_id: actor.tenantId,
            proposal_no: proposalNo,
            body: input.body,
            session: input.session?.trim() || null,
            proposer,
            title,
            content,
            handling_role: input.handlingRole,
            lead_agency: input.handlingRole === 'co' ? leadAgency : null,
            assigned_on: input.assignedOn,
            due_on: replyDueDate(input.assignedOn, months, (d) => calendar.isWorkingDay(d)),
            status: 'registered',
            reply_status: null,
            reply_text: null,
            reply_drafted_by: null,
            reply_drafted_by_name: null,
            reply_submitted_at: null,
            reply_decided_by: null,
            reply_decided_by_name: null,
            reply_decided_at: null,
            reply_decision_note: null,
            replied_at: null,
            satisfaction: null,
            satisfaction_note: null,
            rated_at: null,
            history: JSON.stringify([{ at, kind: 'registered', by: actor.displayName, note: null }]),
            created_by: actor.userId,
            created_at: at,
            updated_at: at,
          };
          await repo.insertProposal(tx, row);
          await ctx.record(tx, actor, 'proposal.create', id, null, {
            ...audited(row),
            body: row.body,
            handlingRole: row.handling_role,
            assignedOn: row.assigned_on,
            dueOn: row.due_on,
          });
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw proposalErrors.numberTaken();
        throw e;
      }
      return get(actor, id);
    },

    async list(actor: Actor, q: ProposalQuery): Promise<Page<ProposalSummary>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SORTS, 'assignedOn');
      const today = await ctx.today(actor.tenantId);
      const { rows, total } = await repo.listProposals(
        db,
        actor.tenantId,
        {
          body: q.body,
          status: q.status,
          handlingRole: q.handlingRole,
          replyStatus: q.replyStatus,
          year: q.year,
          ...(q.overdue ? { overdueOn: today } : {}),
          q: q.q,
          units: ctx.visibleUnits(actor),
        },
        { ...w, order: q.order ?? (q.sort ? 'asc' : 'desc') },
      );
      const tasks = await repo.tasksOf(
        db,
        rows.map((r) => r.id),
      );
      return {
        items: rows.map((r) =>
          summaryView(
            r,
            tasks.filter((t) => t.proposal_id === r.id),
            today,
          ),
        ),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    /** The unit tasks the caller's scope reaches (a unit's own to-do), open and overdue first. */
    async listTasks(actor: Actor, q: TaskQuery): Promise<Page<ProposalTask>> {
      requirePermission(actor, READ);
      const w = listWindow(q, { dueOn: 'due_on' } as const, 'dueOn');
      const today = await ctx.today(actor.tenantId);
      const { rows, total } = await repo.listTasks(
        db,
        actor.tenantId,
        { units: ctx.visibleUnits(actor), status: q.status, q: q.q, ...(q.overdue ? { overdueOn: today } : {}) },
        w,
      );
      const names = await orgNames.unitNames(db, [...new Set(rows.map((t) => t.unit_id))]);
      return {
        items: rows.map((t) =>
          taskView(
            t,
            names.get(t.unit_id) ?? null,
            today,
            t.status === 'open' && can(actor, HANDLE, { unitId: t.unit_id }),
          ),
        ),
        total,
        page: w.page,
        pageSize: w.limit,
      };
    },

    /** 办结率 and 满意率 of the items assigned in [from, to] that the caller may see (docs/proposals.md, "Figures"). */
    async figures(actor: Actor, q: ProposalFiguresQuery): Promise<ProposalFigures> {
      requirePermission(actor, READ);
      if (q.to < q.from) throw proposalErrors.field('query.to', 'after', 'to must not be before from');
      return figuresOf(actor.tenantId, q.from, q.to, ctx.visibleUnits(actor));
    },

    /** The report section's figures: the whole tenant, no caller. */
    figuresOf: (tenantId: string, from: string, to: string) => figuresOf(tenantId, from, to, null),

    async settings(actor: Actor): Promise<ProposalSettings> {
      requirePermission(actor, READ);
      return { replyMonths: await ctx.replyMonths(actor.tenantId) };
    },

    /** The reply limit applies to items registered from now on; registered ones keep their last day. */
    async putSettings(actor: Actor, input: ProposalSettings): Promise<ProposalSettings> {
      requirePermission(actor, MANAGE);
      await db.transaction().execute((tx) => deps.settings.put(tx, actor, REPLY_MONTHS_KEY, input));
      return { replyMonths: input.replyMonths };
    },
  };
}
export type ProposalService = ReturnType<typeof createProposalService>;
