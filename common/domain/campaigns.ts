/**
 * 专项行动 / 四城同创 / 巡察整改 (docs/campaigns.md): the closed vocabularies, the rectification state machine and the
 * rules on reported quantities and progress that the server and the console forms share.
 */
export const CAMPAIGN_KINDS = ['special', 'creation', 'rectification'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];

export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 巡察反馈 lists (classes of findings) and "一下三民" lists (batches of problems the leaders took on). */
export const PROBLEM_LIST_KINDS = ['inspection', 'yixiaSanmin'] as const;
export type ProblemListKind = (typeof PROBLEM_LIST_KINDS)[number];

export const PROBLEM_STATUSES = ['open', 'rectifying', 'rectified'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_ACTIONS = ['start', 'finish'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

export const TOPIC_STATUSES = ['planned', 'researching', 'concluded'] as const;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];

/** Levels of an outlet or an award: 国家 / 省 / 市 (地级) / 县 (县级市). */
export const MEDIA_LEVELS = ['national', 'provincial', 'city', 'county'] as const;
export type MediaLevel = (typeof MEDIA_LEVELS)[number];
/** 省级以上媒体 are national and provincial outlets; 本地媒体 the prefecture's and the county's own. */
export const isProvincialOrAbove = (level: MediaLevel) => level === 'national' || level === 'provincial';

/** open → rectifying → rectified; a rectified item is closed and takes no further step. */
export function nextProblemStatus(from: ProblemStatus, action: ProblemAction): ProblemStatus | null {
  if (action === 'start' && from === 'open') return 'rectifying';
  if (action === 'finish' && from === 'rectifying') return 'rectified';
  return null;
}

/** Quantities are kept in thousandths so 0.5 km and 250 000 m add up exactly on both databases. */
export const toMilli = (v: number): number => Math.round(v * 1000);
export const fromMilli = (v: number): number => v / 1000;
/** The largest target or single report of one quantity. */
export const MAX_QUANTITY = 100_000_000;
/** The largest allowance over a target, in per cent of the target. */
export const MAX_OVERRUN_PCT = 100;

/**
 * The most that may be reported in total against a target: the target plus its allowance (docs/campaigns.md,
 * "Quantities"). An allowance of 0 means the total may reach the target and no further.
 */
export const reportCeilingMilli = (targetMilli: number, overrunPct: number): number =>
  targetMilli + Math.floor((targetMilli * overrunPct) / 100);

/** Progress of a task is a share of its work: a whole per cent from 0 to 100; more than 100 % is refused. */
export const progressProblem = (pct: number): string | null =>
  !Number.isInteger(pct) ? 'integer' : pct < 0 ? 'minimum' : pct > 100 ? 'maximum' : null;

/** A share in per cent with one decimal, or null without a base. */
export const percent = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;

/**
 * A quantity as the bureau writes it in a report: 25万 for 250 000 (whole or one-decimal 万 from ten thousand up),
 * otherwise the number itself; English keeps the digits with thousands separators.
 */
export function reportQuantity(value: number, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  if (value >= 10_000) {
    const wan = value / 10_000;
    const rounded = Math.round(wan * 10) / 10;
    if (Math.abs(rounded - wan) < 1e-9) return `${rounded}万`;
  }
  return String(Math.round(value * 1000) / 1000);
}

/** A quantity's code: the member of its report figures, `campaigns.quantity.<code>.reported` (docs/campaigns.md, "Figures"). */
export const TARGET_CODE = /^[a-z0-9]{1,40}$/;
