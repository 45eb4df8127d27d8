/**
 * The monthly ranking rules (docs/standards.md, "KPI ranking"): who takes part, competition ranking of equal scores,
 * the 流动红旗 and the bottom list (末位). Pure: the server ranks with it and the console shows its settings.
 */

/** What happens when several subjects share the best score: nobody gets the flag, or each of them gets it. */
export const TOP_TIE_RULES = ['none', 'shared'] as const;
export type TopTieRule = (typeof TOP_TIE_RULES)[number];

export interface RankingRules {
  /** how many rows the bottom list may hold at most */
  bottomCount: number;
  /** fewest cases (立案数 in the month) a subject needs to be ranked; fewer → listed as 样本不足 */
  minCases: number;
  /** a tie at the top: no flag, or a shared flag */
  topTie: TopTieRule;
  /** the flag needs at least this score (the B threshold) */
  flagMinScore: number;
}

export const DEFAULT_RANKING_RULES: Omit<RankingRules, 'flagMinScore'> = {
  bottomCount: 3,
  minCases: 5,
  topTie: 'none',
};

export interface Rankable {
  id: string;
  name: string;
  /** composite score, null = no data */
  score: number | null;
  /** the subject's cases in the period (its sample) */
  cases: number;
  /** orders equal scores for display only (higher first; 按期结案率); equal scores still share a rank */
  secondary?: number | null;
}

export interface RankingOutcome<T extends Rankable> {
  /** best first, each with its competition rank (1, 1, 3) */
  ranked: { row: T; rank: number }[];
  /** took part but with fewer cases than minCases (or no score): never ranked, flagged nor bottom-listed */
  unranked: T[];
  /** no case in the period: takes no part at all (a unit that handles no cases, an idle street) */
  idle: T[];
  /** the 流动红旗 holders: none, one, or (shared rule) all the subjects tied at the top */
  flagged: T[];
  /** the bottom list, worst last; never a subject whose score equals one above the cut, never a first place */
  bottom: T[];
}

export function rankSubjects<T extends Rankable>(rows: readonly T[], rules: RankingRules): RankingOutcome<T> {
  const idle = rows.filter((r) => r.cases <= 0);
  const active = rows.filter((r) => r.cases > 0);
  const unranked = active.filter((r) => r.score === null || r.cases < rules.minCases);
  const scored = active
    .filter((r) => r.score !== null && r.cases >= rules.minCases)
    .sort(
      (a, b) =>
        (b.score ?? 0) - (a.score ?? 0) ||
        (b.secondary ?? -1) - (a.secondary ?? -1) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  const ranked: { row: T; rank: number }[] = [];
  scored.forEach((row, i) => {
    const prev = ranked[i - 1];
    ranked.push({ row, rank: prev && prev.row.score === row.score ? prev.rank : i + 1 });
  });

  const top = ranked.filter((r) => r.rank === 1).map((r) => r.row);
  const flagWorthy = top.length > 0 && (top[0]?.score ?? 0) >= rules.flagMinScore;
  const flagged = !flagWorthy ? [] : top.length === 1 || rules.topTie === 'shared' ? top : [];

  // The cut: the last bottomCount rows, never reaching a first place. A row tied with any row above the cut stays
  // off the list, so two equal scores never land on opposite sides of it.
  const eligible = ranked.filter((r) => r.rank > 1);
  const cut = Math.max(ranked.length - rules.bottomCount, ranked.length - eligible.length);
  const above = new Set(ranked.slice(0, cut).map((r) => r.row.score));
  const bottom = ranked
    .slice(cut)
    .filter((r) => !above.has(r.row.score))
    .map((r) => r.row);

  return { ranked, unranked, idle, flagged, bottom };
}
