import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import type { CaseState } from '../../../../common/domain/case-status.ts';
import type { LimitUnit, WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { MAX_EXTENSIONS, MAX_SUSPENSION_DAYS, MAX_SUSPENSIONS, nextState } from './case-lifecycle.ts';
import { caseErrors } from './case.errors.ts';
import { NO_CLOCK, startStep, type StepLimit } from './case-sla.ts';
import * as repo from './case.repository.ts';
import { caseRule } from './case.policy.ts';
import { grantsWithNames } from '../org/index.ts';
import { isRole } from '../../../../common/domain/roles.ts';
import type { GridTask } from './case-workflow-step.ts';

/**
 * What one transition changes, besides the status (docs/standards.md, "Workflow stages and roles", "Abnormal flows"). Pure
 * decisions come from the state machine; this adds the clocks, the approval requests and their limits.
 */
export interface TransitionContext {
  tx: Executor;
  c: CasesTable;
  input: CaseTransition;
  actorId: string;
  calendar: WorkCalendar;
  now: Date;
  stepLimits: Readonly<Partial<Record<CaseState, StepLimit>>>;
  suggestUnit: () => Promise<string | null>;
  /** 核查 sent to the case's grid instead of one inspector (workflow option checkBy) */
  gridTask?: GridTask | null;
}

export interface TransitionOutcome {
  to: CaseState;
  patch: Partial<CasesTable>;
  data: Record<string, unknown>;
  /** photos to attach to the case with this phase */
  photoPhase: 'before' | 'after' | 'check' | null;
}

const DAY = 86_400_000;

function stepClock(ctx: TransitionContext, state: CaseState) {
  const limit = ctx.stepLimits[state];
  return limit ? startStep(ctx.calendar, ctx.now, limit) : NO_CLOCK;
}

function handlingClock(ctx: TransitionContext, value: number, unit: LimitUnit, deadline?: Date) {
  const clock = startStep(ctx.calendar, ctx.now, { value, unit }, deadline);
  return { ...clock, handling_deadline: clock.step_deadline };
}

export async function decide(ctx: TransitionContext): Promise<TransitionOutcome> {
  const { c, input, tx, now } = ctx;
  const from = c.status as CaseState;
  const to = nextState(from, input.action);
  if (!to) throw caseErrors.transitionNotAllowed(from, input.action);
  const iso = now.toISOString();
  const out: TransitionOutcome = { to, patch: {}, data: {}, photoPhase: null };

  switch (input.action) {
    case 'accept':
    case 'verify':
      out.patch = { ...stepClock(ctx, to), task_user_id: null };
      if (input.action === 'verify') out.photoPhase = 'before';
      break;
    case 'send_check':
      if (ctx.gridTask) {
        out.patch = { ...stepClock(ctx, to), task_user_id: null };
        out.data = { grid: ctx.gridTask.grid, inspectors: ctx.gridTask.inspectors };
        break;
      }
    // falls through: 核查 sent to one inspector, like 核实
    case 'send_verify': {
      const inspector = await taskInspector(ctx);
      out.patch = { ...stepClock(ctx, to), task_user_id: inspector.id };
      out.data = { inspector: inspector.display_name };
      break;
    }
    case 'file': {
      if (!input.filingConditionId)
        throw caseErrors.field('body.filingConditionId', 'required', 'choose a filing condition (立案条件)');
      const cond = await repo.filingCondition(tx, c.tenant_id, input.filingConditionId);
      if (!cond || cond.matter_code !== c.matter_code)
        throw caseErrors.field('body.filingConditionId', 'exists', 'no such filing condition for this matter');
      // The limit is copied at filing: later edits of the standard never move a filed case's deadline.
      out.patch = {
        ...stepClock(ctx, to),
        filing_condition_id: cond.id,
        filing_condition: cond.condition,
        handling_limit_value: cond.limit_value,
        handling_limit_unit: cond.limit_unit,
        unit_id: cond.unit_id,
        filed_at: iso,
      };
      out.data = { condition: cond.condition, limit: { value: cond.limit_value, unit: cond.limit_unit } };
      break;
    }
    case 'reclassify': {
      const matterCode = input.matterCode;
      if (!matterCode) throw caseErrors.field('body.matterCode', 'required', 'choose the matter the case really is');
      if (matterCode === c.matter_code)
        throw caseErrors.field('body.matterCode', 'changed', 'the case already has this matter');
      if (!input.filingConditionId)
        throw caseErrors.field(
          'body.filingConditionId',
          'required',
          'choose a filing condition (立案条件) of the new matter',
        );
      const cond = await repo.filingCondition(tx, c.tenant_id, input.filingConditionId);
      if (!cond || cond.matter_code !== matterCode)
        throw caseErrors.field('body.filingConditionId', 'exists', 'no such filing condition for the new matter');
      const names = await repo.matterNames(tx, c.tenant_id, [c.matter_code, matterCode]);
      out.patch = {
        matter_code: matterCode,
        filing_condition_id: cond.id,
        filing_condition: cond.condition,
        handling_limit_value: cond.limit_value,
        handling_limit_unit: cond.limit_unit,
        unit_id: cond.unit_id,
        search_text: repo.searchTextOf(c, names.get(matterCode) ?? ''),
      };
      out.data = {
        fromMatter: { code: c.matter_code, name: names.get(c.matter_code) ?? null },
        toMatter: { code: matterCode, name: names.get(matterCode) ?? null },
        condition: cond.condition,
        limit: { value: cond.limit_value, unit: cond.limit_unit },
      };
      break;
    }
    case 'dispatch': {
      const unitId = input.unitId ?? (await ctx.suggestUnit());
      if (!unitId) throw caseErrors.field('body.unitId', 'required', 'choose the handling unit');
      const unit = await repo.unitInTenant(tx, c.tenant_id, unitId);
      if (!unit) throw caseErrors.field('body.unitId', 'exists', 'unit not found');
      if (c.handling_limit_value === null || !c.handling_limit_unit)
        throw caseErrors.field('body.action', 'filed', 'the case has no handling limit');
      out.patch = {
        ...handlingClock(ctx, c.handling_limit_value, c.handling_limit_unit as LimitUnit),
        unit_id: unit.id,
        handler_id: null,
        dispatched_at: iso,
      };
      out.data = { unit: unit.name };
      break;
    }
    case 'redispatch': {
      // 改派: the new unit starts with the full handling limit, as after an approved 回退 and a new dispatch;
      // lateness already recorded stays (docs/standards.md, "Abnormal flows").
      if (!input.unitId) throw caseErrors.field('body.unitId', 'required', 'choose the unit to send the case to');
      if (input.unitId === c.unit_id)
        throw caseErrors.field('body.unitId', 'changed', 'the case is already with this unit');
      const unit = await repo.unitInTenant(tx, c.tenant_id, input.unitId);
      if (!unit) throw caseErrors.field('body.unitId', 'exists', 'unit not found');
      if (c.handling_limit_value === null || !c.handling_limit_unit)
        throw caseErrors.field('body.action', 'filed', 'the case has no handling limit');
      const from = c.unit_id ? await repo.unitInTenant(tx, c.tenant_id, c.unit_id) : undefined;
      out.patch = {
        ...handlingClock(ctx, c.handling_limit_value, c.handling_limit_unit as LimitUnit),
        unit_id: unit.id,
        handler_id: null,
        dispatched_at: iso,
        return_count: c.return_count + 1,
      };
      out.data = { fromUnit: from?.name ?? null, unit: unit.name };
      break;
    }
    case 'recall': {
      // 收回: back to the dispatcher like an approved 回退, without waiting for the unit to ask.
      const from = c.unit_id ? await repo.unitInTenant(tx, c.tenant_id, c.unit_id) : undefined;
      out.patch = {
        ...stepClock(ctx, 'pending_dispatch'),
        return_count: c.return_count + 1,
        unit_id: null,
        handler_id: null,
        handling_deadline: null,
      };
      out.data = { fromUnit: from?.name ?? null };
      break;
    }
    case 'assign': {
      const handler = input.userId ? await repo.userInTenant(tx, c.tenant_id, input.userId) : undefined;
      if (!handler || handler.unit_id !== c.unit_id)
        throw caseErrors.field('body.userId', 'exists', 'the handler must belong to the handling unit');
      out.patch = { handler_id: handler.id };
      out.data = { handler: handler.display_name };
      break;
    }
    case 'report_back':
      out.patch = { ...stepClock(ctx, to), overdue: c.handling_deadline && c.handling_deadline < iso ? 1 : c.overdue };
      out.photoPhase = 'after';
      break;
    case 'check_pass':
      out.patch = { ...stepClock(ctx, to), task_user_id: null };
      out.photoPhase = 'check';
      break;
    case 'check_fail':
      // 返工: back to the same unit with a fresh handling limit (docs/standards.md, "Abnormal flows").
      if (c.handling_limit_value === null || !c.handling_limit_unit)
        throw caseErrors.field('body.action', 'filed', 'the case has no handling limit');
      out.patch = {
        ...handlingClock(ctx, c.handling_limit_value, c.handling_limit_unit as LimitUnit),
        rework_count: c.rework_count + 1,
        task_user_id: null,
      };
      out.photoPhase = 'check';
      break;
    case 'close': {
      const closeType = input.closeType ?? (c.overdue === 1 ? 'overdue' : 'normal');
      out.patch = { ...NO_CLOCK, close_type: closeType, closed_at: iso };
      // 答复市民 is kept apart from the internal note: only it reaches public views (docs/security.md, "Public output").
      const publicReply = input.publicReply?.trim();
      out.data = { closeType, ...(publicReply ? { publicReply } : {}) };
      break;
    }
    case 'void':
      out.patch = {
        ...NO_CLOCK,
        void_reason: input.voidReason ?? 'invalid',
        closed_at: iso,
        parent_id: input.parentId ?? null,
      };
      out.data = { voidReason: input.voidReason ?? 'invalid', parentId: input.parentId ?? null };
      break;
    case 'escalate':
      out.patch = { escalation_count: c.escalation_count + 1 };
      break;
    case 'self_handle':
      out.patch = { ...NO_CLOCK, self_handled: 1, close_type: 'normal', closed_at: iso, filed_at: iso };
      break;
    case 'request_return':
    case 'request_extension':
    case 'request_suspension':
      return requestApproval(ctx, out);
    case 'approve_return':
    case 'approve_extension':
    case 'approve_suspension':
      return decideApproval(ctx, out);
    case 'resume':
      return resume(ctx, out);
  }
  return out;
}

/**
 * The inspector a 核实/核查 task goes to: the one chosen, or without a choice the inspector who reported the case
 * (they know the spot). It must be an active inspector of the tenant whose grants reach the case, because only
 * that user can complete the task (case.policy.ts holdsTask).
 */
async function taskInspector(ctx: TransitionContext) {
  const { c, input, tx } = ctx;
  const chosen = input.userId ?? (c.channel === 'inspector' ? c.reporter_id : null);
  const field = 'body.userId';
  const rule = input.userId ? 'inspector' : 'required';
  if (!chosen) throw caseErrors.field(field, 'required', 'choose the inspector to send the task to');
  const user = await repo.userInTenant(tx, c.tenant_id, chosen);
  const grants = user
    ? (await grantsWithNames(tx, c.tenant_id, [user.id])).flatMap((g) =>
        isRole(g.role) ? [{ role: g.role, unitId: g.unit_id, regionId: g.region_id }] : [],
      )
    : [];
  if (!user || !grants.some((g) => g.role === 'inspector'))
    throw caseErrors.field(field, rule, 'not an active inspector of this city; choose an inspector');
  const verb = input.action === 'send_verify' ? 'case.verify' : 'case.check';
  if (!caseRule({ grants }, verb).test(c))
    throw caseErrors.field(field, 'scope', "this inspector's area does not include the case; choose another inspector");
  return user;
}

async function requestApproval(ctx: TransitionContext, out: TransitionOutcome): Promise<TransitionOutcome> {
  const { c, input, tx, now } = ctx;
  const kind = input.action.replace('request_', '') as 'return' | 'extension' | 'suspension';
  if (await repo.pendingRequest(tx, c.id, kind)) throw caseErrors.requestPending(kind);
  if (kind === 'extension' && c.extension_count >= MAX_EXTENSIONS)
    throw caseErrors.limitReached('extension', MAX_EXTENSIONS);
  if (kind === 'suspension' && c.suspension_count >= MAX_SUSPENSIONS)
    throw caseErrors.limitReached('suspension', MAX_SUSPENSIONS);
  const amountValue = kind === 'extension' ? (input.amountValue ?? c.handling_limit_value) : null;
  const amountUnit = kind === 'extension' ? (input.amountUnit ?? c.handling_limit_unit) : null;
  let until: string | null = null;
  if (kind === 'suspension') {
    const cap = new Date(now.getTime() + MAX_SUSPENSION_DAYS * DAY);
    const asked = input.until ? new Date(input.until) : cap;
    if (!(asked.getTime() > now.getTime()))
      throw caseErrors.field('body.until', 'future', 'the suspension must end in the future');
    until = (asked < cap ? asked : cap).toISOString();
  }
  await tx
    .insertInto('case_requests')
    .values({
      id: newId(),
      tenant_id: c.tenant_id,
      case_id: c.id,
      kind,
      status: 'pending',
      reason: input.note ?? '',
      amount_value: amountValue,
      amount_unit: kind === 'suspension' ? until : amountUnit,
      requested_by: ctx.actorId,
      requested_at: now.toISOString(),
      decided_by: null,
      decided_at: null,
      decision_note: null,
    })
    .execute();
  out.patch = { pending_request: kind };
  out.data = {
    request: kind,
    ...(amountValue !== null ? { amount: { value: amountValue, unit: amountUnit } } : {}),
    ...(until ? { until } : {}),
  };
  return out;
}

async function decideApproval(ctx: TransitionContext, out: TransitionOutcome): Promise<TransitionOutcome> {
  const { c, input, tx, now } = ctx;
  const kind = input.action.replace('approve_', '') as 'return' | 'extension' | 'suspension';
  const req = await repo.pendingRequest(tx, c.id, kind);
  if (!req) throw caseErrors.noPendingRequest(kind);
  const approved = input.approve !== false;
  await tx
    .updateTable('case_requests')
    .set({
      status: approved ? 'approved' : 'rejected',
      decided_by: ctx.actorId,
      decided_at: now.toISOString(),
      decision_note: input.note ?? null,
    })
    .where('id', '=', req.id)
    .execute();
  out.data = { request: kind, approved };
  if (!approved) {
    // A rejected request changes nothing and does not count against the limits (运城: 驳回不占次数).
    out.to = c.status as CaseState;
    out.patch = { pending_request: null };
    return out;
  }
  if (kind === 'return') {
    out.patch = {
      ...stepClock(ctx, 'pending_dispatch'),
      pending_request: null,
      return_count: c.return_count + 1,
      unit_id: null,
      handler_id: null,
      handling_deadline: null,
    };
  } else if (kind === 'extension') {
    const value = input.amountValue ?? req.amount_value ?? c.handling_limit_value ?? 1;
    const unit = (input.amountUnit ?? req.amount_unit ?? c.handling_limit_unit ?? 'work_days') as LimitUnit;
    const from = c.handling_deadline ? new Date(c.handling_deadline) : now;
    const deadline = ctx.calendar.addLimit(from, value, unit);
    out.patch = {
      ...startStep(ctx.calendar, new Date(c.step_started_at ?? now.toISOString()), { value, unit }, deadline),
      handling_deadline: deadline.toISOString(),
      extension_count: c.extension_count + 1,
      pending_request: null,
    };
    out.data = { ...out.data, amount: { value, unit }, deadline: deadline.toISOString() };
  } else {
    const unit = (c.handling_limit_unit ?? 'work_days') as LimitUnit;
    const remaining = c.handling_deadline ? ctx.calendar.elapsed(now, new Date(c.handling_deadline), unit) : 0;
    out.patch = {
      ...NO_CLOCK,
      pending_request: null,
      suspension_count: c.suspension_count + 1,
      suspended_until: req.amount_unit,
      handling_remaining_ms: remaining,
    };
    out.data = { ...out.data, until: req.amount_unit };
  }
  return out;
}

/** 挂账 ends (by a person or by the sweep at its cap): the handling clock restarts with the time that was left. */
async function resume(ctx: TransitionContext, out: TransitionOutcome): Promise<TransitionOutcome> {
  const { c, now, calendar } = ctx;
  const unit = (c.handling_limit_unit ?? 'work_days') as LimitUnit;
  const remaining = Math.max(0, c.handling_remaining_ms ?? 0);
  const deadline = calendar.addLimit(now, remaining / calendar.limitMs(1, unit), unit);
  out.patch = {
    ...handlingClock(ctx, c.handling_limit_value ?? 1, unit, deadline),
    suspended_until: null,
    handling_remaining_ms: null,
  };
  out.data = { deadline: deadline.toISOString() };
  return out;
}
