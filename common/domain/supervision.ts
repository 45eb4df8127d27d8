import type { LimitUnit } from './work-calendar.ts';

/**
 * 督办单 (supervision orders): the levels, their default reply limits on the work calendar and the escalation rule
 * (docs/supervision.md). Pure, shared by the server and the console.
 */
export const SUPERVISION_LEVELS = ['general', 'key', 'listed'] as const;
/** 一般 / 重点 / 挂牌 */
export type SupervisionLevel = (typeof SUPERVISION_LEVELS)[number];

export const SUPERVISION_STATUSES = ['open', 'replied'] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

/**
 * How long the target unit has to reply, per level: the higher the level, the shorter the limit. Counted in working
 * days, so a 督办单 issued on a Friday afternoon is not due over the weekend.
 */
export const DEFAULT_REPLY_LIMITS: Readonly<Record<SupervisionLevel, { value: number; unit: LimitUnit }>> = {
  general: { value: 5, unit: 'work_days' },
  key: { value: 3, unit: 'work_days' },
  listed: { value: 2, unit: 'work_days' },
};

/** An unanswered order rises one level when its deadline passes; 挂牌 is the top and stays there. */
export function nextLevel(level: SupervisionLevel): SupervisionLevel {
  const i = SUPERVISION_LEVELS.indexOf(level);
  return SUPERVISION_LEVELS[Math.min(i + 1, SUPERVISION_LEVELS.length - 1)]!;
}

/**
 * 按期回复率 of a set of orders: replied by the first deadline ÷ orders whose outcome is known (replied, or past the
 * first deadline unanswered). Orders still open and not yet due are left out: they can still be on time.
 * null when no order is decided.
 */
export function onTimeRate(
  orders: readonly { repliedAt: string | null; firstDueAt: string }[],
  now: string,
): { decided: number; onTime: number; rate: number | null } {
  let decided = 0;
  let onTime = 0;
  for (const o of orders) {
    if (o.repliedAt !== null) {
      decided++;
      if (o.repliedAt <= o.firstDueAt) onTime++;
    } else if (o.firstDueAt < now) decided++;
  }
  return { decided, onTime, rate: decided ? onTime / decided : null };
}
