/**
 * 门前三包 (docs/frontage.md): the closed vocabularies of the line and its pure rules: who counts as the same shop,
 * how a month's inspections rank shops onto the red list (best) and the black list (worst), and the month's dates.
 */

export const AGREEMENT_STATUSES = ['active', 'terminated'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const VOLUNTEER_STATUSES = ['applied', 'active', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const SHIFT_STATUSES = ['scheduled', 'served', 'absent'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

export const LIST_KINDS = ['red', 'black'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** An inspection is scored out of 100 (docs/frontage.md, "Inspections"). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 100;

/** A drawn responsibility area (docs/frontage.md, "The responsibility area"): points, size and reach from the shop. */
export const AREA_MAX_POINTS = 200;
export const AREA_MIN_M2 = 1;
export const AREA_MAX_M2 = 5_000;
export const AREA_REACH_M = 500;

/** The tenant's rule for the monthly lists (setting `frontage.lists`). */
export interface ListRule {
  /** a shop's average in the month must be at least this for the red list */
  redMinScore: number;
  redMaxShops: number;
  /** a shop's average must be below this for the black list */
  blackMaxScore: number;
  blackMaxShops: number;
  /** inspections a shop needs in the month to be ranked at all */
  minInspections: number;
}

export const DEFAULT_LIST_RULE: ListRule = {
  redMinScore: 90,
  redMaxShops: 10,
  blackMaxScore: 60,
  blackMaxShops: 10,
  minInspections: 1,
};

/** The field at fault when a rule cannot keep the two lists apart, or null. */
export function listRuleProblem(rule: ListRule): { field: string; rule: string } | null {
  if (rule.redMinScore <= rule.blackMaxScore) return { field: 'body.redMinScore', rule: 'order' };
  return null;
}

/**
 * The same shop: its 统一社会信用代码 when given, otherwise its name at its address (spaces and case ignored), so a
 * second agreement for the same shop and an overlapping period is refused.
 */
export function shopKey(shop: { creditCode?: string | null; shopName: string; address: string }): string {
  const squash = (s: string) => s.replace(/[\s·()（）-]/g, '').toLowerCase();
  const code = shop.creditCode?.trim().toUpperCase();
  return code ? `c:${code}` : `n:${squash(shop.shopName)}|${squash(shop.address)}`;
}

/** Two inclusive date ranges (YYYY-MM-DD) share at least one day. */
export const periodsOverlap = (a: { from: string; to: string }, b: { from: string; to: string }) =>
  a.from <= b.to && b.from <= a.to;

/** The first and last day of a month given as YYYY-MM. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export interface ShopScores {
  agreementId: string;
  shopName: string;
  scores: readonly number[];
}

export interface RankedShop {
  agreementId: string;
  shopName: string;
  rank: number;
  /** the month's average score, one decimal */
  average: number;
  inspections: number;
}

/**
 * The month's red and black lists under the rule: shops with enough inspections, averaged; red = average at least
 * redMinScore, best first; black = average below blackMaxScore, worst first; ties go to more inspections, then to the
 * shop name, so the same scores always give the same lists.
 */
export function rankMonth(shops: readonly ShopScores[], rule: ListRule): { red: RankedShop[]; black: RankedShop[] } {
  const averaged = shops
    .filter((s) => s.scores.length >= Math.max(1, rule.minInspections))
    .map((s) => ({
      agreementId: s.agreementId,
      shopName: s.shopName,
      average: Math.round((s.scores.reduce((a, b) => a + b, 0) / s.scores.length) * 10) / 10,
      inspections: s.scores.length,
    }));
  const byName = (a: { shopName: string }, b: { shopName: string }) => a.shopName.localeCompare(b.shopName, 'zh-CN');
  const red = averaged
    .filter((s) => s.average >= rule.redMinScore)
    .sort((a, b) => b.average - a.average || b.inspections - a.inspections || byName(a, b))
    .slice(0, rule.redMaxShops);
  const black = averaged
    .filter((s) => s.average < rule.blackMaxScore)
    .sort((a, b) => a.average - b.average || b.inspections - a.inspections || byName(a, b))
    .slice(0, rule.blackMaxShops);
  const ranked = (xs: typeof averaged) => xs.map((s, i) => ({ ...s, rank: i + 1 }));
  return { red: ranked(red), black: ranked(black) };
}

/** Minutes between two instants, for a shift's hours served. */
export const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);
