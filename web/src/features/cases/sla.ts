import type { SlaLevel } from '../../../../common/domain/case-channels.ts';
import type { Translate } from '../../i18n/context.ts';

/** The dot colours of the three-colour warning (docs/standards.md, "Time limits", 预警), grey while the clock is paused. */
export const SLA_COLORS: Readonly<Record<SlaLevel, string>> = {
  green: '#52c41a',
  yellow: '#faad14',
  red: '#ff4d4f',
  paused: '#8c8c8c',
  none: '#d9d9d9',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A span of time for people: 3天5小时, 2小时15分钟, 40分钟 (coarser as it grows). */
export function formatSpan(ms: number, t: Translate): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return t('cases.duration.underMinute');
  if (span >= 2 * DAY) {
    const d = Math.floor(span / DAY);
    const h = Math.floor((span % DAY) / HOUR);
    return h ? t('cases.duration.dayHour', { d, h }) : t('cases.duration.days', { n: d });
  }
  if (span >= HOUR) {
    const h = Math.floor(span / HOUR);
    const m = Math.floor((span % HOUR) / MINUTE);
    return m && h < 10 ? t('cases.duration.hourMinute', { h, m }) : t('cases.duration.hours', { n: h });
  }
  return t('cases.duration.minutes', { n: Math.floor(span / MINUTE) });
}

/**
 * The deadline relative to now: 剩余2小时 / 超期3小时, 已暂停计时 while suspended, — without a deadline. Wall-clock
 * time (what the user lives through); the colour comes from the server, which measures in working time.
 */
export function deadlineText(deadline: string | null | undefined, level: SlaLevel, now: number, t: Translate): string {
  if (level === 'paused') return t('cases.deadline.paused');
  if (!deadline) return t('cases.deadline.none');
  const due = Date.parse(deadline);
  if (Number.isNaN(due)) return t('cases.deadline.none');
  const left = due - now;
  return left >= 0
    ? t('cases.deadline.remaining', { time: formatSpan(left, t) })
    : t('cases.deadline.overdue', { time: formatSpan(left, t) });
}

/** Quick deadline filters → the `deadlineBefore` instant of the inbox query. */
export const DEADLINE_FILTERS = ['past', 'h2', 'today', 'd3'] as const;
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number];

export function deadlineBefore(filter: DeadlineFilter, now: Date): string {
  if (filter === 'past') return now.toISOString();
  if (filter === 'h2') return new Date(now.getTime() + 2 * HOUR).toISOString();
  if (filter === 'd3') return new Date(now.getTime() + 3 * DAY).toISOString();
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.toISOString();
}
