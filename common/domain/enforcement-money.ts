/**
 * Money rules of administrative penalties, in integer fen (docs/conventions.md, "Money"). The legal figures are in
 * docs/enforcement.md, "Periods and amounts".
 */

/** 简易程序 ceilings (行政处罚法 art. 51): 200 yuan for a person, 3,000 yuan for an organisation. */
export const SUMMARY_LIMIT_FEN = { person: 20_000, organisation: 300_000 } as const;
export type PartyKind = keyof typeof SUMMARY_LIMIT_FEN;

/** True when an on-the-spot (简易程序) fine is within the statutory ceiling for the party's kind. */
export function summaryFineAllowed(kind: PartyKind, fineFen: number): boolean {
  return Number.isSafeInteger(fineFen) && fineFen >= 0 && fineFen <= SUMMARY_LIMIT_FEN[kind];
}

/** The payment period after the decision is received (art. 67): calendar days, not one of art. 85's periods. */
export const PAYMENT_DAYS = 15;
/** 加处罚款 per overdue day, in per cent of the fine (art. 72(1)). */
export const LATE_FEE_PERCENT_PER_DAY = 3;

/**
 * 加处罚款 for `overdueDays` days after the payment due date: 3 % of the fine per day, never more than the fine itself
 * (art. 72(1)). Rounded down to whole fen, so the party is never charged a fraction the law did not impose.
 */
export function lateFeeFen(fineFen: number, overdueDays: number): number {
  if (!Number.isSafeInteger(fineFen) || fineFen < 0) throw new RangeError('fineFen must be a whole number of fen >= 0');
  if (!Number.isSafeInteger(overdueDays)) throw new RangeError('overdueDays must be a whole number');
  if (overdueDays <= 0) return 0;
  // 3 % × days reaches 100 % after 34 days; stop there so the product never leaves the safe integer range.
  const days = Math.min(overdueDays, Math.ceil(100 / LATE_FEE_PERCENT_PER_DAY));
  return Math.min(fineFen, Math.floor((fineFen * LATE_FEE_PERCENT_PER_DAY * days) / 100));
}

/** Yuan with two decimals (for documents and sentences): the one formatter of fen. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
