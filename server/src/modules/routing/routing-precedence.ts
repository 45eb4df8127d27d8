/**
 * Which routing rule wins (派遣 by 处置责任分解表: docs/standards.md, "Workflow stages and roles", step 5). Pure: no I/O.
 *
 * Precedence, most specific first; within a level the higher `priority` wins, then the older rule (stable):
 *   1. matter_community  — matter code + the case's community
 *   2. matter_street     — matter code + the case's street/town
 *   3. matter            — matter code, any region
 *   4. major_community   — major class (first 2 digits) + community
 *   5. major_street      — major class + street/town
 *   6. major             — major class, any region
 *   7. filing_condition  — the default unit of the filing condition the case was filed with (立结案标准)
 *   8. region_community  — region only (属地兜底 of a community: whatever no matter rule claims)
 *   9. region_street     — region only, street/town
 *  10. fallback          — matter, major and region all null (one per tenant)
 * A matter rule beats a class rule even when the class rule names a region: the bureau writes a matter rule
 * precisely to take that matter out of its class's routing. The filing condition's unit sits below every rule
 * because rules are the dispatcher's local knowledge (which squad covers which street), while the condition's
 * unit is a city-wide default. Region-only rules sit below it so a town can take "everything else" without
 * stealing 环卫/园林 matters that the conditions already send to the right bureau unit.
 */
import type { RoutingLevel } from '../../../../common/contracts/routing.ts';

export interface RuleShape {
  matterCode: string | null;
  majorCode: string | null;
  regionId: string | null;
}

export interface RouteContext {
  matterCode: string;
  streetId: string | null;
  communityId: string | null;
}

export interface RankableRule extends RuleShape {
  id: string;
  unitId: string;
  priority: number;
  /** ISO instant; the older rule wins a tie so answers do not change when a rule is added */
  createdAt: string;
}

export const LEVEL_RANK: Readonly<Record<RoutingLevel, number>> = {
  matter_community: 1,
  matter_street: 2,
  matter: 3,
  major_community: 4,
  major_street: 5,
  major: 6,
  filing_condition: 7,
  region_community: 8,
  region_street: 9,
  fallback: 10,
};

/** 2-digit major class of a 5-digit matter code (GB/T 47678.5: 2 major + 3 minor digits). */
export const majorOf = (matterCode: string): string => matterCode.slice(0, 2);

/** The level a rule's shape has, given whether its region is a community (for the admin list). */
export function shapeLevel(rule: RuleShape, regionIsCommunity: boolean): RoutingLevel {
  const where = rule.regionId === null ? '' : regionIsCommunity ? '_community' : '_street';
  if (rule.matterCode !== null) return `matter${where}` as RoutingLevel;
  if (rule.majorCode !== null) return `major${where}` as RoutingLevel;
  return rule.regionId === null ? 'fallback' : (`region${where}` as RoutingLevel);
}

/** The level at which a rule applies to the case, or null when it does not apply at all. */
export function matchLevel(rule: RuleShape, ctx: RouteContext): RoutingLevel | null {
  if (rule.matterCode !== null && rule.matterCode !== ctx.matterCode) return null;
  if (rule.majorCode !== null && rule.majorCode !== majorOf(ctx.matterCode)) return null;
  let where: '' | '_community' | '_street';
  if (rule.regionId === null) where = '';
  else if (rule.regionId === ctx.communityId) where = '_community';
  else if (rule.regionId === ctx.streetId) where = '_street';
  else return null;
  return shapeLevel(rule, where === '_community');
}

/** True when `a` should be preferred over `b` (both already matched). */
function better(a: { rank: number; rule: RankableRule }, b: { rank: number; rule: RankableRule }): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  if (a.rule.priority !== b.rule.priority) return a.rule.priority > b.rule.priority;
  if (a.rule.createdAt !== b.rule.createdAt) return a.rule.createdAt < b.rule.createdAt;
  return a.rule.id < b.rule.id;
}

export interface RankedRule {
  rule: RankableRule;
  level: RoutingLevel;
}

/** The winning rule among `rules` for the case, or null. Callers pass active rules of active units only. */
export function bestRule(rules: readonly RankableRule[], ctx: RouteContext): RankedRule | null {
  let best: { rank: number; rule: RankableRule; level: RoutingLevel } | null = null;
  for (const rule of rules) {
    const level = matchLevel(rule, ctx);
    if (level === null) continue;
    const candidate = { rank: LEVEL_RANK[level], rule, level };
    if (best === null || better(candidate, best)) best = candidate;
  }
  return best ? { rule: best.rule, level: best.level } : null;
}

/** Whether the filing condition's default unit beats the best rule (or there is no rule). */
export const filingConditionWins = (best: RankedRule | null): boolean =>
  best === null || LEVEL_RANK[best.level] > LEVEL_RANK.filing_condition;
