import { Type, type Static } from 'typebox';
import { CRS_VALUES } from '../domain/geo.ts';
import { Nullable, PageQuery, Literals } from './common.ts';

/**
 * Routing (派遣 by 处置责任分解表: docs/standards.md, "Workflow stages and roles", step 5) and duplicate detection
 * API. Rules are data: matter or major class × region → handling unit, plus one fallback rule; the server picks the
 * most specific match.
 */

/**
 * Precedence levels, most specific first (server/src/modules/routing/routing-precedence.ts). Also the `reason` of a
 * suggestion: 'filing_condition' is the default unit of the filing condition (立结案标准), not a rule.
 */
export const ROUTING_LEVELS = [
  'matter_community',
  'matter_street',
  'matter',
  'major_community',
  'major_street',
  'major',
  'filing_condition',
  'region_community',
  'region_street',
  'fallback',
] as const;
export type RoutingLevel = (typeof ROUTING_LEVELS)[number];
export const RoutingLevelSchema = Literals(ROUTING_LEVELS);

const MatterCode = Type.String({ pattern: '^[0-9]{5}$', description: '5-digit GB/T 47678.5 matter code' });
const MajorCode = Type.String({ pattern: '^[0-9]{2}$', description: '2-digit major class, e.g. 09 街面秩序类' });
const RefId = Type.String({ minLength: 1, maxLength: 64 });

export const RoutingRule = Type.Object({
  id: Type.String(),
  matterCode: Nullable(Type.String()),
  matterName: Nullable(Type.String()),
  majorCode: Nullable(Type.String()),
  majorName: Nullable(Type.String()),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  regionKind: Nullable(Type.String()),
  unitId: Type.String(),
  unitName: Type.String(),
  priority: Type.Integer({ description: 'higher wins among rules of the same level' }),
  active: Type.Boolean(),
  note: Nullable(Type.String()),
  level: RoutingLevelSchema,
  updatedAt: Type.String(),
});
export type RoutingRule = Static<typeof RoutingRule>;

const RuleFields = {
  matterCode: Nullable(MatterCode),
  majorCode: Nullable(MajorCode),
  regionId: Nullable(RefId),
  unitId: RefId,
  priority: Type.Integer({ minimum: -1000, maximum: 1000 }),
  active: Type.Boolean(),
  note: Nullable(Type.String({ maxLength: 200 })),
};

/** matter, major and region all null (or absent) = the tenant's one fallback rule. */
export const RoutingRuleCreate = Type.Object({
  matterCode: Type.Optional(RuleFields.matterCode),
  majorCode: Type.Optional(RuleFields.majorCode),
  regionId: Type.Optional(RuleFields.regionId),
  unitId: RuleFields.unitId,
  priority: Type.Optional(RuleFields.priority),
  active: Type.Optional(RuleFields.active),
  note: Type.Optional(RuleFields.note),
});
export type RoutingRuleCreate = Static<typeof RoutingRuleCreate>;

export const RoutingRuleUpdate = Type.Partial(Type.Object(RuleFields));
export type RoutingRuleUpdate = Static<typeof RoutingRuleUpdate>;

export const RoutingRuleQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    unitId: Type.Optional(RefId),
    matterCode: Type.Optional(MatterCode),
    majorCode: Type.Optional(MajorCode),
    regionId: Type.Optional(RefId),
    active: Type.Optional(Type.Boolean()),
  }),
]);
export type RoutingRuleQuery = Static<typeof RoutingRuleQuery>;
/** Sort names of the rule list; 'code' (default) orders by matter/major code, so the fallback comes first. */
export const ROUTING_RULE_SORTS = ['code', 'priority', 'updatedAt', 'unitName'] as const;

export const RoutingSuggestQuery = Type.Object({
  matterCode: MatterCode,
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  crs: Type.Optional(Literals(CRS_VALUES)),
  /** the filing condition the case would be filed with; default: the matter's first active one */
  filingConditionId: Type.Optional(RefId),
});
export type RoutingSuggestQuery = Static<typeof RoutingSuggestQuery>;

export const RoutingSuggestion = Type.Object({
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  ruleId: Nullable(Type.String()),
  /** null when nothing matched (no rule, no filing-condition unit, no fallback) */
  reason: Nullable(RoutingLevelSchema),
  filingConditionId: Nullable(Type.String()),
  streetId: Nullable(Type.String()),
  streetName: Nullable(Type.String()),
  communityId: Nullable(Type.String()),
  communityName: Nullable(Type.String()),
});
export type RoutingSuggestion = Static<typeof RoutingSuggestion>;

/** Duplicate detection: same matter or major class within the radius and ± the window of the report time. */
export const DUPLICATE_RADIUS_RANGE = { min: 5, max: 1000, default: 50 } as const;
export const DUPLICATE_WINDOW_HOURS_RANGE = { min: 1, max: 720, default: 72 } as const;

export const RoutingSettings = Type.Object({
  duplicateRadiusM: Type.Integer({
    minimum: DUPLICATE_RADIUS_RANGE.min,
    maximum: DUPLICATE_RADIUS_RANGE.max,
    description: 'metres',
  }),
  duplicateWindowHours: Type.Integer({
    minimum: DUPLICATE_WINDOW_HOURS_RANGE.min,
    maximum: DUPLICATE_WINDOW_HOURS_RANGE.max,
    description: 'hours either side of the report time',
  }),
});
export type RoutingSettings = Static<typeof RoutingSettings>;

/** A possible duplicate offered to the operator, nearest first. */
export const DuplicateCandidate = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  status: Type.String(),
  matterCode: Type.String(),
  distanceM: Type.Number(),
  reportedAt: Type.String(),
});
export type DuplicateCandidate = Static<typeof DuplicateCandidate>;
