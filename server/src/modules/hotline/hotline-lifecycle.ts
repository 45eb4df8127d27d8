/**
 * The work order's states and which action each allows (docs/hotline.md, "Intake from 12345"): 签收 first (its own
 * clock: late = 响应超时), then either 退回 to the hotline with a reason (not the bureau's job) or 转为案件; once the
 * case is closed a 办理答复 is sent back, and the hotline's 回访满意度 closes the order. Pure: no I/O.
 */
import type { HotlineAction, HotlineStatus, HotlineUrgency } from '../../../../common/contracts/hotline.ts';
import type { LimitUnit } from '../../../../common/domain/work-calendar.ts';

export const ACTION_FROM: Record<HotlineAction, readonly HotlineStatus[]> = {
  sign: ['pending_sign'],
  return: ['pending_sign', 'signed'],
  convert: ['signed'],
  reply: ['converted'],
  revisit: ['replied'],
};
export const OPEN: readonly HotlineStatus[] = ['pending_sign', 'signed', 'converted'];

export function allowedActions(status: HotlineStatus, caseClosed: boolean): HotlineAction[] {
  return (Object.keys(ACTION_FROM) as HotlineAction[]).filter(
    (a) => ACTION_FROM[a].includes(status) && (a !== 'reply' || caseClosed),
  );
}

export interface Limit {
  value: number;
  unit: LimitUnit;
}

/**
 * 签收 limits by urgency (setting `hotline.signLimits` overrides): a work order is signed within working hours,
 * an urgent or emergency one around the clock.
 */
export const DEFAULT_SIGN_LIMITS: Record<HotlineUrgency, Limit> = {
  normal: { value: 2, unit: 'work_hours' },
  urgent: { value: 1, unit: 'emergency_hours' },
  emergency: { value: 0.5, unit: 'emergency_hours' },
};

/** 办理时限 when the hotline sends none (北京「接诉即办」: 一般 7 天, 及时性 24 小时, 突发 2 小时; docs/hotline.md). */
export const DEFAULT_DUE_LIMITS: Record<HotlineUrgency, Limit> = {
  normal: { value: 7, unit: 'calendar_days' },
  urgent: { value: 24, unit: 'emergency_hours' },
  emergency: { value: 2, unit: 'emergency_hours' },
};

export function isOverdue(o: { status: string; sign_deadline: string; due_at: string }, now: string): boolean {
  if (!(OPEN as readonly string[]).includes(o.status)) return false;
  return (o.status === 'pending_sign' && o.sign_deadline < now) || o.due_at < now;
}
