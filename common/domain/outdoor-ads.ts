/**
 * 户外广告 (outdoor advertising): the closed vocabularies and the date rules of the reminders and the pre-flood
 * safety sweep (docs/outdoor-ads.md).
 */

/** 墙体, 高空 (楼顶), 路铭牌, 灯箱, 雨棚, 店招, 单立柱, 其他. */
export const AD_TYPES = ['wall', 'high', 'road_sign', 'light_box', 'awning', 'shop_sign', 'pole', 'other'] as const;
export type AdType = (typeof AD_TYPES)[number];

export const AD_STATUSES = ['active', 'removed'] as const;
export type AdStatus = (typeof AD_STATUSES)[number];

/** Result of a safety inspection: 合格, 有隐患 (fix and re-check), 不合格 (take down). */
export const AD_INSPECTION_RESULTS = ['pass', 'hazard', 'fail'] as const;
export type AdInspectionResult = (typeof AD_INSPECTION_RESULTS)[number];

/** 自行拆除 by the owner after notice, or 强制拆除 by the bureau. */
export const AD_REMOVAL_MODES = ['voluntary', 'enforced'] as const;
export type AdRemovalMode = (typeof AD_REMOVAL_MODES)[number];

/** Structures that wind and heavy rain bring down; the pre-flood sweep checks these (docs/outdoor-ads.md). */
export const FLOOD_SWEEP_TYPES: readonly AdType[] = ['high', 'pole', 'wall', 'light_box', 'awning', 'shop_sign'];

/** The default interval between two safety inspections when an inspection does not name the next date. */
export const DEFAULT_INSPECTION_INTERVAL_DAYS = 180;

/** The sweep counts inspections from 1 March: the weeks before the flood season (docs/outdoor-ads.md). */
export const floodSweepSince = (year: number): string => `${year}-03-01`;

export type AdReminderKind = 'permit_expired' | 'permit_expiring' | 'inspection_overdue' | 'inspection_due';

/** Adds whole days to a YYYY-MM-DD date (calendar arithmetic in UTC, so no time zone shifts a date). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * What an ad needs attention for on `today`, looking `withinDays` ahead: a permit that has run out or runs out
 * soon, an inspection that is late or due soon. Dates are YYYY-MM-DD, compared as text.
 */
export function adReminders(
  ad: { permitTo: string | null; nextInspectionOn: string | null },
  today: string,
  withinDays: number,
): { kind: AdReminderKind; date: string }[] {
  const horizon = addDays(today, withinDays);
  const out: { kind: AdReminderKind; date: string }[] = [];
  if (ad.permitTo) {
    if (ad.permitTo < today) out.push({ kind: 'permit_expired', date: ad.permitTo });
    else if (ad.permitTo <= horizon) out.push({ kind: 'permit_expiring', date: ad.permitTo });
  }
  if (ad.nextInspectionOn) {
    if (ad.nextInspectionOn < today) out.push({ kind: 'inspection_overdue', date: ad.nextInspectionOn });
    else if (ad.nextInspectionOn <= horizon) out.push({ kind: 'inspection_due', date: ad.nextInspectionOn });
  }
  return out;
}
