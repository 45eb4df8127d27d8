import type { CaseState } from '../../../../common/domain/case-status.ts';
import { slaLevel, type SlaLevel } from '../../../../common/domain/case-channels.ts';
import type { LimitUnit, WorkCalendar } from '../../../../common/domain/work-calendar.ts';

/**
 * Step time limits (各环节工作时限, docs/standards.md, "Time limits": 受理 15 min and 派遣 15 min (运城), 核实 30 min and
 * 核查 30 min (宁波 eGova verify_limit / check_limit); 立案, 核查派发 and 结案 have no published value, so we use
 * 30 min). All in working time; handling comes from the filing condition. Administrators override them in the
 * tenant setting `case.stepLimits`.
 */
export interface StepLimit {
  value: number;
  unit: LimitUnit;
}

export const DEFAULT_STEP_LIMITS: Readonly<Partial<Record<CaseState, StepLimit>>> = {
  reported: { value: 0.25, unit: 'work_hours' },
  verifying: { value: 0.5, unit: 'work_hours' },
  pending_filing: { value: 0.5, unit: 'work_hours' },
  pending_dispatch: { value: 0.25, unit: 'work_hours' },
  reported_back: { value: 0.25, unit: 'work_hours' },
  checking: { value: 0.5, unit: 'work_hours' },
  pending_close: { value: 0.5, unit: 'work_hours' },
};

/** The clock columns of a case entering a step. */
export interface StepClock {
  step_limit_value: number | null;
  step_limit_unit: string | null;
  step_started_at: string | null;
  step_warn_at: string | null;
  step_deadline: string | null;
  step_warned: string | null;
}

export const NO_CLOCK: StepClock = {
  step_limit_value: null,
  step_limit_unit: null,
  step_started_at: null,
  step_warn_at: null,
  step_deadline: null,
  step_warned: null,
};

/** Starts a step's clock at `now`: deadline = now + limit in working time; yellow warning at 80 % of it. */
export function startStep(calendar: WorkCalendar, now: Date, limit: StepLimit, deadline?: Date): StepClock {
  const due = deadline ?? calendar.addLimit(now, limit.value, limit.unit);
  return {
    step_limit_value: limit.value,
    step_limit_unit: limit.unit,
    step_started_at: now.toISOString(),
    step_warn_at: warnAt(calendar, now, due, limit.unit).toISOString(),
    step_deadline: due.toISOString(),
    step_warned: null,
  };
}

/** The instant 80 % of the time between start and deadline is used, in the unit's own measure. */
export function warnAt(calendar: WorkCalendar, start: Date, deadline: Date, unit: LimitUnit): Date {
  const total = calendar.elapsed(start, deadline, unit);
  if (total <= 0) return deadline;
  return calendar.addLimit(start, (0.8 * total) / calendar.limitMs(1, unit), unit);
}

/** Colour of the running step (green ≤ 80 %, yellow ≤ 100 %, red beyond; paused while suspended or transferred). */
export function slaOf(
  calendar: WorkCalendar,
  c: { status: string; step_started_at: string | null; step_deadline: string | null; step_limit_unit: string | null },
  now: Date,
): { level: SlaLevel; deadline: string | null; usedRatio: number | null } {
  // 挂账 and 已移送 stop the clock (docs/federation.md, "The transferred status")
  if (c.status === 'suspended' || c.status === 'transferred')
    return { level: 'paused', deadline: null, usedRatio: null };
  if (!c.step_started_at || !c.step_deadline || !c.step_limit_unit)
    return { level: 'none', deadline: c.step_deadline, usedRatio: null };
  const unit = c.step_limit_unit as LimitUnit;
  const start = new Date(c.step_started_at);
  const total = calendar.elapsed(start, new Date(c.step_deadline), unit);
  const used = calendar.elapsed(start, now, unit);
  const ratio = total > 0 ? used / total : used > 0 ? Infinity : 0;
  return {
    level: slaLevel(used, total),
    deadline: c.step_deadline,
    usedRatio: Number.isFinite(ratio) ? Math.round(ratio * 1000) / 1000 : null,
  };
}
