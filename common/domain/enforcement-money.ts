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

/** A yuan amount entered as a number (a form's 元 field) in whole fen, rounded to the nearest fen. */
export const fenOfYuan = (yuan: number): number => Math.round(yuan * 100);

/** Yuan with two decimals (for documents and sentences): the one formatter of fen. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** One due amount: the whole fine by the payment date, or one part of an approved deferral or instalment plan. */
export interface Instalment {
  dueOn: string;
  amountFen: number;
}

/**
 * 加处罚款 over a payment schedule (art. 66 and 72(1)): payments are applied to the instalments in order of their due
 * dates; each instalment draws 3 % of its own amount per day from the day after its due date until the payment that
 * covers it (or `asOf`), capped at its amount, so the total never exceeds the fine. With no approved plan the
 * schedule is one instalment of the whole fine on the payment date, which is art. 72(1) as written.
 */
export function scheduleLateFee(
  schedule: readonly Instalment[],
  payments: readonly { amountFen: number; paidOn: string }[],
  asOf: string,
  daysBetween: (from: string, to: string) => number,
): number {
  const paid = [...payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn));
  let p = 0;
  let left = paid[0]?.amountFen ?? 0;
  let fee = 0;
  for (const due of [...schedule].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) {
    let need = due.amountFen;
    let coveredOn: string | null = need === 0 ? due.dueOn : null;
    while (need > 0 && p < paid.length) {
      const take = Math.min(need, left);
      need -= take;
      left -= take;
      if (need === 0) coveredOn = (paid[p] as { paidOn: string }).paidOn;
      if (left === 0) left = paid[++p]?.amountFen ?? 0;
    }
    const stop = coveredOn && coveredOn < asOf ? coveredOn : asOf;
    fee += lateFeeFen(due.amountFen, Math.max(0, daysBetween(due.dueOn, stop)));
  }
  return fee;
}
