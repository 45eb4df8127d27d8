/**
 * The decisions on an item (docs/proposals.md, "Workflow"): tasks to the bureau's units, the unit's result, the
 * reply drafted → submitted → approved or returned → sent, and the proposer's rating. Each one reads the item in
 * its transaction, checks the state, writes guarded by the row as read, appends the history and the audit row.
 */
import type {
  Proposal,
  ReplyDecision,
  ReplyDraft,
  ReplyReturn,
  SatisfactionRecord,
  TaskComplete,
  TaskCreate,
} from '../../../../common/contracts/proposals.ts';
import { isValidDate } from '../../../../common/domain/kpi.ts';
import { replyDueDate } from '../../../../common/domain/proposals.ts';
import type { ProposalsTable } from '../../db/schema-proposals.ts';
import { isUniqueViolation, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { can, requirePermission, type Actor } from '../auth/index.ts';
import { orgReadModel } from '../org/index.ts';
import { APPROVE, audited, HANDLE, MANAGE, type ProposalContext } from './proposals-context.ts';
import { historyOf, withEvent } from './proposals-view.ts';
import { proposalErrors } from './proposals.errors.ts';
import * as repo from './proposals.repository.ts';

/** Once the reply is sent the item is answered: nothing about it changes except the proposer's rating. */
const assertOpen = (row: ProposalsTable) => {
  if (row.status === 'replied' || row.status === 'closed') throw proposalErrors.closed(row.status);
};

export function createProposalWorkflow(ctx: ProposalContext, get: (actor: Actor, id: string) => Promise<Proposal>) {
  const { db } = ctx;

  /**
   * One decision in one transaction: `decide` checks the state and returns the patch, the event note and what the
   * audit row keeps; the write is guarded by the row as read.
   */
  async function decide(
    actor: Actor,
    id: string,
    action: string,
    kind: string,
    decide: (
      row: ProposalsTable,
      tx: Executor,
    ) => Promise<{
      patch: Partial<ProposalsTable>;
      note?: string | null;
      extra?: Record<string, unknown>;
      /** the history event, when the decision turns out to be another than `kind` */
      kind?: string;
    }>,
  ): Promise<Proposal> {
    await db.transaction().execute(async (tx) => {
      const row = await ctx.load(actor, id, tx);
      const { patch, note = null, extra = {}, kind: event = kind } = await decide(row, tx);
      const at = ctx.now();
      const next = { ...row, ...patch };
      const ok = await repo.updateProposal(tx, row, {
        ...patch,
        history: withEvent(row, { at, kind: event, by: actor.displayName, note }),
        updated_at: at,
      });
      if (!ok) throw proposalErrors.stale();
      await ctx.record(tx, actor, event === kind ? action : `proposal.${event}`, id, audited(row), {
        ...audited(next),
        ...extra,
      });
    });
    return get(actor, id);
  }

  return {
    /** Gives part of the item to one of the bureau's active units, due by the item's last day or earlier. */
    async assignTask(actor: Actor, id: string, input: TaskCreate): Promise<Proposal> {
      requirePermission(actor, MANAGE);
      try {
        return await decide(actor, id, 'proposal.task.assign', 'task_assigned', async (row, tx) => {
          assertOpen(row);
          const unit = await orgReadModel.activeUnit(tx, actor.tenantId, input.unitId);
          if (!unit) throw proposalErrors.field('body.unitId', 'exists', 'no such active unit in this city');
          const dueOn = input.dueOn ?? row.due_on;
          if (!isValidDate(dueOn)) throw proposalErrors.field('body.dueOn', 'date', 'dueOn is not a calendar date');
          if (dueOn > row.due_on)
            throw proposalErrors.field('body.dueOn', 'max', `a task is due by the item's last day ${row.due_on}`);
          if (dueOn < (await ctx.today(actor.tenantId, tx)))
            throw proposalErrors.field('body.dueOn', 'min', 'a task cannot be due in the past');
          const taskId = newId();
          await repo.insertTask(tx, {
            id: taskId,
            tenant_id: actor.tenantId,
            proposal_id: row.id,
            unit_id: unit.id,
            requirement: input.requirement?.trim() || null,
            assigned_by: actor.userId,
            assigned_at: ctx.now(),
            due_on: dueOn,
            status: 'open',
            result: null,
            done_by: null,
            done_by_name: null,
            done_at: null,
          });
          return {
            patch: row.status === 'registered' ? { status: 'handling' } : {},
            note: unit.name,
            extra: { taskId, unit: unit.name, dueOn },
          };
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw proposalErrors.unitTaken();
        throw e;
      }
    },

    /** The unit reports its part done, with what it did (the office writes the reply from it). */
    async completeTask(actor: Actor, id: string, taskId: string, input: TaskComplete): Promise<Proposal> {
      requirePermission(actor, HANDLE);
      const result = input.result.trim();
      if (!result) throw proposalErrors.field('body.result', 'required', 'write what the unit did');
      return decide(actor, id, 'proposal.task.complete', 'task_done', async (row, tx) => {
        const task = await repo.findTask(tx, actor.tenantId, row.id, taskId);
        if (!task || !can(actor, HANDLE, { unitId: task.unit_id })) throw notFound('proposal_task');
        if (task.status === 'done') throw proposalErrors.taskDone();
        assertOpen(row);
        const ok = await repo.completeTask(tx, task, {
          result,
          done_by: actor.userId,
          done_by_name: actor.displayName,
          done_at: ctx.now(),
        });
        if (!ok) throw proposalErrors.taskDone();
        const unit = (await orgReadModel.activeUnit(tx, actor.tenantId, task.unit_id))?.name ?? null;
        return { patch: {}, note: unit, extra: { taskId, unit } };
      });
    },

    /** Writes or rewrites the reply while it is a draft or returned. */
    async draftReply(actor: Actor, id: string, input: ReplyDraft): Promise<Proposal> {
      requirePermission(actor, MANAGE);
      const text = input.text.trim();
      if (!text) throw proposalErrors.field('body.text', 'required', 'write the reply');
      return decide(actor, id, 'proposal.reply.draft', 'reply_drafted', async (row) => {
        assertOpen(row);
        if (row.reply_status === 'submitted' || row.reply_status === 'approved')
          throw proposalErrors.replyState('a draft or returned', row.reply_status);
        return {
          patch: {
            reply_status: 'draft',
            reply_text: text,
            reply_drafted_by: actor.userId,
            reply_drafted_by_name: actor.displayName,
          },
        };
      });
    },

    /** Sends the draft for approval; every unit task must be done first. */
    async submitReply(actor: Actor, id: string): Promise<Proposal> {
      requirePermission(actor, MANAGE);
      return decide(actor, id, 'proposal.reply.submit', 'reply_submitted', async (row, tx) => {
        assertOpen(row);
        if (row.reply_status !== 'draft' && row.reply_status !== 'returned')
          throw proposalErrors.replyState('a draft or returned', row.reply_status);
        const open = (await repo.tasksOf(tx, [row.id])).filter((t) => t.status === 'open').length;
        if (open) throw proposalErrors.tasksOpen(open);
        return { patch: { reply_status: 'submitted', reply_submitted_at: ctx.now() } };
      });
    },

    async approveReply(actor: Actor, id: string, input: ReplyDecision): Promise<Proposal> {
      requirePermission(actor, APPROVE);
      const note = input.note?.trim() || null;
      return decide(actor, id, 'proposal.reply.approve', 'reply_approved', async (row) => {
        assertOpen(row);
        if (row.reply_status !== 'submitted') throw proposalErrors.replyNotSubmitted(row.reply_status);
        return { patch: decided(actor, 'approved', note, ctx.now()), note };
      });
    },

    async returnReply(actor: Actor, id: string, input: ReplyReturn): Promise<Proposal> {
      requirePermission(actor, APPROVE);
      const note = input.note.trim();
      if (!note) throw proposalErrors.field('body.note', 'required', 'say why the reply goes back');
      return decide(actor, id, 'proposal.reply.return', 'reply_returned', async (row) => {
        assertOpen(row);
        if (row.reply_status !== 'submitted') throw proposalErrors.replyNotSubmitted(row.reply_status);
        return { patch: decided(actor, 'returned', note, ctx.now()), note };
      });
    },

    /** The approved reply goes to the proposer: the item is answered (办结). */
    async sendReply(actor: Actor, id: string): Promise<Proposal> {
      requirePermission(actor, MANAGE);
      return decide(actor, id, 'proposal.reply.send', 'reply_sent', async (row) => {
        assertOpen(row);
        if (row.reply_status !== 'approved') throw proposalErrors.replyState('approved', row.reply_status);
        return { patch: { status: 'replied', replied_at: ctx.now() } };
      });
    },

    /**
     * The proposer's rating of the sent reply (满意/基本满意/不满意). 满意 and 基本满意 close the item. The first 不满意
     * reopens it for a second reply (重新办理): back to handling, the sent reply kept as the new draft, a new last day
     * counted from today by the tenant's reply limit; the rating of the second reply is final whatever it is
     * (docs/proposals.md, "Rating").
     */
    async rate(actor: Actor, id: string, input: SatisfactionRecord): Promise<Proposal> {
      requirePermission(actor, MANAGE);
      const note = input.note?.trim() || null;
      return decide(actor, id, 'proposal.rate', 'rated', async (row, tx) => {
        if (row.status === 'closed') throw proposalErrors.closed(row.status);
        if (row.status !== 'replied') throw proposalErrors.notReplied();
        if (input.level === 'dissatisfied' && !historyOf(row).some((e) => e.kind === 'reopened')) {
          const calendar = await ctx.deps.calendar.forTenant(actor.tenantId, tx);
          const months = await ctx.replyMonths(actor.tenantId, tx);
          const dueOn = replyDueDate(await ctx.today(actor.tenantId, tx), months, (d) => calendar.isWorkingDay(d));
          return {
            kind: 'reopened',
            patch: {
              status: 'handling',
              reply_status: 'draft',
              reply_decided_by: null,
              reply_decided_by_name: null,
              reply_decided_at: null,
              reply_decision_note: null,
              replied_at: null,
              due_on: dueOn,
            },
            note: note ? `${input.level}: ${note}` : input.level,
            extra: { rating: input.level, ratingNote: note, previousDueOn: row.due_on, dueOn },
          };
        }
        return {
          patch: { status: 'closed', satisfaction: input.level, satisfaction_note: note, rated_at: ctx.now() },
          note: input.level,
        };
      });
    },
  };
}

const decided = (actor: Actor, status: 'approved' | 'returned', note: string | null, at: string) => ({
  reply_status: status,
  reply_decided_by: actor.userId,
  reply_decided_by_name: actor.displayName,
  reply_decided_at: at,
  reply_decision_note: note,
});
