/**
 * Projects and funds (docs/projects.md): funding sources, weights in basis points and the progress roll-up.
 * Pure rules shared by the server and the console.
 */

/** 资金来源: 专项债, 中央预算内, 省级, 市县本级 (local), other */
export const FUND_SOURCES = ['special_bond', 'central_budget', 'provincial', 'local', 'other'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/** A weight is written in basis points: 10000 = 100.00 %. Siblings may never weigh more than this together. */
export const FULL_WEIGHT = 10_000;

/** The largest amount one fund row may carry: 1000 亿元 in fen (far above any city project, below 2^53). */
export const MAX_FEN = 10_000_000_000_000;

export interface Weighted {
  weightBp: number;
}

/** The sum of sibling weights, and whether adding `extra` (a new or changed weight) would pass 100 %. */
export const weightSum = (items: readonly Weighted[]) => items.reduce((s, i) => s + i.weightBp, 0);
export const overweight = (items: readonly Weighted[], extra = 0) => weightSum(items) + extra > FULL_WEIGHT;

/**
 * Progress of a subproject as an exact fraction of FULL_WEIGHT × 100: Σ weight × progress %. A milestone weight that
 * was never allotted (the weights sum to less than 100 %) counts as work not done, so progress never runs ahead of
 * the plan (docs/projects.md, "Weights").
 */
export const subprojectProgressUnits = (milestones: readonly (Weighted & { progressPct: number })[]) =>
  milestones.reduce((s, m) => s + m.weightBp * m.progressPct, 0);

/** 100 % of a subproject in the units of `subprojectProgressUnits`. */
export const SUBPROJECT_FULL = FULL_WEIGHT * 100;

/** A subproject is done when its progress is exactly 100 %. */
export const isDone = (units: number) => units >= SUBPROJECT_FULL;

/** Progress % of a subproject (for display: one decimal). */
export const subprojectPercent = (units: number) => Math.round((units / SUBPROJECT_FULL) * 1000) / 10;

/**
 * The overall progress of a project: Σ subproject weight × subproject progress, over 100 % of weight (an unallotted
 * weight counts as not done). Computed in integers and rounded only at the end, to one decimal.
 */
export function projectPercent(subprojects: readonly (Weighted & { units: number })[]): number {
  const total = subprojects.reduce((s, p) => s + p.weightBp * p.units, 0);
  return Math.round((total / (FULL_WEIGHT * SUBPROJECT_FULL)) * 1000) / 10;
}

/**
 * 万元 for the report's sentences, exact from fen: 2 641 000 000 fen → "2641"; a remainder is kept to at most four
 * decimals (1 元 = 0.0001 万元) with trailing zeros dropped, never through floating point.
 */
export function wanYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 1_000_000);
  const rest = abs % 1_000_000;
  if (rest === 0) return `${sign}${whole}`;
  const decimals = String(rest).padStart(6, '0').slice(0, 4).replace(/0+$/, '');
  return decimals ? `${sign}${whole}.${decimals}` : `${sign}${whole}`;
}

/**
 * Yuan typed in a form ("1234.5") to fen, exactly: at most two decimals, never negative. `null` for anything else.
 */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,11})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Basis points to a percent text with up to two decimals (2500 → "25", 1234 → "12.34"). */
export const weightText = (bp: number) => String(bp / 100);
