/**
 * 查违控违 (illegal construction control): the closed vocabularies and the status rule both sides use
 * (docs/illegal-construction.md).
 */

/** Where a report of illegal construction came from; 'instruction' is a leader's 批示 (counted on its own). */
export const IC_SOURCES = ['complaint', 'petition', 'hotline', 'patrol', 'instruction'] as const;
export type IcSource = (typeof IC_SOURCES)[number];

/** A site's state: reported → stopped (停工) → demolished (拆除) or legalised (补办手续). */
export const IC_STATUSES = ['reported', 'stopped', 'demolished', 'legalised'] as const;
export type IcStatus = (typeof IC_STATUSES)[number];

/** Structure of what was demolished: 砖混, 钢结构, 简易/彩钢棚, 其他. */
export const IC_STRUCTURES = ['brick_concrete', 'steel', 'simple', 'other'] as const;
export type IcStructure = (typeof IC_STRUCTURES)[number];

/** 交办函 (a case handed to a township) and 督办函 (a reminder with a deadline to one that lags). */
export const IC_LETTER_KINDS = ['assign', 'supervise'] as const;
export type IcLetterKind = (typeof IC_LETTER_KINDS)[number];

/** Who led a demolition: the bureau itself, or a township the bureau assisted (the report counts them apart). */
export const IC_LEADS = ['bureau', 'assist'] as const;
export type IcLead = (typeof IC_LEADS)[number];

const NEXT: Record<IcStatus, readonly IcStatus[]> = {
  reported: ['stopped', 'demolished', 'legalised'],
  stopped: ['demolished', 'legalised'],
  demolished: [],
  legalised: [],
};

/** Demolished and legalised are final: a site that is built again is a new report. */
export function canMoveIcStatus(from: IcStatus, to: IcStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextIcStatuses(from: IcStatus): readonly IcStatus[] {
  return NEXT[from];
}

/** Areas are kept in whole hundredths of a square metre (integers), shown as m² with two decimals at most. */
export const toHundredths = (m2: number): number => Math.round(m2 * 100);
export const fromHundredths = (h: number): number => h / 100;
